import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import type { Store } from '../store/store.ts';
import { importFolder } from './import-service.ts';
import { wresFromFolder } from './wres-from-folder.ts';
import { previousYearNote } from '../core/standards/notes.ts';
import { wresReportFor, type WresReportOptions } from './wres-report-service.ts';

let root = '';

before(async () => {
  root = await mkdtemp(join(tmpdir(), 'mirror-report-'));
  for (const year of [2024, 2025]) await writeSyntheticTrust(join(root, String(year)), { year, seed: 5, staff: 800 });
});
after(() => {
  if (root) rmSync(root, { recursive: true, force: true });
});

async function importYears(store: Store): Promise<number> {
  let organisationId = 0;
  for (const year of [2024, 2025]) {
    const result = await importFolder(store, join(root, String(year)), {
      organisation: { code: 'SYN01', name: 'Synthetic', synthetic: true }, year, channel: 'cli', importedBy: null, key: Buffer.alloc(32, 3),
    });
    assert.ok(result.ok);
    organisationId = result.version.organisationId;
  }
  return organisationId;
}

async function folderJson(year: number, options: WresReportOptions = {}): Promise<string> {
  const result = await wresFromFolder(join(root, String(year)), { year, ...options });
  assert.ok(result.ok);
  return JSON.stringify(result.report);
}

testEachDialect('the stored report is byte for byte the report of the same files', async ({ store }) => {
  const organisationId = await importYears(store);
  const unsuppressed: WresReportOptions = { suppressBreakdowns: false, policy: { ...DEFAULT_DISCLOSURE_POLICY, minimumCellSize: 5 } };
  for (const options of [{}, unsuppressed]) {
    for (const year of [2024, 2025]) {
      const stored = await wresReportFor(store, organisationId, year, options);
      assert.equal(JSON.stringify(stored), await folderJson(year, options), `${year} ${JSON.stringify(options)}`);
    }
  }
  const report2025 = await wresReportFor(store, organisationId, 2025);
  assert.ok(report2025?.notes.includes(previousYearNote(2024, 'indicator 3')), 'the two-year figure says which year it used, without a path');
  assert.equal(report2025?.indicators['3'].available && report2025.indicators['3'].rollingTwoYear.available, true);
});

testEachDialect('a year that has not been imported has no report', async ({ store }) => {
  const organisationId = await importYears(store);
  assert.equal(await wresReportFor(store, organisationId, 2023), null);
  assert.equal(await wresReportFor(store, 9999, 2025), null);
});
