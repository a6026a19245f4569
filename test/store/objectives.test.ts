import assert from 'node:assert/strict';
import type { HeadlineFigure } from '../../src/core/act/headline.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import type { NewObjective } from '../../src/store/objective-types.ts';
import { testEachDialect } from './each-dialect.ts';

const BASELINE: HeadlineFigure = {
  year: 2025, kind: 'ratio', value: 1.25, ci95: [0.83, 1.88], smallNumbers: false, parity: 1,
  counts: [{ group: 'white', events: 100, population: 400 }, { group: 'ethnicMinority', events: 20, population: 100 }],
};

/** Organisations are made by imports; these tests need only their rows. */
async function organisationRow(store: KyselyStore, code: string): Promise<{ id: number }> {
  return store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow();
}

function objective(organisationId: number, createdBy: number | null): NewObjective {
  return {
    organisationId, standard: 'wres', indicator: '2', scope: 'directorate:Surgery', target: { kind: 'range' }, targetDate: '2027-03-31',
    ownerName: 'A. Chair', ownerRole: 'board-member', action: '2', baseline: BASELINE, ownerUserId: null, createdBy,
  };
}

testEachDialect('an objective keeps its terms and baseline exactly; an edit changes only the target, date, owner and action', async ({ store }) => {
  const organisation = await organisationRow(store, 'RXX');
  const other = await organisationRow(store, 'RYY');
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'A', administrator: false });
  const saved = await store.objectives.create(objective(organisation.id, user.id));
  assert.deepEqual({ ...saved, id: 0, createdAt: null, updatedAt: null }, {
    ...objective(organisation.id, user.id), id: 0, createdAt: null, updatedAt: null,
  });
  assert.deepEqual(await store.objectives.byId(organisation.id, saved.id), saved);
  assert.equal(await store.objectives.byId(other.id, saved.id), null, 'another organisation never sees it');
  assert.deepEqual(await store.objectives.list(other.id), []);

  const changed = await store.objectives.update(organisation.id, saved.id, {
    target: { kind: 'value', value: 1.1 }, targetDate: '2028-03-31', ownerName: 'B. Lead', ownerRole: 'executive-lead', ownerUserId: null, action: null,
  });
  assert.deepEqual(changed?.target, { kind: 'value', value: 1.1 });
  assert.equal(changed?.ownerRole, 'executive-lead');
  assert.equal(changed?.action, null);
  assert.deepEqual(changed?.baseline, BASELINE, 'the baseline never changes');
  assert.equal(await store.objectives.update(other.id, saved.id, { ...changed!, ownerName: 'X' }), null);
  assert.deepEqual((await store.objectives.list(organisation.id)).map((o) => o.ownerName), ['B. Lead']);
});

testEachDialect('reviews are appended with who and when, oldest first, and kept when the account goes', async ({ store }) => {
  const organisation = await organisationRow(store, 'RXX');
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'Ada Analyst', administrator: false });
  const saved = await store.objectives.create(objective(organisation.id, user.id));
  const first = await store.objectives.addReview({ objectiveId: saved.id, userId: user.id, status: 'on-track', note: 'Panels now diverse.' });
  await store.objectives.addReview({ objectiveId: saved.id, userId: null, status: 'at-risk', note: 'Two panels were not.' });
  assert.equal(first.by, 'Ada Analyst');
  const reviews = await store.objectives.reviews(saved.id);
  assert.deepEqual(reviews.map((r) => [r.status, r.note, r.by]), [['on-track', 'Panels now diverse.', 'Ada Analyst'], ['at-risk', 'Two panels were not.', null]]);
  assert.deepEqual(reviews[0], first);
  assert.ok(!('update' in store.objectives && 'removeReview' in store.objectives), 'no way to change a review');
});

testEachDialect('comply-or-explain: rules per organisation; a case is a month, a flag and an explanation where it did not comply', async ({ store }) => {
  const organisation = await organisationRow(store, 'RXX');
  const other = await organisationRow(store, 'RYY');
  const rule = await store.complyOrExplain.createRule({ organisationId: organisation.id, title: 'Second senior review', description: 'Every referral to a formal disciplinary process is reviewed by a second senior person.', createdBy: null });
  assert.deepEqual(await store.complyOrExplain.rules(organisation.id), [rule]);
  assert.equal(await store.complyOrExplain.rule(other.id, rule.id), null);
  await store.complyOrExplain.recordCase({ ruleId: rule.id, month: '2026-11', complied: false, explanation: 'Second reviewer on leave.', recordedBy: null });
  await store.complyOrExplain.recordCase({ ruleId: rule.id, month: '2026-10', complied: true, explanation: null, recordedBy: null });
  await assert.rejects(store.complyOrExplain.recordCase({ ruleId: rule.id, month: '2026-11', complied: false, explanation: ' ', recordedBy: null }), /explanation/);
  const cases = await store.complyOrExplain.cases(rule.id);
  assert.deepEqual(cases.map((c) => [c.month, c.complied, c.explanation]), [['2026-10', true, null], ['2026-11', false, 'Second reviewer on leave.']]);
  const columns = (await store.db.introspection.getTables()).find((t) => t.name === 'comply_cases')!.columns.map((c) => c.name).sort();
  assert.deepEqual(columns, ['complied', 'explanation', 'id', 'month', 'recorded_at', 'recorded_by', 'rule_id'], 'no staff identifier or equality data');
});
