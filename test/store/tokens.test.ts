import assert from 'node:assert/strict';
import { testEachDialect, type TestStore } from './each-dialect.ts';
import { sampleImport } from './fixtures.ts';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

testEachDialect('a sign-in link works once, before it expires', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: true });
  await store.signInLinks.create('hash-1', minutes(15), user.id);
  await store.signInLinks.create('hash-2', minutes(15), null);
  await store.signInLinks.create('hash-3', minutes(15), user.id);

  assert.deepEqual(await store.signInLinks.consume('hash-1', NOW), { userId: user.id });
  assert.equal(await store.signInLinks.consume('hash-1', NOW), null, 'used');
  assert.deepEqual(await store.signInLinks.consume('hash-2', minutes(14)), { userId: null });
  assert.equal(await store.signInLinks.consume('hash-3', minutes(15)), null, 'expired at its expiry time');
  assert.equal(await store.signInLinks.consume('unknown', NOW), null);
  await assert.rejects(store.signInLinks.create('hash-1', minutes(15), null), 'token hashes are unique');
});

testEachDialect('a sign-in link used many times at once works exactly once', async ({ store, reopen }) => {
  await store.signInLinks.create('race', minutes(15), null);
  const other = reopen();
  const attempts = Array.from({ length: 12 }, (_, i) => (i % 2 === 0 ? store : other).signInLinks.consume('race', NOW));
  const results = await Promise.all(attempts);
  assert.equal(results.filter((r) => r !== null).length, 1);
});

testEachDialect('sessions are found by token hash until they expire, and deleted', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const session = await store.sessions.create('s-1', user.id, minutes(60), 'csrf-secret');
  await store.sessions.create('s-2', user.id, minutes(60), 'csrf-2');
  assert.deepEqual(session, { id: session.id, userId: user.id, expiresAt: minutes(60), csrfSecret: 'csrf-secret' });
  assert.deepEqual(await store.sessions.byTokenHash('s-1', NOW), session);
  assert.equal(await store.sessions.byTokenHash('s-1', minutes(60)), null, 'expired');
  assert.equal(await store.sessions.byTokenHash('nope', NOW), null);

  await store.sessions.delete('s-1');
  assert.equal(await store.sessions.byTokenHash('s-1', NOW), null);
  assert.ok(await store.sessions.byTokenHash('s-2', NOW));
  await store.sessions.deleteForUser(user.id);
  assert.equal(await store.sessions.byTokenHash('s-2', NOW), null);
});

const days = (n: number) => new Date(NOW.getTime() + n * 86_400_000);

async function personAndOrganisations(store: TestStore['store']) {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const rxx = (await store.imports.create(sampleImport(2025))).organisationId;
  const aaa = (await store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'A Trust' } }))).organisationId;
  return { user, rxx, aaa };
}

testEachDialect('an API token gives its user and organisation until it expires, and records when it was last used', async ({ store }) => {
  const { user, rxx } = await personAndOrganisations(store);
  const created = await store.apiTokens.create({ userId: user.id, organisationId: rxx, name: 'Power BI', tokenHash: 't-1', expiresAt: days(90), now: NOW });
  assert.deepEqual(
    { ...created, organisation: created.organisation?.code },
    { id: created.id, userId: user.id, organisation: 'RXX', name: 'Power BI', createdAt: NOW, expiresAt: days(90), lastUsedAt: null, revokedAt: null },
  );
  assert.deepEqual(await store.apiTokens.use('t-1', days(1)), { tokenId: created.id, userId: user.id, organisationId: rxx });
  assert.deepEqual((await store.apiTokens.byId(created.id))?.lastUsedAt, days(1));
  assert.equal(await store.apiTokens.use('t-1', days(90)), null, 'expired at its expiry time');
  assert.equal(await store.apiTokens.use('unknown', NOW), null);
  await assert.rejects(store.apiTokens.create({ userId: user.id, organisationId: rxx, name: 'Copy', tokenHash: 't-1', expiresAt: days(90), now: NOW }), 'token hashes are unique');
});

testEachDialect('a revoked token stops working at once and stays revoked', async ({ store }) => {
  const { user, rxx } = await personAndOrganisations(store);
  const token = await store.apiTokens.create({ userId: user.id, organisationId: rxx, name: 'Script', tokenHash: 't-1', expiresAt: days(30), now: NOW });
  const revoked = await store.apiTokens.revoke(token.id, days(1));
  assert.deepEqual(revoked?.revokedAt, days(1));
  assert.equal(await store.apiTokens.use('t-1', days(2)), null);
  assert.equal(await store.apiTokens.revoke(token.id, days(3)), null, 'already revoked: nothing to do');
  assert.deepEqual((await store.apiTokens.byId(token.id))?.revokedAt, days(1), 'the first revocation is kept');
  assert.equal(await store.apiTokens.revoke(9999, NOW), null);
  const expired = await store.apiTokens.create({ userId: user.id, organisationId: rxx, name: 'Old', tokenHash: 't-2', expiresAt: days(7), now: NOW });
  assert.equal(await store.apiTokens.revoke(expired.id, days(8)), null, 'an expired token needs no revoking');
});

testEachDialect("a person's live tokens are listed newest first; all of them, or those reaching one organisation, can be revoked", async ({ store }) => {
  const { user, rxx, aaa } = await personAndOrganisations(store);
  const other = await store.users.create({ email: 'b@trust.nhs.uk', displayName: 'B', administrator: false });
  const make = (userId: number, organisationId: number | null, name: string, expiresAt = days(90)) =>
    store.apiTokens.create({ userId, organisationId, name, tokenHash: `hash-${name}`, expiresAt, now: NOW });
  await make(user.id, rxx, 'rxx');
  await make(user.id, aaa, 'aaa');
  await make(user.id, null, 'every organisation');
  await make(user.id, rxx, 'expired', days(1));
  const others = await make(other.id, rxx, 'someone else');
  assert.deepEqual((await store.apiTokens.live(user.id, days(2))).map((t) => t.name), ['every organisation', 'aaa', 'rxx']);

  assert.equal(await store.apiTokens.revokeForUser(user.id, days(2), { organisationId: rxx }), 2, 'the RXX token and the one for every organisation');
  assert.deepEqual((await store.apiTokens.live(user.id, days(2))).map((t) => t.name), ['aaa']);
  assert.equal(await store.apiTokens.revokeForUser(user.id, days(2)), 1);
  assert.deepEqual(await store.apiTokens.live(user.id, days(2)), []);
  assert.deepEqual((await store.apiTokens.live(other.id, days(2))).map((t) => t.id), [others.id], "someone else's token is untouched");
});
