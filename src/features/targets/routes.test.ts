import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { TARGETS_CSV_HEADER } from './presenters.ts';
import { parseGoal } from './service.ts';

const PASSWORD = 'a long enough password';

/**
 * Senior staff added to each year's synthetic staff file, so that some bands are large enough to show in a download
 * and some are not: Band 8a has 40 White and 12 ethnic minority staff both years; Band 8c has 3 ethnic minority staff
 * added in 2024 (the baseline), and 10 in 2025 (beside the few the synthetic trust has).
 */
const SENIOR: Readonly<Record<number, readonly [band: string, code: string, count: number][]>> = {
  2024: [['Band 8a', 'A', 40], ['Band 8a', 'H', 12], ['Band 8c', 'A', 20], ['Band 8c', 'H', 3]],
  2025: [['Band 8a', 'A', 40], ['Band 8a', 'H', 12], ['Band 8c', 'A', 20], ['Band 8c', 'H', 10]],
};

function seniorRows(year: number): string {
  return SENIOR[year]!.flatMap(([band, code, count]) => Array.from({ length: count }, (_, i) =>
    `X${band.slice(-2)}${code}${String(i).padStart(3, '0')},${code},${band},Administrative and Clerical,Permanent,Corporate Services,G5A,Female,No,1.00,40.00,2010-01-01,No,,,Yes\n`)).join('');
}

interface ShownYear { trajectory: string; actual: string; interval: string; status: string; heads: string }

/** Each band's table on the page, by year. */
function pageBands(html: string): Map<string, Map<string, ShownYear>> {
  const bands = new Map<string, Map<string, ShownYear>>();
  for (const section of html.split(/<h2 id="band-\d+">/).slice(1)) {
    const band = section.slice(0, section.indexOf('</h2>'));
    const years = new Map<string, ShownYear>();
    for (const m of section.matchAll(/<th scope="row" class="nhsuk-table__header">(\d{4})<\/th>([\s\S]*?)<\/tr>/g)) {
      const cells = [...m[2]!.matchAll(/<td[^>]*>([\s\S]*?)<\/td>/g)].map((c) => c[1]!.trim());
      years.set(m[1]!, { trajectory: cells[0]!, actual: cells[1]!, interval: cells[2]!, status: cells[3]!, heads: cells[4]! });
    }
    if (years.size > 0) bands.set(band, years);
  }
  return bands;
}

const pct = (v: string) => `${Number(v).toFixed(1)}%`;
const disclosive = (n: number) => n > 0 && n < 8;

