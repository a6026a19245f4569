/**
 * Objectives and comply-or-explain through the web application, on a synthetic trust with two years imported:
 * the SMART check's refusal names what is missing, the baseline equals the dashboard's figure, progress is worked
 * out from the later year, reviews append, viewers read but cannot change, cases chart by month, and every change
 * is audited. Real store, real import, real routes.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';
const BASE = '/organisations/ORGA/objectives';

describe('objectives and comply-or-explain', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let viewer: Browser;

  before(async () => {
    harness = await createHarness();
    harness.setNow(new Date('2026-12-05T09:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'mirror-objectives-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: year, staff: 600 });
      const result = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'ORGA', name: 'Organisation A' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok);
    }
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('an objective with no owner or date is refused, the error summary naming each missing part', async () => {
    await analyst.get(`${BASE}/new`);
    const response = await analyst.post(BASE, { measure: 'wres:2', scope: 'organisation', targetKind: 'range', targetDate: '', ownerName: '', ownerRole: '' });
    assert.equal(response.statusCode, 400);
    assert.match(response.body, /There is a problem/);
    for (const message of ['Enter the date the target is to be met by', 'Enter the name of the person who owns this objective', 'Choose the owner&#39;s role']) {
      assert.ok(response.body.includes(message), message);
    }
    assert.match(response.body, /href="#targetDate"/);
    assert.deepEqual(await harness.store.objectives.list((await harness.store.organisations.byCode('ORGA'))!.id), []);
  });

  test('the API refuses the same objective with a sentence naming what is missing', async () => {
    await analyst.get(BASE);
    const response = await analyst.send('POST', `/api/v1/organisations/ORGA/objectives`, JSON.stringify({ standard: 'wres', indicator: '2', targetKind: 'parity' }), {
      'content-type': 'application/json', 'x-csrf-token': analyst.lastCsrf,
    });
    assert.equal(response.statusCode, 400);
    assert.equal(JSON.parse(response.body).error, 'This objective is not SMART yet: it needs a date and an owner.');
  });

  test('a complete objective for WRES indicator 2 takes the latest year\'s figure as its baseline, the dashboard\'s figure', async () => {
    await analyst.get(`${BASE}/new`);
    const response = await analyst.post(BASE, {
      measure: 'wres:2', scope: 'organisation', targetKind: 'range', targetDate: '2028-03-31', ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2',
    });
    assert.equal(response.statusCode, 303);
    const page = await analyst.get(String(response.headers['location']));
    assert.equal(page.statusCode, 200);
    const baseline = /<span id="baseline-value">([^<]+)<\/span> in 2025/.exec(page.body)?.[1];
    const dashboard = await analyst.get('/organisations/ORGA/2025');
    const figure = /indicators\/2"><span class="mirror-wide-only">2\.[^<]*<\/span>[^\n]*?<\/a><\/td>\s*<td[^>]*><span[^>]*>Figure <\/span>\s*<span><strong>([^<]+)<\/strong>/.exec(dashboard.body)?.[1];
    assert.ok(baseline && figure, `baseline ${baseline}, dashboard ${figure}`);
    assert.equal(baseline, figure);
    assert.match(page.body, /Alex Chair, board member/);
    const audit = await harness.store.audit.list({ limit: 20, offset: 0 });
    const created = audit.find((e) => e.action === 'objective-created');
    assert.ok(created);
    assert.ok(!JSON.stringify(created.details).includes('Alex'), 'the audit never holds the owner\'s name');
  });

  test('progress is worked out from the years there are; reviews are appended and kept', async () => {
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    // An objective made on the 2024 figures sees 2025 as its latest.
    const [made] = await harness.store.objectives.list(organisation.id);
    const earlier = await harness.store.objectives.create({ ...made!, baseline: { ...made!.baseline, year: 2024 }, createdBy: null });
    const api = JSON.parse((await analyst.get(`/api/v1/organisations/ORGA/objectives/${earlier.id}`)).body);
    assert.equal(api.progress.latest.year, 2025);
    assert.ok(['met', 'on-track', 'off-track'].includes(api.progress.status), api.progress.status);
    assert.equal(typeof api.progress.change.difference, 'number');

    await analyst.get(`${BASE}/${made!.id}`);
    const empty = await analyst.post(`${BASE}/${made!.id}/reviews`, { status: 'on-track', note: '' });
    assert.equal(empty.statusCode, 400);
    assert.match(empty.body, /Enter the progress update and the evidence for it/);
    await analyst.post(`${BASE}/${made!.id}/reviews`, { status: 'on-track', note: 'Diverse panels for every 8a post.' });
    await analyst.post(`${BASE}/${made!.id}/reviews`, { status: 'at-risk', note: 'Two panels in Surgery were not diverse.' });
    const reviews = await harness.store.objectives.reviews(made!.id);
    assert.deepEqual(reviews.map((r) => r.status), ['on-track', 'at-risk']);
    const page = await viewer.get(`${BASE}/${made!.id}`);
    assert.match(page.body, /Diverse panels for every 8a post\./);
    assert.doesNotMatch(page.body, /Add a review/, 'a viewer sees no form');
  });

  test('viewers read but cannot change anything', async () => {
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    const [made] = await harness.store.objectives.list(organisation.id);
    assert.equal((await viewer.get(BASE)).statusCode, 200);
    assert.equal((await viewer.get(`${BASE}/new`)).statusCode, 403);
    await viewer.get(BASE);
    assert.equal((await viewer.post(BASE, { measure: 'wres:2' })).statusCode, 403);
    assert.equal((await viewer.post(`${BASE}/${made!.id}/reviews`, { status: 'on-track', note: 'x' })).statusCode, 403);
    assert.equal((await viewer.post(`${BASE}/${made!.id}/edit`, { targetKind: 'parity' })).statusCode, 403);
    assert.equal((await viewer.post('/organisations/ORGA/comply-or-explain', { title: 'x', description: 'y' })).statusCode, 403);
  });

  test('an edit changes the target and is audited by field; the CSV has the baseline\'s counts and interval', async () => {
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    const [made] = await harness.store.objectives.list(organisation.id);
    await analyst.get(`${BASE}/${made!.id}/edit`);
    const response = await analyst.post(`${BASE}/${made!.id}/edit`, { targetKind: 'value', targetValue: '1.10', targetDate: '2028-03-31', ownerName: 'Sam Lead', ownerRole: 'executive-lead', action: '2' });
    assert.equal(response.statusCode, 303);
    const changed = (await harness.store.objectives.byId(organisation.id, made!.id))!;
    assert.deepEqual(changed.target, { kind: 'value', value: 1.1 });
    assert.deepEqual(changed.baseline, made!.baseline);
    const event = (await harness.store.audit.list({ limit: 50, offset: 0 })).find((e) => e.action === 'objective-changed');
    assert.deepEqual(event?.details, { fields: ['target', 'ownerName', 'ownerRole'] });
    const csv = await analyst.get(`${BASE.replace(/objectives$/, 'objectives.csv')}`);
    assert.equal(csv.statusCode, 200);
    const [header, first] = csv.body.trim().split('\n');
    assert.match(header!, /baseline_value,baseline_ci95_low,baseline_ci95_high,baseline_group_1,baseline_events_1,baseline_population_1/);
    assert.match(first!, /^\d+,wres,2,organisation,value,1\.1,2028-03-31,Sam Lead,executive-lead,2,2025,/);
  });

  test('comply or explain: a rule, cases by month as SPC, explanations listed, no equality data asked for', async () => {
    await analyst.get('/organisations/ORGA/comply-or-explain');
    const refused = await analyst.post('/organisations/ORGA/comply-or-explain', { title: '', description: '' });
    assert.equal(refused.statusCode, 400);
    const made = await analyst.post('/organisations/ORGA/comply-or-explain', { title: 'Second senior review', description: 'Every referral to a formal disciplinary process is reviewed by a second senior person.' });
    assert.equal(made.statusCode, 303);
    const rulePath = String(made.headers['location']);
    await analyst.get(rulePath);
    const unexplained = await analyst.post(`${rulePath}/cases`, { month: '2026-10', complied: 'no', explanation: '' });
    assert.equal(unexplained.statusCode, 400);
    assert.match(unexplained.body, /Explain why the rule was not complied with/);
    assert.equal((await analyst.post(`${rulePath}/cases`, { month: '2027-01', complied: 'yes' })).statusCode, 400, 'no month in the future');
    for (const [month, complied, explanation] of [['2026-10', 'yes', ''], ['2026-10', 'no', 'The second reviewer was on leave.'], ['2026-11', 'yes', '']]) {
      assert.equal((await analyst.post(`${rulePath}/cases`, { month: month!, complied: complied!, explanation: explanation! })).statusCode, 303);
    }
    const page = await viewer.get(rulePath);
    assert.match(page.body, /<svg/);
    assert.match(page.body, /Oct 2026:<\/strong> The second reviewer was on leave\./);
    assert.doesNotMatch(page.body, /ethnicity"|name="staff/i);
    const api = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/comply-or-explain')).body);
    assert.deepEqual(api.rules[0].months.map((m: { month: string; pct: number }) => [m.month, m.pct]), [['2026-10', 50], ['2026-11', 100]]);
    const csv = await viewer.get(`${rulePath}/cases.csv`);
    assert.equal(csv.body.trim().split('\n').length, 4);
    const actions = (await harness.store.audit.list({ limit: 100, offset: 0 })).map((e) => e.action);
    assert.equal(actions.filter((a) => a === 'comply-case-recorded').length, 3);
    assert.ok(actions.includes('comply-rule-created') && actions.includes('export'));
  });
});
