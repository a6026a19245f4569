import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { testEachDialect } from './each-dialect.ts';
import { sampleImport } from './fixtures.ts';

testEachDialect('an import\'s bulk writes reach its own transaction: COPY\'s connection on PostgreSQL, the one connection on SQLite', async ({ config }) => {
  const opened = openDatabase(config);
  const store = new KyselyStore(opened);
  try {
    await store.migrate();
    if (config.dialect === 'sqlite') {
      assert.equal(opened.connections, undefined);
      const sqlite = opened.sqlite;
      assert.ok(sqlite);
      // A statement run on the raw connection inside a Kysely transaction is part of it: rolled back with it.
      await assert.rejects(
        opened.db.transaction().execute(async (trx) => {
          await sql`create table probe (n integer)`.execute(trx);
          sqlite.prepare('insert into probe values (?)').run(7);
          assert.deepEqual((await sql<{ n: number }>`select n from probe`.execute(trx)).rows, [{ n: 7 }]);
          throw new Error('roll back');
        }),
        /roll back/,
      );
      assert.deepEqual(sqlite.prepare("select count(*) as n from sqlite_master where name = 'probe'").get(), { n: 0 });
      return;
    }
    assert.equal(opened.sqlite, undefined);
    assert.ok(opened.connections);
    await opened.db.transaction().execute(async (trx) => {
      const client = await opened.connections?.of(trx);
      assert.ok(client, 'the transaction\'s connection is one of the pool\'s');
      // The same session: what the transaction has written but not committed, the connection sees.
      await sql`create temporary table copy_probe (n integer)`.execute(trx);
      await sql`insert into copy_probe values (7)`.execute(trx);
      const seen = await client.query('select n from copy_probe');
      assert.deepEqual(seen.rows, [{ n: 7 }]);
    });
  } finally {
    await store.close();
  }
});

testEachDialect('texts that CSV must quote, empty texts and nulls are written and read back exactly', async ({ store }) => {
  const sample = sampleImport(2025);
  const awkward = ['Smith, "J"', '', 'two\nlines', 'back\\slash', '\\N', 'tab\there'];
  const staff = sample.records.staff.map((r, i) => ({ ...r, directorate: awkward[i % awkward.length] ?? null, gender: i % 2 ? null : r.gender }));
  const version = await store.imports.create({ ...sample, records: { ...sample.records, staff } });
  const read = await store.imports.records(version.id);
  assert.deepEqual(read.staff.map((r) => [r.directorate, r.gender]), staff.map((r) => [r.directorate, r.gender]));
});

testEachDialect('a table of more rows than one statement takes, and some left over, is written whole and in order', async ({ store }) => {
  const sample = sampleImport(2025);
  const model = sample.records.staff[0];
  assert.ok(model);
  // SQLite writes 32 rows a statement: 101 rows are three statements and 5 rows left over.
  const staff = Array.from({ length: 101 }, (_, i) => ({ ...model, pseudonym: `p${i}`, sourceRow: i + 2, fte: i / 100 }));
  const version = await store.imports.create({ ...sample, records: { ...sample.records, staff } });
  const read = await store.imports.records(version.id);
  assert.deepEqual(read.staff.map((r) => [r.pseudonym, r.sourceRow, r.fte]), staff.map((r) => [r.pseudonym, r.sourceRow, r.fte]));
});
