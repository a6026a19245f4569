/**
 * The records an import keeps are complete enough to count again: for the demonstration trust, every registered
 * standard's count of the dataset rebuilt from the store is exactly the counts the import kept. This is what lets
 * a directorate's report be counted from the store. Nothing is excepted: file names and rows are rebuilt from the
 * import's sources, and what the store does not keep (ids, course names, the assignment category beyond bank-only,
 * the occupation code) is counted by no standard.
 */
import assert from 'node:assert/strict';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { defaultStandards } from '../../src/core/standards/index.ts';
import { reportingPeriod } from '../../src/core/wres/reporting-period.ts';
import { DEMO_ORGANISATION, ensureDemoTrust } from '../../src/services/demo-loader.ts';
import { fromStoredRecords } from '../../src/services/stored-records.ts';
import { RECORDS_FORMAT } from '../../src/store/store.ts';
import { testEachDialect } from './each-dialect.ts';
import { TEST_KEY } from './fixtures.ts';

testEachDialect('every standard counts the demonstration trust rebuilt from the store exactly as at import', async ({ store }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mirror-rebuilt-'));
  try {
    await ensureDemoTrust(store, { dataDir, key: TEST_KEY, years: [2025] });
    const organisation = await store.organisations.byCode(DEMO_ORGANISATION.code);
    assert.ok(organisation);
    const version = await store.imports.current(organisation.id, 2025);
    assert.ok(version);
    assert.equal(version.recordsFormat, RECORDS_FORMAT);
    const records = await store.imports.records(version.id);
    const dataset = fromStoredRecords(records, version.sources);
    // The demonstration trust has every kind of file and every field a standard counts.
    assert.ok(dataset.capability && dataset.capability.length > 0 && dataset.wdesSurvey && dataset.wdesSurvey.length > 0 && dataset.wdesNarrative);
    assert.ok(dataset.staff.some((s) => s.medicalLeadership !== null) && dataset.staff.some((s) => s.bonusPay !== null));
    assert.ok(dataset.staff.some((s) => !s.fullPayRelevant) && dataset.board?.some((b) => b.disability === 'yes'));
    const standards = defaultStandards().all();
    assert.deepEqual(standards.map((s) => s.id), ['wres', 'wdes', 'medical', 'paygap']);
    for (const standard of standards) {
      const counted = standard.count(dataset, reportingPeriod(2025));
      assert.ok(counted.ok, standard.id);
      const stored = await store.imports.standardCountsOf(version.id, standard.id);
      assert.ok(stored !== null, standard.id);
      // As the store keeps them: JSON.
      assert.deepEqual(JSON.parse(JSON.stringify(counted.value)), stored, standard.id);
    }
    const scopes = await store.imports.staffScopes(version.id);
    assert.deepEqual(scopes.directorates, [...new Set(dataset.staff.map((s) => s.directorate).filter((d) => d !== null))].sort((a, b) => a.localeCompare(b)));
    assert.ok(scopes.staffGroups.includes('Medical and Dental'));
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
});
