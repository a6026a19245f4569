/**
 * Each record names its import version, and the database holds it to that on both stores (migration 0018): on SQLite
 * by foreign keys, on PostgreSQL by statement-level triggers checking each statement's rows at once. A row naming no
 * version is refused with the whole statement, a version cannot be deleted while a transaction adds its records, and
 * deleting a version, or its organisation, deletes its records in every table.
 */
import assert from 'node:assert/strict';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { migrationsFor } from '../../src/store/migrations/index.ts';
import { RECORD_TABLES } from '../../src/store/schema.ts';
import * as b from '../support/builders.ts';
import { testEachDialect } from './each-dialect.ts';
import { TEST_KEY, sampleImport } from './fixtures.ts';
import { pseudonymiser } from '../../src/services/pseudonym.ts';
import { toStoredRecords } from '../../src/services/stored-records.ts';

/** A sample import with a row in every record table. */
function everyKindOfRecord(year: number) {
  const sample = sampleImport(year);
  const extra = toStoredRecords(b.dataset({
    staff: [],
    capability: [b.capability('K1', 'W001', `${year - 1}-09-01`)],
    wdesSurvey: [b.wdesSurvey('4b', 'disabled', 20, 5)],
  }), pseudonymiser(TEST_KEY, 'RXX'));
  return { ...sample, records: { ...sample.records, capability: extra.capability, wdesSurvey: extra.wdesSurvey } };
}

async function rowsOf(db: Kysely<any>, versionId: number): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of RECORD_TABLES) {
    const row = await db.selectFrom(table).select((e) => e.fn.countAll<number>().as('n')).where('import_version_id', '=', versionId).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

function isForeignKeyError(error: unknown): boolean {
  const code = (error as { code?: unknown }).code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

testEachDialect('a record naming an import version that does not exist is refused, with the rest of its statement', async ({ store }) => {
  const version = await store.imports.create(everyKindOfRecord(2025));
  const db = store.db as Kysely<any>;
  const before = await rowsOf(db, version.id);
  const row = (versionId: number, pseudonym: string) => ({
    import_version_id: versionId, pseudonym, ethnic_code: 'A', sub_code: null, census_2021: null, pay_band: 'Band 5',
    staff_group: 'Students', bank_only: false, directorate: null, gender: null, disability: 'no', fte: 1, hourly_pay: null,
    start_date: null, international_recruit: null, source_row: 2,
  });
  await assert.rejects(db.insertInto('staff_records').values([row(version.id, 'ok'), row(version.id + 1000, 'orphan')]).execute(), isForeignKeyError);
  await assert.rejects(db.updateTable('training_records').set({ import_version_id: version.id + 1000 }).where('import_version_id', '=', version.id).execute(), isForeignKeyError);
  assert.deepEqual(await rowsOf(db, version.id), before, 'neither statement changed anything');
  await db.insertInto('staff_records').values([row(version.id, 'ok')]).execute();
  assert.equal((await rowsOf(db, version.id))['staff_records'], (before['staff_records'] ?? 0) + 1, 'a row naming its version is taken');
});

testEachDialect('deleting an import version, or its organisation, deletes its records in every table', async ({ store }) => {
  const db = store.db as Kysely<any>;
  const first = await store.imports.create(everyKindOfRecord(2024));
  const second = await store.imports.create(everyKindOfRecord(2025));
  const full = await rowsOf(db, first.id);
  for (const table of RECORD_TABLES) assert.ok((full[table] ?? 0) > 0, `the sample has ${table}`);
  await db.deleteFrom('import_versions').where('id', '=', first.id).execute();
  assert.ok(Object.values(await rowsOf(db, first.id)).every((n) => n === 0), 'the deleted version\'s records are gone');
  assert.deepEqual(await rowsOf(db, second.id), full, 'the other version\'s records stay');
  await db.deleteFrom('organisations').execute();
  assert.ok(Object.values(await rowsOf(db, second.id)).every((n) => n === 0), 'an organisation\'s deletion reaches its records');
});

testEachDialect('on PostgreSQL a version cannot be deleted while a transaction adds its records; 0018 goes down to foreign keys', async ({ store, config }) => {
  if (store.dialect !== 'postgres') return;
  const db = store.db as Kysely<any>;
  const version = await store.imports.create(sampleImport(2025));
  const url = (config as { connectionString: string }).connectionString;
  const adding = new pg.Client({ connectionString: url });
  const deleting = new pg.Client({ connectionString: url });
  await adding.connect();
  await deleting.connect();
  try {
    await adding.query('BEGIN');
    await adding.query(
      `INSERT INTO board_records (import_version_id, ethnic_code, voting, executive, source_row) VALUES ($1, 'A', true, false, 2)`,
      [version.id],
    );
    await deleting.query(`SET lock_timeout = '300ms'`);
    await assert.rejects(deleting.query('DELETE FROM import_versions WHERE id = $1', [version.id]), (error: { code?: string }) => error.code === '55P03');
    await adding.query('COMMIT');
  } finally {
    await adding.end();
    await deleting.end();
  }

  const constraints = async () => (await sql<{ n: string }>`
    SELECT count(*) AS n FROM pg_constraint WHERE contype = 'f' AND confrelid = 'import_versions'::regclass
      AND conrelid::regclass::text = ANY (${[...RECORD_TABLES]})`.execute(db)).rows[0]?.n;
  assert.equal(Number(await constraints()), 0, 'the record tables have no per-row foreign key');
  const migration = migrationsFor('postgres')['0018-record-keys-checked-once'];
  await migration?.down?.(db);
  assert.equal(Number(await constraints()), RECORD_TABLES.length, 'down puts the foreign keys back');
  await migration?.up(db);
  assert.equal(Number(await constraints()), 0);
});
