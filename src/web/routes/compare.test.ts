import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { SYNTHETIC_REGION, SYNTHETIC_REGION_TYPE, writeSyntheticRegion } from '../../demo/synthetic-region.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { Browser, createHarness, type Harness, signedIn } from '../auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('comparisons between organisations', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-compare-'));
    const key = harness.services.pseudonymKey;
    const members = await writeSyntheticRegion(join(dir, 'region'), 2025, 3, { staffScale: 0.1 });
    for (const m of members) {
      const result = await importFolder(harness.store, join(dir, 'region', m.code), {
        organisation: { code: m.code, name: m.name, region: SYNTHETIC_REGION, type: SYNTHETIC_REGION_TYPE, synthetic: true },
        year: 2025, channel: 'cli', importedBy: null, key,
      });
      assert.ok(result.ok, m.code);
    }
    // One more organisation, elsewhere and of another type.
    await writeSyntheticTrust(join(dir, 'other'), { year: 2025, seed: 40, staff: 300, gapScale: 0.5 });
    assert.ok((await importFolder(harness.store, join(dir, 'other'), {
      organisation: { code: 'OTHER', name: 'Elsewhere Synthetic Mental Health Trust', region: 'Elsewhere', type: 'Mental health trust', synthetic: true },
      year: 2025, channel: 'cli', importedBy: null, key,
    })).ok);
    const own = (await harness.store.organisations.byCode('SYN02'))!;
    const other = (await harness.store.organisations.byCode('OTHER'))!;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer'], [other.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('funnel plots of indicators 2 to 8 with the member highlighted, each with its table, and the view audited', async () => {
    const page = await viewer.get('/organisations/SYN02/2025/compare');
    assert.equal(page.statusCode, 200);
    const body = page.body;
    assert.match(body, /Comparisons with other organisations, 2025/);
    assert.match(body, /organisation-level headline figures, as published in the national return/);
    assert.match(body, /never used or shown here/);
    let charts = 0;
    for (const id of ['2', '3', '4', '5', '6', '7', '8']) {
      assert.match(body, new RegExp(`<h2 id="indicator-${id}">`), `indicator ${id} heading`);
      const table = new RegExp(`id="funnel-${id}-caption">The numbers behind the indicator ${id} funnel plot`).test(body);
      // Small synthetic organisations may have too few disciplinary cases for indicator 3: the page says so.
      assert.ok(table || body.includes(`have a figure for indicator ${id} (`), `indicator ${id}: a table or why there is none`);
      if (table) charts += 1;
    }
    assert.ok(charts >= 6, `${charts} funnel plots`);
    assert.equal(body.match(/<svg [^>]*class="mirror-chart-svg"/g)?.length, charts, 'each chart followed by its table');
    assert.match(body, /Your organisation lies (inside|above|below) the (95|99\.8)% limits/);
    assert.match(body, /<desc [^>]*>[^<]*Synthetic Region NHS Trust 02 [\d.]+%?, (inside|above|below) the/, 'the description places the highlighted organisation');
    assert.match(body, /Elsewhere Synthetic Mental Health Trust/, 'every organisation by default');
    const events = await harness.store.audit.list({ limit: 10, offset: 0 });
    assert.ok(events.some((e) => e.action === 'view' && e.subject === 'compare/2025/all'));
  });

  test('the peer group is chosen by region or type, and validated', async () => {
    const region = await viewer.get('/organisations/SYN02/2025/compare?peers=region');
    assert.equal(region.statusCode, 200);
    assert.doesNotMatch(region.body, /Elsewhere Synthetic Mental Health Trust/);
    assert.match(region.body, /<strong aria-current="page">Organisations in the same region \(Synthetic region\)<\/strong>/);
    const type = await viewer.get('/organisations/SYN02/2025/compare?peers=type');
    assert.equal(type.statusCode, 200);
    assert.doesNotMatch(type.body, /Elsewhere Synthetic Mental Health Trust/);
    const alone = await viewer.get('/organisations/OTHER/2025/compare?peers=region');
    assert.equal(alone.statusCode, 200);
    assert.match(alone.body, /Not enough organisations to compare/);
    assert.match(alone.body, /There is 1\./);
    assert.equal((await viewer.get('/organisations/SYN02/2025/compare?peers=everyone')).statusCode, 400);
    assert.equal((await viewer.get('/organisations/SYN02/2024/compare')).statusCode, 404);
  });

  test('the dashboard links to the comparisons', async () => {
    const dashboard = await viewer.get('/organisations/SYN02/2025');
    assert.match(dashboard.body, /href="\/organisations\/SYN02\/2025\/compare">Comparisons with other organisations/);
  });
});
