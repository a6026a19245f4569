/**
 * The national return's download beside the dashboards: analysts (and administrators who are members) get the
 * workbook and the CSV of the stored year, equal to the API's figures; viewers get 403 and no link; every download
 * is audited as an export that held unsuppressed counts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { storedReport } from '../../services/standard-reports.ts';
import { figureAt } from '../../core/returns/layout.ts';
import { RETURN_LAYOUTS } from '../../core/returns/index.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('the national return download', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let administrator: Browser;
  let files: string;
  let orgId: number;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    files = mkdtempSync(join(tmpdir(), 'mirror-return-route-'));
    await writeSyntheticTrust(join(files, '2025'), { year: 2025, seed: 5, staff: 500 });
    const imported = await importFolder(harness.store, join(files, '2025'), {
      organisation: { code: 'RET01', name: 'Return trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(imported.ok);
    orgId = (await harness.store.organisations.byCode('RET01'))!.id;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[orgId, 'viewer']] });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[orgId, 'analyst']] });
    administrator = await signedIn(harness, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true, memberships: [[orgId, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('an analyst downloads both returns in both formats, with the stored figures in their cells', async () => {
    for (const standard of ['wres', 'wdes'] as const) {
      const report = await storedReport(harness.store, harness.services.standards.get(standard)!, orgId, 2025, { suppressBreakdowns: true });
      const csv = await analyst.get(`/organisations/RET01/2025/return/${standard}.csv`);
      assert.equal(csv.statusCode, 200);
      assert.match(String(csv.headers['content-disposition']), new RegExp(`attachment; filename="${standard}-return-RET01-2025.csv"`));
      assert.equal(csv.headers['cache-control'], 'no-store');
      const rows = parse(csv.body, { columns: true }) as Record<string, string>[];
      assert.ok(rows.length > 150);
      const xlsx = await analyst.get(`/organisations/RET01/2025/return/${standard}.xlsx`);
      assert.equal(xlsx.statusCode, 200);
      assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      assert.equal(sheet.getCell('B2').value, 'RET01');
      // The cells are where the layout puts them, with the stored report's figures.
      const paths = RETURN_LAYOUTS[standard].sections.flatMap((s) => s.blocks.flatMap((b) => b.rows.flatMap((r) => r.cells.filter((c) => c !== null))));
      assert.equal(paths.length, rows.length);
      for (const [i, figure] of paths.entries()) {
        const want = figureAt(report, figure!.path);
        if (typeof want !== 'number') continue;
        assert.equal(sheet.getCell(rows[i]!['cell']!).value, want, rows[i]!['mirror_figure']);
        assert.equal(Number(rows[i]!['value']), want);
      }
    }
    const exports = (await harness.store.audit.list({ limit: 50, offset: 0 })).filter((e) => e.subject?.startsWith('return/'));
    assert.deepEqual(exports.map((e) => e.subject).sort(), ['return/wdes/2025.csv', 'return/wdes/2025.xlsx', 'return/wres/2025.csv', 'return/wres/2025.xlsx']);
    assert.ok(exports.every((e) => e.action === 'export' && (e.details as { unsuppressed?: boolean } | null)?.unsuppressed === true));
  });

  test('the dashboards link to the return for analysts and administrators, not for viewers, who get 403', async () => {
    assert.match((await analyst.get('/organisations/RET01/2025')).body, /href="\/organisations\/RET01\/2025\/return\/wres.xlsx"/);
    assert.match((await analyst.get('/organisations/RET01/2025/wdes')).body, /href="\/organisations\/RET01\/2025\/return\/wdes.csv"/);
    assert.match((await administrator.get('/organisations/RET01/2025')).body, /National return/);
    assert.equal((await administrator.get('/organisations/RET01/2025/return/wres.xlsx')).statusCode, 200);
    const page = await viewer.get('/organisations/RET01/2025');
    assert.doesNotMatch(page.body, /return\/wres/);
    const refused = await viewer.get('/organisations/RET01/2025/return/wres.xlsx');
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /Only the organisation(&#39;|')s analysts and administrators can download the national return/);
    assert.equal((await analyst.get('/organisations/RET01/2025/return/medical.xlsx')).statusCode, 404);
    assert.equal((await analyst.get('/organisations/RET01/2024/return/wres.xlsx')).statusCode, 404);
  });
});
