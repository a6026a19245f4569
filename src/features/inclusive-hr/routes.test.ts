/**
 * The #InclusiveHR challenge over a SQLite store in memory, with a synthetic trust's 2024 and 2025 figures imported:
 * the overview lists every directorate with HR and OD first; the review's sentences carry the same counts as the
 * directorate's scoped report through the API (small numbers withheld); an analyst marks steps, writes the reading,
 * notes a listening session, chooses themes; reports are counted by category with small counts withheld and not
 * derivable from the total; the objectives form opens with the directorate as its scope; the summary gathers it all;
 * a viewer reads and cannot change; changes are audited without their words.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { runCli } from '../../../test/support/run-cli.ts';
import { importFolder } from '../../services/import-service.ts';
import { reportCounts } from './lived-experience-service.ts';
import { reportTrends } from '../reporting/trends-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';
const DIRECTORATE = 'Medicine';
const BASE = `/organisations/ORGA/2025/inclusive-hr/${DIRECTORATE}`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&quot;/g, '"').replace(/&amp;/g, '&').replace(/\s+/g, ' ');
const n = (x: number) => x.toLocaleString('en-GB');
/** Every "x of y" on a page whose count or remainder is 1 to 7: none may be shown outside the analyst's view. */
const smallCounts = (page: string) => [...page.matchAll(/(\d[\d,]*) of (\d[\d,]*)/g)]
  .map((m) => [Number(m[1]!.replace(/,/g, '')), Number(m[2]!.replace(/,/g, ''))] as const)
  .filter(([e, p]) => [e, p, p - e].some((x) => x >= 1 && x <= 7));

