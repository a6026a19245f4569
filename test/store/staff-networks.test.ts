/**
 * Migration 0015 on both databases: reports counted for the trends (when a case is created, never lowered when it is
 * deleted, and filled from existing cases by the migration), and staff networks with their input, mentoring
 * programmes and pulse tallies, each kept to its organisation, and what the tables refuse.
 */
import assert from 'node:assert/strict';
import type { KyselyStore } from '../../src/store/kysely-store.ts';
import { dialectColumns } from '../../src/store/migrations/column-types.ts';
import * as staffNetworks from '../../src/store/migrations/0015-staff-networks.ts';
import type { NewReportCase } from '../../src/store/reporting-types.ts';
import { testEachDialect } from './each-dialect.ts';

async function organisationRow(store: KyselyStore, code: string): Promise<number> {
  const row = await store.db.insertInto('organisations').values({ code, name: `Trust ${code}`, region: null, type: null, synthetic: false }).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

const report = (organisationId: number, n: number, extra: Partial<NewReportCase> = {}): NewReportCase => ({
  organisationId, receiptHash: `hash-${n}`, route: 'anonymous', category: 'colleagues', directorate: null, wanted: 'heard',
  content: `sealed-${n}`, contact: null, handlerRole: 'hr', receivedOn: '2025-03-10', ...extra,
});

const NETWORK = { name: 'Race Equality Network', purpose: 'A voice for ethnic minority staff.', chairName: 'Amara Okafor', chairRole: 'Staff nurse', chairUserId: null, sponsorName: 'Dev Patel', sponsorRole: 'Chief People Officer' };

testEachDialect('reports are counted by month, category and directorate, and the counts outlive the cases', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  const b = await organisationRow(store, 'RYY');
  const ids = [
    await store.reporting.createCase(report(a, 1)),
    await store.reporting.createCase(report(a, 2, { receivedOn: '2025-03-31' })),
    await store.reporting.createCase(report(a, 3, { directorate: 'surgery', receivedOn: '2025-04-01' })),
    await store.reporting.createCase(report(b, 4)),
  ];
  assert.deepEqual(await store.reporting.reportCounts(a, '2025-03', '2025-04'), [
    { month: '2025-03', category: 'colleagues', directorate: null, count: 2 },
    { month: '2025-04', category: 'colleagues', directorate: 'surgery', count: 1 },
  ]);
  assert.deepEqual(await store.reporting.reportCounts(a, '2025-04', '2025-12'), [{ month: '2025-04', category: 'colleagues', directorate: 'surgery', count: 1 }]);
  assert.equal(await store.reporting.firstReportMonth(a), '2025-03');
  assert.equal(await store.reporting.firstReportMonth(await organisationRow(store, 'RZZ')), null);
  await store.reporting.deleteCases(ids.slice(0, 2));
  assert.equal((await store.reporting.reportCounts(a, '2025-03', '2025-03'))[0]?.count, 2, 'deleting cases lowers no count');
});

testEachDialect('the migration counts the cases already kept', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  await store.reporting.createCase(report(a, 1));
  await store.reporting.createCase(report(a, 2, { directorate: 'surgery' }));
  await store.reporting.createCase(report(a, 3, { directorate: 'surgery', receivedOn: '2025-03-30' }));
  await staffNetworks.down(store.db);
  await staffNetworks.up(store.db, dialectColumns(store.dialect));
  assert.deepEqual(await store.reporting.reportCounts(a, '2025-01', '2025-12'), [
    { month: '2025-03', category: 'colleagues', directorate: null, count: 1 },
    { month: '2025-03', category: 'colleagues', directorate: 'surgery', count: 2 },
  ]);
});

