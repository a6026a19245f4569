import assert from 'node:assert/strict';
import { sql, type Kysely } from 'kysely';
import { runMigrations } from '../../src/store/migrate.ts';
import { migrationsFor } from '../../src/store/migrations/index.ts';
import { testEachDialect } from './each-dialect.ts';

async function tableNames(db: Kysely<any>): Promise<string[]> {
  const tables = await db.introspection.getTables();
  return tables.map((t) => t.name).sort();
}

testEachDialect('migrate applies every migration once, in order, and is then a no-op', async ({ store, reopen }) => {
  assert.deepEqual(await store.migrate(), ['0001-initial', '0002-standard-counts', '0003-national-figures', '0004-staff-pseudonym-index']);
  assert.deepEqual(await store.migrate(), []);
  assert.deepEqual(await reopen().migrate(), [], 'another process finds nothing to do');
  const tables = await tableNames(store.db);
  for (const table of ['organisations', 'import_versions', 'staff_records', 'wres_counts', 'standard_counts', 'users', 'audit_events', 'national_figures']) {
    assert.ok(tables.includes(table), table);
  }
}, { migrate: false });

testEachDialect('a failing migration leaves no trace, and the next run applies it whole', async ({ store }) => {
  const broken = {
    ...migrationsFor(store.dialect),
    '0099-broken': {
      async up(db: Kysely<any>) {
        await db.schema.createTable('half_made').addColumn('x', 'integer').execute();
        await sql`SELECT * FROM no_such_table`.execute(db);
      },
    },
  };
  await assert.rejects(runMigrations(store.db, broken));
  assert.deepEqual(await tableNames(store.db), [], 'neither the initial schema nor the half-made table remains');
  assert.deepEqual(await store.migrate(), ['0001-initial', '0002-standard-counts', '0003-national-figures', '0004-staff-pseudonym-index']);
}, { migrate: false });
