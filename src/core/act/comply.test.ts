import assert from 'node:assert/strict';
import { test } from 'node:test';
import { complianceByMonth, complianceSeries } from './comply.ts';

test('compliance by month: each month from the first to the last, a gap where there were no cases', () => {
  const rows = complianceByMonth([
    { month: '2026-12', complied: true }, { month: '2026-10', complied: true }, { month: '2026-10', complied: false },
    { month: '2026-10', complied: true }, { month: '2026-10', complied: true },
  ]);
  assert.deepEqual(rows.map((r) => [r.month, r.cases, r.complied, r.pct]), [['2026-10', 4, 3, 75], ['2026-11', 0, 0, null], ['2026-12', 1, 1, 100]]);
  // Wilson 95% for 3 of 4: 30.1% to 95.4%.
  assert.deepEqual(rows[0]!.ci95?.map((n) => n.toFixed(1)), ['30.1', '95.4']);
});

test('compliance crosses the year end and is a run chart below 12 months', () => {
  const series = complianceSeries([{ month: '2025-12', complied: true }, { month: '2026-01', complied: false }]);
  assert.deepEqual(series.months.map((m) => m.month), ['2025-12', '2026-01']);
  assert.equal(series.showLimits, false);
  assert.equal(series.spc.points.length, 2);
});

test('twelve months of cases give process limits around the mean', () => {
  const cases = Array.from({ length: 12 }, (_, i) => `2026-${String(i + 1).padStart(2, '0')}`)
    .flatMap((month, i) => [{ month, complied: true }, { month, complied: i % 2 === 0 }]);
  const series = complianceSeries(cases);
  assert.equal(series.showLimits, true);
  // Alternating 100% and 50%: mean 75%, every moving range 50, so limits 75 ± 2.66 × 50.
  assert.equal(series.spc.points[0]!.mean, 75);
  assert.equal(series.spc.points[0]!.upl?.toFixed(1), (75 + 2.66 * 50).toFixed(1));
});
