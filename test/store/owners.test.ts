import assert from 'node:assert/strict';
import type { Kysely } from 'kysely';
import type { HeadlineFigure } from '../../src/core/act/headline.ts';
import { runMigrations } from '../../src/store/migrate.ts';
import { migrationsFor } from '../../src/store/migrations/index.ts';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { testEachDialect } from './each-dialect.ts';

const BASELINE: HeadlineFigure = {
  year: 2025, kind: 'ratio', value: 1.25, ci95: [0.83, 1.88], smallNumbers: false, parity: 1,
  counts: [{ group: 'white', events: 100, population: 400 }, { group: 'ethnicMinority', events: 20, population: 100 }],
};

async function organisationRow(store: KyselyStore, code: string): Promise<number> {
  const row = await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

testEachDialect('0010 keeps every membership, accepts the owner role and still refuses any other', async ({ store }) => {
  const all = migrationsFor(store.dialect);
  await runMigrations(store.db, Object.fromEntries(Object.entries(all).filter(([name]) => name < '0010')));
  const organisationId = await organisationRow(store, 'RXX');
  const analyst = await store.users.create({ email: 'a@trust.nhs.uk', displayName: 'Ada', administrator: false });
  const viewer = await store.users.create({ email: 'v@trust.nhs.uk', displayName: 'Vic', administrator: false });
  await store.users.setMembership(analyst.id, organisationId, 'analyst');
  await store.users.setMembership(viewer.id, organisationId, 'viewer');
  await assert.rejects(store.users.setMembership(viewer.id, organisationId, 'owner'), 'before 0010 there is no owner role');
  assert.deepEqual(await runMigrations(store.db, Object.fromEntries(Object.entries(all).filter(([name]) => name < '0011'))), ['0010-owners']);
  assert.deepEqual((await store.users.members(organisationId)).map((m) => [m.displayName, m.role]), [['Ada', 'analyst'], ['Vic', 'viewer']]);
  await store.users.setMembership(viewer.id, organisationId, 'owner');
  assert.deepEqual((await store.users.memberships(viewer.id)).map((m) => m.role), ['owner']);
  await assert.rejects((store.db as Kysely<any>).insertInto('memberships').values({ user_id: analyst.id, organisation_id: organisationId, role: 'boss' })
    .onConflict((c) => c.columns(['user_id', 'organisation_id']).doUpdateSet({ role: 'boss' })).execute());
  await store.users.setMembership(analyst.id, organisationId, null);
  assert.deepEqual((await store.users.members(organisationId)).map((m) => m.displayName), ['Vic'], 'a removed membership is gone; the key still holds');
}, { migrate: false });

testEachDialect('members lists only active accounts; objectives and interventions keep whom they are assigned to', async ({ store }) => {
  const organisationId = await organisationRow(store, 'RXX');
  const otherId = await organisationRow(store, 'RYY');
  const owner = await store.users.create({ email: 'o@trust.nhs.uk', displayName: 'Olu Owner', administrator: false });
  const gone = await store.users.create({ email: 'g@trust.nhs.uk', displayName: 'Gone', administrator: false });
  await store.users.setMembership(owner.id, organisationId, 'owner');
  await store.users.setMembership(gone.id, organisationId, 'owner');
  await store.users.setActive(gone.id, false);
  assert.deepEqual(await store.users.members(organisationId), [{ userId: owner.id, displayName: 'Olu Owner', role: 'owner' }]);
  assert.deepEqual(await store.users.members(otherId), []);

  const objective = await store.objectives.create({
    organisationId, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2027-03-31',
    ownerName: 'Olu Owner', ownerRole: 'executive-lead', action: null, baseline: BASELINE, ownerUserId: owner.id, createdBy: null,
  });
  assert.equal((await store.objectives.byId(organisationId, objective.id))?.ownerUserId, owner.id);
  const unassigned = await store.objectives.update(organisationId, objective.id, { ...objective, ownerUserId: null });
  assert.equal(unassigned?.ownerUserId, null);

  const intervention = await store.interventions.create({
    objectiveId: objective.id, catalogueId: 'name-blind-shortlisting', own: null, ownerName: 'Olu Owner', ownerRole: 'Head of Recruitment',
    startDate: '2025-04-01', endDate: null, status: 'planned', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId: owner.id, createdBy: null,
  });
  assert.equal(intervention.ownerUserId, owner.id);
  assert.equal(await store.interventions.recordUpdate(otherId, intervention.id, { status: 'in-progress', note: 'x' }, owner.id), null, 'another organisation cannot update it');
  const updated = await store.interventions.recordUpdate(organisationId, intervention.id, { status: 'in-progress', note: 'Started in every directorate.' }, owner.id);
  assert.equal(updated?.status, 'in-progress');
  assert.equal(updated?.updatedBy, owner.id);
  await store.interventions.recordUpdate(organisationId, intervention.id, { status: 'in-progress', note: null }, owner.id);
  const history = await store.interventions.statusHistory(intervention.id);
  assert.deepEqual(history.map((h) => [h.status, h.note, h.by]), [['planned', null, null], ['in-progress', 'Started in every directorate.', 'Olu Owner'], ['in-progress', null, 'Olu Owner']]);
  assert.deepEqual({ ...(await store.interventions.byId(organisationId, intervention.id)), updatedAt: null }, { ...updated, updatedAt: null }, 'nothing else changed');
});
