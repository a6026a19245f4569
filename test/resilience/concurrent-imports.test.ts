/**
 * Two `mirror import` commands at once, as two people or two scheduled jobs would run them: each is its own
 * process, on the same store. The second waits its turn, says so, and both imports are kept as consecutive versions.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { openDatabase, type StoreConfig } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { createTestDatabase, DIALECTS } from '../store/each-dialect.ts';
import { runMirror, startMirror } from '../support/child-mirror.ts';

const YEAR = 2025;
const KEY = 'ab'.repeat(32);
const WAITING = 'Waiting for another import to finish…';

function importArgs(folder: string): string[] {
  return ['import', folder, '--org', 'RXX', '--name', 'Test NHS Trust', '--year', String(YEAR)];
}

function envFor(config: StoreConfig, dataDir: string): Record<string, string> {
  const base = { MIRROR_DATA_DIR: dataDir, MIRROR_PSEUDONYM_KEY: KEY };
  return config.dialect === 'postgres' ? { ...base, DATABASE_URL: config.connectionString } : base;
}

async function versionsIn(config: StoreConfig): Promise<{ version: number; current: boolean }[]> {
  const store = new KyselyStore(openDatabase(config));
  try {
    const organisation = await store.organisations.byCode('RXX');
    assert.ok(organisation, 'the organisation was imported');
    return (await store.imports.history(organisation.id, YEAR)).map((v) => ({ version: v.version, current: v.current }));
  } finally {
    await store.close();
  }
}

for (const dialect of DIALECTS) {
  test(`two import commands at once both succeed, as versions 1 and 2 [${dialect}]`, async (t) => {
    const database = await createTestDatabase(dialect, t);
    if (!database) return;
    const root = await mkdtemp(join(tmpdir(), 'mirror-two-imports-'));
    try {
      const folder = join(root, String(YEAR));
      await writeSyntheticTrust(folder, { year: YEAR, seed: 1, staff: 1500 });
      const dataDir = database.config.dialect === 'sqlite' ? dirname(database.config.file) : join(root, 'data');
      const env = envFor(database.config, dataDir);

      const results = await Promise.all([runMirror(importArgs(folder), env), runMirror(importArgs(folder), env)]);
      for (const result of results) assert.equal(result.code, 0, `${result.stdout}${result.stderr}`);
      const said = results.map((r) => /version (\d+)/.exec(r.stdout)?.[1]).sort();
      assert.deepEqual(said, ['1', '2']);
      assert.deepEqual(await versionsIn(database.config), [{ version: 2, current: true }, { version: 1, current: false }]);
    } finally {
      await database.drop();
      await rm(root, { recursive: true, force: true });
    }
  });
}

test('an import finding the SQLite database held by another writer says it is waiting, waits its turn and succeeds', async (t) => {
  const database = await createTestDatabase('sqlite', t);
  if (database?.config.dialect !== 'sqlite') return;
  const root = await mkdtemp(join(tmpdir(), 'mirror-wait-import-'));
  try {
    const folder = join(root, String(YEAR));
    await writeSyntheticTrust(folder, { year: YEAR, seed: 1, staff: 100 });
    const env = envFor(database.config, dirname(database.config.file));
    // A first import makes the schema, so the held lock below is all the second has to wait for.
    assert.equal((await runMirror(importArgs(folder), env)).code, 0);

    // Another writer holds the database for longer than an ordinary statement waits (5 seconds).
    const holder = new SqliteDatabase(database.config.file);
    holder.exec('begin immediate');
    const running = startMirror(importArgs(folder), env);
    try {
      for (const started = Date.now(); !running.stderr().includes(WAITING) && !running.ended() && Date.now() - started < 60_000;) await sleep(50);
      if (running.ended()) assert.fail(`the import ended instead of waiting: ${JSON.stringify(await running.done)}`);
      assert.ok(running.stderr().includes(WAITING), running.stderr());
      await sleep(6000);
      if (running.ended()) assert.fail(`the import gave up waiting: ${JSON.stringify(await running.done)}`);
    } finally {
      holder.exec('commit');
      holder.close();
    }

    const result = await running.done;
    assert.equal(result.code, 0, `${result.stdout}${result.stderr}`);
    assert.ok(result.stderr.includes(WAITING), result.stderr);
    assert.equal(result.stderr.split(WAITING).length - 1, 1, 'said once');
    assert.match(result.stdout, /version 2/);
  } finally {
    await database.drop();
    await rm(root, { recursive: true, force: true });
  }
});
