#!/usr/bin/env node
// Entry point for `npx mirror` and `npm start`. Runs the compiled JavaScript in dist/ when it was built from the
// sources as they are (see scripts/build.js, run by `npm install`); otherwise runs the TypeScript sources through tsx,
// so an edit is never hidden by an old build and a checkout without a build still works, only slower to start.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, sourceFingerprint } from './fingerprint.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const stamp = join(root, 'dist', BUILD_STAMP);
const built = existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceFingerprint(root);
let main;
if (built && process.env.MIRROR_FROM_SOURCE !== '1') {
  // A computed address: dist/ is made by the build and is not part of the sources. The bundle (dist/bundle/, made by
  // the same build) starts sooner; without it, the compiled modules themselves.
  const bundled = new URL('../dist/bundle/main.js', import.meta.url);
  ({ main } = await import((existsSync(bundled) ? bundled : new URL('../dist/cli/main.js', import.meta.url)).href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../src/cli/main.ts'));
}
process.exitCode = await main(process.argv.slice(2));
