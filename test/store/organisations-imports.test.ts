import assert from 'node:assert/strict';
import { RECORD_TABLES } from '../../src/store/schema.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { OrganisationExistsError } from '../../src/store/store.ts';
import { ORGANISATION, sampleImport } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

async function rowCounts(store: KyselyStore): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  for (const table of [...RECORD_TABLES, 'import_versions', 'standard_counts', 'organisations'] as const) {
    const row = await store.db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
    counts[table] = Number(row.n);
  }
  return counts;
}

testEachDialect('an import creates the organisation, a current version, its records and counts', async ({ store }) => {
  const written = sampleImport(2025);
  const version = await store.imports.create(written);
  assert.equal(version.year, 2025);
  assert.equal(version.version, 1);
  assert.equal(version.current, true);
  assert.equal(version.channel, 'cli');
  assert.equal(version.importedBy, null);
  assert.ok(version.importedAt instanceof Date && Math.abs(version.importedAt.getTime() - Date.now()) < 60_000);
  assert.deepEqual(version.sources, written.sources);
  assert.deepEqual(version.notes, written.notes);

  const organisation = await store.organisations.byCode('RXX');
  assert.deepEqual(organisation, { id: version.organisationId, code: 'RXX', name: 'Test NHS Trust', region: 'London', type: 'Acute trust', synthetic: false });
  assert.deepEqual(await store.organisations.byId(version.organisationId), organisation);
  assert.equal(await store.organisations.byCode('NOPE'), null);
  assert.equal(await store.organisations.byId(9999), null);

  assert.deepEqual(await store.imports.current(version.organisationId, 2025), version);
  assert.deepEqual(await store.imports.standardCountsOf(version.id, 'wres'), written.standardCounts['wres'], 'counts read back exactly as written');
  assert.equal(await store.imports.standardCountsOf(version.id, 'wdes'), null, 'a standard the import did not count has none');
  assert.equal(await store.imports.current(version.organisationId, 2024), null);

  const counts = await rowCounts(store);
  assert.equal(counts['staff_records'], written.records.staff.length);
  assert.equal(counts['application_records'], written.records.applications.length);
  assert.equal(counts['disciplinary_records'], written.records.disciplinary.length);
  assert.equal(counts['training_records'], written.records.training.length);
  assert.equal(counts['board_records'], written.records.board.length);
  assert.equal(counts['survey_results'], written.records.survey.length);
});

testEachDialect('records keep pseudonyms, never staff ids, and their values round-trip', async ({ store }) => {
  const written = sampleImport(2025);
  const version = await store.imports.create(written);
  const staff = await store.db.selectFrom('staff_records').selectAll().where('import_version_id', '=', version.id).orderBy('id').execute();
  for (const row of staff) assert.match(row.pseudonym, /^[0-9a-f]{64}$/);
  assert.equal(staff.length, written.records.staff.length);
  assert.deepEqual(await store.imports.records(version.id), written.records, 'every record of every file reads back as written');
});

testEachDialect('a second import of a year is a new current version; the first stays in the history', async ({ store }) => {
  const first = await store.imports.create(sampleImport(2025));
  const second = await store.imports.create(sampleImport(2025, { channel: 'web', notes: ['second'] }));
  const other = await store.imports.create(sampleImport(2024));
  assert.equal(second.version, 2);
  assert.equal(other.version, 1, 'versions are numbered per year');
  assert.equal((await store.imports.current(first.organisationId, 2025))?.id, second.id);
  const history = await store.imports.history(first.organisationId, 2025);
  assert.deepEqual(history.map((v) => [v.version, v.current, v.channel]), [[2, true, 'web'], [1, false, 'cli']]);
  assert.deepEqual(await store.organisations.years(first.organisationId), [2025, 2024]);
  assert.equal((await store.organisations.all()).length, 1);
});

testEachDialect('an import never renames an organisation; it updates only the region, type and synthetic flag it gives', async ({ store }) => {
  await store.imports.create(sampleImport(2025));
  await store.imports.create(sampleImport(2025, { organisation: { code: 'RXX', name: 'Renamed NHS Trust', synthetic: true } }));
  const organisation = await store.organisations.byCode('RXX');
  assert.deepEqual(
    { name: organisation?.name, region: organisation?.region, type: organisation?.type, synthetic: organisation?.synthetic },
    { name: 'Test NHS Trust', region: 'London', type: 'Acute trust', synthetic: true },
  );
  await store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'A Trust' } }));
  assert.deepEqual((await store.organisations.all()).map((o) => o.code), ['AAA', 'RXX'], 'ordered by name');
});

