import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { sql } from 'kysely';
import { createStore, storeConfigFromEnv } from '../../src/store/create-store.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';

test('DATABASE_URL chooses PostgreSQL; otherwise SQLite in the data folder', () => {
  assert.deepEqual(storeConfigFromEnv({ DATABASE_URL: 'postgres://u@h/db' }), { dialect: 'postgres', connectionString: 'postgres://u@h/db' });
  assert.deepEqual(storeConfigFromEnv({ MIRROR_DATA_DIR: '/srv/mirror' }), { dialect: 'sqlite', file: '/srv/mirror/mirror.sqlite' });
  assert.deepEqual(storeConfigFromEnv({ DATABASE_URL: ' ' }), { dialect: 'sqlite', file: resolve('data', 'mirror.sqlite') });
});

test('the SQLite store makes its folder and file, in WAL mode with foreign keys enforced', async (t) => {
  const folder = await mkdtemp(join(tmpdir(), 'mirror-sqlite-'));
  t.after(() => rmSync(folder, { recursive: true, force: true }));
  const dataDir = join(folder, 'data');
  const store = createStore(storeConfigFromEnv({ MIRROR_DATA_DIR: dataDir })) as KyselyStore;
  try {
    await store.migrate();
    assert.ok(existsSync(join(dataDir, 'mirror.sqlite')));
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(store.db);
    assert.equal(mode.rows[0]?.journal_mode, 'wal');
    await assert.rejects(store.users.setMembership(1, 1, 'viewer'), /FOREIGN KEY/);
  } finally {
    await store.close();
  }
});
