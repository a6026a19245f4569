import assert from 'node:assert/strict';
import type { HeadlineFigure } from '../../src/core/act/headline.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { testEachDialect } from './each-dialect.ts';

const BASELINE: HeadlineFigure = {
  year: 2025, kind: 'ratio', value: 1.25, ci95: [0.83, 1.88], smallNumbers: false, parity: 1,
  counts: [{ group: 'white', events: 100, population: 400 }, { group: 'ethnicMinority', events: 20, population: 100 }],
};

async function organisation(store: KyselyStore, code: string): Promise<number> {
  return (await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow()).id;
}

async function objectiveWithIntervention(store: KyselyStore, organisationId: number): Promise<{ objective: number; intervention: number }> {
  const objective = await store.objectives.create({
    organisationId, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2027-03-31',
    ownerName: 'A. Chair', ownerRole: 'board-member', action: null, baseline: BASELINE, ownerUserId: null, createdBy: null,
  });
  const intervention = await store.interventions.create({
    objectiveId: objective.id, catalogueId: 'diverse-interview-panels', own: null, ownerName: 'B. Lead', ownerRole: 'Director of People',
    startDate: null, endDate: null, status: 'planned', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId: null, createdBy: null,
  });
  return { objective: objective.id, intervention: intervention.id };
}

testEachDialect('EDS: threshold set, evidence, stakeholder and agreed ratings kept per organisation and year, replaced not duplicated', async ({ store }) => {
  const mine = await organisation(store, 'RXX');
  const theirs = await organisation(store, 'RYY');
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'Ada Analyst', administrator: false });

  assert.equal(await store.eds.thresholds(mine), null);
  await store.eds.setThresholds(mine, 'leeds', user.id);
  assert.equal(await store.eds.thresholds(mine), 'leeds');
  await store.eds.setThresholds(mine, 'guidance', user.id);
  assert.equal(await store.eds.thresholds(mine), 'guidance');
  assert.equal(await store.eds.thresholds(theirs), null);

  const figure = await store.eds.addEvidence({ organisationId: mine, year: 2025, outcome: '2B', kind: 'figure', title: 'WRES indicator 6, 2025', href: '/organisations/RXX/2025/indicators/6', createdBy: user.id });
  const document = await store.eds.addEvidence({ organisationId: mine, year: 2025, outcome: '1A', kind: 'document', title: 'Access audit', href: 'https://example.nhs.uk/access.pdf', createdBy: null });
  await store.eds.addEvidence({ organisationId: mine, year: 2024, outcome: '1A', kind: 'document', title: 'Old audit', href: 'https://example.nhs.uk/old.pdf', createdBy: null });
  assert.deepEqual((await store.eds.evidence(mine, 2025)).map((e) => [e.outcome, e.kind, e.title, e.href]), [
    ['1A', 'document', 'Access audit', 'https://example.nhs.uk/access.pdf'], ['2B', 'figure', 'WRES indicator 6, 2025', '/organisations/RXX/2025/indicators/6'],
  ]);
  assert.equal(figure.createdBy, user.id);
  assert.equal(await store.eds.removeEvidence(theirs, document.id), null, 'another organisation cannot remove it');
  assert.equal((await store.eds.removeEvidence(mine, document.id))?.title, 'Access audit');
  assert.deepEqual((await store.eds.evidence(mine, 2025)).map((e) => e.outcome), ['2B']);

  assert.equal(await store.eds.rateAsStakeholder(mine, 2025, { outcome: '2B', group: 'Race Equality Network', rating: 1 }, user.id), null);
  assert.equal(await store.eds.rateAsStakeholder(mine, 2025, { outcome: '2B', group: 'Race Equality Network', rating: 2 }, user.id), 1);
  await store.eds.rateAsStakeholder(mine, 2025, { outcome: '2B', group: 'Disability Network', rating: 1 }, user.id);
  assert.deepEqual((await store.eds.stakeholderRatings(mine, 2025)).map((r) => [r.outcome, r.group, r.rating]), [['2B', 'Disability Network', 1], ['2B', 'Race Equality Network', 2]]);
  assert.deepEqual(await store.eds.stakeholderRatings(theirs, 2025), []);

  assert.equal(await store.eds.agree(mine, 2025, { outcome: '2B', rating: 1, owner: 'Head of Wellbeing' }, user.id), null);
  assert.equal(await store.eds.agree(mine, 2025, { outcome: '2B', rating: 2, owner: 'Director of People' }, user.id), 1);
  await store.eds.agree(mine, 2024, { outcome: '3C', rating: 0, owner: 'Company Secretary' }, null);
  assert.deepEqual((await store.eds.agreedRatings(mine)).map((r) => [r.year, r.outcome, r.rating, r.owner]), [[2024, '3C', 0, 'Company Secretary'], [2025, '2B', 2, 'Director of People']]);
  assert.deepEqual(await store.eds.agreedRatings(theirs), []);
  // The database refuses what the core would never send.
  await assert.rejects(store.db.insertInto('eds_agreed_ratings').values({ organisation_id: mine, year: 2025, outcome: '4A', rating: 2, owner: 'x', updated_by: null, updated_at: new Date() }).execute());
  await assert.rejects(store.db.insertInto('eds_agreed_ratings').values({ organisation_id: mine, year: 2025, outcome: '1A', rating: 4, owner: 'x', updated_by: null, updated_at: new Date() }).execute());
});

