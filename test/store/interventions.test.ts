import assert from 'node:assert/strict';
import type { HeadlineFigure } from '../../src/core/act/headline.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import type { NewIntervention } from '../../src/store/intervention-types.ts';
import { testEachDialect } from './each-dialect.ts';

const BASELINE: HeadlineFigure = {
  year: 2025, kind: 'ratio', value: 1.25, ci95: [0.83, 1.88], smallNumbers: false, parity: 1,
  counts: [{ group: 'white', events: 100, population: 400 }, { group: 'ethnicMinority', events: 20, population: 100 }],
};

async function objectiveIn(store: KyselyStore, code: string): Promise<{ organisationId: number; objectiveId: number }> {
  const organisation = await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow();
  const objective = await store.objectives.create({
    organisationId: organisation.id, standard: 'wres', indicator: '3', scope: 'organisation', target: { kind: 'range' }, targetDate: '2027-03-31',
    ownerName: 'A. Chair', ownerRole: 'board-member', action: null, baseline: BASELINE, ownerUserId: null, createdBy: null,
  });
  return { organisationId: organisation.id, objectiveId: objective.id };
}

const fromCatalogue = (objectiveId: number, createdBy: number | null): NewIntervention => ({
  objectiveId, catalogueId: 'pre-formal-decision-checklist', own: null, ownerName: 'B. Lead', ownerRole: 'Director of People', startDate: '2025-04-01',
  endDate: null, status: 'in-progress', staffNetworks: ['Race Equality Network', 'Disability Network'], cost: 12500.5, shareEvaluation: false, ownerUserId: null, createdBy,
});

testEachDialect('an intervention keeps its terms exactly, belongs to its objective and is never shown to another organisation', async ({ store }) => {
  const mine = await objectiveIn(store, 'RXX');
  const theirs = await objectiveIn(store, 'RYY');
  const user = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'Ada Analyst', administrator: false });
  const saved = await store.interventions.create(fromCatalogue(mine.objectiveId, user.id));
  const { createdBy, ...terms } = fromCatalogue(mine.objectiveId, user.id);
  assert.deepEqual({ ...saved, id: 0, createdAt: null, updatedAt: null }, { ...terms, createdBy, updatedBy: user.id, id: 0, createdAt: null, updatedAt: null });
  assert.deepEqual(await store.interventions.byId(mine.organisationId, saved.id), saved);
  assert.equal(await store.interventions.byId(theirs.organisationId, saved.id), null);
  assert.deepEqual(await store.interventions.list(theirs.organisationId), []);
  assert.deepEqual((await store.interventions.forObjective(mine.objectiveId)).map((i) => i.id), [saved.id]);
  assert.deepEqual(await store.interventions.forObjective(theirs.objectiveId), []);

  const own = await store.interventions.create({
    ...fromCatalogue(mine.objectiveId, null), catalogueId: null, own: { name: 'Exit interviews', description: 'Every leaver is asked why.' },
    startDate: null, status: 'planned', staffNetworks: [], cost: null, shareEvaluation: true,
  });
  assert.deepEqual(own.own, { name: 'Exit interviews', description: 'Every leaver is asked why.' });
  assert.equal(own.catalogueId, null);
  assert.equal(own.cost, null);
  assert.deepEqual((await store.interventions.list(mine.organisationId)).map((i) => i.id), [saved.id, own.id]);
  assert.deepEqual((await store.interventions.shared(mine.organisationId)).map((i) => i.id), [own.id]);
});

testEachDialect('the database refuses an intervention that is both catalogue and own, or has an unknown status or a negative cost', async ({ store }) => {
  const { objectiveId } = await objectiveIn(store, 'RXX');
  await assert.rejects(store.interventions.create({ ...fromCatalogue(objectiveId, null), own: { name: 'X', description: 'Y' } }));
  await assert.rejects(store.interventions.create({ ...fromCatalogue(objectiveId, null), status: 'paused' as never }));
  await assert.rejects(store.interventions.create({ ...fromCatalogue(objectiveId, null), cost: -1 }));
  assert.deepEqual(await store.interventions.forObjective(objectiveId), [], 'nothing half-saved');
  assert.equal((await store.db.selectFrom('intervention_status_changes').selectAll().execute()).length, 0);
});

testEachDialect('an edit changes the terms; each change of status is kept with who and when, the others are not', async ({ store }) => {
  const mine = await objectiveIn(store, 'RXX');
  const theirs = await objectiveIn(store, 'RYY');
  const ada = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'Ada Analyst', administrator: false });
  const bo = await store.users.create({ email: 'b@trust.nhs.uk', displayName: 'Bo Admin', administrator: true });
  const saved = await store.interventions.create(fromCatalogue(mine.objectiveId, ada.id));
  const { objectiveId: _o, createdBy: _c, catalogueId: _k, ...changes } = fromCatalogue(mine.objectiveId, ada.id);

  const sameStatus = await store.interventions.update(mine.organisationId, saved.id, { ...changes, ownerName: 'C. Lead', cost: null }, bo.id);
  assert.equal(sameStatus?.ownerName, 'C. Lead');
  assert.equal(sameStatus?.cost, null);
  assert.equal(sameStatus?.updatedBy, bo.id);
  assert.equal(sameStatus?.createdBy, ada.id);
  const done = await store.interventions.update(mine.organisationId, saved.id, { ...changes, status: 'completed', endDate: '2026-03-31', shareEvaluation: true }, bo.id);
  assert.equal(done?.status, 'completed');
  assert.equal(done?.endDate, '2026-03-31');
  assert.equal(done?.shareEvaluation, true);
  assert.equal(done?.catalogueId, 'pre-formal-decision-checklist', 'a catalogue entry stays one');
  assert.equal(done?.own, null);

  assert.equal(await store.interventions.update(theirs.organisationId, saved.id, { ...changes, status: 'stopped' }, bo.id), null);
  const history = await store.interventions.statusHistory(saved.id);
  assert.deepEqual(history.map((h) => [h.status, h.by]), [['in-progress', 'Ada Analyst'], ['completed', 'Bo Admin']]);
  assert.ok(history[0]!.at <= history[1]!.at);
});

testEachDialect('removing an objective removes its interventions and their history', async ({ store }) => {
  const { objectiveId } = await objectiveIn(store, 'RXX');
  const saved = await store.interventions.create(fromCatalogue(objectiveId, null));
  await store.db.deleteFrom('objectives').where('id', '=', objectiveId).execute();
  assert.deepEqual(await store.interventions.statusHistory(saved.id), []);
  assert.equal((await store.db.selectFrom('interventions').selectAll().execute()).length, 0);
});
