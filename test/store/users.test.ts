import assert from 'node:assert/strict';
import { sampleImport } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

testEachDialect('users are created, found by id and by email whatever its case, and listed', async ({ store }) => {
  assert.equal(await store.users.count(), 0);
  const admin = await store.users.create({ email: ' Admin@Trust.NHS.uk ', displayName: 'Ada Admin', administrator: true });
  const viewer = await store.users.create({ email: 'viewer@trust.nhs.uk', displayName: 'Vic Viewer', administrator: false });
  assert.equal(await store.users.count(), 2);
  assert.equal(admin.email, 'admin@trust.nhs.uk');
  assert.equal(admin.administrator, true);
  assert.equal(viewer.administrator, false);
  assert.equal(admin.active, true);
  assert.equal(admin.hasPassword, false);
  assert.ok(admin.createdAt instanceof Date);
  assert.deepEqual(await store.users.byId(admin.id), admin);
  assert.deepEqual(await store.users.byEmail('ADMIN@trust.nhs.uk'), admin);
  assert.equal(await store.users.byEmail('nobody@trust.nhs.uk'), null);
  assert.equal(await store.users.byId(9999), null);
  assert.deepEqual(await store.users.all(), [admin, viewer]);
  await assert.rejects(store.users.create({ email: 'VIEWER@trust.nhs.uk', displayName: 'Again', administrator: false }));
});

testEachDialect('a password hash is kept and reported as set', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  assert.equal(await store.users.passwordHash(user.id), null);
  await store.users.setPasswordHash(user.id, '$argon2id$v=19$example');
  assert.equal(await store.users.passwordHash(user.id), '$argon2id$v=19$example');
  assert.equal((await store.users.byId(user.id))?.hasPassword, true);
  assert.equal(await store.users.passwordHash(9999), null);
});

testEachDialect('memberships are one per user and organisation, changed in place and removed with null', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const rxx = (await store.imports.create(sampleImport(2025))).organisationId;
  const aaa = (await store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'A Trust' } }))).organisationId;
  assert.deepEqual(await store.users.memberships(user.id), []);

  await store.users.setMembership(user.id, rxx, 'viewer');
  await store.users.setMembership(user.id, aaa, 'analyst');
  await store.users.setMembership(user.id, rxx, 'analyst');
  const memberships = await store.users.memberships(user.id);
  assert.deepEqual(memberships.map((m) => [m.organisation.code, m.role]), [['AAA', 'analyst'], ['RXX', 'analyst']]);
  assert.deepEqual(memberships[1]?.organisation, await store.organisations.byId(rxx));

  await store.users.setMembership(user.id, aaa, null);
  assert.deepEqual((await store.users.memberships(user.id)).map((m) => m.organisation.code), ['RXX']);
  await store.users.setMembership(user.id, aaa, null);
});

testEachDialect('a person is made inactive and active again', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  await store.users.setActive(user.id, false);
  assert.equal((await store.users.byId(user.id))?.active, false);
  await store.users.setActive(user.id, true);
  assert.equal((await store.users.byId(user.id))?.active, true);
});
