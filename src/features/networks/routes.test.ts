/**
 * Staff networks through the web (issue 12, item 9): analysts add a network; its chair (and analysts) record its
 * input, programmes and pulse questions, and nobody else who is a member can; the input shows on the objective's and
 * intervention's pages; a pulse question is answered with no sign-in while open, and its results appear only once it
 * has closed, with small counts and their complement withheld.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { addUser, Browser, createHarness, type Harness } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('staff networks', () => {
  let harness: Harness;
  const people = new Map<string, Browser>();
  let a = 0;
  let b = 0;
  let chairId = 0;
  let objective = 0;
  let intervention = 0;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    const { store } = harness;
    const org = async (code: string) => {
      await store.imports.create({
        organisation: { code, name: `Organisation ${code}` }, year: 2025, importedBy: null, channel: 'cli', sources: [], notes: [],
        records: { staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null },
        standardCounts: {},
      });
      return (await store.organisations.byCode(code))!.id;
    };
    a = await org('ORGA');
    b = await org('ORGB');
    await addUser(store, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[a, 'analyst']] });
    await addUser(store, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[a, 'viewer']] });
    chairId = (await addUser(store, { email: 'chair@example.nhs.uk', displayName: 'Amara Chair', password: PASSWORD, memberships: [[a, 'viewer']] })).id;
    await addUser(store, { email: 'other@example.nhs.uk', password: PASSWORD, memberships: [[b, 'analyst']] });
    for (const who of ['analyst', 'viewer', 'chair', 'other']) {
      const browser = new Browser(harness.app);
      await browser.get('/sign-in');
      assert.equal((await browser.post('/sign-in', { email: `${who}@example.nhs.uk`, password: PASSWORD })).statusCode, 303);
      people.set(who, browser);
    }
    const o = await store.objectives.create({
      organisationId: a, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2028-03-31', ownerName: 'A. Chair',
      ownerRole: 'board-member', action: null, ownerUserId: null, createdBy: null,
      baseline: { year: 2025, kind: 'ratio', value: 1.2, ci95: [0.9, 1.6], counts: [], smallNumbers: false, parity: 1 },
    });
    objective = o.id;
    intervention = (await store.interventions.create({
      objectiveId: o.id, catalogueId: 'pre-formal-decision-checklist', own: null, ownerName: 'B. Lead', ownerRole: 'Director of People',
      startDate: '2024-10-01', endDate: null, status: 'in-progress', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId: null, createdBy: null,
    })).id;
    harness.setNow(new Date('2025-05-10T09:00:00Z'));
  });

  after(() => harness.close());

  const networkId = async () => (await harness.store.staffNetworks.list(a))[0]!.id;

  test('an analyst adds a network with its chair and sponsor; a viewer cannot; nobody else sees it', async () => {
    const analyst = people.get('analyst')!;
    await analyst.get('/organisations/ORGA/networks/new');
    const refused = await analyst.post('/organisations/ORGA/networks', { name: '', chairName: 'Amara Okafor' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /Enter the network&#39;s name|Enter the network's name/);
    const saved = await analyst.post('/organisations/ORGA/networks', {
      name: 'Race Equality Network', purpose: 'A voice for ethnic minority staff.', chairName: 'Amara Okafor', chairRole: 'Staff nurse', chairUser: String(chairId),
      sponsorName: 'Dev Patel', sponsorRole: 'Chief People Officer',
    });
    assert.equal(saved.statusCode, 303);
    const id = await networkId();
    const page = await people.get('viewer')!.get(`/organisations/ORGA/networks/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Amara Okafor, Staff nurse/);
    assert.match(page.body, /Dev Patel, Chief People Officer/);
    assert.doesNotMatch(page.body, /Record the network&#39;s input|Record the network's input/);
    const viewer = people.get('viewer')!;
    assert.equal((await viewer.post('/organisations/ORGA/networks', { name: 'Another' })).statusCode, 403);
    assert.equal((await viewer.post(`/organisations/ORGA/networks/${id}/inputs`, { subject: `objective:${objective}`, said: 'x', givenOn: '2025-05-01' })).statusCode, 403);
    assert.equal((await people.get('other')!.get(`/organisations/ORGA/networks/${id}`)).statusCode, 404);
    const events = await harness.store.audit.list({ limit: 50, offset: 0 });
    assert.ok(events.some((e) => e.action === 'network-created' && e.subject === `networks/${id}`));
    assert.ok(events.some((e) => e.action === 'view' && e.subject === `networks/${id}`));
  });

  test("the chair records the network's input, shown on the objective's and the intervention's pages", async () => {
    const id = await networkId();
    const chair = people.get('chair')!;
    await chair.get(`/organisations/ORGA/networks/${id}`);
    const future = await chair.post(`/organisations/ORGA/networks/${id}/inputs`, { subject: `objective:${objective}`, said: 'Panels must be diverse.', givenOn: '2025-06-01' });
    assert.equal(future.statusCode, 400);
    assert.match(future.body, /today or in the past/);
    assert.equal((await chair.post(`/organisations/ORGA/networks/${id}/inputs`, { subject: `objective:${objective}`, said: 'Every shortlisting panel must be diverse.', givenOn: '2025-04-02' })).statusCode, 303);
    assert.equal((await chair.post(`/organisations/ORGA/networks/${id}/inputs`, { subject: `intervention:${intervention}`, said: 'We co-wrote the checklist.', givenOn: '2025-04-20' })).statusCode, 303);
    const objectivePage = await people.get('viewer')!.get(`/organisations/ORGA/objectives/${objective}`);
    assert.match(objectivePage.body, /Staff networks&#39; input|Staff networks' input/);
    assert.match(objectivePage.body, /Race Equality Network<\/a>, 2025-04-02:[\s\S]*Every shortlisting panel must be diverse\./);
    const interventionPage = await people.get('viewer')!.get(`/organisations/ORGA/objectives/${objective}/interventions/${intervention}`);
    assert.match(interventionPage.body, /We co-wrote the checklist\./);
    assert.doesNotMatch(interventionPage.body, /Every shortlisting panel/);
  });

  test('a mentoring programme and its evaluation; a favourable split resting on fewer than 8 is withheld', async () => {
    const id = await networkId();
    const chair = people.get('chair')!;
    await chair.get(`/organisations/ORGA/networks/${id}`);
    const added = await chair.post(`/organisations/ORGA/networks/${id}/programmes`, { name: 'Reverse mentoring for the board', kind: 'reverse', pairs: '12', startDate: '2024-09-01' });
    assert.equal(added.statusCode, 303);
    const programme = (await harness.store.staffNetworks.programmes(id))[0]!;
    await chair.get(`/organisations/ORGA/networks/${id}/programmes/${programme.id}`);
    const tooMany = await chair.post(`/organisations/ORGA/networks/${id}/programmes/${programme.id}`, { name: programme.name, kind: 'reverse', pairs: '12', startDate: '2024-09-01', pairsCompleted: '13' });
    assert.equal(tooMany.statusCode, 400);
    const evaluated = await chair.post(`/organisations/ORGA/networks/${id}/programmes/${programme.id}`, {
      name: programme.name, kind: 'reverse', pairs: '12', startDate: '2024-09-01', endDate: '2025-03-31', evaluation: 'Most leaders said it changed how they lead.',
      pairsCompleted: '10', responses: '20', positiveResponses: '15',
    });
    assert.equal(evaluated.statusCode, 303);
    const page = await people.get('viewer')!.get(`/organisations/ORGA/networks/${id}`);
    assert.match(page.body, /Reverse mentoring, 12 pairs, 2024-09-01 to 2025-03-31\. 10 pairs completed\./);
    assert.match(page.body, /20 answered the evaluation; how many answered favourably is withheld/);
    assert.doesNotMatch(page.body, /15 of 20/);
    assert.equal((await people.get('viewer')!.get(`/organisations/ORGA/networks/${id}/programmes/${programme.id}`)).statusCode, 403);
  });

  test('a pulse question is answered with no sign-in while open, and its results shown only once closed, under disclosure control', async () => {
    const id = await networkId();
    const analyst = people.get('analyst')!;
    await analyst.get(`/organisations/ORGA/networks/${id}`);
    assert.equal((await analyst.post(`/organisations/ORGA/networks/${id}/pulse`, { question: 'Do you feel safe to speak up?', options: 'Yes\nNo', opensOn: '2025-05-01', closesOn: '2025-04-30' })).statusCode, 400);
    assert.equal((await analyst.post(`/organisations/ORGA/networks/${id}/pulse`, { question: 'Do you feel safe to speak up?', options: 'Yes\nNo\nNot sure', opensOn: '2025-05-01', closesOn: '2025-05-31' })).statusCode, 303);
    const q = (await harness.store.staffNetworks.questions(id))[0]!.id;
    const url = `/networks/ORGA/${id}/pulse/${q}`;
    const anyone = new Browser(harness.app);
    const form = await anyone.get(url);
    assert.equal(form.statusCode, 200);
    assert.equal(form.headers['cache-control'], 'no-store');
    assert.match(form.body, /Send my answer/);
    for (const [answer, times] of [['0', 12], ['1', 5], ['2', 9]] as const) {
      for (let i = 0; i < times; i++) assert.equal((await anyone.post(url, { answer })).statusCode, 200);
    }
    assert.equal((await anyone.post(url, { answer: '7' })).statusCode, 400, 'not one of its answers');
    assert.deepEqual(await harness.store.staffNetworks.tallies(q, 3), [12, 5, 9]);
    const whileOpen = await people.get('viewer')!.get(`/organisations/ORGA/networks/${id}`);
    assert.doesNotMatch(whileOpen.body, /in all\)/, 'no results while open');

    // Opened on the last day, sent the next: too late.
    harness.setNow(new Date('2025-05-31T23:58:00Z'));
    await anyone.get(url);
    harness.setNow(new Date('2025-06-01T00:01:00Z'));
    assert.equal((await anyone.post(url, { answer: '0' })).statusCode, 409, 'closed');
    const closed = await anyone.get(url);
    assert.match(closed.body, /Answers \(26 in all\)/);
    assert.match(closed.body, /Yes<\/th><td class="nhsuk-table__cell mirror-numeric">12</);
    // No (5) is withheld, and Not sure (9) with it: otherwise 26 − 12 − 9 would give it away.
    assert.match(closed.body, /No<\/th><td class="nhsuk-table__cell mirror-numeric">Withheld</);
    assert.match(closed.body, /Not sure<\/th><td class="nhsuk-table__cell mirror-numeric">Withheld</);
    const page = await people.get('viewer')!.get(`/organisations/ORGA/networks/${id}`);
    assert.match(page.body, /\(26 in all\)/);
    assert.equal((await anyone.get(`/networks/ORGB/${id}/pulse/${q}`)).statusCode, 404, "not under another organisation's code");
    assert.equal((await anyone.get(`/networks/ORGA/${id}/pulse/99999`)).statusCode, 404);
  });
});
