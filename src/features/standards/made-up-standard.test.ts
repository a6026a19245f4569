/**
 * The proof that a standard is one declaration: a small made-up standard (women's share of the non-bank
 * workforce, with its counts and a 95% interval) is registered, and goes through import, the store, the JSON API,
 * its page, its CSV download and the command line with no other change to Mirror.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { stringify } from 'csv-stringify/sync';
import { main } from '../../cli/main.ts';
import { defaultStandards } from '../../core/standards/index.ts';
import { StandardRegistry } from '../../core/standards/registry.ts';
import type { Standard } from '../../core/standards/standard.ts';
import { wilsonInterval } from '../../core/stats/wilson-interval.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { createHarness, signedIn, type Browser, type Harness } from '../../web/auth/test-harness.ts';

interface WomenCounts { readonly year: number; readonly women: number; readonly staff: number }
interface WomenReport {
  readonly standard: 'Made-up';
  readonly year: number;
  readonly women: number;
  readonly staff: number;
  readonly pct: number | null;
  readonly ci95: readonly [number, number] | null;
  readonly notes: readonly string[];
}

const MADE_UP: Standard<WomenCounts, WomenReport> = {
  id: 'made-up',
  shortName: 'Made-up',
  name: 'Made-up standard of women in the workforce',
  description: "Women's share of the non-bank workforce (a made-up standard for tests).",
  characteristic: 'sex',
  folderHelp: 'folder holding staff.csv',
  files: { required: ['staff'], optional: [] },
  indicators: [],
  previousYearUse: null,
  usesReportingYear: true,
  csvFirstColumn: 'figure',
  settings: [],
  count(dataset, period) {
    const staff = dataset.staff.filter((s) => !s.bankOnly);
    return { ok: true, value: { year: period.year, staff: staff.length, women: staff.filter((s) => s.gender?.toLowerCase() === 'female').length } };
  },
  report({ counts, notes }) {
    const ci = counts.staff > 0 ? wilsonInterval(counts.women, counts.staff) : null;
    return {
      standard: 'Made-up', year: counts.year, women: counts.women, staff: counts.staff,
      pct: counts.staff > 0 ? (100 * counts.women) / counts.staff : null,
      ci95: ci ? [100 * ci[0], 100 * ci[1]] : null,
      notes,
    };
  },
  text: (r) => `Women: ${r.women} of ${r.staff} staff (${r.pct?.toFixed(1)}%)\n`,
  csv: (r) => stringify([['figure', 'women', 'staff', 'pct', 'ci_low', 'ci_high'], ['share of women', r.women, r.staff, r.pct, r.ci95?.[0], r.ci95?.[1]]]),
  sections: (r) => [{
    id: 'women', heading: 'Women in the workforce', summary: `${r.women} of ${r.staff} staff are women.`,
    columns: [{ key: 'group', label: 'Group', numeric: false }, { key: 'people', label: 'People', numeric: true }, { key: 'pct', label: 'Share (%)', numeric: true }],
    rows: [{ group: 'Women', people: r.women, pct: r.pct === null ? null : Number(r.pct.toFixed(1)) }],
    notes: [],
  }],
};

async function cli(registry: StandardRegistry, ...argv: string[]): Promise<string> {
  let out = '';
  let err = '';
  const code = await main(argv, { out: (t) => { out += t; }, err: (t) => { err += t; } }, registry);
  assert.equal(code, 0, err);
  return out;
}

describe('a made-up standard registered once', () => {
  const registry = new StandardRegistry([...defaultStandards().all(), MADE_UP]);
  let harness: Harness;
  let viewer: Browser;
  let dir: string;
  let folder: string;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirror-made-up-'));
    folder = join(dir, '2025');
    await writeSyntheticTrust(folder, { year: 2025, seed: 5, staff: 400 });
    harness = await createHarness({ standards: registry });
    const imported = await importFolder(harness.store, folder, {
      organisation: { code: 'MADE', name: 'Made-up NHS Trust' }, year: 2025, channel: 'cli', importedBy: null,
      key: harness.services.pseudonymKey, standards: registry,
    });
    assert.ok(imported.ok);
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: 'a long enough password', memberships: [[imported.version.organisationId, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('import keeps its counts, and the API gives exactly what the command line prints', async () => {
    const response = await viewer.get('/api/v1/organisations/MADE/made-up/2025');
    assert.equal(response.statusCode, 200);
    const expected = await cli(registry, 'made-up', folder, '--year', '2025', '--format', 'json');
    assert.equal(response.body, expected);
    const report = JSON.parse(response.body) as WomenReport;
    assert.ok(report.staff > 0 && report.women > 0 && report.women < report.staff, 'counted from the real records');
  });

  test('its page shows its section with the counts behind the figure', async () => {
    const page = await viewer.get('/organisations/MADE/2025/standards/made-up');
    assert.equal(page.statusCode, 200);
    const report = JSON.parse(await cli(registry, 'made-up', folder, '--year', '2025', '--format', 'json')) as WomenReport;
    assert.match(page.body, /<h1>Made-up standard of women in the workforce 2025<\/h1>/);
    assert.match(page.body, /<h2 id="section-women">Women in the workforce<\/h2>/);
    assert.ok(page.body.includes(`${report.women} of ${report.staff} staff are women.`));
    assert.ok(page.body.includes('href="/organisations/MADE/2025/made-up.csv"'));
  });

  test('its CSV download is exactly what the command line writes', async () => {
    const response = await viewer.get('/organisations/MADE/2025/made-up.csv');
    assert.equal(response.statusCode, 200);
    assert.match(String(response.headers['content-disposition']), /made-up-MADE-2025\.csv/);
    assert.equal(response.body, await cli(registry, 'made-up', folder, '--year', '2025', '--format', 'csv'));
  });

  test('without the declaration, none of it exists', async () => {
    const plain = await createHarness();
    try {
      const urls = plain.app.registeredRoutes.map((r) => r.url);
      assert.ok(urls.includes('/api/v1/organisations/:code/wdes/:year'), 'the shipped standards are served');
      assert.ok(!urls.some((url) => url.includes('made-up')), 'nothing of the made-up standard is served');
      assert.ok(registry.get('made-up') && !defaultStandards().get('made-up'));
    } finally {
      await plain.close();
    }
  });
});