testEachDialect('high-impact actions: entered figures replaced per metric and year; links only to the organisation\'s own objectives and interventions', async ({ store }) => {
  const mine = await organisation(store, 'RXX');
  const theirs = await organisation(store, 'RYY');
  const own = await objectiveWithIntervention(store, mine);
  const other = await objectiveWithIntervention(store, theirs);

  const entry = { metric: '2f', year: 2025, value: '78.2', source: 'National Education and Training Survey 2024', sourceYear: 2024, updatedBy: null };
  assert.equal(await store.highImpactActions.enter(mine, entry), null);
  const replaced = await store.highImpactActions.enter(mine, { ...entry, value: '79.0' });
  assert.equal(replaced?.value, '78.2');
  await store.highImpactActions.enter(mine, { ...entry, metric: '1a', value: 'Yes: all board members', source: 'Board Assurance Framework', sourceYear: 2025 });
  assert.deepEqual((await store.highImpactActions.entries(mine, 2025)).map((e) => [e.metric, e.value, e.source, e.sourceYear]), [
    ['1a', 'Yes: all board members', 'Board Assurance Framework', 2025], ['2f', '79.0', 'National Education and Training Survey 2024', 2024],
  ]);
  assert.deepEqual(await store.highImpactActions.entries(mine, 2024), []);
  assert.deepEqual(await store.highImpactActions.entries(theirs, 2025), []);

  const byObjective = await store.highImpactActions.link(mine, { action: '2', objectiveId: own.objective, interventionId: null }, null);
  assert.ok(byObjective);
  assert.equal(await store.highImpactActions.link(mine, { action: '2', objectiveId: own.objective, interventionId: null }, null), null, 'already linked');
  const byIntervention = await store.highImpactActions.link(mine, { action: '6', objectiveId: null, interventionId: own.intervention }, null);
  assert.ok(byIntervention);
  assert.equal(await store.highImpactActions.link(mine, { action: '6', objectiveId: other.objective, interventionId: null }, null), null, 'another organisation\'s objective');
  assert.equal(await store.highImpactActions.link(mine, { action: '6', objectiveId: null, interventionId: other.intervention }, null), null, 'another organisation\'s intervention');
  assert.deepEqual((await store.highImpactActions.links(mine)).map((l) => [l.action, l.objectiveId, l.interventionId]), [['2', own.objective, null], ['6', null, own.intervention]]);
  assert.equal(await store.highImpactActions.unlink(theirs, byObjective.id), null);
  assert.equal((await store.highImpactActions.unlink(mine, byObjective.id))?.objectiveId, own.objective);
  assert.deepEqual((await store.highImpactActions.links(mine)).map((l) => l.action), ['6']);
  await assert.rejects(store.db.insertInto('action_links').values({ organisation_id: mine, action: '6', objective_id: own.objective, intervention_id: own.intervention, created_by: null, created_at: new Date() }).execute());
});
