/**
 * The compiled build (scripts/build.js, run by `npm install`): it builds, the command line it gives answers as the
 * sources do, `mirror --help` and a command reading files load none of the web server, the database drivers or the
 * Excel library, and bin/mirror.js uses a build only when it was made from the sources as they are.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { sourceFingerprint } from '../../bin/fingerprint.js';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';

const root = join(import.meta.dirname, '..', '..');
// Beside dist/, so the build's imports resolve to the repository's node_modules and it finds docs/ and bin/ where dist/
// does; never dist/ itself, which other tests may run.
const out = join(root, `.build-test-${process.pid}`);
const HEAVY = ['fastify', 'exceljs', 'kysely', 'pg', 'better-sqlite3', '@observablehq/plot', 'linkedom', 'nunjucks', 'libsodium-wrappers', '@node-rs/argon2', 'nodemailer'];

/**
 * Runs the built command line in a fresh process, as bin/mirror.js does (the bundle, dist/bundle/main.js; or, with
 * `entry`, another of the build's modules); returns its output, what it wrote to stderr and every package it loaded.
 */
function runBuilt(
  args: readonly string[], entry = join('bundle', 'main.js'), env: NodeJS.ProcessEnv = process.env,
): { status: number | null; stdout: string; stderr: string; packages: Set<string> } {
  const hooks = `data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, next) { const r = await next(s, c); const m = /node_modules\\/((?:@[^/]+\\/)?[^/.][^/]*)/.exec(r.url); if (m) process.stderr.write('LOADED ' + m[1] + '\\n'); return r; }`)}`;
  const script = `import { register } from 'node:module'; register(${JSON.stringify(hooks)}); const { main } = await import(${JSON.stringify(pathToFileURL(join(out, entry)).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  const packages = new Set([...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!));
  return { status: result.status, stdout: result.stdout, stderr: result.stderr, packages };
}

function runSource(args: readonly string[]): { status: number | null; stdout: string } {
  const result = spawnSync(process.execPath, [join(root, 'bin', 'mirror.js'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, MIRROR_FROM_SOURCE: '1' }, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout };
}

describe('the compiled build', () => {
  const work = mkdtempSync(join(tmpdir(), 'mirror-build-'));
  before(async () => {
    const built = spawnSync(process.execPath, [join(root, 'scripts', 'build.js'), '--out', out], { cwd: root, encoding: 'utf8' });
    assert.equal(built.status, 0, built.stdout + built.stderr);
    await writeSyntheticTrust(join(work, '2025'), { year: 2025, seed: 3, staff: 300 });
    // An applications file over count-apart.ts's 4 MiB, so that it is counted on a thread of its own.
    await writeSyntheticTrust(join(work, 'apart', '2025'), { year: 2025, seed: 4, staff: 300, applications: 50_000 });
  });
  after(() => {
    rmSync(out, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
  });

  test('mirror --help from the build is the sources\' help, and loads none of the heavy packages', () => {
    const built = runBuilt(['--help']);
    assert.equal(built.status, 0);
    assert.equal(built.stdout, runSource(['--help']).stdout);
    assert.match(built.stdout, /serve/);
    assert.ok(built.packages.has('commander'), `the hook saw what was loaded: ${[...built.packages].join(', ')}`);
    assert.deepEqual(HEAVY.filter((p) => built.packages.has(p)), []);
  });

  test('mirror wres from the build gives the sources\' figures, reading CSV files without the web, the store or Excel', () => {
    const args = ['wres', join(work, '2025'), '--year', '2025', '--format', 'json'];
    const built = runBuilt(args);
    assert.equal(built.status, 0);
    assert.deepEqual(JSON.parse(built.stdout), JSON.parse(runSource(args).stdout));
    assert.deepEqual(HEAVY.filter((p) => built.packages.has(p)), []);
  });

  test('the modules unbundled (dist/ without dist/bundle/) give the same help and figures', () => {
    const unbundled = join('cli', 'main.js');
    assert.equal(runBuilt(['--help'], unbundled).stdout, runSource(['--help']).stdout);
    const args = ['wres', join(work, '2025'), '--year', '2025', '--format', 'json'];
    assert.deepEqual(JSON.parse(runBuilt(args, unbundled).stdout), JSON.parse(runSource(args).stdout));
  });

  test('a file counted on its own thread is counted by the bundled worker, with the sources\' figures', () => {
    const args = ['wres', join(work, 'apart', '2025'), '--year', '2025', '--format', 'json'];
    // NODE_DEBUG=esm has each thread name the modules it loads: the worker's entry must have found the bundle.
    const built = runBuilt(args, join('bundle', 'main.js'), { ...process.env, NODE_DEBUG: 'esm' });
    assert.equal(built.status, 0, built.stderr.slice(-2000));
    assert.match(built.stderr, /ingest\/count-apart-worker-entry\.mjs/);
    assert.match(built.stderr, /bundle\/count-apart-worker\.js/);
    assert.deepEqual(JSON.parse(built.stdout), JSON.parse(runSource(args).stdout));
  });

  test('the bundled web application finds its templates, static files and documents where the build put them', async () => {
    const data = mkdtempSync(join(tmpdir(), 'mirror-build-serve-'));
    const script = `const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'bundle', 'main.js')).href)}); process.exitCode = await main(['serve']);`;
    const server = spawn(process.execPath, ['--input-type=module', '-e', script], {
      cwd: root, env: { ...process.env, PORT: '0', HOST: '127.0.0.1', MIRROR_DATA_DIR: data, MIRROR_DEMO: 'on', MIRROR_DEMO_REGION: '0', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    try {
      const url = await new Promise<string>((resolve, reject) => {
        let printed = '';
        server.stdout.setEncoding('utf8').on('data', (text: string) => {
          printed += text;
          const found = /Mirror is running at (http:\/\/\S+)/.exec(printed);
          if (found) resolve(found[1]!);
        });
        server.on('exit', (code) => reject(new Error(`the server stopped (${code}): ${printed}`)));
      });
      for (const [path, expected] of [['/healthz', null], ['/methodology', /<h1[^>]*>/], ['/static/mirror.css', null], ['/assets/nhsuk-frontend.css', null]] as const) {
        const response = await fetch(url + path);
        assert.equal(response.status, 200, path);
        const body = await response.text();
        assert.ok(body.length > 0, path);
        if (expected) assert.match(body, expected, path);
      }
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.once('close', resolve));
      rmSync(data, { recursive: true, force: true });
    }
  });
});

describe('which build bin/mirror.js trusts', () => {
  test('the fingerprint changes when a source file changes, is added or the build settings change', () => {
    const fake = mkdtempSync(join(tmpdir(), 'mirror-fingerprint-'));
    try {
      mkdirSync(join(fake, 'src', 'core'), { recursive: true });
      writeFileSync(join(fake, 'src', 'core', 'a.ts'), 'export const a = 1;\n');
      writeFileSync(join(fake, 'tsconfig.json'), '{}');
      writeFileSync(join(fake, 'tsconfig.build.json'), '{}');
      const first = sourceFingerprint(fake);
      assert.equal(sourceFingerprint(fake), first, 'the same sources, the same fingerprint');
      writeFileSync(join(fake, 'src', 'core', 'a.ts'), 'export const a = 2;\n');
      utimesSync(join(fake, 'src', 'core', 'a.ts'), new Date(2020, 0, 1), new Date(2020, 0, 1));
      const edited = sourceFingerprint(fake);
      assert.notEqual(edited, first);
      writeFileSync(join(fake, 'src', 'core', 'b.njk'), 'x');
      assert.notEqual(sourceFingerprint(fake), edited);
      const added = sourceFingerprint(fake);
      writeFileSync(join(fake, 'tsconfig.build.json'), '{"compilerOptions":{}}');
      assert.notEqual(sourceFingerprint(fake), added);
    } finally {
      rmSync(fake, { recursive: true, force: true });
    }
  });
});
