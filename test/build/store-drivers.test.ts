/**
 * A process loads the packages its work needs only. Each store loads its own driver: an import into SQLite, the
 * embedded default, loads better-sqlite3 and never PostgreSQL's driver or its COPY streams (store/database.ts and
 * store/bulk-writes.ts load those when a store on PostgreSQL is opened or copied into). A folder of CSV files is read
 * without the zip reader that workbooks need (ingest/read-table.ts loads it for a workbook). What a process loaded
 * is read from its CommonJS cache as it exits, where these packages are kept however they were loaded.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import ExcelJS from 'exceljs';
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

test('reading a folder of CSV files loads no zip reader; a workbook in it does', async () => {
  const run = (target: string) => {
    const result = spawnSync(process.execPath, ['--require', preload, join(root, 'bin', 'mirror.js'), 'wres', target, '--year', '2025'], {
      cwd: root, encoding: 'utf8', env: { ...process.env, MIRROR_FROM_SOURCE: '1' },
    });
    assert.equal(result.status, 0, result.stdout + result.stderr.replace(/^LOADED .*\n/gm, ''));
    return new Set([...result.stderr.matchAll(/^LOADED (\S+)$/gm)].map((m) => m[1]));
  };
  assert.equal(run(folder).has('yauzl'), false);
  // The same folder with its board as a workbook: the check does see the zip reader when one is read.
  const withWorkbook = join(work, 'with-workbook', '2025');
  cpSync(folder, withWorkbook, { recursive: true });
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Board');
  for (const line of readFileSync(join(folder, 'board.csv'), 'utf8').trim().split(/\r?\n/)) sheet.addRow(line.split(','));
  await workbook.xlsx.writeFile(join(withWorkbook, 'board.xlsx'));
  rmSync(join(withWorkbook, 'board.csv'));
  assert.equal(run(withWorkbook).has('yauzl'), true);
});
