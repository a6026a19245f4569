import assert from 'node:assert/strict';
import { testEachDialect } from './each-dialect.ts';

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

testEachDialect('an API token gives its user and records when it was last used', async ({ store }) => {
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  await store.apiTokens.create(user.id, 'Power BI', 't-1');
  assert.equal(await store.apiTokens.use('t-1', NOW), user.id);
  const row = await store.db.selectFrom('api_tokens').select(['name', 'last_used_at']).where('token_hash', '=', 't-1').executeTakeFirstOrThrow();
  assert.equal(row.name, 'Power BI');
  assert.equal(new Date(row.last_used_at ?? 0).getTime(), NOW.getTime());
  assert.equal(await store.apiTokens.use('unknown', NOW), null);
  await assert.rejects(store.apiTokens.create(user.id, 'Copy', 't-1'), 'token hashes are unique');
});
