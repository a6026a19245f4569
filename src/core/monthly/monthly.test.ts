import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { MONTHLY_MEASURES, rateDirection, type MonthlyCounts } from './monthly-measures.ts';
import { ethnicMinorityRateRow, fillMonths, monthsOf, relativeLikelihoodRow, withholdSmallMonths } from './monthly-rows.ts';

const { recruitment, disciplinary, training } = MONTHLY_MEASURES;

const counts = (month: string, white: [number, number], ethnicMinority: [number, number]): MonthlyCounts => ({
  month,
  white: { events: white[0], population: white[1] },
  ethnicMinority: { events: ethnicMinority[0], population: ethnicMinority[1] },
});

test('a reporting year has the twelve months April to March', () => {
  assert.deepEqual(monthsOf(reportingPeriod(2025)), [
    '2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03',
  ]);
});

test('months without counts are filled: nobody for recruitment, the headcount with no events otherwise', () => {
  const period = reportingPeriod(2025);
  const recruitmentMonths = fillMonths(period, [counts('2024-06', [5, 10], [2, 10])]);
  assert.equal(recruitmentMonths.length, 12);
  assert.deepEqual(recruitmentMonths[2], counts('2024-06', [5, 10], [2, 10]));
  assert.deepEqual(recruitmentMonths[0], counts('2024-04', [0, 0], [0, 0]));
  const disciplinaryMonths = fillMonths(period, [counts('2025-03', [1, 900], [2, 300])], { white: 900, ethnicMinority: 300 });
  assert.deepEqual(disciplinaryMonths[0], counts('2024-04', [0, 900], [0, 300]));
  assert.deepEqual(disciplinaryMonths[11], counts('2025-03', [1, 900], [2, 300]));
  assert.throws(() => fillMonths(period, [counts('2025-04', [1, 1], [1, 1])]), /outside the reporting year/);
});

test('the relative likelihood follows each indicator’s orientation', () => {
  // Recruitment (2): White rate ÷ ethnic minority rate = (5/10) ÷ (2/10) = 2.5.
  const appointed = relativeLikelihoodRow(recruitment, counts('2024-06', [5, 10], [2, 10]));
  assert.equal(appointed.value, 2.5);
  assert.ok(appointed.ci95 && appointed.ci95[0] < 2.5 && appointed.ci95[1] > 2.5);
  // Disciplinary (3): ethnic minority rate ÷ White rate = (3/300) ÷ (2/900) = 4.5.
  assert.ok(Math.abs(relativeLikelihoodRow(disciplinary, counts('2024-06', [2, 900], [3, 300])).value! - 4.5) < 1e-12);
  // Training (4): White rate ÷ ethnic minority rate = (90/900) ÷ (20/300) = 1.5.
  assert.ok(Math.abs(relativeLikelihoodRow(training, counts('2024-06', [90, 900], [20, 300])).value! - 1.5) < 1e-12);
});

test('a month without a relative likelihood says why in the indicator’s words', () => {
  const reason = (measure: typeof recruitment, c: MonthlyCounts) => relativeLikelihoodRow(measure, c).reason;
  assert.equal(reason(recruitment, counts('2024-05', [0, 0], [0, 0])), 'No shortlisted applicants');
  assert.equal(reason(recruitment, counts('2024-05', [0, 0], [1, 4])), 'No White shortlisted applicants');
  assert.equal(reason(recruitment, counts('2024-05', [1, 5], [0, 0])), 'No ethnic minority shortlisted applicants');
  assert.equal(reason(recruitment, counts('2024-05', [1, 5], [0, 4])), 'No ethnic minority applicants were appointed from shortlisting');
  assert.equal(reason(disciplinary, counts('2024-05', [0, 900], [2, 300])), 'No White staff entered a formal disciplinary investigation');
  assert.equal(reason(training, counts('2024-05', [4, 900], [0, 300])), 'No ethnic minority staff accessed non-mandatory training or continuing professional development');
  // Events in the numerator group only: a ratio of 0 is a figure, not a gap.
  assert.equal(relativeLikelihoodRow(recruitment, counts('2024-05', [0, 5], [1, 4])).value, 0);
});

