/**
 * The monthly series against the annual figures, on both databases: the store's monthly counts (grouped in SQL) must
 * add up, year by year, to the numerators and populations the engine counted for WRES indicators 2, 3 and 4, which
 * come from the records by a separate path. And a series runs across consecutive loaded years only.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { WRES_ETHNICITY } from '../src/core/ethnicity/wres-characteristic.ts';
import { sumByGroup } from '../src/core/indicators/characteristic.ts';
import { MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES } from '../src/core/monthly/monthly-measures.ts';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { importFolder } from '../src/services/import-service.ts';
import { monthlyCountsFor } from '../src/services/monthly-counts-service.ts';
import { wresCountsFor } from '../src/services/wres-report-service.ts';
import type { Store } from '../src/store/store.ts';
import { testEachDialect } from './store/each-dialect.ts';
import { TEST_KEY } from './store/fixtures.ts';

let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-monthly-series-'));
  for (const year of [2023, 2024, 2025]) await writeSyntheticTrust(join(dir, String(year)), { year, seed: 11, staff: 600 });
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function load(store: Store, years: readonly number[]): Promise<number> {
  for (const year of years) {
    const result = await importFolder(store, join(dir, String(year)), {
      organisation: { code: 'MSER', name: 'Monthly series trust' }, year, channel: 'cli', importedBy: null, key: TEST_KEY,
    });
    assert.ok(result.ok, 'the synthetic files import');
  }
  return (await store.organisations.byCode('MSER'))!.id;
}

testEachDialect('each year’s months add up to the annual counts of indicators 2, 3 and 4', async ({ store }) => {
  const organisationId = await load(store, [2024, 2025]);
  for (const key of MONTHLY_MEASURE_KEYS) {
    const series = await monthlyCountsFor(store, organisationId, 2025, MONTHLY_MEASURES[key]);
    assert.deepEqual(series.years, [{ year: 2024, included: true, reason: null }, { year: 2025, included: true, reason: null }], key);
    assert.equal(series.months.length, 24, key);
    assert.equal(series.months[0]!.month, '2023-04');
    assert.equal(series.months[23]!.month, '2025-03');
    for (const [index, year] of [2024, 2025].entries()) {
      const annual = (await wresCountsFor(store, organisationId, year))!;
      const ratio = key === 'recruitment' ? annual.appointment! : key === 'disciplinary' ? annual.disciplinary! : annual.training!;
      const groups = sumByGroup(ratio.overall, WRES_ETHNICITY);
      const months = series.months.slice(index * 12, index * 12 + 12);
      for (const group of ['white', 'ethnicMinority'] as const) {
        const events = months.reduce((sum, m) => sum + m[group].events, 0);
        assert.equal(events, groups[group].events, `${key} ${year} ${group} events`);
        assert.ok(events > 0, `${key} ${year} ${group}: the synthetic trust has events, so the check means something`);
        if (key === 'recruitment') {
          assert.equal(months.reduce((sum, m) => sum + m[group].population, 0), groups[group].population, `${key} ${year} ${group} shortlisted`);
        } else {
          assert.ok(months.every((m) => m[group].population === groups[group].population), `${key} ${year} ${group} headcount every month`);
        }
      }
    }
  }
});

testEachDialect('a series runs over consecutive loaded years only', async ({ store }) => {
  const organisationId = await load(store, [2023, 2025]);
  const series = await monthlyCountsFor(store, organisationId, 2025, MONTHLY_MEASURES.training);
  assert.equal(series.months.length, 12);
  assert.equal(series.months[0]!.month, '2024-04');
  assert.deepEqual(series.years, [
    { year: 2023, included: false, reason: '2024 is not loaded, so its months would not run on to the later ones' },
    { year: 2025, included: true, reason: null },
  ]);
  // Asked for 2023, the series is 2023's own.
  const earlier = await monthlyCountsFor(store, organisationId, 2023, MONTHLY_MEASURES.training);
  assert.equal(earlier.months[0]!.month, '2022-04');
  assert.equal(earlier.months.length, 12);
});
