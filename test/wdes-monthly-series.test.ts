/**
 * The WDES monthly series against the annual figures, on both databases: the store's monthly counts by disability
 * must add up, year by year, to the numerators and populations the engine counted for WDES metrics 2 and 3, which
 * come from the records by a separate path (src/core/wdes/count.ts).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { WDES_DISABILITY } from '../src/core/disability/characteristic.ts';
import { sumByGroup } from '../src/core/indicators/characteristic.ts';
import { WDES_MONTHLY_MEASURE_KEYS, WDES_MONTHLY_MEASURES } from '../src/core/monthly/wdes-monthly-measures.ts';
import type { WdesCounts } from '../src/core/wdes/count.ts';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { importFolder } from '../src/services/import-service.ts';
import { monthlyCountsFor } from '../src/services/monthly-counts-service.ts';
import type { Store } from '../src/store/store.ts';
import { testEachDialect } from './store/each-dialect.ts';
import { TEST_KEY } from './store/fixtures.ts';

let dir: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'mirror-wdes-monthly-'));
  for (const year of [2024, 2025]) await writeSyntheticTrust(join(dir, String(year)), { year, seed: 13, staff: 2500 });
});

after(() => rmSync(dir, { recursive: true, force: true }));

async function load(store: Store, years: readonly number[]): Promise<number> {
  for (const year of years) {
    const result = await importFolder(store, join(dir, String(year)), {
      organisation: { code: 'WSER', name: 'WDES series trust' }, year, channel: 'cli', importedBy: null, key: TEST_KEY,
    });
    assert.ok(result.ok, 'the synthetic files import');
  }
  return (await store.organisations.byCode('WSER'))!.id;
}

testEachDialect('each year’s months add up to the annual counts of WDES metrics 2 and 3', async ({ store }) => {
  const organisationId = await load(store, [2024, 2025]);
  for (const key of WDES_MONTHLY_MEASURE_KEYS) {
    const measure = WDES_MONTHLY_MEASURES[key];
    const series = await monthlyCountsFor(store, organisationId, 2025, measure);
    assert.deepEqual(series.years, [{ year: 2024, included: true, reason: null }, { year: 2025, included: true, reason: null }], key);
    assert.equal(series.months.length, 24, key);
    for (const [index, year] of [2024, 2025].entries()) {
      const version = (await store.imports.current(organisationId, year))!;
      const annual = (await store.imports.standardCountsOf(version.id, 'wdes')) as WdesCounts;
      const ratio = key === 'recruitment' ? annual.appointment! : annual.capability!;
      const groups = sumByGroup(ratio.overall, WDES_DISABILITY);
      const months = series.months.slice(index * 12, index * 12 + 12);
      for (const group of ['disabled', 'nonDisabled'] as const) {
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

testEachDialect('a year imported before capability rows were kept is left out, and says why', async ({ store }) => {
  const organisationId = await load(store, [2024, 2025]);
  const version = (await store.imports.current(organisationId, 2024))!;
  // What an import made before migration 0007 looks like: its counts, but no capability rows.
  await store.db.deleteFrom('capability_records').where('import_version_id', '=', version.id).execute();
  const series = await monthlyCountsFor(store, organisationId, 2025, WDES_MONTHLY_MEASURES.capability);
  assert.equal(series.months.length, 12);
  assert.deepEqual(series.years[0], {
    year: 2024, included: false, reason: 'it was imported before Mirror kept the capability file’s rows; import the year again for its months',
  });
  // Recruitment reads the application rows, which were always kept.
  assert.equal((await monthlyCountsFor(store, organisationId, 2025, WDES_MONTHLY_MEASURES.recruitment)).months.length, 24);
});
