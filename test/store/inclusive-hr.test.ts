/**
 * The #InclusiveHR challenge's store (migration 0016) on both databases: progress per organisation, year and
 * directorate (steps marked and unmarked, the reading and themes kept apart) and listening notes. The reports'
 * counts are the reporting feature's (`reportTrends`), tested with it.
 */
import assert from 'node:assert/strict';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { testEachDialect } from './each-dialect.ts';

async function organisationRow(store: KyselyStore, code: string): Promise<number> {
  return (await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow()).id;
}

testEachDialect('progress is kept per organisation, year and directorate', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  const b = await organisationRow(store, 'RYY');
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'Ada', administrator: false });
  assert.equal(await store.inclusiveHr.progressOf(a, 2025, 'HR'), null);
  assert.equal(await store.inclusiveHr.markStep(a, 2025, 'HR', 2, true, user.id), false);
  assert.equal(await store.inclusiveHr.markStep(a, 2025, 'HR', 1, true, user.id), false);
  assert.equal(await store.inclusiveHr.markStep(a, 2025, 'HR', 1, true, user.id), true, 'marking twice keeps one');
  await store.inclusiveHr.saveReading(a, 2025, 'HR', 'We see a fall at Band 6.', user.id);
  await store.inclusiveHr.saveThemes(a, 2025, 'HR', ['Pay gaps', 'Our own'], null);
  const hr = await store.inclusiveHr.progressOf(a, 2025, 'HR');
  assert.deepEqual([hr?.stepsDone, hr?.reading, hr?.themes], [[1, 2], 'We see a fall at Band 6.', ['Pay gaps', 'Our own']]);
  assert.equal(await store.inclusiveHr.markStep(a, 2025, 'HR', 2, false, user.id), true);
  assert.deepEqual((await store.inclusiveHr.progressOf(a, 2025, 'HR'))?.stepsDone, [1]);
  await store.inclusiveHr.saveReading(a, 2025, 'HR', null, user.id);
  assert.equal((await store.inclusiveHr.progressOf(a, 2025, 'HR'))?.reading, null);
  assert.equal(await store.inclusiveHr.progressOf(a, 2024, 'HR'), null, 'another year');
  assert.equal(await store.inclusiveHr.progressOf(b, 2025, 'HR'), null, 'another organisation');
  await store.inclusiveHr.markStep(a, 2025, 'Surgery', 1, true, null);
  assert.deepEqual((await store.inclusiveHr.progress(a, 2025)).map((p) => p.directorate), ['HR', 'Surgery']);
});

testEachDialect('listening notes are the directorate\'s own, oldest session first', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  const base = { organisationId: a, year: 2025, directorate: 'HR', notes: 'What we heard.', createdBy: null };
  const later = await store.inclusiveHr.addNote({ ...base, title: 'Second', heldOn: '2025-03-01' });
  const first = await store.inclusiveHr.addNote({ ...base, title: 'First', heldOn: '2025-02-01' });
  await store.inclusiveHr.addNote({ ...base, directorate: 'Surgery', title: 'Elsewhere', heldOn: '2025-02-01' });
  assert.deepEqual((await store.inclusiveHr.notes(a, 2025, 'HR')).map((n) => n.title), ['First', 'Second']);
  assert.equal(await store.inclusiveHr.removeNote(a, 2025, 'Surgery', first.id), null, 'not another directorate\'s note');
  assert.equal((await store.inclusiveHr.removeNote(a, 2025, 'HR', later.id))?.title, 'Second');
  assert.deepEqual((await store.inclusiveHr.notes(a, 2025, 'HR')).map((n) => n.id), [first.id]);
});
