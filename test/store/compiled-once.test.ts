import assert from 'node:assert/strict';
import { compiledOnce } from '../../src/store/compiled-once.ts';
import { testEachDialect } from './each-dialect.ts';

const NOW = new Date('2026-05-01T10:00:00.000Z');
const minutes = (n: number) => new Date(NOW.getTime() + n * 60_000);

testEachDialect('a query compiled once runs with each call\'s values, dates and all, and keeps its other values', async ({ store }) => {
  const a = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const b = await store.users.create({ email: 'b@trust.nhs.uk', displayName: 'B', administrator: false });
  await store.sessions.create('s-a', a.id, minutes(10), 'x');
  await store.sessions.create('s-b', b.id, minutes(30), 'y');
  const { db } = store;
  let builds = 0;
  const live = compiledOnce(db, 2, (userId: number, now: Date) => {
    builds += 1;
    return db.selectFrom('sessions').innerJoin('users', 'users.id', 'sessions.user_id').select(['sessions.token_hash'])
      .where('sessions.user_id', '=', userId).where('sessions.expires_at', '>', now).where('users.active', '=', true);
  });
  assert.deepEqual(await live(a.id, NOW), [{ token_hash: 's-a' }]);
  assert.deepEqual(await live(b.id, NOW), [{ token_hash: 's-b' }]);
  assert.deepEqual(await live(a.id, minutes(10)), [], 'the date is compared as a date');
  assert.deepEqual(await live(b.id, minutes(29)), [{ token_hash: 's-b' }]);
  await store.users.setActive(b.id, false);
  assert.deepEqual(await live(b.id, NOW), [], 'the value written in (active = true) is kept');
  assert.equal(builds, 1);
});

testEachDialect('a query that does not take every value given is refused', async ({ store }) => {
  const { db } = store;
  const wrong = compiledOnce(db, 2, (userId: number, _unused: number) => db.selectFrom('users').select('id').where('id', '=', userId));
  await assert.rejects(wrong(1, 2), /value 1 is not a value of the compiled query/);
});
