/**
 * Each store loads its own driver only: an import into SQLite, the embedded default, loads better-sqlite3 and never
 * PostgreSQL's driver or its COPY streams (store/database.ts and store/bulk-writes.ts load those when a store on
 * PostgreSQL is opened or copied into). What a process loaded is read from its CommonJS cache as it exits, where
 * both drivers' packages are kept however they were loaded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';

const root = join(import.meta.dirname, '..', '..');
const work = mkdtempSync(join(tmpdir(), 'mirror-store-drivers-'));
const folder = join(work, '2025');
const preload = join(work, 'loaded.cjs');

before(async () => {
  await writeSyntheticTrust(folder, { year: 2025, seed: 5, staff: 200 });
  writeFileSync(preload, `process.on('exit', () => {
  for (const file of Object.keys(require('node:module')._cache)) {
    const m = /node_modules[\\\\/]((?:@[^\\\\/]+[\\\\/])?[^\\\\/.][^\\\\/]*)[\\\\/]/.exec(file);
    if (m) process.stderr.write('LOADED ' + m[1].replace(/\\\\/g, '/') + '\\n');
  }
});
`);
});
after(() => rmSync(work, { recursive: true, force: true }));

test('an import into SQLite loads better-sqlite3 and none of PostgreSQL\'s packages', () => {
  const result = spawnSync(
    process.execPath,
    ['--require', preload, join(root, 'bin', 'mirror.js'), 'import', folder, '--org', 'RDRV', '--name', 'Driver Test NHS Trust', '--year', '2025'],
    { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '', MIRROR_DATA_DIR: join(work, 'data'), MIRROR_FROM_SOURCE: '1' } },
  );
  const loaded = new Set([...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]));
  assert.equal(result.status, 0, result.stdout + result.stderr.replace(/^LOADED .*\n/gm, ''));
  assert.match(result.stdout, /Imported Driver Test NHS Trust/);
  assert.ok(loaded.has('better-sqlite3'), `the cache shows what was loaded: ${[...loaded].join(', ')}`);
  assert.deepEqual(['pg', 'pg-pool', 'pg-protocol', 'pg-copy-streams'].filter((p) => loaded.has(p)), []);
});