testEachDialect('staff networks, their input, programmes and pulse tallies are kept to their organisation', async ({ store }) => {
  const a = await organisationRow(store, 'RXX');
  const b = await organisationRow(store, 'RYY');
  const chair = await store.users.create({ email: 'amara@trust.nhs.uk', displayName: 'Amara', administrator: false });
  const id = await store.staffNetworks.create(a, { ...NETWORK, chairUserId: chair.id }, null);
  await assert.rejects(store.staffNetworks.create(a, NETWORK, null), 'one name a network in an organisation');
  const other = await store.staffNetworks.create(b, NETWORK, null);
  assert.equal((await store.staffNetworks.byId(b, id)), null, "another organisation's network is not found");
  assert.equal((await store.staffNetworks.byId(a, id))?.chairUserId, chair.id);
  await store.staffNetworks.update(id, { ...NETWORK, chairName: 'Kwame Mensah', chairUserId: null });
  assert.deepEqual((await store.staffNetworks.list(a)).map((n) => [n.name, n.chairName, n.chairUserId]), [['Race Equality Network', 'Kwame Mensah', null]]);

  const objective = await store.objectives.create({
    organisationId: a, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2028-03-31', ownerName: 'A. Chair',
    ownerRole: 'board-member', action: null, ownerUserId: null, createdBy: null,
    baseline: { year: 2025, kind: 'ratio', value: 1.2, ci95: [0.9, 1.6], counts: [], smallNumbers: false, parity: 1 },
  });
  const intervention = await store.interventions.create({
    objectiveId: objective.id, catalogueId: 'pre-formal-decision-checklist', own: null, ownerName: 'B. Lead', ownerRole: 'Director of People',
    startDate: '2024-10-01', endDate: null, status: 'in-progress', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId: null, createdBy: null,
  });
  await store.staffNetworks.addInput({ networkId: id, objectiveId: objective.id, interventionId: null, said: 'Panels must be diverse.', givenOn: '2025-02-01', recordedBy: null });
  await store.staffNetworks.addInput({ networkId: id, objectiveId: null, interventionId: intervention.id, said: 'We co-wrote the checklist.', givenOn: '2025-03-01', recordedBy: null });
  await assert.rejects(store.staffNetworks.addInput({ networkId: id, objectiveId: objective.id, interventionId: intervention.id, said: 'x', givenOn: '2025-03-01', recordedBy: null }), 'one subject only');
  assert.deepEqual((await store.staffNetworks.inputs(id)).map((i) => i.said), ['We co-wrote the checklist.', 'Panels must be diverse.']);
  assert.deepEqual((await store.staffNetworks.inputsOn({ objectiveId: objective.id })).map((i) => [i.networkName, i.givenOn]), [['Race Equality Network', '2025-02-01']]);
  assert.equal((await store.staffNetworks.inputsOn({ interventionId: intervention.id })).length, 1);

  const programme = { name: 'Reverse mentoring for the board', kind: 'reverse', pairs: 12, startDate: '2024-09-01', endDate: null, evaluation: '', pairsCompleted: null, responses: null, positiveResponses: null } as const;
  const pid = (await store.staffNetworks.saveProgramme(id, programme, null))!;
  assert.equal(await store.staffNetworks.saveProgramme(other, programme, null, pid), null, "another network's programme is not changed");
  assert.equal(await store.staffNetworks.saveProgramme(id, { ...programme, endDate: '2025-03-31', evaluation: 'Most found it changed how they lead.', pairsCompleted: 10, responses: 20, positiveResponses: 17 }, null, pid), pid);
  assert.deepEqual((await store.staffNetworks.programmes(id)).map((p) => [p.pairsCompleted, p.positiveResponses, p.endDate]), [[10, 17, '2025-03-31']]);
  await assert.rejects(store.staffNetworks.saveProgramme(id, { ...programme, pairsCompleted: 13 }, null), 'no more pairs completed than started');
  await assert.rejects(store.staffNetworks.saveProgramme(id, { ...programme, kind: 'sideways' as 'reverse' }, null), 'a known kind');

  const q = await store.staffNetworks.createQuestion({ networkId: id, question: 'Do you feel safe to speak up?', options: ['Yes', 'No', 'Not sure'], opensOn: '2025-05-01', closesOn: '2025-05-31', createdBy: null });
  await assert.rejects(store.staffNetworks.createQuestion({ networkId: id, question: 'x', options: ['a', 'b'], opensOn: '2025-06-01', closesOn: '2025-05-01', createdBy: null }), 'opens before it closes');
  assert.equal(await store.staffNetworks.question(other, q), null);
  assert.deepEqual((await store.staffNetworks.question(id, q))?.options, ['Yes', 'No', 'Not sure']);
  for (const option of [0, 0, 2, 0]) await store.staffNetworks.answer(q, option);
  assert.deepEqual(await store.staffNetworks.tallies(q, 3), [3, 0, 1]);
  const columns = Object.keys((await store.db.selectFrom('pulse_tallies').selectAll().executeTakeFirstOrThrow()));
  assert.deepEqual(columns.sort(), ['answers', 'option_index', 'question_id'], 'a tally records no time and no answerer');
});
