/**
 * The high-impact actions' page over a SQLite store in memory, with a synthetic trust's 2025 figures imported. The
 * page's computed metrics must be the standards' own figures: each is compared with the JSON API documents of WRES,
 * WDES and the pay gaps (the share of Band 8c and above is added up here by hand from the WRES document's indicator 1
 * rows). A viewer gets no figure resting on a count of 1 to 7; an analyst enters a figure with its source, links an
 * objective and an intervention to actions and removes a link, each audited; the CSV withholds small numbers.
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
const PAGE = '/organisations/ORGA/2025/high-impact-actions';
const n = (x: number) => x.toLocaleString('en-GB');
const pct = (x: number) => `${x.toFixed(1)}%`;
const text = (html: string) => html.replace(/<[^>]+>/g, ' ').replace(/&#39;/g, '\'').replace(/&amp;/g, '&').replace(/\s+/g, ' ');

interface Rate { events: number; population: number }
interface Proportion { positive: number; respondents: number; pct: number }

describe('the high-impact actions over a store in memory', () => {
  let harness: Harness;
  let dir: string;
  let analyst: Browser;
  let viewer: Browser;
  let wres: ReturnType<typeof JSON.parse>;
  let wdes: ReturnType<typeof JSON.parse>;
  let paygap: ReturnType<typeof JSON.parse>;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    dir = mkdtempSync(join(tmpdir(), 'mirror-actions-'));
    await writeSyntheticTrust(join(dir, '2025'), { year: 2025, seed: 2025, staff: 600 });
    const result = await importFolder(harness.store, join(dir, '2025'), {
      organisation: { code: 'ORGA', name: 'Organisation A' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(result.ok);
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
    wres = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/wres/2025')).body);
    wdes = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/wdes/2025')).body);
    paygap = JSON.parse((await viewer.get('/api/v1/organisations/ORGA/paygap/2025')).body);
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the computed metrics are the standards\' own figures, with their counts and intervals', async () => {
    const body = text((await analyst.get(PAGE)).body);
    const ratio = (label: string, r: { value: number; ci95: [number, number]; groups: Record<string, Rate> }, groups: [string, string, string, string]) =>
      `${label} Value ${r.value.toFixed(2)} 95% interval ${r.ci95[0].toFixed(2)} to ${r.ci95[1].toFixed(2)} Counts ${groups[0]}: ${n(r.groups[groups[1]]!.events)} of ${n(r.groups[groups[1]]!.population)}; ${groups[2]}: ${n(r.groups[groups[3]]!.events)} of ${n(r.groups[groups[3]]!.population)}`;
    // 2a: appointment from shortlisting, race (WRES 2) and disability (WDES 2).
    assert.ok(body.includes(ratio('WRES indicator 2: Relative likelihood of White applicants being appointed from shortlisting compared with ethnic minority applicants', wres.indicators['2'], ['White', 'white', 'ethnic minority', 'ethnicMinority'])), 'WRES 2');
    assert.ok(body.includes(ratio('WDES metric 2: Relative likelihood of non-disabled applicants being appointed from shortlisting compared with Disabled applicants', wdes.metrics['2'], ['non-disabled', 'nonDisabled', 'Disabled', 'disabled'])), 'WDES 2');

    // 2c: the workforce shares (WRES 1, WDES 1).
    const em = wres.indicators['1'].overall;
    assert.ok(body.includes(`WRES indicator 1: Staff in each pay band and medical and dental sub-group, by ethnicity, compared with the overall workforce Value ${pct(em.ethnicMinority.pct)}`), 'WRES 1');
    assert.ok(body.includes(`Counts ethnic minority: ${n(em.ethnicMinority.count)} of ${n(em.total)}`));
    const d = wdes.metrics['1'].overall;
    assert.ok(body.includes(`WDES metric 1: Disabled staff in each pay band cluster compared with the overall workforce Value ${pct(d.disabled.pct)}`), 'WDES 1');

    // 2d: Band 8c and above, added up by hand from indicator 1's rows (medical rows left out).
    let focus = 0;
    let total = 0;
    for (const row of wres.indicators['1'].rows) {
      if (row.cluster === 'medical' || !['Band 8c', 'Band 8d', 'Band 9', 'VSM'].includes(row.row)) continue;
      focus += row.ethnicMinority.count;
      total += row.total;
    }
    assert.ok(total > 0);
    assert.ok(body.includes(`ethnic minority staff's share of Band 8c and above (8c, 8d, 9 and VSM) Value ${pct((100 * focus) / total)}`), `senior share ${focus} of ${total}`);
    assert.ok(body.includes(`Counts ethnic minority: ${n(focus)} of ${n(total)}`));

    // 2e: ethnic minority applicants' share of everyone shortlisted, from WRES 2's counts.
    const shortlisted = wres.indicators['2'].groups;
    const all = shortlisted.white.population + shortlisted.ethnicMinority.population;
    assert.ok(body.includes(`share of everyone shortlisted (White and ethnic minority) Value ${pct((100 * shortlisted.ethnicMinority.population) / all)}`));

    // 3a: the pay gaps, as the pay gap document has them.
    for (const c of ['gender', 'ethnicity', 'disability']) {
      const g = paygap[c];
      assert.ok(body.includes(`The ${c} pay gap (mean hourly pay; median beside it) Value ${pct(g.meanGapPct)} mean; ${pct(g.medianGapPct)} median`), c);
    }

    // 6a and 6b: bullying from staff (WRES 6), from managers and colleagues (WDES 4a), discrimination (WRES 8).
    const proportion = (label: string, p: Record<string, Proportion>, focusKey: string, focusWord: string, otherKey: string, otherWord: string) =>
      body.includes(`${label} Value ${pct(p[focusKey]!.pct)}`) && body.includes(`${focusWord}: ${n(p[focusKey]!.positive)} of ${n(p[focusKey]!.respondents)}; ${otherWord}: ${n(p[otherKey]!.positive)} of ${n(p[otherKey]!.respondents)} (${pct(p[otherKey]!.pct)})`);
    assert.ok(proportion('WRES indicator 6: Staff experiencing harassment, bullying or abuse from staff in the last 12 months', wres.indicators['6'].groups, 'ethnicMinority', 'ethnic minority', 'white', 'White'), 'WRES 6');
    assert.ok(proportion('WRES indicator 8: Staff personally experiencing discrimination at work from a manager, team leader or other colleagues in the last 12 months', wres.indicators['8'].groups, 'ethnicMinority', 'ethnic minority', 'white', 'White'), 'WRES 8');
    assert.ok(proportion('WDES metric 4a managers: Staff experiencing harassment, bullying or abuse from managers in the last 12 months', wdes.metrics['4a_managers'].groups, 'disabled', 'Disabled', 'nonDisabled', 'non-disabled'), 'WDES 4a managers');
    assert.ok(proportion('WDES metric 4a colleagues: Staff experiencing harassment, bullying or abuse from other colleagues in the last 12 months', wdes.metrics['4a_colleagues'].groups, 'disabled', 'Disabled', 'nonDisabled', 'non-disabled'), 'WDES 4a colleagues');
  });

  test('a viewer sees no figure resting on a count of 1 to 7, and the analyst is warned and offered the withheld version', async () => {
    const analystPage = text((await analyst.get(PAGE)).body);
    assert.match(analystPage, /Small numbers are shown/);
    for (const page of [(await viewer.get(PAGE)).body, (await analyst.get(`${PAGE}?withheld=yes`)).body]) {
      const body = text(page);
      assert.doesNotMatch(body, /Small numbers are shown/);
      assert.match(body, /Figures resting on a count of 1 to 7 people are withheld/);
      for (const [, a, b] of body.matchAll(/(?:ethnic minority|White|Disabled|non-disabled): ([\d,]+) of ([\d,]+)/g)) {
        const events = Number(a!.replace(/,/g, ''));
        const population = Number(b!.replace(/,/g, ''));
        for (const x of [events, population, population - events]) assert.ok(x === 0 || x >= 8, `${events} of ${population}`);
      }
    }
    const csv = (await viewer.get(`${PAGE}.csv`)).body;
    assert.match(csv.split('\n')[0]!, /^year,action,metric,metric_text,figure,value,interval_95,counts,entered_value/);
    for (const [, a, b] of csv.matchAll(/: (\d[\d,]*) of (\d[\d,]*)/g)) {
      const events = Number(a!.replace(/,/g, ''));
      const population = Number(b!.replace(/,/g, ''));
      for (const x of [events, population, population - events]) assert.ok(x === 0 || x >= 8, `CSV ${events} of ${population}`);
    }
    assert.doesNotMatch(text((await viewer.get(PAGE)).body), /Enter a figure|Link it/);
  });

  test('an analyst enters a figure with its source; a bad one comes back with the errors; each entry is audited', async () => {
    await analyst.get(PAGE);
    const bad = await analyst.post(`${PAGE}/entries`, { metric: '2f', value: '', source: '', sourceYear: '24' });
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /There is a problem/);
    assert.match(text(bad.body), /Enter the year of the source, as four digits, no later than 2026/);
    const saved = await analyst.post(`${PAGE}/entries`, { metric: '2f', value: '78.2', source: 'National Education and Training Survey 2024', sourceYear: '2024' });
    assert.equal(saved.statusCode, 303);
    const body = text((await viewer.get(PAGE)).body);
    assert.match(body, /2f\. National Education and Training Survey combined indicator score on the quality of training Entered: 78\.2 , from National Education and Training Survey 2024 \(2024\)/);
    const events = await harness.store.audit.list({ limit: 100, offset: 0 });
    assert.ok(events.some((e) => e.action === 'action-metric-entered' && e.subject === 'high-impact-actions/2025/2f'));
    assert.ok(events.some((e) => e.action === 'view' && e.subject === 'high-impact-actions/2025'));
  });

  test('objectives naming an action serve it with their interventions; others are linked and unlinked', async () => {
    const organisation = (await harness.store.organisations.byCode('ORGA'))!;
    const baseline = { year: 2025, kind: 'ratio', value: 1.2, ci95: [0.9, 1.6], counts: [], smallNumbers: false, parity: 1 } as const;
    const objective = await harness.store.objectives.create({
      organisationId: organisation.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: '2028-03-31',
      ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2', baseline, ownerUserId: null, createdBy: null,
    });
    const intervention = await harness.store.interventions.create({
      objectiveId: objective.id, catalogueId: 'diverse-interview-panels', own: null, ownerName: 'Sam Lead', ownerRole: 'Director of People',
      startDate: null, endDate: null, status: 'in-progress', staffNetworks: [], cost: null, shareEvaluation: false, ownerUserId: null, createdBy: null,
    });
    const section = (body: string, action: string) => text(body).split(`Objectives and interventions serving action ${action}`)[1]!.split(/Action \d:|Enter a figure|Download/)[0]!;
    let page = (await analyst.get(PAGE)).body;
    assert.match(section(page, '2'), new RegExp(`Objective ${objective.id}: WRES 2, by 2028-03-31; owner Alex Chair`));
    assert.match(section(page, '2'), /Diverse or inclusive interview panels \(in progress\), under objective \d+/);
    assert.doesNotMatch(section(page, '2'), /Remove the link/, 'naming the action is not a link');
    assert.match(section(page, '6'), /None yet/);

    const linked = await analyst.post(`${PAGE}/links`, { action: '6', target: `intervention:${intervention.id}` });
    assert.equal(linked.statusCode, 303);
    const again = await analyst.post(`${PAGE}/links`, { action: '6', target: `intervention:${intervention.id}` });
    assert.equal(again.statusCode, 400, 'already linked');
    page = (await analyst.get(PAGE)).body;
    assert.match(section(page, '6'), /under objective \d+ Remove the link/);
    const [link] = await harness.store.highImpactActions.links(organisation.id);
    assert.equal((await analyst.post(`${PAGE}/links/${link!.id}/remove`, {})).statusCode, 303);
    assert.equal((await analyst.post(`${PAGE}/links/${link!.id}/remove`, {})).statusCode, 404);
    assert.match(section((await analyst.get(PAGE)).body, '6'), /None yet/);
    const actions = (await harness.store.audit.list({ limit: 200, offset: 0 })).map((e) => e.action);
    assert.ok(actions.includes('action-linked') && actions.includes('action-unlinked'));
  });
});
