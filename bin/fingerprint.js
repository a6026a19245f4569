// What a build of dist/ was made from: every file under src/ with its size and modification time, and the build's
// settings. Cheap enough to check on every start (a few hundred stat calls). Shared by scripts/build.js and bin/mirror.js.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const BUILD_STAMP = '.build-stamp';

/** Every file under a folder, sorted. */
export function sourceFiles(folder) {
  const found = [];
  const walk = (dir) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else found.push(path);
    }
  };
  walk(folder);
  return found.sort();
}

export function sourceFingerprint(root) {
  const parts = [];
  for (const file of [...sourceFiles(join(root, 'src')), join(root, 'tsconfig.json'), join(root, 'tsconfig.build.json')]) {
    const stat = statSync(file);
    parts.push(`${file.slice(root.length)}:${stat.size}:${Math.trunc(stat.mtimeMs)}`);
  }
  return parts.join('\n');
}