testEachDialect('an import meant for a new organisation is refused when the code is taken, and writes nothing', async ({ store }) => {
  const first = await store.imports.create(sampleImport(2025));
  const before = await rowCounts(store);
  const takeover = sampleImport(2025, { organisation: { code: 'RXX', name: 'Taken Over NHS Trust' }, newOrganisation: true });
  await assert.rejects(store.imports.create(takeover), (error: unknown) => {
    assert.ok(error instanceof OrganisationExistsError);
    assert.equal(error.code, 'RXX');
    assert.equal(error.message, 'An organisation with the code RXX already exists. Choose it from the list, or ask an administrator for access.');
    return true;
  });
  assert.deepEqual(await rowCounts(store), before);
  assert.equal((await store.organisations.byCode('RXX'))?.name, 'Test NHS Trust');
  assert.deepEqual(await store.imports.current(first.organisationId, 2025), first);

  const created = await store.imports.create(sampleImport(2025, { organisation: { code: 'NEW1', name: 'New NHS Trust' }, newOrganisation: true }));
  assert.equal((await store.organisations.byId(created.organisationId))?.code, 'NEW1');
});

// Two administrators adding the same new code at once: exactly one of them gets it. On PostgreSQL through two
// connections; SQLite, with one writer in this process, takes them in turn.
testEachDialect('two imports adding the same new organisation at once: one succeeds, the other is refused', async ({ store, reopen }) => {
  const other = store.dialect === 'postgres' ? reopen() : store;
  const results = await Promise.allSettled([
    store.imports.create(sampleImport(2025, { organisation: { code: 'RACE', name: 'First' }, newOrganisation: true })),
    other.imports.create(sampleImport(2025, { organisation: { code: 'RACE', name: 'Second' }, newOrganisation: true })),
  ]);
  assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
  const refused = results.find((r) => r.status === 'rejected');
  assert.ok(refused && refused.status === 'rejected' && refused.reason instanceof OrganisationExistsError, String(refused?.status === 'rejected' ? refused.reason : ''));
  assert.equal((await store.organisations.all()).length, 1);
});

testEachDialect('a failure part-way through an import leaves the store exactly as it was', async ({ store }) => {
  const first = await store.imports.create(sampleImport(2025));
  const before = await rowCounts(store);
  const good = sampleImport(2025, { organisation: { ...ORGANISATION, name: 'Should not be saved' } });
  const applications = Array.from({ length: 5_000 }, (_, i) => good.records.applications[i % good.records.applications.length]!);
  // The very last record breaks a NOT NULL constraint, after thousands of rows have been written.
  const broken = { ...applications[0]!, ethnicCode: null as unknown as string };
  const failing = { ...good, records: { ...good.records, applications: [...applications, broken] } };
  await assert.rejects(store.imports.create(failing));

  assert.deepEqual(await rowCounts(store), before);
  assert.equal((await store.organisations.byCode('RXX'))?.name, 'Test NHS Trust');
  assert.deepEqual(await store.imports.current(first.organisationId, 2025), first);
  assert.deepEqual((await store.imports.history(first.organisationId, 2025)).map((v) => v.id), [first.id]);
});

testEachDialect('large imports are written in batches, reporting progress', async ({ store }) => {
  const sample = sampleImport(2025);
  const applications = Array.from({ length: 12_345 }, (_, i) => ({ ...sample.records.applications[i % 3]!, sourceRow: i + 2 }));
  const progress: [number, number][] = [];
  await store.imports.create({ ...sample, records: { ...sample.records, applications } }, { onProgress: (done, total) => progress.push([done, total]) });
  const total = applications.length + sample.records.staff.length + sample.records.disciplinary.length + sample.records.training.length +
    sample.records.board.length + sample.records.survey.length;
  assert.ok(progress.length > 6, 'several batches');
  assert.deepEqual(progress.at(-1), [total, total]);
  const rows = await store.db.selectFrom('application_records').select('source_row').orderBy('id').execute();
  assert.deepEqual(rows.map((r) => r.source_row), applications.map((a) => a.sourceRow));
});

// On PostgreSQL the two run on separate connections at once; on SQLite, which has one writer, they take turns.
testEachDialect('imports of one year at the same time each get their own version, and one stays current', async ({ store }) => {
  const results = await Promise.all([store.imports.create(sampleImport(2025)), store.imports.create(sampleImport(2025))]);
  assert.deepEqual(results.map((v) => v.version).sort(), [1, 2]);
  const history = await store.imports.history(results[0].organisationId, 2025);
  assert.deepEqual(history.map((v) => v.current), [true, false]);
});

