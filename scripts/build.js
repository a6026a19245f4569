#!/usr/bin/env node
// Compiles src/ to dist/ (JavaScript, so `npx mirror` and `npm start` start without compiling TypeScript at run
// time) and copies what the compiled code reads beside it: templates, static files and the worker entries. Run by
// `npm install` (the "prepare" script) and by `npm start`; with --if-stale it does nothing when dist/ was built from
// the sources as they are now. bin/mirror.js uses dist/ only when it matches the sources, and otherwise runs them
// through tsx, so an edited source is never run from an old build.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { BUILD_STAMP, sourceFingerprint, sourceFiles } from '../bin/fingerprint.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(root, 'src');
// --out <folder> builds elsewhere (the build's own test does, so as not to replace dist/ while other tests run it).
const outAt = process.argv.indexOf('--out');
const dist = outAt > 0 && process.argv[outAt + 1] ? process.argv[outAt + 1] : join(root, 'dist');
const COPIED = /\.(njk|mjs|css|js)$/;
/** The modules bundled (each an output of its own name in dist/bundle/): the command line, and each thread's. */
const BUNDLED_ENTRIES = [
  'cli/main.js',
  'ingest/count-apart-worker.js',
  'ingest/lazy-xlsx-worker.js',
  'services/import-read-worker.js',
  'services/import-worker.js',
  'services/demo-peers-worker.js',
  'web/charts/chart-worker.js',
];

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
const bundled = await bundle(dist);
writeFileSync(join(dist, BUILD_STAMP), sourceFingerprint(root));
console.log(`Built ${relative(root, dist) || dist} from src/ in ${((Date.now() - started) / 1000).toFixed(1)} s (${copied} templates and static files copied; ${bundled}).`);

/**
 * The command line and the reading threads' modules, bundled into dist/bundle/ by esbuild (ADR 0014): Node then
 * loads a few files rather than about 150 modules, each resolved, read and linked on its own (about 60 ms of every
 * start). Every module's `import.meta.url` is rewritten to the URL of its own file in dist/, so templates, static
 * files, worker entries and package.json are found exactly as from the unbundled build; every output sits in one
 * folder, so that URL is the same from whichever output the module lands in. Packages stay outside (node_modules).
 * Without esbuild, or if bundling fails, dist/ alone is run, as before.
 */
async function bundle(folder) {
  const out = join(folder, 'bundle');
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    return 'not bundled: esbuild is not installed';
  }
  const ownUrl = {
    name: 'own-import-meta-url',
    setup(build) {
      // The sources' fingerprint (code-stamp.ts) is bin/fingerprint.js, two folders above the compiled module in dist/
      // but not above one built elsewhere (--out): bundled from where it is.
      build.onResolve({ filter: /\/bin\/fingerprint\.js$/ }, () => ({ path: join(root, 'bin', 'fingerprint.js') }));
      build.onLoad({ filter: /\.m?js$/ }, (args) => {
        const text = readFileSync(args.path, 'utf8');
        const from = relative(out, args.path).split(sep).join('/');
        return { contents: text.replaceAll('import.meta.url', `new URL(${JSON.stringify(from)}, import.meta.url).href`), loader: 'js' };
      });
    },
  };
  try {
    await esbuild.build({
      entryPoints: BUNDLED_ENTRIES.map((entry) => join(folder, entry)),
      outdir: out,
      entryNames: '[name]',
      chunkNames: '[name]-[hash]',
      bundle: true,
      splitting: true,
      format: 'esm',
      platform: 'node',
      target: 'node20',
      packages: 'external',
      plugins: [ownUrl],
      logLevel: 'error',
    });
  } catch (error) {
    rmSync(out, { recursive: true, force: true });
    console.error(`Bundling failed; dist/ runs unbundled: ${error instanceof Error ? error.message : error}`);
    return 'not bundled';
  }
  return `bundled into ${relative(root, out) || out}`;
}
