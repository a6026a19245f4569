/**
 * The interventions feature through the web application over a SQLite store in memory (the same composition root as
 * the running service): adding from the catalogue and the team's own, bad input refused naming each field with
 * nothing saved, changes kept in the status history, an owner's update, the CSV, the JSON API, and the evaluation on
 * the intervention's page with its verdict in words and a table after every chart. Two synthetic years imported for
 * the organisation and for a peer, so there is a year before and a year after the start.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { VERDICT_WORDING } from '../../core/act/evaluation/verdict.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import type { AuditAction } from '../../store/store.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { evaluationOf } from './evaluation-service.ts';

const PASSWORD = 'a long enough password';
const ORG = '/organisations/MEM01';

describe('interventions over a store in memory', () => {
  let harness: Harness;
  let files: string;
  let analyst: Browser;
  let viewer: Browser;
  let owner: Browser;
  let ownerId = 0;
  let organisationId = 0;
  let objectiveId = 0;
  let base = '';

  const audited = async (action: AuditAction) => (await harness.store.audit.list({ limit: 500, offset: 0 })).filter((e) => e.action === action);
  const json = (browser: Browser, method: 'POST', url: string, body: unknown) =>
    browser.send(method, url, JSON.stringify(body), { 'content-type': 'application/json', 'x-csrf-token': browser.lastCsrf });

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    harness.setNow(new Date('2026-12-05T09:00:00Z'));
    files = mkdtempSync(join(tmpdir(), 'mirror-interventions-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(files, String(year)), { year, seed: year, staff: 500 });
      for (const organisation of [{ code: 'MEM01', name: 'In-memory trust' }, { code: 'MEM02', name: 'A peer trust' }]) {
        const imported = await importFolder(harness.store, join(files, String(year)), {
          organisation, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
        });
        assert.ok(imported.ok);
      }
    }
    organisationId = (await harness.store.organisations.byCode('MEM01'))!.id;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'viewer']] });
    owner = await signedIn(harness, { email: 'owner@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'owner']] });
    ownerId = (await harness.store.users.byEmail('owner@example.nhs.uk'))!.id;
    await analyst.get(`${ORG}/objectives/new`);
    const created = await analyst.post(`${ORG}/objectives`, {
      measure: 'wres:2', scope: 'organisation', targetKind: 'range', targetDate: '2027-03-31', ownerName: 'Alex Chair', ownerRole: 'board-member',
    });
    assert.equal(created.statusCode, 303, created.body);
    objectiveId = Number(/objectives\/(\d+)/.exec(String(created.headers['location']))?.[1]);
    base = `${ORG}/objectives/${objectiveId}/interventions`;
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('the form offers the catalogue entries aimed at the objective\'s indicator first, and members it can be assigned to', async () => {
    const form = await analyst.get(`${base}/new`);
    assert.equal(form.statusCode, 200);
    const aimed = form.body.indexOf('Aimed at this objective');
    const others = form.body.indexOf('Other interventions in the catalogue');
    assert.ok(aimed > 0 && others > aimed, 'two groups, aimed first');
    const nameBlind = form.body.indexOf('value="name-blind-shortlisting"');
    assert.ok(nameBlind > aimed && nameBlind < others, 'name-blind shortlisting (aimed at WRES 2) is in the first group');
    assert.ok(form.body.indexOf('value="pre-formal-decision-checklist"') > others, 'the disciplinary checklist (WRES 3) is among the others');
    assert.match(form.body, new RegExp(`<option value="${ownerId}">Test Person \\(owner\\)</option>`));
    assert.doesNotMatch(form.body, /\(viewer\)/, 'a viewer cannot be assigned');
  });

  test('an intervention from the catalogue is added, assigned to an owner and audited', async () => {
    await analyst.get(`${base}/new`);
    const response = await analyst.post(base, {
      source: 'name-blind-shortlisting', ownerName: 'Sam Recruit', ownerRole: 'Head of Recruitment', ownerUser: String(ownerId),
      startDate: '2024-04-01', status: 'in-progress', staffNetworks: 'Race Equality Network\nRace Equality Network\n', cost: '£12,500', shareEvaluation: 'yes',
    });
    assert.equal(response.statusCode, 303, response.body);
    const page = await analyst.get(String(response.headers['location']));
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Name-blind shortlisting<\/h1>/);
    assert.match(page.body, /The intervention has been added/);
    assert.match(page.body, /Sam Recruit, Head of Recruitment/);
    assert.match(page.body, /Test Person, who can record its status/);
    const [saved] = await harness.store.interventions.forObjective(objectiveId);
    assert.deepEqual([saved?.catalogueId, saved?.staffNetworks, saved?.cost, saved?.shareEvaluation, saved?.ownerUserId], ['name-blind-shortlisting', ['Race Equality Network'], 12500, true, ownerId]);
    const [event] = await audited('intervention-created');
    assert.deepEqual(event?.details, { objective: objectiveId, catalogueId: 'name-blind-shortlisting', status: 'in-progress', ownerUserId: ownerId });
    const objectivePage = await analyst.get(`${ORG}/objectives/${objectiveId}`);
    assert.match(objectivePage.body, /Name-blind shortlisting<\/a>: in progress/, 'the objective lists its interventions');
  });

  test('the team\'s own intervention is added with its name and description', async () => {
    await analyst.get(`${base}/new`);
    const response = await analyst.post(base, {
      source: 'own', name: 'Shortlisting audit', description: 'Every month a second person re-scores ten shortlists.', ownerName: 'Kim Lead', ownerRole: 'Deputy Director of People', status: 'planned',
    });
    assert.equal(response.statusCode, 303, response.body);
    const page = await analyst.get(String(response.headers['location']));
    assert.match(page.body, /<h1>Shortlisting audit<\/h1>/);
    assert.match(page.body, /Written by the team/);
    assert.match(page.body, /There is no evaluation until the intervention has a start date/);
  });

  test('bad input is refused, each problem named on its field, and nothing is saved', async () => {
    const before = (await harness.store.interventions.list(organisationId)).length;
    await analyst.get(`${base}/new`);
    const response = await analyst.post(base, {
      source: 'own', name: '', description: 'x', ownerName: 'Kim Lead', ownerRole: '', ownerUser: '99999', startDate: '2025-02-30', status: 'in-progress', cost: '-5',
    });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    for (const [field, words] of [
      ['name', 'Enter a name for your intervention'], ['ownerRole', 'Enter the owner&#39;s role'], ['startDate', 'Start date must be a real date'],
      ['cost', 'Cost must be an amount in pounds'], ['ownerUser', 'Choose a member of this organisation who is an owner or an analyst'],
    ]) {
      assert.match(response.body, new RegExp(`href="#${field}"`), field);
      assert.ok(response.body.includes(words!), words);
    }
    assert.match(response.body, /value="Kim Lead"/, 'what was typed is kept');
    assert.equal((await harness.store.interventions.list(organisationId)).length, before);
    const unknown = await analyst.post(base, { source: 'no-such-entry', ownerName: 'A', ownerRole: 'B', status: 'planned' });
    assert.equal(unknown.statusCode, 400);
    assert.ok(unknown.body.includes('Choose an intervention that is in the catalogue'));
  });

  test('a change is saved, its new status appended to the history and audited by field', async () => {
    const [first] = await harness.store.interventions.forObjective(objectiveId);
    const href = `${base}/${first!.id}`;
    const form = await analyst.get(`${href}/edit`);
    assert.match(form.body, /value="Sam Recruit"/);
    const response = await analyst.post(`${href}/edit`, {
      source: 'own', ownerName: 'Sam Recruit', ownerRole: 'Head of Resourcing', ownerUser: String(ownerId), startDate: '2024-04-01', endDate: '2026-03-31',
      status: 'completed', staffNetworks: 'Race Equality Network', cost: '12500', shareEvaluation: 'yes',
    });
    assert.equal(response.statusCode, 303, response.body);
    assert.equal(response.headers['location'], `${href}?changed=1`);
    const saved = await harness.store.interventions.byId(organisationId, first!.id);
    assert.equal(saved?.catalogueId, 'name-blind-shortlisting', 'where it came from cannot change');
    assert.deepEqual((await harness.store.interventions.statusHistory(first!.id)).map((h) => h.status), ['in-progress', 'completed']);
    const page = await analyst.get(`${href}?changed=1`);
    assert.match(page.body, /The intervention has been changed/);
    assert.ok(page.body.indexOf('>Completed<') < page.body.lastIndexOf('>In progress<'), 'the history is newest first');
    const [event] = (await audited('intervention-changed')).reverse();
    assert.deepEqual(event?.details, { changed: ['ownerRole', 'endDate', 'status'], from: 'in-progress', to: 'completed' });
  });

  test('the assigned owner records an update with a note; a viewer can read but not change', async () => {
    const [first] = await harness.store.interventions.forObjective(objectiveId);
    const href = `${base}/${first!.id}`;
    await owner.get(href);
    const update = await owner.post(`${href}/updates`, { status: 'in-progress', note: 'Restarted for medical posts.' });
    assert.equal(update.statusCode, 303, update.body);
    assert.equal(update.headers['location'], `${href}?updated=1#history`);
    const page = await owner.get(`${href}?updated=1`);
    assert.match(page.body, /Your update has been added/);
    assert.match(page.body, /Restarted for medical posts\./);
    assert.equal((await owner.post(`${href}/edit`, { status: 'stopped' })).statusCode, 403, 'an owner does not edit the terms');
    const viewed = await viewer.get(href);
    assert.equal(viewed.statusCode, 200);
    assert.doesNotMatch(viewed.body, /Record an update|Change status, dates or details/);
    assert.equal((await viewer.post(`${href}/updates`, { status: 'stopped', note: 'x' })).statusCode, 403);
    assert.equal((await viewer.post(base, { source: 'own', name: 'x', description: 'y', ownerName: 'a', ownerRole: 'b', status: 'planned' })).statusCode, 403);
  });

  test('the CSV lists every intervention with its counts of nothing personal, and is audited', async () => {
    const response = await viewer.get(`${ORG}/interventions.csv`);
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-type']), /text\/csv/);
    const lines = response.body.trim().split(/\r?\n/);
    assert.equal(lines[0], 'id,objective_id,catalogue_id,name,owner_name,owner_role,start_date,end_date,status,staff_networks,cost_pounds,share_evaluation,updated_at');
    assert.equal(lines.length, 3);
    assert.match(lines[1]!, /,name-blind-shortlisting,Name-blind shortlisting,Sam Recruit,Head of Resourcing,2024-04-01,2026-03-31,In progress,Race Equality Network,12500,yes,/);
    assert.match(lines[2]!, /,,Shortlisting audit,Kim Lead,Deputy Director of People,,,Planned,,,no,/);
    assert.ok((await audited('export')).some((e) => e.subject === 'interventions.csv'));
    const list = await viewer.get(`${ORG}/interventions`);
    assert.match(list.body, /Shortlisting audit<\/a> \(the team's own\)/);
  });

  test('the API lists, adds (refusing bad input by field), reads with the history and evaluation, and takes an owner\'s update', async () => {
    const api = `/api/v1${base}`;
    const listed = JSON.parse((await viewer.get(`/api/v1${ORG}/interventions`)).body) as { name: string }[];
    assert.deepEqual(listed.map((i) => i.name), ['Name-blind shortlisting', 'Shortlisting audit']);
    await analyst.get(`${ORG}/interventions`);
    const bad = await json(analyst, 'POST', api, { catalogueId: 'diverse-interview-panels', ownerName: 'A', status: 'started', ownerUserId: 424242 });
    assert.equal(bad.statusCode, 400);
    assert.deepEqual((JSON.parse(bad.body).problems as { field: string }[]).map((p) => p.field).sort(), ['ownerRole', 'ownerUser', 'status']);
    const created = await json(analyst, 'POST', api, { catalogueId: 'diverse-interview-panels', ownerName: 'A. Panel', ownerRole: 'Head of Recruitment', status: 'planned' });
    assert.equal(created.statusCode, 201, created.body);
    const body = JSON.parse(created.body);
    assert.deepEqual([body.name, body.statusHistory.length, body.ownerUserId], ['Diverse or inclusive interview panels', 1, null]);
    await viewer.get(`${ORG}/interventions`);
    assert.equal((await json(viewer, 'POST', api, { catalogueId: 'diverse-interview-panels', ownerName: 'A', ownerRole: 'B', status: 'planned' })).statusCode, 403);
    assert.equal((await json(viewer, 'POST', `${api}/${body.id}/updates`, { status: 'completed' })).statusCode, 403);
    await owner.get(`${ORG}/interventions`);
    assert.equal((await json(owner, 'POST', `${api}/${body.id}/updates`, { status: 'completed' })).statusCode, 403, 'not assigned to them');
    const [first] = await harness.store.interventions.forObjective(objectiveId);
    const ownUpdate = await json(owner, 'POST', `${api}/${first!.id}/updates`, { status: 'in-progress', note: 'Audited ten shortlists.' });
    assert.equal(ownUpdate.statusCode, 201, ownUpdate.body);
    assert.equal(JSON.parse(ownUpdate.body).statusHistory.at(-1).note, 'Audited ten shortlists.');
    const read = JSON.parse((await viewer.get(`${api}/${first!.id}`)).body);
    assert.equal(read.intervention.id, first!.id);
    assert.equal(read.evaluation.available, true);
    assert.ok(Object.values(VERDICT_WORDING).includes(read.evaluation.headline), read.evaluation.headline);
    assert.ok((await audited('intervention-updated')).every((e) => e.userId === ownerId));
  });

  test('the evaluation shows the verdict in words, each chart followed by its table, the years either side and the peers', async () => {
    const [first] = await harness.store.interventions.forObjective(objectiveId);
    const objective = (await harness.store.objectives.byId(organisationId, objectiveId))!;
    const expected = await evaluationOf(harness.services, objective, first!, DEFAULT_DISCLOSURE_POLICY);
    assert.ok(expected.available);
    const page = await viewer.get(`${base}/${first!.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(Object.values(VERDICT_WORDING).includes(expected.evaluation.headline));
    assert.ok(page.body.includes(expected.evaluation.headline), expected.evaluation.headline);
    assert.match(page.body, /<h3>Month by month<\/h3>/);
    assert.ok(page.body.lastIndexOf('<figure class="mirror-chart">') < page.body.indexOf('The monthly figures in the charts'), 'the table follows the charts');
    assert.match(page.body, /Reporting years either side of the start/);
    assert.match(page.body, /Before the start<\/th>\s*<td[^>]*>2023 to 2024<\/td>\s*<td[^>]*>White: \d+ of \d+; Ethnic minority: \d+ of \d+<\/td>/);
    assert.match(page.body, /After the start<\/th>\s*<td[^>]*>2024 to 2025<\/td>\s*<td[^>]*>White: \d+ of \d+; Ethnic minority: \d+ of \d+<\/td>/);
    // The peer imported the same files, so it changed exactly as this organisation did.
    assert.match(page.body, /Peers: 1 other organisation in Mirror \(A peer trust\)/);
    assert.match(page.body, /Difference in differences:<\/strong> 1\.00 times/);
    assert.match(page.body, /so the change here may not be the intervention&#39;s/);
    assert.doesNotMatch(page.body, /Small numbers are shown/, 'a viewer sees small numbers withheld');
    const analystPage = await analyst.get(`${base}/${first!.id}`);
    assert.match(analystPage.body, /Small numbers are shown/);
    // An analyst sees every month, so there are 12 before the start: limits from them, and the rebased chart.
    assert.match(analystPage.body, /12 months with a figure before the start and 12 from the start on/);
    const charts = analystPage.body.match(/<figure class="mirror-chart">/g) ?? [];
    assert.equal(charts.length, 2, 'against the baseline and recalculated from the start');
    assert.ok(analystPage.body.lastIndexOf('<figure class="mirror-chart">') < analystPage.body.indexOf('The monthly figures in the charts'), 'the table follows the charts');
    const csv = await viewer.get(`${base}/${first!.id}/evaluation.csv`);
    assert.equal(csv.statusCode, 200);
    assert.ok(csv.body.startsWith('part,period,numerator_group_events,'));
    assert.ok((await audited('export')).some((e) => e.subject === `interventions/${first!.id}/evaluation.csv`));
  });
});
