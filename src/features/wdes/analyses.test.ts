/**
 * The WDES analyses beside the WRES ones: monthly series (recruitment and capability), comparisons with peers and
 * targets for Disabled staff, each a page with every chart followed by a table of the same numbers, a CSV download
 * with disclosure control, membership first and every view and download audited.
 */
import assert from 'node:assert/strict';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';
const disclosive = (n: number) => n >= 1 && n <= 7;
/** Ten Disabled applicants appointed and ten not, shortlisted, in each month of the 2025 reporting year. */
function extraDisabledApplicants(): string {
  const months = ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03'];
  return months.flatMap((month, m) => Array.from({ length: 20 }, (_, i) =>
    `X${m}_${i},VX${m},White - British,Yes,${i < 10 ? 'Yes' : 'No'},Band 5,Nursing and Midwifery Registered,No,No,${month}-15,Yes\n`)).join('');
}

const MONTH_ROW = /<th scope="row" class="nhsuk-table__header">(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) 20\d\d<\/th>/g;

describe('WDES analyses: monthly series, comparisons and targets', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-wdes-analyses-'));
    const trusts = [
      { code: 'WDA', seed: 13, staff: 2500, applications: 6000, years: [2024, 2025] },
      { code: 'WDB', seed: 14, staff: 800, applications: 2000, years: [2025] },
      { code: 'WDC', seed: 15, staff: 800, applications: 2000, years: [2025] },
    ];
    for (const t of trusts) {
      for (const year of t.years) {
        const folder = join(dir, t.code, String(year));
        await writeSyntheticTrust(folder, { year, seed: t.seed, staff: t.staff, applications: t.applications });
        // WDA's 2025 recruitment has 10 Disabled applicants appointed and 10 not in every month, so that some months
        // rest on 8 or more people in every count and leave in the download (a synthetic trust has far fewer).
        if (t.code === 'WDA' && year === 2025) appendFileSync(join(folder, 'applications.csv'), extraDisabledApplicants());
        const imported = await importFolder(harness.store, folder, {
          organisation: { code: t.code, name: `WDES trust ${t.code}` }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
        });
        assert.ok(imported.ok);
      }
    }
    const organisation = (await harness.store.organisations.byCode('WDA'))!;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const audited = async (action: 'view' | 'export', subject: string) =>
    (await harness.store.audit.list({ limit: 1000, offset: 0 })).some((e) => e.action === action && e.subject === subject);

  test('the WDES page links to each analysis and shows the career ladder of Disabled against non-disabled staff', async () => {
    const page = await viewer.get('/organisations/WDA/2025/wdes');
    assert.equal(page.statusCode, 200);
    for (const href of ['wdes/monthly', 'wdes/monthly/capability', 'wdes/compare', 'wdes/targets', 'wdes/trends']) {
      assert.match(page.body, new RegExp(`href="/organisations/WDA/2025/${href}"`), href);
    }
    assert.match(page.body, /<caption class="nhsuk-table__caption" id="pipeline-caption">Relative likelihood of being in each band rather than the one below, Disabled against non-disabled staff<\/caption>/);
    assert.match(page.body, /Compounded up the ladder, Disabled staff are \d+\.\d\d times as likely as non-disabled staff/);
    assert.match(page.body, /<th scope="col" class="nhsuk-table__header mirror-numeric">Non-disabled<\/th>/);
  });

  for (const [path, key, title] of [
    ['wdes/monthly', 'recruitment', 'Monthly recruitment by disability'],
    ['wdes/monthly/capability', 'capability', 'Monthly entries into the formal capability process'],
  ] as const) {
    test(`monthly ${key}: two charts over two years, each followed by a labelled table of Disabled and non-disabled counts, audited`, async () => {
      const page = await analyst.get(`/organisations/WDA/2025/${path}`);
      assert.equal(page.statusCode, 200);
      assert.match(page.body, new RegExp(`<h1>${title} 2025</h1>`));
      assert.match(page.body, /from the current imports for 2024, 2025/);
      assert.match(page.body, /Disabled means the person answered yes to the disability question/);
      assert.equal((page.body.match(/<figure class="mirror-chart"><svg [^>]*role="img"/g) ?? []).length, 2);
      for (const series of ['likelihood', 'rate']) assert.match(page.body, new RegExp(`<caption class="nhsuk-table__caption" id="${key}-${series}-caption">`));
      assert.equal((page.body.match(MONTH_ROW) ?? []).length, 48);
      assert.match(page.body, /<th scope="col" class="nhsuk-table__header mirror-numeric">Non-disabled, [a-z ]+ of [a-z]+<\/th>/);
      assert.match(page.body, /<th scope="col" class="nhsuk-table__header mirror-numeric">Disabled, [a-z ]+ of [a-z]+<\/th>/);
      assert.match(page.body, /<a href="\/organisations\/WDA\/2025\/wdes">WDES 2025<\/a>|href="\/organisations\/WDA\/2025\/wdes"/);
      assert.doesNotMatch(page.body, /ethnic minority|BME|BAME/i);
      assert.ok(await audited('view', `wdes/2025/monthly/${key}`));
    });
  }

  test('a WRES measure is not a WDES one', async () => {
    assert.equal((await viewer.get('/organisations/WDA/2025/wdes/monthly/training')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/WDA/2025/wdes/monthly/disciplinary.csv')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/WDA/2023/wdes/monthly')).statusCode, 404);
  });

  test('monthly capability: viewers see small months withheld, analysts see them, the download withholds them for everyone', async () => {
    const withheld = (body: string) => (body.match(/No figure: withheld: fewer than 8 people in a count/g) ?? []).length;
    const forViewer = await viewer.get('/organisations/WDA/2025/wdes/monthly/capability');
    const forAnalyst = await analyst.get('/organisations/WDA/2025/wdes/monthly/capability');
    assert.ok(withheld(forViewer.body) > 0, 'capability entries of Disabled staff in a month are small numbers');
    assert.equal(withheld(forAnalyst.body), 0);

    const download = await analyst.get('/organisations/WDA/2025/wdes/monthly/capability.csv');
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /attachment; filename="wdes-monthly-capability-WDA-2025.csv"/);
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 48);
    assert.deepEqual(Object.keys(rows[0]!).slice(0, 7), ['measure', 'series', 'month', 'non_disabled_entering', 'non_disabled_headcount', 'disabled_entering', 'disabled_headcount']);
    assert.deepEqual([...new Set(rows.map((r) => r['series']))], ['relative likelihood', 'disabled rate']);
    for (const row of rows) {
      const counts = [row['non_disabled_entering'], row['non_disabled_headcount'], row['disabled_entering'], row['disabled_headcount']];
      if (row['no_figure_because']!.startsWith('Withheld')) assert.deepEqual(counts, ['', '', '', '']);
      else for (const n of counts.map(Number)) assert.ok(!disclosive(n), `no count of 1 to 7 leaves: ${JSON.stringify(row)}`);
    }
    assert.ok(await audited('export', 'wdes/2025/monthly/capability.csv'));
  });

  test('monthly recruitment: the download gives the numbers the analyst sees on the page', async () => {
    const rows = parse((await analyst.get('/organisations/WDA/2025/wdes/monthly/recruitment.csv')).body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!).slice(3, 7), ['non_disabled_appointed', 'non_disabled_shortlisted', 'disabled_appointed', 'disabled_shortlisted']);
    const shown = rows.find((r) => r['series'] === 'relative likelihood' && r['value'] !== '');
    assert.ok(shown, 'a month with a figure');
    const page = await analyst.get('/organisations/WDA/2025/wdes/monthly');
    assert.ok(page.body.includes(Number(shown['value']).toFixed(2)));
    assert.ok(page.body.includes(`${Number(shown['ci95_low']).toFixed(2)} to ${Number(shown['ci95_high']).toFixed(2)}`));
  });

  test('comparisons: a funnel plot of each WDES metric with a figure, each followed by its table, audited', async () => {
    const page = await viewer.get('/organisations/WDA/2025/wdes/compare');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /WDES comparisons with other organisations, 2025/);
    assert.match(page.body, /Mirror holds no national WDES figures/);
    assert.match(page.body, /<h2 id="indicator-2">Metric 2: Relative likelihood of non-disabled applicants being appointed from shortlisting compared with Disabled applicants<\/h2>/);
    assert.match(page.body, /<h2 id="indicator-5">Metric 5: Disabled staff believing/);
    assert.match(page.body, /id="funnel-4a_patients-caption">The numbers behind the metric 4a \(i\) funnel plot/);
    const tables = page.body.match(/id="funnel-[^"]+-caption">The numbers behind the metric/g)?.length ?? 0;
    assert.ok(tables >= 8, `${tables} funnel tables`);
    assert.equal(page.body.match(/<svg [^>]*class="mirror-chart-svg"/g)?.length, tables, 'each chart followed by its table');
    assert.match(page.body, /Disabled respondents answering yes/);
    assert.match(page.body, /Non-disabled: \d[\d,]* of \d[\d,]*; Disabled: \d/);
    assert.match(page.body, /Your organisation lies (inside|above|below) the (95|99\.8)% limits/);
    assert.match(page.body, /<a href="\/organisations\/WDA\/2025\/wdes">Back to WDES 2025<\/a>/);
    assert.ok(await audited('view', 'wdes/2025/compare/all'));
  });

  test('comparisons download: Disabled and non-disabled counts, other organisations’ small counts withheld', async () => {
    const download = await viewer.get('/organisations/WDA/2025/wdes/compare.csv');
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /filename="wdes-compare-WDA-2025.csv"/);
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!).slice(5, 9), ['non_disabled_events', 'non_disabled_people', 'disabled_events', 'disabled_people']);
    assert.ok(rows.some((r) => r['indicator'] === '4a (i)' && r['measure'] === 'percentage of Disabled respondents'));
    for (const r of rows) {
      assert.equal(r['target_source'], 'pooled');
      if (r['your_organisation'] === 'true' || r['withheld'] !== '') continue;
      const cells = [['non_disabled_events', 'non_disabled_people'], ['disabled_events', 'disabled_people']].flatMap(([e, p]) =>
        (r[e!] === '' ? [] : [Number(r[e!]), Number(r[p!]), Number(r[p!]) - Number(r[e!])]));
      assert.ok(!cells.some(disclosive), `another organisation's small count leaves: ${JSON.stringify(r)}`);
    }
    assert.ok(await audited('export', 'wdes/2025/compare/all.csv'));
  });

  test('targets for Disabled staff: a chart per band followed by its table, the goal the whole workforce’s Disabled share', async () => {
    const page = await viewer.get('/organisations/WDA/2025/wdes/targets');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Targets and trajectories for Disabled staff 2025<\/h1>/);
    assert.match(page.body, /The goal is \d+\.\d%, the Disabled share of the whole workforce in 2024 \(\d[\d,]* of \d[\d,]* staff\)/);
    assert.match(page.body, /NHS England has published no Model Employer goal for disability/);
    assert.equal((page.body.match(/<figure class="mirror-chart">/g) ?? []).length, 6);
    assert.equal((page.body.match(/id="band-caption-\d"/g) ?? []).length, 6);
    assert.match(page.body, /More Disabled staff needed to be on the trajectory/);
    assert.match(page.body, /action="\/organisations\/WDA\/2025\/wdes\/targets"/);
    assert.doesNotMatch(page.body, /ethnic minority staff in Bands/);
    assert.ok(await audited('view', 'wdes/2025/targets'));
    const chosen = await viewer.get('/organisations/WDA/2025/wdes/targets?goal=12');
    assert.match(chosen.body, /The goal is 12\.0%, the local population share you chose/);
    assert.equal((await viewer.get('/organisations/WDA/2025/wdes/targets?goal=abc')).statusCode, 400);
  });

  test('targets download: Disabled headcounts, with counts of 1 to 7 and the figures from them withheld', async () => {
    const download = await viewer.get('/organisations/WDA/2025/wdes/targets.csv');
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /filename="wdes-targets-WDA-2025.csv"/);
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.equal(rows.length, 12, 'six bands, two years');
    assert.deepEqual(Object.keys(rows[0]!).slice(2, 4), ['disabled_headcount', 'band_headcount']);
    assert.ok(rows.some((r) => r['withheld'] !== ''), 'Disabled staff in senior bands are few: some rows are withheld');
    for (const r of rows) {
      if (r['disabled_headcount'] === '') {
        assert.equal(r['share_pct'], '');
        continue;
      }
      const disabled = Number(r['disabled_headcount']);
      const total = Number(r['band_headcount']);
      assert.ok(![disabled, total, total - disabled].some(disclosive), `${r['band']} ${r['year']}`);
    }
    assert.ok(await audited('export', 'wdes/2025/targets.csv'));
    assert.equal((await viewer.get('/organisations/WDA/2025/wdes/targets.csv?goal=abc')).statusCode, 400);
  });

  test('another organisation’s WDES analyses are not found for a non-member', async () => {
    for (const path of ['wdes/monthly', 'wdes/monthly/capability.csv', 'wdes/compare', 'wdes/compare.csv', 'wdes/targets', 'wdes/targets.csv']) {
      assert.equal((await viewer.get(`/organisations/WDB/2025/${path}`)).statusCode, 404, path);
    }
  });
});
