import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import type { MonthlyAppointments } from '../../store/store.ts';
import { Browser, createHarness, type Harness, signedIn } from '../auth/test-harness.ts';
import { ethnicMinorityRateRow, fillMonths, monthlySeries, relativeLikelihoodRow } from './monthly.ts';

const PASSWORD = 'a long enough password';

const counts = (month: string, ws: number, wa: number, es: number, ea: number): MonthlyAppointments =>
  ({ month, white: { shortlisted: ws, appointed: wa }, ethnicMinority: { shortlisted: es, appointed: ea } });

describe('monthly recruitment page', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-monthly-route-'));
    await writeSyntheticTrust(join(dir, '2025'), { year: 2025, seed: 6, staff: 400 });
    const imported = await importFolder(harness.store, join(dir, '2025'), {
      organisation: { code: 'MONA', name: 'Monthly test trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(imported.ok);
    const organisation = await harness.store.organisations.byCode('MONA');
    assert.ok(organisation);
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('two charts, each followed by a labelled table, audited', async () => {
    const page = await viewer.get('/organisations/MONA/2025/monthly');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Monthly recruitment 2025<\/h1>/);
    assert.equal((page.body.match(/<figure class="mirror-chart"><svg [^>]*role="img"/g) ?? []).length, 2);
    assert.match(page.body, /<caption class="nhsuk-table__caption" id="likelihood-caption">/);
    assert.match(page.body, /<caption class="nhsuk-table__caption" id="rate-caption">/);
    assert.match(page.body, /aria-labelledby="likelihood-caption"/);
    assert.match(page.body, /<strong>Variation:<\/strong>|fewer than the 12 needed/);
    assert.doesNotMatch(page.body, /BME|BAME/);
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'monthly/2025' && e.action === 'view'));
  });

  test('the dashboard links to it', async () => {
    const page = await viewer.get('/organisations/MONA/2025');
    assert.match(page.body, /href="\/organisations\/MONA\/2025\/monthly">Monthly recruitment</);
  });

  test('a year that is not loaded is not found', async () => {
    assert.equal((await viewer.get('/organisations/MONA/2023/monthly')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/MONA/abcd/monthly')).statusCode, 404);
  });
});

test('months between are filled, and gaps carry their reason', () => {
  const filled = fillMonths([counts('2024-11', 10, 5, 10, 2), counts('2025-02', 0, 0, 4, 0)]);
  assert.deepEqual(filled.map((c) => c.month), ['2024-11', '2024-12', '2025-01', '2025-02']);
  const rows = filled.map(relativeLikelihoodRow);
  assert.equal(rows[0]?.value, 2.5);
  assert.equal(rows[1]?.reason, 'No shortlisted applicants');
  assert.equal(rows[3]?.reason, 'No White shortlisted applicants');
  assert.equal(relativeLikelihoodRow(counts('2025-03', 5, 1, 0, 0)).reason, 'No ethnic minority shortlisted applicants');
  assert.equal(relativeLikelihoodRow(counts('2025-03', 5, 1, 4, 0)).reason, 'No ethnic minority applicants appointed');
  assert.equal(relativeLikelihoodRow(counts('2025-03', 5, 0, 4, 1)).value, 0);
  assert.equal(ethnicMinorityRateRow(counts('2025-03', 5, 1, 4, 1)).value, 25);
  assert.equal(ethnicMinorityRateRow(counts('2025-03', 5, 1, 0, 0)).reason, 'No ethnic minority shortlisted applicants');
  assert.deepEqual(fillMonths([]), []);
});

test('limits need 12 months with a figure; fewer is a run chart', () => {
  const months = Array.from({ length: 14 }, (_, i) => counts(`2024-${String((i % 12) + 1).padStart(2, '0')}`.replace(/^2024-(0[1-2])$/, (m) => (i >= 12 ? `2025-${m.slice(5)}` : m)), 10, 3 + (i % 3), 10, 2 + (i % 2)));
  const series = monthlySeries(months.map(relativeLikelihoodRow), 'decrease');
  assert.equal(series.showLimits, true);
  assert.ok(series.rows.every((r) => r.lpl !== null && r.upl !== null && r.pointType !== ''));
  assert.ok(series.variationReading);
  const few = monthlySeries(months.slice(0, 11).map(relativeLikelihoodRow), 'decrease');
  assert.equal(few.showLimits, false);
  assert.ok(few.rows.every((r) => r.lpl === null && r.pointType === '' && r.mean !== null));
  assert.equal(few.variationReading, null);
});

test('for viewers, a month resting on 1 to 7 people in any count is withheld whole', async () => {
  const { withholdSmallMonths, relativeLikelihoodRow } = await import('./monthly.ts');
  const { DEFAULT_DISCLOSURE_POLICY } = await import('../../core/stats/disclosure.ts');
  const big = { month: '2024-05', white: { shortlisted: 100, appointed: 30 }, ethnicMinority: { shortlisted: 80, appointed: 16 } };
  const small = { month: '2024-06', white: { shortlisted: 100, appointed: 30 }, ethnicMinority: { shortlisted: 10, appointed: 3 } };
  const [kept, withheld] = withholdSmallMonths([relativeLikelihoodRow(big), relativeLikelihoodRow(small)], DEFAULT_DISCLOSURE_POLICY);
  assert.equal(kept!.value, 0.3 / 0.2);
  assert.equal(withheld!.value, null);
  assert.match(withheld!.reason!, /Withheld/);
  assert.equal(withheld!.counts.ethnicMinority.appointed, null);
});
