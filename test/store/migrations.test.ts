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
  assert.deepEqual(await store.migrate(), ['0001-initial', '0002-standard-counts', '0003-national-figures', '0004-staff-pseudonym-index', '0005-api-token-lifetimes', '0006-counts-by-standard', '0007-scope-records', '0008-objectives', '0009-interventions', '0010-owners', '0011-mapping-presets', '0012-reporting']);
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
  assert.deepEqual(await runMigrations(store.db, all), ['0006-counts-by-standard', '0007-scope-records', '0008-objectives', '0009-interventions', '0010-owners', '0011-mapping-presets', '0012-reporting']);
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
  assert.deepEqual(await store.migrate(), ['0001-initial', '0002-standard-counts', '0003-national-figures', '0004-staff-pseudonym-index', '0005-api-token-lifetimes', '0006-counts-by-standard', '0007-scope-records', '0008-objectives', '0009-interventions', '0010-owners', '0011-mapping-presets', '0012-reporting']);
}, { migrate: false });

testEachDialect('tokens made before tokens had lifetimes expire 90 days after the upgrade, still for every organisation', async ({ store }) => {
  const all = migrationsFor(store.dialect);
  const before = Object.fromEntries(Object.entries(all).filter(([name]) => name < '0005'));
  await runMigrations(store.db, before);
  const user = await store.db.insertInto('users').values({ email: 'a@trust.nhs.uk', display_name: 'A', administrator: false, password_hash: null, active: true, created_at: new Date('2025-01-01T00:00:00Z') })
    .returning('id').executeTakeFirstOrThrow();
  await (store.db as Kysely<any>).insertInto('api_tokens').values({ user_id: user.id, name: 'Old', token_hash: 'old-hash', created_at: new Date('2025-01-01T00:00:00Z'), last_used_at: null }).execute();
  const upgradedAt = Date.now();
  assert.deepEqual(await store.migrate(), ['0005-api-token-lifetimes', '0006-counts-by-standard', '0007-scope-records', '0008-objectives', '0009-interventions', '0010-owners', '0011-mapping-presets', '0012-reporting']);
  const token = (await store.apiTokens.live(user.id, new Date()))[0];
  assert.equal(token?.organisation, null);
  assert.ok(token && Math.abs(token.expiresAt.getTime() - (upgradedAt + 90 * 86_400_000)) < 60_000, String(token?.expiresAt));
  assert.deepEqual(await store.apiTokens.use('old-hash', new Date()), { tokenId: token.id, userId: user.id, organisationId: null });
  assert.equal(await store.apiTokens.use('old-hash', new Date(upgradedAt + 91 * 86_400_000)), null);
}, { migrate: false });

testEachDialect('0007: an import made before it is marked as lacking what a scope needs; its records still read', async ({ store }) => {
  const all = migrationsFor(store.dialect);
  await runMigrations(store.db, Object.fromEntries(Object.entries(all).filter(([name]) => name < '0007')));
  const db = store.db as Kysely<any>;
  const organisation = await db.insertInto('organisations').values({ code: 'RXX', name: 'Test', synthetic: false }).returning('id').executeTakeFirstOrThrow();
  const version = await db.insertInto('import_versions').values({
    organisation_id: organisation.id, year: 2025, version: 1, is_current: true, imported_at: new Date().toISOString(),
    imported_by: null, channel: 'cli', sources: '[]', notes: '[]',
  }).returning('id').executeTakeFirstOrThrow();
  await db.insertInto('staff_records').values({
    import_version_id: version.id, pseudonym: 'p1', ethnic_code: 'A', sub_code: null, census_2021: null, pay_band: 'Band 5',
    staff_group: 'Students', bank_only: false, directorate: 'Surgery', gender: null, disability: 'no', fte: 1, hourly_pay: 20.5,
    start_date: null, international_recruit: null, source_row: 2,
  }).execute();
  assert.deepEqual(await runMigrations(store.db, all), ['0007-scope-records', '0008-objectives', '0009-interventions', '0010-owners', '0011-mapping-presets', '0012-reporting']);
  const before = await store.imports.current(organisation.id, 2025);
  assert.equal(before?.recordsFormat, 0, 'an import made before 0007 must be imported again for a scoped report');
  const records = await store.imports.records(version.id);
  assert.equal(records.staff.length, 1);
  assert.equal(records.staff[0]?.hourlyPay, 20.5);
  assert.equal(records.staff[0]?.bonusPay, null);
  assert.deepEqual(records.capability, []);
  assert.equal(records.narrative, null);
  assert.deepEqual(await store.imports.staffScopes(version.id), { directorates: ['Surgery'], staffGroups: ['Students'] });
  // And back down: the columns and tables go, the earlier schema's rows stay.
  await all['0012-reporting']!.down!(store.db);
  await all['0011-mapping-presets']!.down!(store.db);
  await all['0010-owners']!.down!(store.db);
  await all['0009-interventions']!.down!(store.db);
  await all['0008-objectives']!.down!(store.db);
  await all['0007-scope-records']!.down!(store.db);
  const tables = await tableNames(store.db);
  assert.ok(!tables.includes('capability_records') && !tables.includes('wdes_survey_results'));
  const staff = await db.selectFrom('staff_records').selectAll().execute();
  assert.equal(staff.length, 1);
  assert.ok(!('bonus_pay' in (staff[0] ?? {})));
}, { migrate: false });
