import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sql } from 'kysely';
import { openDatabase, SQLITE_IN_MEMORY } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';

test('SQLite keeps a prepared statement per query and prepares it again only when it is new or too long to keep', async () => {
  const opened = openDatabase({ dialect: 'sqlite', file: SQLITE_IN_MEMORY });
  const store = new KyselyStore(opened);
  try {
    await store.migrate();
    const sqlite = opened.sqlite!;
    const prepared: string[] = [];
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((source: string) => {
      prepared.push(source);
      return prepare(source);
    }) as typeof sqlite.prepare;

    const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
    const other = await store.users.create({ email: 'b@trust.nhs.uk', displayName: 'B', administrator: false });
    assert.equal(prepared.length, 1, 'the same INSERT twice is prepared once');
    assert.deepEqual([await store.users.byId(user.id), await store.users.byId(other.id), await store.users.byId(9)], [user, other, null]);
    assert.equal(prepared.length, 2, 'and the same SELECT three times once, each answer its own');
    await store.users.setActive(user.id, false);
    await store.users.setActive(user.id, true);
    assert.equal((await store.users.byId(user.id))?.active, true);
    assert.equal(prepared.length, 3);

    // A streamed query gets its own statement every time, as it stays open while it is read.
    for (let i = 0; i < 2; i++) {
      const rows = [];
      for await (const row of store.db.selectFrom('users').select('email').orderBy('id').stream()) rows.push(row.email);
      assert.deepEqual(rows, ['a@trust.nhs.uk', 'b@trust.nhs.uk']);
    }
    assert.equal(prepared.length, 5);

    // Long SQL (an import's multi-row INSERT, say) is not kept.
    const long = sql<{ n: number }>`select ${sql.raw(`1${' '.repeat(5000)}`)} as n`;
    assert.deepEqual((await long.execute(store.db)).rows, [{ n: 1 }]);
    assert.deepEqual((await long.execute(store.db)).rows, [{ n: 1 }]);
    assert.equal(prepared.length, 7);
  } finally {
    await store.close();
  }
});
