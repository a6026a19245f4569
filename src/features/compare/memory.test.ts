/**
 * The comparisons, monthly series and targets slices (features/compare, features/monthly, features/targets) over a
 * SQLite store in memory, built by the same composition root as the running service: each page and download of
 * both standards answers from the services it is handed, membership first, and every view and download is audited
 * with the subject it has always had.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { SQLITE_IN_MEMORY } from '../../store/database.ts';
import type { AuditEvent } from '../../store/store.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { COMPARE_CSV_HEADER } from './presenters.ts';

const PASSWORD = 'a long enough password';
const BASE = '/organisations/MEMC1/2025';

describe('comparisons, monthly series and targets over a store in memory', () => {
  let harness: Harness;
  let viewer: Browser;
  let outsider: Browser;
  let files: string;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    files = mkdtempSync(join(tmpdir(), 'mirror-analyses-memory-'));
    const codes = ['MEMC1', 'MEMC2', 'MEMC3', 'MEMC4'];
    for (const [i, code] of codes.entries()) {
      await writeSyntheticTrust(join(files, code), { year: 2025, seed: 20 + i, staff: 500 });
      const imported = await importFolder(harness.store, join(files, code), {
        organisation: { code, name: `In-memory trust ${i + 1}` }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok, `${code} imports`);
    }
    const [own, other] = [(await harness.store.organisations.byCode('MEMC1'))!, (await harness.store.organisations.byCode('MEMC2'))!];
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer']] });
    outsider = await signedIn(harness, { email: 'outsider@example.nhs.uk', password: PASSWORD, memberships: [[other.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  const auditedAs = async (action: 'view' | 'export', subject: string): Promise<AuditEvent | undefined> =>
    (await harness.store.audit.list({ limit: 1000, offset: 0 })).find((e) => e.action === action && e.subject === subject);

  test('the store is in memory', () => {
    assert.equal(harness.services.storeConfig.dialect === 'sqlite' && harness.services.storeConfig.file, SQLITE_IN_MEMORY);
  });

  test('WRES comparisons: a funnel per indicator, each followed by its table, audited with the number of organisations', async () => {
    const page = await viewer.get(`${BASE}/compare`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*Comparisons 2025: In-memory trust 1/);
    const tables = page.body.match(/id="funnel-[^"]+-caption">The numbers behind the indicator/g)?.length ?? 0;
    assert.ok(tables >= 7, `${tables} funnel tables`);
    assert.equal(page.body.match(/<svg [^>]*class="mirror-chart-svg"/g)?.length, tables, 'each chart followed by its table');
    assert.match(page.body, /Your organisation lies (inside|above|below) the (95|99\.8)% limits/);
    assert.deepEqual((await auditedAs('view', 'compare/2025/all'))?.details, { organisations: 4 });
  });

  test('WRES comparisons download: the same columns as ever, one row per organisation per indicator, audited', async () => {
    const download = await viewer.get(`${BASE}/compare.csv`);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /filename="compare-MEMC1-2025.csv"/);
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!), [...COMPARE_CSV_HEADER]);
    assert.deepEqual([...new Set(rows.map((r) => r['organisation_code']))].sort(), ['MEMC1', 'MEMC2', 'MEMC3', 'MEMC4']);
    assert.ok(rows.filter((r) => r['your_organisation'] === 'true').every((r) => r['organisation_code'] === 'MEMC1'));
    const event = await auditedAs('export', 'compare/2025/all.csv');
    assert.deepEqual(event?.details, { organisations: 4, withheld: rows.filter((r) => r['withheld'] !== '').length });
  });

  test('WDES comparisons: page and download, with non-disabled and Disabled counts', async () => {
    const page = await viewer.get(`${BASE}/wdes/compare?peers=all`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<title>[^<]*WDES Comparisons 2025: In-memory trust 1/);
    assert.ok(await auditedAs('view', 'wdes/2025/compare/all'));
    const download = await viewer.get(`${BASE}/wdes/compare.csv`);
    assert.match(String(download.headers['content-disposition']), /filename="wdes-compare-MEMC1-2025.csv"/);
    const rows = parse(download.body, { columns: true }) as Record<string, string>[];
    assert.deepEqual(Object.keys(rows[0]!).slice(5, 9), ['non_disabled_events', 'non_disabled_people', 'disabled_events', 'disabled_people']);
    assert.ok(await auditedAs('export', 'wdes/2025/compare/all.csv'));
  });

  test('an unknown peer group is a bad request naming the choice; no comparison is audited for it', async () => {
    for (const path of ['compare?peers=nearby', 'compare.csv?peers=nearby', 'wdes/compare?peers=nearby']) {
      const response = await viewer.get(`${BASE}/${path}`);
      assert.equal(response.statusCode, 400, path);
      assert.match(response.body, /Choose a peer group from the links on the comparisons page/);
    }
    assert.equal(await auditedAs('view', 'compare/2025/nearby'), undefined);
  });

  test('monthly series of both standards: pages and downloads, audited', async () => {
    for (const [path, subject, file] of [
      ['monthly', 'monthly/2025/recruitment', 'monthly-recruitment-MEMC1-2025.csv'],
      ['monthly/training', 'monthly/2025/training', 'monthly-training-MEMC1-2025.csv'],
      ['wdes/monthly/capability', 'wdes/2025/monthly/capability', 'wdes-monthly-capability-MEMC1-2025.csv'],
    ] as const) {
      const page = await viewer.get(`${BASE}/${path}`);
      assert.equal(page.statusCode, 200, path);
      // Two series, each a table; a chart above each that has a month to show (a viewer's may all be withheld).
      assert.equal(page.body.match(/-caption">[^<]*, month by month: the numbers behind the chart/g)?.length, 2, `${path}: two tables`);
      assert.ok((page.body.match(/<svg [^>]*class="mirror-chart-svg"/g)?.length ?? 0) >= (path === 'monthly' ? 2 : 1), `${path}: charts`);
      assert.ok(await auditedAs('view', subject), subject);
      const key = subject.split('/').pop();
      const download = await viewer.get(`${BASE}/${path.replace(/monthly$/, 'monthly/recruitment')}.csv`);
      assert.equal(download.statusCode, 200, `${path}.csv`);
      assert.match(String(download.headers['content-disposition']), new RegExp(`filename="${file}"`));
      const rows = parse(download.body, { columns: true }) as Record<string, string>[];
      assert.equal(rows.length, 24, `${key}: a row per month of each of the two series`);
      assert.ok(rows.every((r) => r['measure'] === key), `${key}: every row is the measure's`);
      assert.ok(await auditedAs('export', `${subject}.csv`));
    }
    assert.equal((await viewer.get(`${BASE}/wdes/monthly/training`)).statusCode, 404, 'a WRES measure is not a WDES one');
  });

  test('targets of both standards: pages and downloads, audited; a goal that is not a percentage is refused', async () => {
    const wres = await viewer.get(`${BASE}/targets?goal=35`);
    assert.equal(wres.statusCode, 200);
    assert.match(wres.body, /<title>[^<]*Targets and trajectories 2025: In-memory trust 1/);
    assert.ok(await auditedAs('view', 'targets/2025'));
    const wdes = await viewer.get(`${BASE}/wdes/targets`);
    assert.equal(wdes.statusCode, 200);
    assert.match(wdes.body, /<title>[^<]*WDES Targets and trajectories 2025/);
    assert.ok(await auditedAs('view', 'wdes/2025/targets'));

    const download = await viewer.get(`${BASE}/wdes/targets.csv`);
    assert.equal(download.statusCode, 200);
    assert.match(String(download.headers['content-disposition']), /filename="wdes-targets-MEMC1-2025.csv"/);
    assert.ok('disabled_headcount' in (parse(download.body, { columns: true }) as Record<string, string>[])[0]!);
    assert.ok(await auditedAs('export', 'wdes/2025/targets.csv'));

    const wrong = await viewer.get(`${BASE}/targets?goal=abc`);
    assert.equal(wrong.statusCode, 400);
    assert.match(wrong.body, /Enter the local population share as a percentage above 0 and no more than 100/);
    assert.equal((await viewer.get(`${BASE}/targets.csv?goal=abc`)).statusCode, 400);
  });

  test('another organisation’s comparisons, monthly series and targets are not found for a non-member', async () => {
    for (const path of ['compare', 'compare.csv', 'wdes/compare', 'monthly', 'wdes/monthly/capability.csv', 'targets', 'wdes/targets.csv']) {
      assert.equal((await outsider.get(`${BASE}/${path}`)).statusCode, 404, path);
    }
    assert.equal((await viewer.get('/organisations/MEMC1/2024/compare')).statusCode, 404, 'a year that was not imported');
  });
});
