/**
 * The compiled build (scripts/build.js, run by `npm install`): it builds, the command line it gives answers as the
 * sources do, `mirror --help` and a command reading files load none of the web server, the database drivers or the
 * Excel library, and bin/mirror.js uses a build only when it was made from the sources as they are.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { sourceFingerprint } from '../../bin/fingerprint.js';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';

const root = join(import.meta.dirname, '..', '..');
// Inside the repository, so the build's imports resolve to its node_modules; never dist/, which other tests may run.
const out = join(root, 'node_modules', '.cache', `mirror-build-test-${process.pid}`);
const HEAVY = ['fastify', 'exceljs', 'kysely', 'pg', 'better-sqlite3', '@observablehq/plot', 'linkedom', 'nunjucks', 'libsodium-wrappers', '@node-rs/argon2', 'nodemailer'];

/** Runs the built command line in a fresh process; returns its output and every package it loaded. */
function runBuilt(args: readonly string[]): { status: number | null; stdout: string; packages: Set<string> } {
  const hooks = `data:text/javascript,${encodeURIComponent(`export async function resolve(s, c, next) { const r = await next(s, c); const m = /node_modules\\/((?:@[^/]+\\/)?[^/.][^/]*)/.exec(r.url.replace(/^.*node_modules\\/\\.cache\\/[^/]+\\//, '')); if (m) process.stderr.write('LOADED ' + m[1] + '\\n'); return r; }`)}`;
  const script = `import { register } from 'node:module'; register(${JSON.stringify(hooks)}); const { main } = await import(${JSON.stringify(pathToFileURL(join(out, 'cli', 'main.js')).href)}); process.exitCode = await main(${JSON.stringify(args)});`;
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const packages = new Set([...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]!));
  return { status: result.status, stdout: result.stdout, packages };
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
