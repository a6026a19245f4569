import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { parse } from 'csv-parse/sync';
import { MONTHLY_MEASURES, type MonthlyCounts } from '../../core/monthly/monthly-measures.ts';
import { relativeLikelihoodRow } from '../../core/monthly/monthly-rows.ts';
import { runCli } from '../../../test/support/run-cli.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { monthlySeries, monthlyReading } from '../../web/presenters/monthly.ts';

const PASSWORD = 'a long enough password';

describe('monthly recruitment page', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-monthly-route-'));
    // Many applications, so that most recruitment months rest on 8 or more people and even the download has limits.
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: 6, staff: 400, applications: 8000 });
      const imported = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'MONA', name: 'Monthly test trust' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok);
    }
    const organisation = await harness.store.organisations.byCode('MONA');
    assert.ok(organisation);
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [path, key] of [['monthly', 'recruitment'], ['monthly/disciplinary', 'disciplinary'], ['monthly/training', 'training']] as const) {
    test(`${key}: two charts over two years, each followed by a labelled table, audited`, async () => {
      const page = await analyst.get(`/organisations/MONA/2025/${path}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1>${MONTHLY_MEASURES[key].title} 2025</h1>`));
      assert.match(page.body, /from the current imports for 2024, 2025/);
      assert.equal((page.body.match(/<figure class="mirror-chart"><svg [^>]*role="img"/g) ?? []).length, 2);
      for (const series of ['likelihood', 'rate']) {
        assert.match(page.body, new RegExp(`<caption class="nhsuk-table__caption" id="${key}-${series}-caption">`));
        assert.match(page.body, new RegExp(`aria-labelledby="${key}-${series}-caption"`));
      }
      // 24 months in each of the two tables.
      assert.equal((page.body.match(/<th scope="row" class="nhsuk-table__header">(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d<\/th>/g) ?? []).length, 48);
      assert.match(page.body, /aria-current="page">/);
      assert.doesNotMatch(page.body, /BME|BAME/);
      const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
      assert.ok(audit.some((e) => e.subject === `monthly/2025/${key}` && e.action === 'view'));
    });
  }

  test('viewers see small months withheld; analysts see them; the download withholds them for everyone', async () => {
    const forViewer = await viewer.get('/organisations/MONA/2025/monthly/disciplinary');
    const forAnalyst = await analyst.get('/organisations/MONA/2025/monthly/disciplinary');
    const withheld = (body: string) => (body.match(/No figure: withheld: fewer than 8 people in a count/g) ?? []).length;
    // Disciplinary entries in a month of a 400-person trust are always small numbers.
    assert.ok(withheld(forViewer.body) > 0);
    assert.equal(withheld(forAnalyst.body), 0);
    // The analyst sees the small months, each flagged.
    assert.match(forAnalyst.body, /<strong class="nhsuk-tag nhsuk-tag--grey">Small numbers<\/strong><\/td>/);

    const download = await analyst.get('/organisations/MONA/2025/monthly/disciplinary.csv');
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-type']), /^text\/csv/);
    assert.match(String(download.headers['content-disposition']), /attachment; filename="monthly-disciplinary-MONA-2025.csv"/);
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 48);
    assert.deepEqual(Object.keys(rows[0]!).slice(0, 7), ['measure', 'series', 'month', 'white_entering', 'white_headcount', 'ethnic_minority_entering', 'ethnic_minority_headcount']);
    for (const row of rows) {
      const counts = [row['white_entering'], row['white_headcount'], row['ethnic_minority_entering'], row['ethnic_minority_headcount']];
      if (row['no_figure_because']!.startsWith('Withheld')) {
        assert.deepEqual(counts, ['', '', '', '']);
        assert.equal(row['value'], '');
      } else {
        for (const count of counts.map(Number)) assert.ok(count === 0 || count >= 8, `no count of 1 to 7 leaves: ${JSON.stringify(row)}`);
      }
    }
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'monthly/2025/disciplinary.csv' && e.action === 'export'));
  });

  test('the download gives the numbers the analyst sees on the page', async () => {
    const download = await analyst.get('/organisations/MONA/2025/monthly/recruitment.csv');
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    const shown = rows.find((r) => r['series'] === 'relative likelihood' && r['value'] !== '');
    assert.ok(shown, 'a month with a figure');
    const page = await analyst.get('/organisations/MONA/2025/monthly');
    assert.ok(page.body.includes(Number(shown['value']).toFixed(2)));
    assert.ok(page.body.includes(`${Number(shown['ci95_low']).toFixed(2)} to ${Number(shown['ci95_high']).toFixed(2)}`));
  });

  test('a series with limits shows the variation and assurance icons beside the reading in words', async () => {
    const page = await analyst.get('/organisations/MONA/2025/monthly');
    const summaries = page.body.match(/<div class="mirror-spc-summary">[\s\S]*?<\/div>/g) ?? [];
    assert.ok(summaries.length > 0, 'recruitment over 24 months has limits');
    for (const summary of summaries) {
      assert.match(summary, /<svg [^>]*role="img"[\s\S]*<title [^>]*>Variation: /);
      assert.match(summary, /<title [^>]*>Assurance: none, as no target is set<\/title>/);
      assert.match(summary, /<strong>Variation:<\/strong>/);
    }
  });

  test('the overview answers "Is it improving?" for all three series, each with a small picture and a link', async () => {
    const page = await viewer.get('/organisations/MONA/2025/overview');
    assert.equal(page.statusCode, 200);
    const improving = page.body.slice(page.body.indexOf('Is it improving?'), page.body.indexOf('How do we compare with peers?'));
    const series = improving.match(/<div class="mirror-board-series">[\s\S]*?<\/div>/g) ?? [];
    assert.equal(series.length, 3);
    const expected = [
      ['monthly', 'Appointment from shortlisting, month by month: '],
      ['monthly/disciplinary', 'Entry into the formal disciplinary process, month by month: '],
      ['monthly/training', 'Access to non-mandatory training, month by month: '],
    ];
    for (const [i, [href, words]] of expected.entries()) {
      assert.ok(series[i]!.includes(`<a href="/organisations/MONA/2025/${href}">${words}`), `${href}: ${series[i]}`);
    }
    // The viewer sees withheld months as gaps, and the words say so when too few months are left.
    const disciplinary = series[1]!;
    if (!/<title [^>]*>Variation: /.test(disciplinary)) assert.match(disciplinary, /withheld because of small numbers|too few/);
    // Each thumbnail is an image with a title naming the series and its span.
    for (const s of series) {
      if (s.includes('<svg')) assert.match(s, /<title [^>]*>[^<]*relative likelihood by month, Apr 2023 to Mar 2025<\/title>/);
    }
    assert.ok(series.some((s) => s.includes('<svg')), 'at least one series has figures to draw');
  });

  test('the app’s statistics equal the command line’s: the download’s series through mirror spc gives the same limits and rules', async () => {
    const download = await analyst.get('/organisations/MONA/2025/monthly/recruitment.csv');
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    let compared = 0;
    for (const [series, direction] of [['relative likelihood', 'decrease'], ['ethnic minority rate', 'increase']] as const) {
      const mine = rows.filter((r) => r['series'] === series);
      if (!mine.some((r) => r['lower_process_limit'] !== '')) continue;
      const file = join(dir, `${direction}.csv`);
      writeFileSync(file, ['date,value', ...mine.map((r) => `${r['month']}-01,${r['value']}`)].join('\n'));
      const cli = await runCli('spc', file, '--direction', direction, '--format', 'json');
      assert.equal(cli.code, 0, cli.stderr);
      const points = (JSON.parse(cli.stdout) as { points: { mean: number | null; lpl: number | null; upl: number | null; specialCauseType: string }[] }).points;
      assert.equal(points.length, mine.length);
      for (const [i, r] of mine.entries()) {
        const p = points[i]!;
        assert.equal(Number(r['mean']), p.mean, `${series} ${r['month']} mean`);
        assert.equal(Number(r['lower_process_limit']), p.lpl, `${series} ${r['month']} lower limit`);
        assert.equal(Number(r['upper_process_limit']), p.upl, `${series} ${r['month']} upper limit`);
        assert.equal(r['special_cause'], r['value'] === '' ? '' : p.specialCauseType, `${series} ${r['month']} rule`);
      }
      compared += 1;
    }
    assert.ok(compared > 0, 'at least one series has limits to compare');
  });

  test('an unknown measure is not found', async () => {
    assert.equal((await viewer.get('/organisations/MONA/2025/monthly/sickness')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/MONA/2025/monthly/sickness.csv')).statusCode, 404);
  });

  test('the dashboard and indicators 2, 3 and 4 link to the monthly series', async () => {
    const page = await viewer.get('/organisations/MONA/2025');
    assert.match(page.body, /href="\/organisations\/MONA\/2025\/monthly">Month by month: recruitment, disciplinary process and training</);
    for (const [id, href] of [['2', 'monthly'], ['3', 'monthly/disciplinary'], ['4', 'monthly/training']]) {
      const indicator = await viewer.get(`/organisations/MONA/2025/indicators/${id}`);
      assert.ok(indicator.body.includes(`<a href="/organisations/MONA/2025/${href}">This indicator month by month</a>`), `indicator ${id}`);
    }
    assert.doesNotMatch((await viewer.get('/organisations/MONA/2025/indicators/5')).body, /month by month/);
  });

  test('a year that is not loaded is not found', async () => {
    assert.equal((await viewer.get('/organisations/MONA/2023/monthly')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/MONA/abcd/monthly')).statusCode, 404);
  });
});

test('limits need 12 months with a figure; fewer is a run chart', () => {
  const months: MonthlyCounts[] = Array.from({ length: 14 }, (_, i) => ({
    month: `${2024 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`,
    white: { events: 3 + (i % 3), population: 10 },
    ethnicMinority: { events: 2 + (i % 2), population: 10 },
  }));
  const rows = months.map((c) => relativeLikelihoodRow(MONTHLY_MEASURES.recruitment, c));
  const series = monthlySeries('likelihood', { heading: 'h', intro: 'i' }, rows, 'ratio', 'decrease');
  assert.equal(series.showLimits, true);
  assert.ok(series.rows.every((r) => r.lpl !== null && r.upl !== null && r.pointType !== ''));
  assert.ok(series.variationReading);
  assert.match(monthlyReading('Appointment', series), /^Appointment, month by month: (common cause|special cause)/);
  const few = monthlySeries('likelihood', { heading: 'h', intro: 'i' }, rows.slice(0, 11), 'ratio', 'decrease');
  assert.equal(few.showLimits, false);
  assert.ok(few.rows.every((r) => r.lpl === null && r.pointType === '' && r.mean !== null));
  assert.equal(few.variationReading, null);
  assert.equal(monthlyReading('Appointment', few), 'Appointment, month by month: 11 months have a figure, too few for statistical process control limits (12 are needed).');
});
