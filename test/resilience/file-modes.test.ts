/**
 * The data folder holds the database (personal data), uploads and the pseudonym key, so only the account Mirror
 * runs as may open it: a folder Mirror makes is 0700 and the database files 0600, whatever the umask; a folder or
 * file that others can read is reported at start with the chmod that fixes it.
 */
import assert from 'node:assert/strict';
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { startServer } from '../../src/web/server.ts';
import { runCli } from '../support/run-cli.ts';

const modeOf = (path: string) => (statSync(path).mode & 0o777).toString(8);
const skipOnWindows = process.platform === 'win32' ? 'file modes mean nothing on Windows' : false;

/** Runs with the loosest umask, so that only modes Mirror sets itself can pass. */
async function withUmask<T>(mask: number, body: () => Promise<T>): Promise<T> {
  const before = process.umask(mask);
  try {
    return await body();
  } finally {
    process.umask(before);
  }
}

function serverEnv(dataDir: string): Record<string, string> {
  return { MIRROR_DATA_DIR: dataDir, PORT: '0', HOST: '127.0.0.1', MIRROR_DEMO: 'off', LOG_LEVEL: 'silent' };
}

test('the server makes its data folder, uploads folder and database files private to its own account', { skip: skipOnWindows }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'mirror-modes-'));
  const dataDir = join(root, 'data');
  const said: string[] = [];
  try {
    const server = await withUmask(0, () => startServer(serverEnv(dataDir), (line) => said.push(line)));
    try {
      // A write, so the write-ahead log exists as it does in use.
      await server.store.audit.record({ userId: null, action: 'view', subject: 'modes' });
      assert.equal(modeOf(dataDir), '700');
      assert.equal(modeOf(join(dataDir, 'uploads')), '700');
      for (const file of ['mirror.sqlite', 'mirror.sqlite-wal', 'mirror.sqlite-shm', 'pseudonym.key']) {
        assert.equal(modeOf(join(dataDir, file)), '600', file);
      }
      assert.deepEqual(said.filter((line) => line.includes('chmod')), []);
    } finally {
      await server.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});

test('mirror import makes a new data folder and database private to its own account', { skip: skipOnWindows }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'mirror-modes-cli-'));
  const dataDir = join(root, 'data');
  const previous = process.env['MIRROR_DATA_DIR'];
  try {
    await writeSyntheticTrust(join(root, '2025'), { year: 2025, seed: 1, staff: 60 });
    process.env['MIRROR_DATA_DIR'] = dataDir;
    const result = await withUmask(0, () => runCli('import', join(root, '2025'), '--org', 'RXX', '--name', 'Test NHS Trust', '--year', '2025'));
    assert.equal(result.code, 0, result.stderr);
    assert.equal(modeOf(dataDir), '700');
    // The write-ahead log and shared memory files are gone once the command has closed the database.
    for (const file of ['mirror.sqlite', 'pseudonym.key']) assert.equal(modeOf(join(dataDir, file)), '600', file);
  } finally {
    if (previous === undefined) delete process.env['MIRROR_DATA_DIR'];
    else process.env['MIRROR_DATA_DIR'] = previous;
    rmSync(root, { recursive: true, force: true });
  }
});

test('at start the server warns of a data folder or database others can read, naming the path and the chmod', { skip: skipOnWindows }, async () => {
  const root = mkdtempSync(join(tmpdir(), 'mirror-loose-'));
  const dataDir = join(root, 'data');
  mkdirSync(dataDir);
  chmodSync(dataDir, 0o755);
  const database = join(dataDir, 'mirror.sqlite');
  writeFileSync(database, '');
  chmodSync(database, 0o644);
  const said: string[] = [];
  try {
    const server = await startServer(serverEnv(dataDir), (line) => said.push(line));
    await server.close();
    const warnings = said.filter((line) => line.startsWith('Warning:'));
    assert.ok(warnings.some((line) => line.includes(dataDir) && line.includes('755') && line.includes(`chmod 700 '${dataDir}'`)), said.join('\n'));
    assert.ok(warnings.some((line) => line.includes(database) && line.includes('644') && line.includes(`chmod 600 '${database}'`)), said.join('\n'));
    // An operator's own folder is reported, not changed behind their back.
    assert.equal(modeOf(dataDir), '755');
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
