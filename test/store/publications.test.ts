import assert from 'node:assert/strict';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { testEachDialect } from './each-dialect.ts';

async function organisation(store: KyselyStore, code: string): Promise<number> {
  const row = await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const at = (iso: string) => new Date(iso);

testEachDialect('a draft is published as the next version; a published version never changes; earlier versions stay', async ({ store }) => {
  const mine = await organisation(store, 'RXX');
  const theirs = await organisation(store, 'RYY');
  const user = await store.users.create({ email: 'admin@trust.nhs.uk', displayName: 'Ada Admin', administrator: true });

  const first = await store.publications.saveDraft({ organisationId: mine, year: 2025, snapshot: { figures: [1, 2] }, correctionNote: null, preparedBy: user.id, at: at('2025-06-01T10:00:00Z') });
  assert.equal(first.status, 'draft');
  assert.equal(first.version, null);
  assert.deepEqual((await store.publications.draft(mine, 2025))?.snapshot, { figures: [1, 2] });
  assert.equal(await store.publications.version(mine, 2025, null), null, 'a draft is not published');
  assert.equal(await store.publications.publish(theirs, first.id, { approvedBy: user.id, at: at('2025-06-02T10:00:00Z') }), null, "another organisation's draft is not published");

  const v1 = await store.publications.publish(mine, first.id, { approvedBy: user.id, at: at('2025-06-02T10:00:00Z') });
  assert.equal(v1?.version, 1);
  assert.equal(v1?.status, 'published');
  assert.deepEqual(v1?.publishedAt, at('2025-06-02T10:00:00Z'));
  assert.equal(await store.publications.draft(mine, 2025), null);
  assert.equal(await store.publications.publish(mine, first.id, { approvedBy: user.id, at: at('2025-06-03T10:00:00Z') }), null, 'published once only');

  // A new draft (a correction) replaces no published version, and a second draft replaces the first draft.
  await store.publications.saveDraft({ organisationId: mine, year: 2025, snapshot: { figures: [9] }, correctionNote: 'first try', preparedBy: user.id, at: at('2025-07-01T10:00:00Z') });
  const correction = await store.publications.saveDraft({ organisationId: mine, year: 2025, snapshot: { figures: [1, 3] }, correctionNote: 'Indicator 2 was wrong.', preparedBy: user.id, at: at('2025-07-02T10:00:00Z') });
  assert.equal(await store.publications.discardDraft(theirs, 2025), false);
  const v2 = await store.publications.publish(mine, correction.id, { approvedBy: null, at: at('2025-07-03T10:00:00Z') });
  assert.equal(v2?.version, 2);
  assert.equal(v2?.correctionNote, 'Indicator 2 was wrong.');

  assert.deepEqual((await store.publications.version(mine, 2025, 1))?.snapshot, { figures: [1, 2] }, 'version 1 is unchanged');
  assert.deepEqual((await store.publications.version(mine, 2025, null))?.version, 2, 'the latest is version 2');
  assert.equal(await store.publications.version(mine, 2025, 3), null);
  assert.equal(await store.publications.version(theirs, 2025, 1), null);

  const other = await store.publications.saveDraft({ organisationId: mine, year: 2024, snapshot: {}, correctionNote: null, preparedBy: null, at: at('2025-08-01T10:00:00Z') });
  await store.publications.publish(mine, other.id, { approvedBy: null, at: at('2025-08-02T10:00:00Z') });
  assert.deepEqual((await store.publications.versions(mine)).map((v) => [v.year, v.version]), [[2025, 2], [2025, 1], [2024, 1]]);
  assert.ok(!('snapshot' in (await store.publications.versions(mine))[0]!));
  assert.deepEqual((await store.publications.latestEverywhere()).map((p) => [p.organisationId, p.year, p.version]), [[mine, 2024, 1], [mine, 2025, 2]]);

  await store.publications.saveDraft({ organisationId: mine, year: 2025, snapshot: {}, correctionNote: 'x', preparedBy: null, at: at('2025-09-01T10:00:00Z') });
  assert.equal(await store.publications.discardDraft(mine, 2025), true);
  assert.equal(await store.publications.draft(mine, 2025), null);
  assert.equal((await store.publications.versions(mine)).length, 3, 'discarding a draft leaves every published version');
});
