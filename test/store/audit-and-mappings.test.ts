import assert from 'node:assert/strict';
import { sampleImport } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

testEachDialect('the audit trail lists newest first, a page at a time', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  for (let i = 1; i <= 5; i += 1) {
    await store.audit.record({ userId: user.id, action: 'view', organisationId: 7, subject: `wres/2025/indicator/${i}`, details: { n: i, nested: { ok: true } } });
  }
  await store.audit.record({ userId: null, action: 'sign-in-failed', subject: 'sign-in' });

  const all = await store.audit.list({ limit: 10, offset: 0 });
  assert.deepEqual(all.map((e) => e.subject), ['sign-in', ...[5, 4, 3, 2, 1].map((i) => `wres/2025/indicator/${i}`)]);
  assert.deepEqual(all[0], { ...all[0], userId: null, action: 'sign-in-failed', organisationId: null, details: {} });
  assert.deepEqual(all[1]?.details, { n: 5, nested: { ok: true } });
  assert.equal(all[1]?.userId, user.id);
  assert.equal(all[1]?.organisationId, 7);
  assert.ok(all.every((e) => e.at instanceof Date));
  for (let i = 1; i < all.length; i += 1) assert.ok(all[i - 1]!.at >= all[i]!.at);

  const page = await store.audit.list({ limit: 2, offset: 2 });
  assert.deepEqual(page, all.slice(2, 4));
  assert.deepEqual(await store.audit.list({ limit: 2, offset: 6 }), []);
});

testEachDialect('column mappings are saved per organisation and file kind, and replaced', async ({ store }) => {
  const organisationId = (await store.imports.create(sampleImport(2025))).organisationId;
  assert.equal(await store.columnMappings.get(organisationId, 'staff'), null);
  await store.columnMappings.save(organisationId, 'staff', { 'Employee Number': 'staff_id', 'Ethnic Origin': 'ethnic_category' });
  await store.columnMappings.save(organisationId, 'applications', { 'Applicant ID': 'application_id' });
  assert.deepEqual(await store.columnMappings.get(organisationId, 'staff'), { 'Employee Number': 'staff_id', 'Ethnic Origin': 'ethnic_category' });
  await store.columnMappings.save(organisationId, 'staff', { 'Assignment Number': 'staff_id' });
  assert.deepEqual(await store.columnMappings.get(organisationId, 'staff'), { 'Assignment Number': 'staff_id' });
  assert.deepEqual(await store.columnMappings.get(organisationId, 'applications'), { 'Applicant ID': 'application_id' });
});

testEachDialect('mapping presets are shared by name and kind, a name once per kind, and outlive whoever saved them', async ({ store }) => {
  const organisationId = (await store.imports.create(sampleImport(2025))).organisationId;
  const user = await store.users.create({ email: 'presets@trust.nhs.uk', displayName: 'P', administrator: false });
  assert.deepEqual(await store.columnMappings.presets(), []);
  const mapping = { 'Employee Number': 'staff_id', 'Ethnic Origin': 'ethnic_category' };
  assert.equal(await store.columnMappings.savePreset({ name: 'Our HR export', kind: 'staff', mapping, organisationId, createdBy: user.id }), true);
  assert.equal(await store.columnMappings.savePreset({ name: 'Our HR export', kind: 'training', mapping: { 'Course Title': 'course' }, organisationId, createdBy: user.id }), true);
  assert.equal(await store.columnMappings.savePreset({ name: 'Our HR export', kind: 'staff', mapping: { Other: 'staff_id' }, organisationId: null, createdBy: null }), false, 'the name is taken for staff files');
  const presets = await store.columnMappings.presets();
  assert.deepEqual(presets.map((p) => [p.name, p.kind, p.mapping, p.organisationId, p.createdBy]), [
    ['Our HR export', 'staff', mapping, organisationId, user.id],
    ['Our HR export', 'training', { 'Course Title': 'course' }, organisationId, user.id],
  ]);
  assert.ok(presets.every((p) => p.createdAt instanceof Date));
  await store.db.deleteFrom('users').where('id', '=', user.id).execute();
  assert.deepEqual((await store.columnMappings.presets()).map((p) => p.createdBy), [null, null]);
});
