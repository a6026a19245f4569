/**
 * The board pack over a SQLite store in memory: a synthetic trust's 2024 figures are imported, an objective is set on
 * them through the form (so its baseline is 2024's), then 2025 is imported; a review, an intervention (through the
 * API) and a comply-or-explain rule with cases are added. The pack of 2025 must show each with the right figures and
 * counts, the analyst sees every month while a viewer sees small months withheld, and every view is audited.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { VERDICT_WORDING } from '../../core/act/evaluation/verdict.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';
const PACK = '/organisations/ORGA/2025/board-pack';
const n = (x: number) => x.toLocaleString('en-GB');
/** The page's text: tags gone, entities read, spaces collapsed. */
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

describe('the board pack over a store in memory', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let viewer: Browser;
  let objectiveId: number;

  const importYear = async (year: number) => {
    await writeSyntheticTrust(join(dir, String(year)), { year, seed: year, staff: 600 });
    const result = await importFolder(harness.store, join(dir, String(year)), {
      organisation: { code: 'ORGA', name: 'Organisation A' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(result.ok);
  };

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    harness.setNow(new Date('2026-12-05T09:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'mirror-board-pack-'));
    await importYear(2024);
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });

    await analyst.get('/organisations/ORGA/objectives/new');
    const made = await analyst.post('/organisations/ORGA/objectives', {
      measure: 'wres:2', scope: 'organisation', targetKind: 'value', targetValue: '1.10', targetDate: '2028-03-31', ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2',
    });
    assert.equal(made.statusCode, 303);
    objectiveId = Number(/objectives\/(\d+)/.exec(String(made.headers['location']))?.[1]);
    await importYear(2025);

    await analyst.get(`/organisations/ORGA/objectives/${objectiveId}`);
    assert.equal((await analyst.post(`/organisations/ORGA/objectives/${objectiveId}/reviews`, { status: 'at-risk', note: 'Two panels in Surgery were not diverse.' })).statusCode, 303);
    const added = await analyst.send('POST', `/api/v1/organisations/ORGA/objectives/${objectiveId}/interventions`, JSON.stringify({
      catalogueId: 'diverse-interview-panels', ownerName: 'Sam Lead', ownerRole: 'Director of People', startDate: '2024-10-01', status: 'in-progress',
    }), { 'content-type': 'application/json', 'x-csrf-token': analyst.lastCsrf });
    assert.equal(added.statusCode, 201, added.body);

    await analyst.get('/organisations/ORGA/comply-or-explain');
    const rule = await analyst.post('/organisations/ORGA/comply-or-explain', { title: 'Second senior review', description: 'Every referral to a formal disciplinary process is reviewed by a second senior person.' });
    const rulePath = String(rule.headers['location']);
    await analyst.get(rulePath);
    const cases = [
      ['2026-04', 'no', 'An early case before the rule was known.'], ['2026-06', 'yes', ''], ['2026-07', 'no', 'The second reviewer was on leave.'],
      ['2026-07', 'yes', ''], ['2026-08', 'yes', ''], ['2026-09', 'yes', ''], ['2026-10', 'yes', ''], ['2026-10', 'yes', ''], ['2026-11', 'yes', ''],
    ] as const;
    for (const [month, complied, explanation] of cases) {
      assert.equal((await analyst.post(`${rulePath}/cases`, { month, complied, explanation })).statusCode, 303);
    }
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the headline figures are the dashboard\'s, with their counts', async () => {
    const page = await viewer.get(PACK);
    assert.equal(page.statusCode, 200);
    const dashboard = await viewer.get('/organisations/ORGA/2025');
    const figure = /indicators\/2"><span class="mirror-wide-only">2\.[^<]*<\/span>[^\n]*?<\/a><\/td>\s*<td[^>]*><span[^>]*>Figure <\/span>\s*<span><strong>([^<]+)<\/strong>/.exec(dashboard.body)?.[1];
    assert.ok(figure);
    const body = text(page.body);
    assert.match(body, new RegExp(`2\\. Relative likelihood of White applicants being appointed from shortlisting compared with ethnic minority applicants Figure ${figure.replace('.', '\\.')} 95% interval \\d\\.\\d\\d to \\d\\.\\d\\d Counts`));
    const api = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/2025/board-pack')).body);
    const wres2 = api.standards.find((s: { id: string }) => s.id === 'wres').indicators.find((i: { indicator: string }) => i.indicator === '2');
    assert.equal(wres2.figure.value.toFixed(2), figure);
    for (const c of wres2.figure.counts) assert.ok(body.includes(`${n(c.events)} of ${n(c.population)}`), `counts ${c.events} of ${c.population}`);
    assert.ok(api.standards.some((s: { id: string; indicators: unknown }) => s.id === 'wdes' && Array.isArray(s.indicators)));
  });

  test('the objective: baseline from 2024, latest figure of 2025, progress, trajectory, owner, review, intervention and its verdict', async () => {
    const body = text((await viewer.get(PACK)).body);
    const api = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/2025/board-pack')).body);
    const [objective] = api.objectives;
    assert.equal(objective.id, objectiveId);
    assert.equal(objective.baseline.year, 2024);
    assert.equal(objective.progress.latest.year, 2025);
    const dashboard2024 = await viewer.get('/organisations/ORGA/2024');
    const figure2024 = /indicators\/2"><span class="mirror-wide-only">2\.[^<]*<\/span>[^\n]*?<\/a><\/td>\s*<td[^>]*><span[^>]*>Figure <\/span>\s*<span><strong>([^<]+)<\/strong>/.exec(dashboard2024.body)?.[1];
    assert.equal(objective.baseline.value.toFixed(2), figure2024, 'the baseline is the 2024 dashboard\'s figure');
    assert.match(body, new RegExp(`Baseline ${figure2024!.replace('.', '\\.')} in 2024, 95% interval \\d\\.\\d\\d to \\d\\.\\d\\d`));
    for (const c of [...objective.baseline.counts, ...objective.progress.latest.counts]) assert.ok(body.includes(`${n(c.events)} of ${n(c.population)}`));
    assert.match(body, new RegExp(`Latest figure ${objective.progress.latest.value.toFixed(2).replace('.', '\\.')} in 2025`));
    assert.match(body, /Owner: Alex Chair, board member\./);
    assert.match(body, /(On track|Behind trajectory|Target met)/);
    assert.match(body, /Change since the baseline (More than chance alone would usually give|Within what chance alone could give)/);
    assert.match(body, new RegExp(`Trajectory ${objective.progress.trajectory.expected.toFixed(2).replace('.', '\\.')} expected by 2025`));
    assert.match(body, /At risk, [^,]+ UTC, [^:]+: Two panels in Surgery were not diverse\./);
    const [intervention] = objective.interventions;
    assert.equal(intervention.status, 'in-progress');
    assert.ok(Object.values(VERDICT_WORDING).includes(intervention.evaluation.headline));
    assert.ok(body.includes('Diverse or inclusive interview panels'), 'the intervention by name');
    assert.ok(body.includes(`In progress 1 October 2024 to Not set`) || body.includes('In progress 2024-10-01 to Not set'), 'status and dates');
    assert.ok(body.includes(`${intervention.evaluation.headline}.`), 'the verdict in its own words');
    // The pack of 2024 has the objective with no figure after its baseline yet.
    assert.match(text((await viewer.get('/organisations/ORGA/2024/board-pack')).body), /Latest figure None after the baseline yet/);
  });

  test('comply or explain: the latest six months with counts and intervals, and the explanations of those months', async () => {
    const body = text((await viewer.get(PACK)).body);
    assert.match(body, /Second senior review/);
    assert.match(body, /7 of 9 cases complied with in all/);
    assert.match(body, /Jul 2026 1 2 50\.0% 9\.5% to 90\.5%/);
    assert.match(body, /Nov 2026 1 1 100\.0% 20\.7% to 100\.0%/);
    assert.doesNotMatch(body, /Apr 2026 /, 'only the latest six months');
    assert.match(body, /Jul 2026: The second reviewer was on leave\./);
    assert.doesNotMatch(body, /An early case before the rule was known/);
    assert.match(body, /1 earlier explanation on the rule's page/);
  });

  test('a viewer sees small months withheld; the analyst sees them, warned, and can open the version to print', async () => {
    const forViewer = (await viewer.get(PACK)).body;
    const forAnalyst = (await analyst.get(PACK)).body;
    const printable = (await analyst.get(`${PACK}?withheld=yes`)).body;
    // The disciplinary months of the year, as a table's text.
    const disciplinary = (html: string) => text(/id="monthly-disciplinary-caption"[\s\S]*?<\/table>/.exec(html)?.[0] ?? '');
    assert.match(disciplinary(forViewer), /Withheld/, 'a viewer sees withheld months');
    assert.doesNotMatch(disciplinary(forAnalyst), /Withheld/, 'the analyst sees every month');
    assert.match(disciplinary(forViewer), /Apr 2024/);
    assert.match(forAnalyst, /Small numbers are shown/);
    assert.doesNotMatch(forViewer, /Small numbers are shown/);
    assert.doesNotMatch(printable, /Small numbers are shown/);
    assert.equal(disciplinary(printable), disciplinary(forViewer), 'the version to print is the viewer\'s');
    const api = JSON.parse((await analyst.get('/api/v1/organisations/ORGA/2025/board-pack')).body);
    const months = api.monthly.find((m: { measure: string }) => m.measure === 'disciplinary').months;
    assert.ok(months.some((m: { withheld: boolean; white: unknown }) => m.withheld && m.white === null), 'the API withholds small months even for the analyst');
  });

  test('the CSV has the objective with its progress as at the year; every view and download is audited', async () => {
    const csv = await viewer.get('/organisations/ORGA/2025/board-pack.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /board-pack-ORGA-2025\.csv/);
    const [header, row, extra] = csv.body.trim().split('\n');
    assert.match(header!, /^pack_year,id,standard,indicator,scope,target_kind,.*,latest_year,latest_value,.*,status,interventions,latest_review_status,latest_review_at$/);
    assert.match(row!, new RegExp(`^2025,${objectiveId},wres,2,organisation,value,1\\.1,2028-03-31,Alex Chair,board-member,2,2024,`));
    assert.match(row!, /,1,at-risk,\d{4}-\d\d-\d\dT/);
    assert.equal(extra, undefined);
    const subjects = (await harness.store.audit.list({ limit: 200, offset: 0 })).filter((e) => e.subject?.startsWith('board-pack/')).map((e) => `${e.action} ${e.subject}`);
    for (const wanted of ['view board-pack/2025', 'export board-pack/2025.csv', 'api-read board-pack/2025']) assert.ok(subjects.includes(wanted), wanted);
  });

  test('the overview, the dashboard and the objectives page lead to the pack, objectives, interventions and comply or explain', async () => {
    const links = (html: string) => [...html.matchAll(/href="([^"]+)"/g)].map((m) => m[1]);
    const overview = links((await viewer.get('/organisations/ORGA/2025/overview')).body);
    for (const href of [PACK, '/organisations/ORGA/objectives', '/organisations/ORGA/interventions', '/organisations/ORGA/comply-or-explain']) assert.ok(overview.includes(href), `overview links ${href}`);
    const dashboard = links((await viewer.get('/organisations/ORGA/2025')).body);
    for (const href of [PACK, '/organisations/ORGA/objectives', '/organisations/ORGA/interventions', '/organisations/ORGA/comply-or-explain', '/catalogue/interventions']) assert.ok(dashboard.includes(href), `dashboard links ${href}`);
    const objectives = links((await viewer.get('/organisations/ORGA/objectives')).body);
    for (const href of [PACK, '/organisations/ORGA/interventions', '/catalogue/interventions']) assert.ok(objectives.includes(href), `objectives page links ${href}`);
  });
});