test('the ethnic minority rate is in the measure’s unit, with the Wilson interval scaled to it', () => {
  // 4 of 2,000 per 1,000: 2.0, Wilson interval 0.000778 to 0.005131 as proportions (see wilsonInterval).
  const rare = ethnicMinorityRateRow(disciplinary, counts('2024-05', [0, 8000], [4, 2000]));
  assert.ok(Math.abs(rare.value! - 2) < 1e-12);
  assert.ok(Math.abs(rare.ci95![0] - 0.7780273) < 1e-6 && Math.abs(rare.ci95![1] - 5.1313518) < 1e-6);
  assert.equal(ethnicMinorityRateRow(recruitment, counts('2024-05', [1, 5], [1, 4])).value, 25);
  assert.equal(ethnicMinorityRateRow(training, counts('2024-05', [1, 5], [0, 0])).reason, 'No ethnic minority staff');
});

test('a figure resting on fewer than 10 events in a compared group is flagged as small numbers', () => {
  assert.equal(relativeLikelihoodRow(recruitment, counts('2024-06', [50, 100], [10, 40])).smallNumbers, false);
  assert.equal(relativeLikelihoodRow(recruitment, counts('2024-06', [50, 100], [9, 40])).smallNumbers, true);
  assert.equal(relativeLikelihoodRow(disciplinary, counts('2024-06', [0, 900], [12, 300])).smallNumbers, true);
  assert.equal(ethnicMinorityRateRow(training, counts('2024-06', [0, 900], [10, 300])).smallNumbers, false);
  assert.equal(ethnicMinorityRateRow(training, counts('2024-06', [90, 900], [9, 300])).smallNumbers, true);
});

test('better is higher for a favourable event and lower for an adverse one', () => {
  assert.equal(rateDirection(recruitment), 'increase');
  assert.equal(rateDirection(training), 'increase');
  assert.equal(rateDirection(disciplinary), 'decrease');
});

test('a month resting on 1 to 7 people in any count is withheld whole', () => {
  const rows = [
    counts('2024-04', [30, 100], [16, 80]),
    counts('2024-05', [30, 100], [3, 10]),
    // Population without the event is a count too: 95 of 100 leaves 5 people.
    counts('2024-06', [95, 100], [16, 80]),
    // Zero is not disclosive.
    counts('2024-07', [0, 900], [0, 300]),
  ].map((c) => relativeLikelihoodRow(recruitment, c));
  const [kept, small, complement, zeros] = withholdSmallMonths(rows, DEFAULT_DISCLOSURE_POLICY);
  assert.equal(kept!.value, 0.3 / 0.2);
  assert.equal(kept!.withheld, false);
  for (const withheld of [small!, complement!]) {
    assert.equal(withheld.value, null);
    assert.equal(withheld.ci95, null);
    assert.equal(withheld.white, null);
    assert.equal(withheld.ethnicMinority, null);
    assert.equal(withheld.withheld, true);
    assert.match(withheld.reason!, /^Withheld: fewer than 8 people in a count, here or in a month it would let be worked out$/);
  }
  assert.deepEqual(zeros, rows[3]);
});

test('the months of a year add up to the yearly count, so a single small month takes another with it', () => {
  // Training over a year of 900 White and 300 ethnic minority staff: every month at least 8 starters, but October 3.
  const months = monthsOf(reportingPeriod(2025)).map((month) => counts(month, [20, 900], [month === '2024-10' ? 3 : 10, 300]));
  const rows = withholdSmallMonths(months.map((c) => ethnicMinorityRateRow(training, c)), DEFAULT_DISCLOSURE_POLICY);
  const withheld = rows.filter((r) => r.withheld);
  // The yearly report gives 113 ethnic minority starters: 113 less the eleven months shown would give October's 3.
  assert.equal(withheld.length, 2);
  assert.ok(withheld.some((r) => r.month === '2024-10'));
  assert.equal(new Set(withheld.map((r) => r.reason)).size, 1, 'one reason for both');
  // A year with no small month is left alone, and each year is protected on its own.
  const twoYears = [...months, ...monthsOf(reportingPeriod(2026)).map((month) => counts(month, [20, 900], [10, 300]))];
  assert.equal(withholdSmallMonths(twoYears.map((c) => ethnicMinorityRateRow(training, c)), DEFAULT_DISCLOSURE_POLICY).filter((r) => r.withheld).length, 2);
});
