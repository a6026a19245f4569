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
  assert.deepEqual(await store.migrate(), ['0001-initial', '0002-standard-counts', '0003-national-figures', '0004-staff-pseudonym-index', '0005-api-token-lifetimes', '0006-counts-by-standard']);
  assert.deepEqual(await store.migrate(), []);
  assert.deepEqual(await reopen().migrate(), [], 'another process finds nothing to do');
  const tables = await tableNames(store.db);
  for (const table of ['organisations', 'import_versions', 'staff_records', 'standard_counts', 'users', 'audit_events', 'national_figures']) {
    assert.ok(tables.includes(table), table);
  }
  assert.ok(!tables.includes('wres_counts'), 'WRES counts live in standard_counts like every standard');
}, { migrate: false });

testEachDialect('0006 moves WRES counts into standard_counts and names the pay gap inputs by the standard\'s id', async ({ store }) => {
  const all = migrationsFor(store.dialect);
  const upTo5 = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0006'));
  await runMigrations(store.db, upTo5);
  const db = store.db as Kysely<any>;
  const organisation = await db.insertInto('organisations').values({ code: 'RXX', name: 'Test', synthetic: false }).returning('id').executeTakeFirstOrThrow();
  const version = await db.insertInto('import_versions').values({
    organisation_id: organisation.id, year: 2025, version: 1, is_current: true, imported_at: new Date().toISOString(),
    imported_by: null, channel: 'cli', sources: '[]', notes: '[]',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('wres_counts').values({ import_version_id: version.id, counts: '{"wres":1}' }).execute();
  await db.insertInto('standard_counts').values([
    { import_version_id: version.id, standard: 'payPeople', counts: '[{"pay":1}]' },
    { import_version_id: version.id, standard: 'wdes', counts: '{"wdes":1}' },
  ]).execute();
  assert.deepEqual(await runMigrations(store.db, all), ['0006-counts-by-standard']);
  assert.deepEqual(await store.imports.standardCountsOf(version.id, 'wres'), { wres: 1 });
  assert.deepEqual(await store.imports.standardCountsOf(version.id, 'paygap'), [{ pay: 1 }]);
  assert.deepEqual(await store.imports.standardCountsOf(version.id, 'wdes'), { wdes: 1 });
  assert.equal(await store.imports.standardCountsOf(version.id, 'payPeople'), null);
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
  assert.deepEqual(await store.migrate(), ['0001-initial', '0002-standard-counts', '0003-national-figures', '0004-staff-pseudonym-index', '0005-api-token-lifetimes', '0006-counts-by-standard']);
}, { migrate: false });

testEachDialect('tokens made before tokens had lifetimes expire 90 days after the upgrade, still for every organisation', async ({ store }) => {
  const all = migrationsFor(store.dialect);
  const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0005'));
  await runMigrations(store.db, before);
  const user = await store.db.insertInto('users').values({ email: 'a@trust.nhs.uk', display_name: 'A', administrator: false, password_hash: null, active: true, created_at: new Date('2025-01-01T00:00:00Z') })
    .returning('id').executeTakeFirstOrThrow();
  await (store.db as Kysely<any>).insertInto('api_tokens').values({ user_id: user.id, name: 'Old', token_hash: 'old-hash', created_at: new Date('2025-01-01T00:00:00Z'), last_used_at: null }).execute();
  const upgradedAt = Date.now();
  assert.deepEqual(await store.migrate(), ['0005-api-token-lifetimes', '0006-counts-by-standard']);
  const token = (await store.apiTokens.live(user.id, new Date()))[0];
  assert.equal(token?.organisation, null);
  assert.ok(token && Math.abs(token.expiresAt.getTime() - (upgradedAt + 90 * 86_400_000)) < 60_000, String(token?.expiresAt));
  assert.deepEqual(await store.apiTokens.use('old-hash', new Date()), { tokenId: token.id, userId: user.id, organisationId: null });
  assert.equal(await store.apiTokens.use('old-hash', new Date(upgradedAt + 91 * 86_400_000)), null);
}, { migrate: false });
