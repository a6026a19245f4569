import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { openDatabase } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import { testEachDialect } from './each-dialect.ts';
import { pseudonymiser } from '../../src/services/pseudonym.ts';
import { storedRecordsOf, toStoredRecords } from '../../src/services/stored-records.ts';
import { recordCount, recordsCsv, writeRecords } from '../../src/store/import-records.ts';
import * as b from '../support/builders.ts';
import { ORGANISATION, sampleDataset, sampleImport, TEST_KEY } from './fixtures.ts';

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
  // Beyond ASCII (two, three and four bytes of UTF-8, quotes among them), and one longer than a piece's first buffer.
  const awkward = ['Smith, "J"', '', 'two\nlines', 'back\\slash', '\\N', 'tab\there', 'Caf\u00e9 "Ward" \u2713', '\u{1F469}\u{1F3FE} team', `"${'\u00e9"'.repeat(40_000)}`];
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

testEachDialect('records made only as they are written are stored as the same records given whole, by every way of writing', async ({ config }) => {
  const opened = openDatabase(config);
  const store = new KyselyStore(opened);
  try {
    await store.migrate();
    const sample = sampleImport(2025);
    const read = sampleDataset(2025);
    const dataset = {
      ...read,
      capability: [b.capability('K1', 'W003', '2024-11-01', 'yes'), b.capability('K2', 'M004', '2024-12-01')],
      wdesSurvey: [b.wdesSurvey('4b', 'disabled', 30, 9), b.wdesSurvey('9a', 'nonDisabled', 40, null, 7.1)],
      wdesNarrative: { answer: true, text: 'Our network met monthly.', file: 'wdes_9b.txt' },
    };
    const whole = toStoredRecords(dataset, pseudonymiser(TEST_KEY, ORGANISATION.code));
    const asked = storedRecordsOf(dataset, pseudonymiser(TEST_KEY, ORGANISATION.code));
    assert.equal(asked.staff.length, whole.staff.length);
    assert.ok(whole.capability.length > 0 && whole.wdesSurvey.length > 0 && whole.narrative);
    const first = await store.imports.create({ ...sample, records: whole });
    const second = await store.imports.create({ ...sample, records: asked });
    const expected = await store.imports.records(first.id);
    assert.deepEqual(expected, whole);
    assert.deepEqual(await store.imports.records(second.id), expected);
    // The multi-row INSERTs used where neither COPY nor SQLite's own connection is at hand write the same.
    const third = await store.imports.create({ ...sample, records: whole });
    await opened.db.deleteFrom('staff_records').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('application_records').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('disciplinary_records').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('training_records').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('board_records').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('survey_results').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('capability_records').where('import_version_id', '=', third.id).execute();
    await opened.db.deleteFrom('wdes_survey_results').where('import_version_id', '=', third.id).execute();
    let written = 0;
    await opened.db.transaction().execute((trx) => writeRecords(trx, third.id, asked, { maxRows: 3, maxParameters: 999 }, (n) => (written += n)));
    assert.equal(written, recordCount(asked));
    assert.deepEqual(await store.imports.records(third.id), expected);
  } finally {
    await store.close();
  }
});

testEachDialect('an import written as it is read whose rows stop coming mid-table writes nothing, and the store goes on', async ({ store }) => {
  if (!store.imports.copiesRecords) {
    await assert.rejects(store.imports.createStreamed(sampleImport(2025), async () => assert.fail('nothing is read')), /Only an import into PostgreSQL/);
    return;
  }
  const sample = sampleImport(2025);
  await assert.rejects(store.imports.createStreamed(sample, async (id, copier) => {
    async function* pieces() {
      yield { bytes: recordsCsv('staff', id, sample.records.staff), rows: sample.records.staff.length };
      throw new Error('the reading stopped');
    }
    await copier.copy('staff', pieces());
    return { sources: [], notes: [], narrative: null, standardCounts: {} };
  }), /the reading stopped/);
  assert.deepEqual(await store.organisations.all(), []);
  assert.deepEqual(await store.db.selectFrom('staff_records').select('id').execute(), []);
  const version = await store.imports.create(sample);
  assert.equal((await store.imports.records(version.id)).staff.length, sample.records.staff.length);
});

testEachDialect('on SQLite staff rows go in in their pseudonyms\' order (for the index) and come back in their file\'s order', async ({ store }) => {
  const sample = sampleImport(2025);
  const model = sample.records.staff[0];
  assert.ok(model);
  // The file's order is not the pseudonyms' order: p0, p1, p10, p100, p11, …
  const staff = Array.from({ length: 101 }, (_, i) => ({ ...model, pseudonym: `p${i}`, sourceRow: i + 2 }));
  const version = await store.imports.create({ ...sample, records: { ...sample.records, staff } });
  const byId = await store.db.selectFrom('staff_records').select('pseudonym').where('import_version_id', '=', version.id).orderBy('id').execute();
  const written = byId.map((r) => r.pseudonym);
  const inFileOrder = staff.map((r) => r.pseudonym);
  assert.deepEqual(written, store.dialect === 'sqlite' ? [...inFileOrder].sort() : inFileOrder);
  assert.deepEqual((await store.imports.records(version.id)).staff.map((r) => r.pseudonym), inFileOrder);
});
