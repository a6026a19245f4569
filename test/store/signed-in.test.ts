import assert from 'node:assert/strict';
import { testEachDialect } from './each-dialect.ts';
import { sampleImport } from './fixtures.ts';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

testEachDialect('a live session is read with its person and their memberships, as the three reads give them', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  const other = await store.users.create({ email: 'b@trust.nhs.uk', displayName: 'B', administrator: false });
  const lonely = await store.users.create({ email: 'c@trust.nhs.uk', displayName: 'C', administrator: false });
  await store.users.setPasswordHash(user.id, '$argon2id$v=19$example');
  const rxx = (await store.imports.create(sampleImport(2025))).organisationId;
  const aaa = (await store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'A Trust', region: 'North', type: 'Acute trust', synthetic: true } }))).organisationId;
  const zzz = (await store.imports.create(sampleImport(2025, { organisation: { code: 'ZZZ', name: 'Z Trust' } }))).organisationId;
  await store.users.setMembership(user.id, zzz, 'owner');
  await store.users.setMembership(user.id, rxx, 'viewer');
  await store.users.setMembership(user.id, aaa, 'analyst');
  await store.users.setMembership(other.id, rxx, 'owner');
  const session = await store.sessions.create('s-1', user.id, minutes(60), 'csrf-1');
  const otherSession = await store.sessions.create('s-2', other.id, minutes(60), 'csrf-2');
  const lonelySession = await store.sessions.create('s-3', lonely.id, minutes(60), 'csrf-3');

  const read = async (id: number, s: typeof session) => ({ session: s, user: await store.users.byId(id), memberships: await store.users.memberships(id) });
  const signedIn = await store.sessions.signedIn('s-1', NOW);
  assert.deepEqual(signedIn, await read(user.id, session));
  assert.deepEqual(signedIn?.memberships.map((m) => [m.organisation.code, m.role]), [['AAA', 'analyst'], ['RXX', 'viewer'], ['ZZZ', 'owner']], 'by organisation name');
  assert.equal(signedIn?.user.hasPassword, true);
  assert.equal(signedIn?.memberships[0]?.organisation.synthetic, true);
  assert.deepEqual(await store.sessions.signedIn('s-2', NOW), await read(other.id, otherSession));
  assert.deepEqual(await store.sessions.signedIn('s-3', NOW), { session: lonelySession, user: await store.users.byId(lonely.id), memberships: [] });
  assert.equal((await store.sessions.signedIn('s-3', NOW))?.user.hasPassword, false);

  assert.equal(await store.sessions.signedIn('s-1', minutes(60)), null, 'expired at its expiry time');
  assert.equal(await store.sessions.signedIn('nope', NOW), null);
  await store.sessions.delete('s-1');
  assert.equal(await store.sessions.signedIn('s-1', NOW), null);
});

testEachDialect('an inactive person\'s session is still read, saying they are inactive, so they can be signed out everywhere', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const rxx = (await store.imports.create(sampleImport(2025))).organisationId;
  await store.users.setMembership(user.id, rxx, 'viewer');
  const session = await store.sessions.create('s-1', user.id, minutes(60), 'csrf-1');
  await store.users.setActive(user.id, false);
  const signedIn = await store.sessions.signedIn('s-1', NOW);
  assert.equal(signedIn?.user.active, false);
  assert.deepEqual(signedIn?.session, session);
  assert.deepEqual(signedIn?.memberships.map((m) => m.organisation.id), [rxx]);
});