testEachDialect("currentOfOrganisation gives every year's current version, newest year first, in one query", async ({ store }) => {
  const first2025 = await store.imports.create(sampleImport(2025));
  const only2024 = await store.imports.create(sampleImport(2024));
  const second2025 = await store.imports.create(sampleImport(2025));
  const elsewhere = await store.imports.create(sampleImport(2023, { organisation: { code: 'AAA', name: 'A Trust' } }));
  assert.notEqual(first2025.id, second2025.id);
  const found = await store.imports.currentOfOrganisation(second2025.organisationId);
  assert.deepEqual(found, await store.imports.currentOfYears(second2025.organisationId, [2025, 2024]));
  assert.deepEqual(found.map((v) => [v.year, v.id]), [[2025, second2025.id], [2024, only2024.id]]);
  assert.deepEqual(found.map((v) => v.year), await store.organisations.years(second2025.organisationId), 'the same years in the same order');
  assert.deepEqual((await store.imports.currentOfOrganisation(elsewhere.organisationId)).map((v) => v.id), [elsewhere.id]);
  assert.deepEqual(await store.imports.currentOfOrganisation(second2025.organisationId + 1000), []);
});

testEachDialect("currentIdsOfAll gives every organisation's current version ids of the years asked, in one query", async ({ store }) => {
  await store.imports.create(sampleImport(2025));
  const a2025 = await store.imports.create(sampleImport(2025));
  const a2024 = await store.imports.create(sampleImport(2024));
  const a2023 = await store.imports.create(sampleImport(2023));
  const b2025 = await store.imports.create(sampleImport(2025, { organisation: { code: 'RYY', name: 'Another NHS Trust' } }));
  assert.notEqual(a2025.organisationId, b2025.organisationId);
  const found = await store.imports.currentIdsOfAll([2025, 2024]);
  const plain = [...found].map(([organisation, ids]) => [organisation, [...ids].sort()]).sort();
  assert.deepEqual(plain, [[a2025.organisationId, [[2024, a2024.id], [2025, a2025.id]]], [b2025.organisationId, [[2025, b2025.id]]]].sort());
  assert.equal(found.get(a2023.organisationId)?.has(2023), false, 'a year not asked for is not read');
  assert.deepEqual([...(await store.imports.currentIdsOfAll([]))], []);
});

testEachDialect('currentOfYears gives the current version of each year asked, in order, null where none', async ({ store }) => {
  await store.imports.create(sampleImport(2025));
  const v2024 = await store.imports.create(sampleImport(2024));
  const v2025 = await store.imports.create(sampleImport(2025));
  const found = await store.imports.currentOfYears(v2025.organisationId, [2025, 2023, 2024]);
  assert.deepEqual(found, [await store.imports.current(v2025.organisationId, 2025), null, await store.imports.current(v2025.organisationId, 2024)]);
  assert.equal(found[0]?.id, v2025.id);
  assert.equal(found[2]?.id, v2024.id);
  assert.deepEqual(await store.imports.currentOfYears(v2025.organisationId, []), []);
});

testEachDialect('yearsOf: each organisation\'s years with a current import, newest first, in one query; withoutMembers: those nobody active can see', async ({ store }) => {
  const a = await store.imports.create(sampleImport(2024));
  await store.imports.create(sampleImport(2025));
  await store.imports.create(sampleImport(2025));
  const b = await store.imports.create(sampleImport(2023, { organisation: { code: 'BBB', name: 'B Trust' } }));
  const empty = await store.organisations.byId((await store.db.insertInto('organisations')
    .values({ code: 'CCC', name: 'C Trust', region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow()).id);
  const years = await store.organisations.yearsOf([b.organisationId, a.organisationId, empty!.id, a.organisationId]);
  assert.deepEqual([...years], [[b.organisationId, [2023]], [a.organisationId, [2025, 2024]], [empty!.id, []]]);
  for (const id of [a.organisationId, b.organisationId, empty!.id]) assert.deepEqual(years.get(id), await store.organisations.years(id));
  assert.deepEqual(await store.organisations.yearsOf([]), new Map());

  const names = async () => (await store.organisations.withoutMembers()).map((o) => o.name);
  assert.deepEqual(await names(), ['B Trust', 'C Trust', ORGANISATION.name].sort((x, y) => x.localeCompare(y)));
  const active = await store.users.create({ email: 'a@example.nhs.uk', displayName: 'A', administrator: false });
  const inactive = await store.users.create({ email: 'i@example.nhs.uk', displayName: 'I', administrator: false });
  await store.users.setMembership(active.id, a.organisationId, 'viewer');
  await store.users.setMembership(inactive.id, b.organisationId, 'analyst');
  await store.users.setActive(inactive.id, false);
  assert.deepEqual(await names(), ['B Trust', 'C Trust'], 'a member who is no longer active does not count');
});
