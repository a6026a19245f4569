import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { beyondChance, relativeLikelihoodChange } from '../../core/stats/change-between-years.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { wdesReportFor } from '../../services/standards-report-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('WDES year by year', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;
  let organisationId: number;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-wdes-trends-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: 8, staff: 1500 });
      const imported = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'WDTR', name: 'WDES trends trust' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok);
    }
    organisationId = (await harness.store.organisations.byCode('WDTR'))!.id;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisationId, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every metric with a yearly figure has a run chart and a table of each year, linked from the WDES page, audited', async () => {
    assert.match((await viewer.get('/organisations/WDTR/2025/wdes')).body, /<a href="\/organisations\/WDTR\/2025\/wdes\/trends">Every metric year by year<\/a>/);
    const page = await viewer.get('/organisations/WDTR/2025/wdes/trends');
    assert.equal(page.statusCode, 200);
    assert.equal((page.body.match(/<figure class="mirror-chart"><svg [^>]*role="img"/g) ?? []).length, 12);
    assert.equal((page.body.match(/<caption class="nhsuk-table__caption" id="caption-/g) ?? []).length, 12);
    assert.match(page.body, /from 2024, 2025|\(2024, 2025\)/);
    assert.doesNotMatch(page.body, /BME|BAME/);
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'wdes/2025/trends' && e.action === 'view'));
  });

  test('the figures are each year’s report, and the change since last year is judged from both years’ counts', async () => {
    const page = await viewer.get('/organisations/WDTR/2025/wdes/trends');
    const [before, now] = await Promise.all([2024, 2025].map((y) => wdesReportFor(harness.store, organisationId, y, { suppressBreakdowns: true })));
    const a = before!.metrics['2'];
    const b = now!.metrics['2'];
    assert.ok(a.available && b.available && a.value !== null && b.value !== null);
    const section = page.body.slice(page.body.indexOf('id="metric-2"'), page.body.indexOf('id="metric-3"'));
    for (const value of [a.value, b.value]) assert.ok(section.includes(`>${value.toFixed(2)}<`), `metric 2 shows ${value.toFixed(2)}`);
    const n = b.groups[b.orientation.numerator];
    assert.ok(section.includes(`${n.events} of ${n.population} against`), 'the counts behind the 2025 figure');
    const change = relativeLikelihoodChange(
      { numerator: a.groups[a.orientation.numerator], denominator: a.groups[a.orientation.denominator] },
      { numerator: b.groups[b.orientation.numerator], denominator: b.groups[b.orientation.denominator] },
    )!;
    const delta = b.value - a.value;
    const words = `${delta > 0 ? 'Up' : 'Down'} ${Math.abs(delta).toFixed(2)} since 2024: ${beyondChance(change.ci95, 1) ? 'more than chance alone would usually give' : 'within what chance alone could give'}`;
    assert.ok(section.includes(`<strong>Since last year:</strong> ${words}.`), words);
  });

  test('with one year loaded there is no trend yet; a year not loaded is not found', async () => {
    const page = await viewer.get('/organisations/WDTR/2024/wdes/trends');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Only 2024 is loaded, so there is no trend yet/);
    assert.doesNotMatch(page.body, /Since last year/);
    assert.equal((await viewer.get('/organisations/WDTR/2023/wdes/trends')).statusCode, 404);
  });
});
