import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WDES_COMPARED, type WdesCompared } from '../disability/characteristic.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { rateDirection, type MonthlyCounts } from './monthly-measures.ts';
import { fillMonths, focusRateRow, relativeLikelihoodRow, withholdSmallMonths } from './monthly-rows.ts';
import { WDES_MONTHLY_MEASURES } from './wdes-monthly-measures.ts';

const { recruitment, capability } = WDES_MONTHLY_MEASURES;

const counts = (month: string, nonDisabled: [number, number], disabled: [number, number]): MonthlyCounts<WdesCompared> => ({
  month,
  nonDisabled: { events: nonDisabled[0], population: nonDisabled[1] },
  disabled: { events: disabled[0], population: disabled[1] },
});

test('WDES months follow each metric’s orientation: 2 is non-disabled ÷ Disabled, 3 is Disabled ÷ non-disabled', () => {
  // Metric 2: 6 of 12 non-disabled and 2 of 8 Disabled shortlisted applicants appointed → 0.5 ÷ 0.25 = 2.
  const appointed = relativeLikelihoodRow(recruitment, counts('2024-06', [6, 12], [2, 8]));
  assert.equal(appointed.value, 2);
  assert.deepEqual(appointed.disabled, { events: 2, population: 8 });
  assert.deepEqual(appointed.nonDisabled, { events: 6, population: 12 });
  // Metric 3: 3 of 200 Disabled and 2 of 800 non-disabled staff entering capability → 0.015 ÷ 0.0025 = 6.
  assert.ok(Math.abs(relativeLikelihoodRow(capability, counts('2024-06', [2, 800], [3, 200])).value! - 6) < 1e-12);
});

test('a WDES month without a figure says why, naming Disabled and non-disabled people', () => {
  const reason = (measure: typeof recruitment, c: MonthlyCounts<WdesCompared>) => relativeLikelihoodRow(measure, c).reason;
  assert.equal(reason(recruitment, counts('2024-05', [0, 0], [0, 0])), 'No shortlisted applicants');
  assert.equal(reason(recruitment, counts('2024-05', [0, 0], [1, 4])), 'No non-disabled shortlisted applicants');
  assert.equal(reason(recruitment, counts('2024-05', [1, 5], [0, 0])), 'No Disabled shortlisted applicants');
  assert.equal(reason(recruitment, counts('2024-05', [1, 5], [0, 4])), 'No Disabled applicants were appointed from shortlisting');
  assert.equal(reason(capability, counts('2024-05', [0, 800], [2, 200])), 'No non-disabled staff entered the formal capability process');
  assert.equal(focusRateRow(capability, counts('2024-05', [1, 800], [0, 0])).reason, 'No Disabled staff');
});

test('the Disabled rate is in the measure’s unit: 3 of 200 is 15 per 1,000; 2 of 8 is 25%', () => {
  assert.ok(Math.abs(focusRateRow(capability, counts('2024-05', [2, 800], [3, 200])).value! - 15) < 1e-12);
  assert.equal(focusRateRow(recruitment, counts('2024-05', [6, 12], [2, 8])).value, 25);
  assert.equal(rateDirection(recruitment), 'increase');
  assert.equal(rateDirection(capability), 'decrease');
});

test('WDES months are filled and withheld by the Disabled and non-disabled counts', () => {
  const period = reportingPeriod(2025);
  const filled = fillMonths(period, [counts('2024-07', [1, 800], [2, 200])], { nonDisabled: 800, disabled: 200 }, WDES_COMPARED);
  assert.equal(filled.length, 12);
  assert.deepEqual(filled[0], counts('2024-04', [0, 800], [0, 200]));
  assert.deepEqual(filled[3], counts('2024-07', [1, 800], [2, 200]));
  assert.deepEqual(fillMonths(period, [], null, WDES_COMPARED)[5], counts('2024-09', [0, 0], [0, 0]));

  // May's 3 Disabled appointments are small; the year's total would give them away, so April (the fewest events
  // after May) goes with them, within the year, and June is kept.
  const rows = [counts('2024-04', [30, 100], [10, 40]), counts('2024-05', [30, 100], [3, 40]), counts('2024-06', [30, 100], [20, 40])]
    .map((c) => relativeLikelihoodRow(recruitment, c));
  const [other, small, kept] = withholdSmallMonths(rows, DEFAULT_DISCLOSURE_POLICY, WDES_COMPARED);
  assert.equal(kept!.withheld, false);
  assert.equal(kept!.disabled?.events, 20);
  assert.equal(other!.withheld, true);
  assert.equal(other!.disabled, null);
  assert.equal(small!.withheld, true);
  assert.equal(small!.disabled, null);
  assert.equal(small!.nonDisabled, null);
  assert.equal(small!.value, null);
});
