/**
 * Which code is running, for what is worked out once and kept in the store (the regional view's figures,
 * features/regions/stored-figures.ts): kept figures name the code that worked them out, so a release, or any change
 * to the sources, works them out again rather than serving what older code made. The stamp is the sources'
 * fingerprint (every file under src/ with its size and time, bin/fingerprint.js): written into dist/ by the build
 * when Mirror runs compiled, worked out from src/ when it runs from the sources, the same text either way.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHash } from 'node:crypto';
import { BUILD_STAMP, sourceFingerprint } from '../../bin/fingerprint.js';

let stamp: string | null = null;

/** A digest of the running code's sources; worked out once a process. */
export function codeStamp(): string {
  if (stamp !== null) return stamp;
  const here = dirname(fileURLToPath(import.meta.url));
  const root = join(here, '..', '..');
  const built = join(root, 'dist', BUILD_STAMP);
  const compiled = here.startsWith(join(root, 'dist'));
  const text = compiled && existsSync(built) ? readFileSync(built, 'utf8') : existsSync(join(root, 'src')) ? sourceFingerprint(root) : 'unknown code';
  stamp = createHash('sha256').update(text).digest('base64url');
  return stamp;
}

/**
 * The application's name and version, from the package.json two folders up (from src/services/ or dist/services/),
 * or 'unknown build' in a copy laid out otherwise: what a release is called, in validators and kept results.
 */
export const BUILD = (() => {
  try {
    const { name, version } = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
    return `${name}@${version}`;
  } catch {
    return 'unknown build';
  }
})();