describe('targets and trajectories page', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-targets-route-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: 6, staff: 400 });
      appendFileSync(join(dir, String(year), 'staff.csv'), seniorRows(year));
      const imported = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'TGTA', name: 'Targets test trust' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok, `${year} imports`);
    }
    const organisation = await harness.store.organisations.byCode('TGTA');
    assert.ok(organisation);
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every loaded year up to the one asked for, a chart and a table per band, audited', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Targets and trajectories 2025<\/h1>/);
    assert.match(page.body, /the ethnic minority share of the whole workforce in 2024/);
    assert.match(page.body, /to be reached by 2034/);
    for (const band of ['Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM']) assert.match(page.body, new RegExp(`<a href="#band-(\\d)">${band}</a>[\\s\\S]*<h2 id="band-\\1">${band}</h2>`), `${band} in the contents and as a heading`);
    assert.equal((page.body.match(/<caption class="nhsuk-table__caption" id="band-caption-\d+">/g) ?? []).length, 6);
    // A chart per band before its table: actual shares against the trajectory, which runs on to the horizon.
    const charts = page.body.match(/<figure class="mirror-chart"><svg [\s\S]*?<\/svg><\/figure>/g) ?? [];
    assert.equal(charts.length, 6);
    assert.match(charts[0]!, /<title [^>]*>Band 8a: ethnic minority share against the trajectory to the goal<\/title>/);
    assert.match(charts[0]!, /Trajectory from 2024 to the goal: [\d.]+% in 2024 to [\d.]+% in 2034\./);
    assert.match(charts[0]!, />2034</);
    assert.match(page.body, /<th scope="row" class="nhsuk-table__header">2024<\/th>/);
    assert.match(page.body, /<th scope="row" class="nhsuk-table__header">2025<\/th>/);
    assert.match(page.body, /only 2 yearly points/);
    assert.match(page.body, /has not been verified/);
    assert.doesNotMatch(page.body, /BME|BAME/);
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'targets/2025' && e.action === 'view'));
  });

  test('an earlier year uses only the years up to it', async () => {
    const page = await viewer.get('/organisations/TGTA/2024/targets');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /only 1 yearly point/);
    assert.doesNotMatch(page.body, /<th scope="row" class="nhsuk-table__header">2025<\/th>/);
  });

  test('a local population share as the goal', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets?goal=42.5');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The goal is 42\.5%, the local population share you chose/);
    assert.match(page.body, /goal 42\.5% by 2034/);
  });

  test('a goal that is not a percentage is refused on the page', async () => {
    for (const bad of ['abc', '0', '101', '-5', '1e2']) {
      const page = await viewer.get(`/organisations/TGTA/2025/targets?goal=${encodeURIComponent(bad)}`);
      assert.equal(page.statusCode, 400, bad);
      assert.match(page.body, /There is a problem/);
      assert.match(page.body, /href="#goal"/);
    }
  });

  test('a year that is not loaded is not found', async () => {
    assert.equal((await viewer.get('/organisations/TGTA/2023/targets')).statusCode, 404);
  });

  test('parsing the goal', () => {
    assert.deepEqual(parseGoal(undefined), { ok: true, value: null });
    assert.deepEqual(parseGoal(''), { ok: true, value: null });
    assert.deepEqual(parseGoal('35%'), { ok: true, value: 35 });
    assert.deepEqual(parseGoal(' 100 '), { ok: true, value: 100 });
    assert.equal(parseGoal('100.1').ok, false);
    assert.equal(parseGoal(['1', '2']).ok, false);
  });

  test('the download has the figures of the page, one row per band per year, and is audited', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets');
    assert.match(page.body, /<a href="\/organisations\/TGTA\/2025\/targets\.csv" download>Download these figures \(CSV\)<\/a>/);
    const download = await viewer.get('/organisations/TGTA/2025/targets.csv');
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['content-disposition'], 'attachment; filename="targets-TGTA-2025.csv"');
    assert.equal(download.headers['cache-control'], 'no-store');
    const records = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(records[0]!), [...TARGETS_CSV_HEADER]);
    const shown = pageBands(page.body);
    assert.deepEqual(records.map((r) => `${r['band']} ${r['year']}`), [...shown].flatMap(([band, years]) => [...years.keys()].map((y) => `${band} ${y}`)));

    let compared = 0;
    for (const r of records) {
      const onPage = shown.get(r['band']!)!.get(r['year']!)!;
      if (r['ethnic_minority_headcount'] !== '') {
        const total = Number(r['band_headcount']);
        assert.equal(onPage.actual, total === 0 ? '– (0 of 0)' : `${pct(r['share_pct']!)} (${r['ethnic_minority_headcount']} of ${r['band_headcount']})`, `${r['band']} ${r['year']}`);
        if (total > 0) assert.equal(onPage.interval, `${pct(r['ci95_low_pct']!)} to ${pct(r['ci95_high_pct']!)}`);
        compared += 1;
      }
      if (r['trajectory_pct'] !== '') assert.equal(onPage.trajectory, pct(r['trajectory_pct']!));
      if (r['status'] !== '') assert.equal(onPage.status, r['status']);
      if (r['heads_needed_now'] !== '') assert.equal(onPage.heads, r['heads_needed_now']);
      assert.equal(pct(r['goal_pct']!), pct(records[0]!['goal_pct']!), 'one goal for every band');
      assert.equal(r['horizon_year'], '2034');
    }
    assert.ok(compared >= 4, `${compared} rows compared with the page`);

    // Band 8a is large enough to show in full, both years.
    const band8a = records.filter((r) => r['band'] === 'Band 8a');
    assert.ok(band8a.every((r) => r['withheld'] === '' && r['trajectory_pct'] !== '' && r['status'] !== ''));
    assert.equal(band8a[1]!['heads_needed_at_horizon'] !== '', true, 'heads needed at the horizon in the latest year');
    assert.equal(band8a[0]!['heads_needed_at_horizon'], '', 'and only there, as on the page');
    assert.match(page.body, new RegExp(`Band 8a needs <strong>${band8a[1]!['heads_needed_at_horizon']}</strong> more`));
    const audit = await harness.store.audit.list({ limit: 10, offset: 0 });
    assert.ok(audit.some((e) => e.action === 'export' && e.subject === 'targets/2025.csv'));
  });

  test('a count of 1 to 7 is withheld in the download, with the share, interval and everything else from it', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets');
    const shown = pageBands(page.body);
    const records = parse((await viewer.get('/organisations/TGTA/2025/targets.csv')).body, { columns: true }) as Record<string, string>[];
    const countsOf = (actual: string) => {
      const m = /\((\d+) of (\d+)\)/.exec(actual)!;
      return [Number(m[1]), Number(m[2]), Number(m[2]) - Number(m[1])];
    };
    // Band 8c: 3 ethnic minority staff (with any the synthetic trust has) in the baseline year, 10 or more in 2025.
    const [base8c, now8c] = records.filter((r) => r['band'] === 'Band 8c');
    assert.ok(disclosive(countsOf(shown.get('Band 8c')!.get('2024')!.actual)[0]!), 'the page shows the small count to members');
    for (const column of ['ethnic_minority_headcount', 'band_headcount', 'share_pct', 'ci95_low_pct', 'ci95_high_pct', 'trajectory_pct', 'status', 'heads_needed_now']) {
      assert.equal(base8c![column], '', `2024 ${column} withheld`);
    }
    assert.match(base8c!['withheld']!, /a count of 1 to 7 in this band in 2024/);
    assert.deepEqual(countsOf(shown.get('Band 8c')!.get('2025')!.actual).slice(0, 2), [Number(now8c!['ethnic_minority_headcount']), Number(now8c!['band_headcount'])], '2025 is large enough to show');
    assert.ok(Number(now8c!['ethnic_minority_headcount']) >= 10);
    assert.notEqual(now8c!['share_pct'], '');
    assert.equal(now8c!['trajectory_pct'], '', 'but the trajectory starts from the 2024 share, so it is withheld');
    assert.equal(now8c!['status'], '');
    assert.match(now8c!['withheld']!, /baseline year 2024, so the trajectory that starts from it is withheld/);
    // No figure resting on 1 to 7 people leaves in the download.
    for (const r of records) {
      if (r['ethnic_minority_headcount'] === '') continue;
      const em = Number(r['ethnic_minority_headcount']);
      const total = Number(r['band_headcount']);
      assert.ok(![em, total, total - em].some(disclosive), `${r['band']} ${r['year']}`);
    }
    for (const [band, years] of shown) {
      for (const [year, y] of years) {
        const row = records.find((r) => r['band'] === band && r['year'] === year)!;
        if (countsOf(y.actual).some(disclosive)) assert.equal(row['ethnic_minority_headcount'], '', `${band} ${year} is withheld`);
      }
    }
  });

  test('the download keeps the chosen goal, and refuses a bad goal, a year not loaded and a non-member', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets?goal=42.5');
    assert.match(page.body, /href="\/organisations\/TGTA\/2025\/targets\.csv\?goal=42\.5"/);
    const records = parse((await viewer.get('/organisations/TGTA/2025/targets.csv?goal=42.5')).body, { columns: true }) as Record<string, string>[];
    assert.ok(records.every((r) => r['goal_pct'] === '42.5'));
    assert.equal((await viewer.get('/organisations/TGTA/2025/targets.csv?goal=abc')).statusCode, 400);
    assert.equal((await viewer.get('/organisations/TGTA/2023/targets.csv')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/NOPE/2025/targets.csv')).statusCode, 404);
  });
});
