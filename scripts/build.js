#!/usr/bin/env node
// Compiles src/ to dist/ (JavaScript, so `npx mirror` and `npm start` start without compiling TypeScript at run
// time) and copies what the compiled code reads beside it: templates, static files and the worker entries. Run by
// `npm install` (the "prepare" script) and by `npm start`; with --if-stale it does nothing when dist/ was built from
// the sources as they are now. bin/mirror.js uses dist/ only when it matches the sources, and otherwise runs them
// through tsx, so an edited source is never run from an old build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, sourceFingerprint, sourceFiles } from '../bin/fingerprint.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
// --out <folder> builds elsewhere (the build's own test does, so as not to replace dist/ while other tests run it).
const outAt = process.argv.indexOf('--out');
const dist = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : join(root, 'dist');
const COPIED = /\.(njk|mjs|css|js)$/;

if (process.argv.includes('--if-stale') && existsSync(join(dist, BUILD_STAMP))) {
  if (readFileSync(join(dist, BUILD_STAMP), 'utf8') === sourceFingerprint(root)) process.exit(0);
}

const started = Date.now();
rmSync(dist, { recursive: true, force: true });
const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--outDir', dist], { stdio: 'inherit' });
if (result.status !== 0) {
  rmSync(dist, { recursive: true, force: true });
  console.error('Build failed: dist/ removed, so `npx mirror` runs the TypeScript sources instead.');
  process.exit(result.status ?? 1);
}
let copied = 0;
for (const file of sourceFiles(src)) {
  if (!COPIED.test(file) || file.split(/[\\/]/).includes('fixtures')) continue;
  const target = join(dist, relative(src, file));
  mkdirSync(dirname(target), { recursive: true });
  copyFileSync(file, target);
  copied += 1;
}
writeFileSync(join(dist, BUILD_STAMP), sourceFingerprint(root));
console.log(`Built ${relative(root, dist) || dist} from src/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${copied} templates and static files copied).`);