describe('the #InclusiveHR challenge over a store in memory', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let viewer: Browser;
  let organisationId: number;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    harness.setNow(new Date('2026-12-05T09:00:00Z'));
    dir = mkdtempSync(join(tmpdir(), 'mirror-ihr-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: year, staff: 600 });
      const result = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'ORGA', name: 'Organisation A' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(result.ok);
    }
    organisationId = (await harness.store.organisations.byCode('ORGA'))!.id;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the overview lists every directorate of the staff file, HR and OD first, at step 1', async () => {
    const page = await viewer.get('/organisations/ORGA/2025/inclusive-hr');
    assert.equal(page.statusCode, 200);
    const names = [...page.body.matchAll(/<th scope="row" class="nhsuk-table__cell"><a href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]);
    assert.equal(names[0], 'HR and Organisational Development');
    assert.ok(names.includes(DIRECTORATE));
    assert.match(text(page.body), /Medicine Step 1: Run the data 0 of 5/);
  });

  test('step 1 gives the directorate\'s headline figures as its scoped report gives them', async () => {
    const api = JSON.parse((await viewer.get(`/api/v1/organisations/ORGA/wres/2025?scope=${encodeURIComponent(`directorate:${DIRECTORATE}`)}`)).body);
    const page = text((await viewer.get(`${BASE}/data`)).body);
    const i1 = api.indicators['1'].overall;
    if (i1.suppressed) assert.match(page, /1\. [^.]* Not given: fewer than 8 people in a cell/, 'indicator 1 withheld as the scoped report withholds it');
    else assert.ok(page.includes(`${n(i1.ethnicMinority.count)} of ${n(i1.total)} ethnic minority`), 'indicator 1 counts');
    assert.match(page, /2\. Relative likelihood of White applicants .* Not given: applications\.csv has no directorate/);
  });

  test('the review\'s sentences carry the counts `mirror wres --scope directorate=…` prints for the same files', async () => {
    const scope = encodeURIComponent(`directorate:${DIRECTORATE}`);
    const cli = await runCli('wres', join(dir, '2025'), '--year', '2025', '--format', 'json', '--scope', `directorate=${DIRECTORATE}`);
    assert.equal(cli.code, 0, cli.stderr);
    assert.equal((await viewer.get(`/api/v1/organisations/ORGA/wres/2025?scope=${scope}`)).body, cli.stdout, 'the API gives what the command line prints');
    const now = JSON.parse(cli.stdout);
    const before = JSON.parse((await viewer.get(`/api/v1/organisations/ORGA/wres/2024?scope=${scope}`)).body);
    const page = text((await viewer.get(`${BASE}/review`)).body);
    for (const id of ['3', '4']) {
      const i = now.indicators[id];
      if (i.available === false) {
        assert.ok(page.includes(`WRES indicator ${id} (`), `indicator ${id} is named as not given`);
        continue;
      }
      // The counts in the indicator's own orientation: its numerator group first.
      const words: Record<string, string> = { white: 'White', ethnicMinority: 'ethnic minority' };
      const [first, second] = [i.orientation.numerator, i.orientation.denominator] as string[];
      const [a, b] = [i.groups[first!], i.groups[second!]];
      assert.ok(page.includes(`${n(a.events)} of ${n(a.population)} ${words[first!]} staff against ${n(b.events)} of ${n(b.population)} ${words[second!]} staff`), `indicator ${id}'s counts`);
      assert.ok(page.includes(`relative likelihood ${i.value.toFixed(2)}, 95% interval ${i.ci95[0].toFixed(2)} to ${i.ci95[1].toFixed(2)}`), `indicator ${id}'s figure and interval`);
    }
    const share = (r: { indicators: { '1': { overall: { suppressed?: true; ethnicMinority: { count: number }; total: number } } } }) => r.indicators['1'].overall;
    if (!share(before).suppressed && !share(now).suppressed) {
      assert.ok(page.includes(`in 2024 (${n(share(before).ethnicMinority.count)} of ${n(share(before).total)}) and`), 'last year\'s share');
      assert.ok(page.includes(`in 2025 (${n(share(now).ethnicMinority.count)} of ${n(share(now).total)})`), 'this year\'s share');
    } else {
      assert.doesNotMatch(page, /in 2025 \(\d/, 'no share where the scoped report withholds it');
    }
    // Every band shown is the scoped report's career ladder (protected there with the rows and totals).
    const band5 = (now.indicators['1'].pipeline.steps as { band: string; white: number | null; ethnicMinority: number | null }[]).find((s) => s.band === 'Band 5')!;
    const table = (await viewer.get(`${BASE}/review`)).body.match(/<table class="nhsuk-table" id="band-table">[\s\S]*?<\/table>/)![0];
    const cells = text(table).match(/Band 5 (\S+) (\S+)/);
    assert.ok(cells, 'Band 5 is in the table');
    if (band5.white === null) assert.equal(cells![1], 'withheld');
    else assert.deepEqual([cells![1], cells![2]], [n(band5.ethnicMinority!), n(band5.white)]);
  });

  test('an analyst marks steps, writes the reading, notes a session and chooses themes; a viewer reads; audited without words', async () => {
    await analyst.get(`${BASE}/data`);
    assert.equal((await analyst.post(`${BASE}/data/done`, { done: 'yes' })).statusCode, 303);
    assert.match(text((await viewer.get('/organisations/ORGA/2025/inclusive-hr')).body), /Medicine Step 2: Review the data 1 of 5/);
    assert.equal((await viewer.post(`${BASE}/review`, { reading: 'Viewer words' })).statusCode, 403);

    await analyst.get(`${BASE}/review`);
    const long = await analyst.post(`${BASE}/review`, { reading: 'x'.repeat(8001) });
    assert.equal(long.statusCode, 400);
    assert.match(text(long.body), /There is a problem .*The reading must be 8000 characters or fewer/);
    assert.equal((await analyst.post(`${BASE}/review`, { reading: 'We see staff thin out above Band 6.' })).statusCode, 303);
    const reviewAsViewer = text((await viewer.get(`${BASE}/review`)).body);
    assert.match(reviewAsViewer, /We see staff thin out above Band 6\./);
    assert.doesNotMatch(reviewAsViewer, /Save the reading/);

    await analyst.get(`${BASE}/lived-experience`);
    const bad = await analyst.post(`${BASE}/lived-experience/notes`, { title: '', 'heldOn-day': '3', 'heldOn-month': '2', 'heldOn-year': '2099', notes: '' });
    assert.equal(bad.statusCode, 400);
    assert.match(text(bad.body), /Enter the session's title.*must be today or in the past.*Enter the notes/);
    assert.equal((await analyst.post(`${BASE}/lived-experience/notes`, { title: 'Network listening circle', 'heldOn-day': '3', 'heldOn-month': '2', 'heldOn-year': '2025', notes: 'Progression came up most.' })).statusCode, 303);
    const lived = text((await viewer.get(`${BASE}/lived-experience`)).body);
    assert.match(lived, /Network listening circle Held on 3 February 2025 Progression came up most\./);
    assert.match(lived, /Do not enter personal data|analysts and administrators/);
    assert.match(lived, /has no directorate column, so there are no staff survey results for a directorate/);

    await analyst.get(`${BASE}/themes`);
    // Checkboxes send the field once for each box ticked.
    const themes = (chosen: string[], own = '') => analyst.send('POST', `${BASE}/themes`,
      new URLSearchParams([['_csrf', analyst.lastCsrf], ...chosen.map((t): [string, string] => ['themes', t]), ['own', own]] as [string, string][]).toString(), { 'content-type': 'application/x-www-form-urlencoded' });
    assert.equal((await themes(['Pay gaps', 'Made up'])).statusCode, 400);
    assert.equal((await themes(['Career progression and representation in senior bands', 'Pay gaps'], 'Rota fairness')).statusCode, 303);
    assert.match(text((await viewer.get(`${BASE}/themes`)).body), /Career progression and representation in senior bands Pay gaps Rota fairness/);

    const audit = await harness.store.audit.list({ limit: 200, offset: 0 });
    const mine = audit.filter((e) => e.action.startsWith('inclusive-hr-'));
    assert.deepEqual([...new Set(mine.map((e) => e.action))].sort(), ['inclusive-hr-note-added', 'inclusive-hr-reading-saved', 'inclusive-hr-step-marked', 'inclusive-hr-themes-saved']);
    assert.ok(!JSON.stringify(mine).includes('thin out') && !JSON.stringify(mine).includes('Rota') && !JSON.stringify(mine).includes('Progression'), 'no words in the audit');
    assert.ok(audit.some((e) => e.action === 'view' && e.subject === `inclusive-hr/2025/${DIRECTORATE}/review`), 'views are audited');
  });

  test('reports naming the directorate are counted by category, small counts withheld with one more so the total cannot give them away', async () => {
    const { store } = harness;
    await store.reporting.saveSettings(organisationId, {
      categories: [{ key: 'colleagues', label: 'From colleagues' }, { key: 'managers', label: 'From managers' }, { key: 'other', label: 'Something else' }],
      directorates: [{ key: 'medicine', label: 'Medicine' }], handlerRoles: [{ key: 'hr', label: 'HR' }], routing: {}, retentionMonths: 12,
    });
    let k = 0;
    const add = (category: string, receivedOn = '2025-01-15') => store.reporting.createCase({
      organisationId, receiptHash: `h${++k}`, route: 'anonymous', category, directorate: 'medicine', wanted: 'heard', content: 'sealed', contact: null, handlerRole: 'hr', receivedOn,
    });
    for (let i = 0; i < 3; i++) await add('colleagues');
    for (let i = 0; i < 9; i++) await add('managers');
    await add('managers', '2025-04-02');
    const page = text((await viewer.get(`${BASE}/lived-experience`)).body);
    assert.match(page, /From colleagues withheld From managers withheld Something else 0 Total 12/, '3 is withheld; 12 − 0 would give it back, so 9 is withheld too');
    // The 3 is not recoverable from the total: the total less every count shown leaves 12 for two withheld cells.
    const shown = [...page.matchAll(/(From colleagues|From managers|Something else) (withheld|\d+)/g)].map((m) => m[2]!);
    assert.deepEqual(shown, ['withheld', 'withheld', '0']);
    assert.ok(shown.filter((c) => c === 'withheld').length >= 2, 'never exactly one withheld beside a total');
    // Every view of the year withholds alike: the trends' own year by category (the same figures the trend pages and
    // the board pack show) does not give the 3 back as a category's year either.
    const trends = (await reportTrends(harness.services, { id: organisationId }, 2025))!;
    const year = trends.trends.byCategory;
    assert.deepEqual(year.columns.map((c, i) => [c, year.columnTotals[i]]), [['colleagues', null], ['managers', null], ['other', 0]]);
    // A year in progress is not counted (as on the trend pages): 2027 has not ended on 5 December 2026.
    assert.equal((await reportCounts(harness.services, organisationId, 2027, DIRECTORATE)).reports, null);
  });

  test('a directorate\'s objective and intervention: the form takes the scope, step 4 lists them, step 5 and the summary show them', async () => {
    const form = (await analyst.get(`/organisations/ORGA/objectives/new?scope=${encodeURIComponent(`directorate:${DIRECTORATE}`)}`)).body;
    assert.match(form, /<option value="directorate:Medicine" selected>/);
    const objective = await harness.store.objectives.create({
      organisationId, standard: 'wres', indicator: '1', scope: `directorate:${DIRECTORATE}`, target: { kind: 'parity' }, targetDate: '2028-03-31',
      ownerName: 'Director of People', ownerRole: 'directorate-lead', action: '2', createdBy: null, ownerUserId: null,
      baseline: { year: 2025, kind: 'representation', value: 20, ci95: [18, 22], counts: [], smallNumbers: false, parity: null },
    });
    await harness.store.interventions.create({
      objectiveId: objective.id, catalogueId: 'diverse-interview-panels', own: null, ownerName: 'Lead', ownerRole: 'HR business partner',
      startDate: null, endDate: null, status: 'planned', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId: null, createdBy: null,
    });
    const themes = text((await viewer.get(`${BASE}/themes`)).body);
    assert.match(themes, new RegExp(`Objective ${objective.id}: WRES 1`));
    assert.match(text((await viewer.get(`${BASE}/evaluate`)).body), /No evaluation yet: There is no evaluation until the intervention has a start date\./);
    const summary = text((await viewer.get(`${BASE}/summary`)).body);
    assert.match(summary, /What the figures say/);
    assert.match(summary, /We see staff thin out above Band 6\./);
    assert.match(summary, /Network listening circle, 3 February 2025/);
    assert.doesNotMatch(summary, /Progression came up most/, 'the notes stay on step 3');
    assert.match(summary, new RegExp(`Objective ${objective.id}: WRES 1`));
  });

  test('no count of 1 to 7 is shown on the data, review or summary pages', async () => {
    for (const step of ['data', 'review', 'summary']) assert.deepEqual(smallCounts(text((await viewer.get(`${BASE}/${step}`)).body)), [], step);
  });

  test('an unknown directorate or step is not found', async () => {
    assert.equal((await viewer.get('/organisations/ORGA/2025/inclusive-hr/Nowhere/data')).statusCode, 404);
    assert.equal((await viewer.get(`${BASE}/step-6`)).statusCode, 404);
  });
});
