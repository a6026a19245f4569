import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WRES_2, WRES_3, WRES_7 } from '../../wres/definitions.ts';
import {
  betterDirection, DEFAULT_EVALUATION_SETTINGS, evaluateIntervention, evaluateMonthly, evaluationSettings, 
  type MonthlyValue,VERDICT_WORDING,verdictOf, 
} from './index.ts';

const near = (actual: number | null | undefined, expected: number, tolerance: number, what: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

/** Consecutive months from `first` (YYYY-MM), one per value. */
function months(first: string, values: readonly (number | null)[]): MonthlyValue[] {
  let [y, m] = first.split('-').map(Number) as [number, number];
  return values.map((value) => {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    [y, m] = m === 12 ? [y + 1, 1] : [y, m + 1];
    return { month, value };
  });
}

const alternating = (a: number, b: number, n: number) => Array.from({ length: n }, (_, i) => (i % 2 === 0 ? a : b));
/** Twelve months, April 2023 to March 2024, alternating 12 and 10: mean 11, every moving range 2. */
const BEFORE = alternating(12, 10, 12);
const START = '2024-04-01';

test('a shift that starts at the intervention is special cause improvement against the months before', () => {
  // By hand: baseline mean 11, MR̄ 2, limits 11 ∓ 2.66 × 2 = 5.68 to 16.32, near limits 11 ∓ 3.5467. The eight months
  // from April 2024 alternate 14 and 13: all above 11 and inside the near limits, so only the shift rule (7 on one
  // side) fires, for all eight. The chart recalculated from the start has mean 13.5 after it.
  const series = months('2023-04', [...BEFORE, ...alternating(14, 13, 8)]);
  const m = evaluateMonthly(series, START, 'increase', DEFAULT_EVALUATION_SETTINGS);
  assert.equal(m.startMonth, '2024-04');
  assert.equal(m.monthsBefore, 12);
  assert.equal(m.monthsAfter, 8);
  const baseline = m.againstBaseline!;
  for (const p of baseline.points) {
    near(p.mean, 11, 1e-12, 'baseline mean');
    near(p.lpl, 5.68, 1e-9, 'lower limit');
    near(p.upl, 16.32, 1e-9, 'upper limit');
  }
  assert.deepEqual(m.afterStart.map((p) => p.specialCauseType), Array(8).fill('7 Points Above CL'));
  assert.ok(m.afterStart.every((p) => p.pointType === 'special_cause_improvement'));
  assert.ok(baseline.points.slice(0, 12).every((p) => p.pointType === 'common_cause'), 'no month before the start is flagged');
  assert.equal(m.unstableBaseline, false);
  assert.equal(m.reading, 'improvement');
  near(m.meanBefore, 11, 1e-12, 'mean before');
  near(m.meanAfter, 13.5, 1e-12, 'mean after');
  // Recalculated from the start: a second phase with its own mean.
  assert.deepEqual([...new Set(m.phases.points.map((p) => p.phase))], [0, 1]);
  near(m.phases.points[12]?.mean, 13.5, 1e-12, 'mean of the new phase');
  near(m.phases.points[0]?.mean, 11, 1e-12, 'mean of the first phase');

  // With yearly counts of 48 of 80 before and 56 of 70 after (Newcombe's example: +20.0 points, 5.24 to 33.39).
  const e = evaluateIntervention({
    definition: WRES_7,
    measure: 'rate',
    start: '2024-04-01',
    monthly: series,
    annual: { measure: 'rate', years: [{ year: 2024, counts: { events: 48, population: 80 } }, { year: 2025, counts: { events: 56, population: 70 } }] },
  });
  assert.equal(e.direction, 'increase');
  assert.equal(e.annual?.reading, 'improvement');
  near(e.annual?.change?.estimate, 20, 1e-9, 'change');
  near(e.annual?.change?.ci95[0], 5.24, 0.005, 'lower');
  near(e.annual?.before?.value, 60, 1e-9, 'before');
  assert.equal(e.verdict, 'consistent-with-intervention');
  assert.equal(e.headline, 'A change consistent with the intervention, which does not prove it caused it');
  assert.equal(e.sentences[0], 'Monthly: 8 of the 8 months with a figure since the start are special cause improvement against the limits of the months before. The mean was 11.00 before the start and 13.50 since.');
  assert.equal(e.sentences[1], 'Yearly: before the start, 2024: 60.0% (95% interval 49.0% to 70.0%); after it, 2025: 80.0% (95% interval 69.2% to 87.7%).');
  assert.equal(e.sentences[2], 'The change, +20.0 points (95% interval +5.2 to +33.4), is more than chance alone would usually give.');
});

test('no change: the months since the start stay within the variation of the months before', () => {
  const series = months('2023-04', [...BEFORE, ...alternating(12, 10, 8)]);
  const e = evaluateIntervention({
    definition: WRES_7,
    measure: 'rate',
    start: START,
    monthly: series,
    // 48 of 80 then 50 of 80: +2.5 points, well within chance.
    annual: { measure: 'rate', years: [{ year: 2024, counts: { events: 48, population: 80 } }, { year: 2025, counts: { events: 50, population: 80 } }] },
  });
  assert.equal(e.monthly?.reading, 'no-change');
  assert.ok(e.monthly?.afterStart.every((p) => p.pointType === 'common_cause'));
  assert.equal(e.annual?.reading, 'no-change');
  near(e.annual?.change?.estimate, 2.5, 1e-9, 'change');
  assert.equal(e.verdict, 'no-sign-of-change');
  assert.equal(e.headline, 'No sign of change');
  assert.match(e.sentences[0] ?? '', /all 8 months with a figure since the start are within the common cause variation of the 12 months before it/);
  assert.match(e.sentences[2] ?? '', /is within what chance alone could give/);
});

test('too few points: too early to tell after the start, not enough figures before it', () => {
  // Three months since the start, one of them far above the limits: still too early (fewer than the 7 a shift needs).
  const early = evaluateIntervention({
    definition: WRES_7,
    measure: 'rate',
    start: START,
    monthly: months('2023-04', [...BEFORE, 30, 13, 14]),
    annual: { measure: 'rate', years: [{ year: 2023, counts: { events: 40, population: 80 } }, { year: 2024, counts: { events: 48, population: 80 } }] },
  });
  assert.equal(early.monthly?.reading, 'too-early');
  assert.equal(early.monthly?.afterStart[0]?.specialCauseType, 'Above UCL', 'the point is read, but not yet used');
  assert.equal(early.annual?.reading, 'too-early');
  assert.equal(early.annual?.before?.year, 2024);
  assert.equal(early.verdict, 'too-early');
  assert.equal(early.headline, 'Too early to tell');
  assert.equal(early.sentences[0], 'Monthly: 3 months with a figure since the start; at least 7 are needed before a sustained change can show. The mean was 11.00 before the start and 19.00 since.');
  assert.equal(early.sentences[1], 'Yearly: no whole reporting year since the start has ended yet; the first begins on 2024-04-01.');
  // Seven months after: read.
  assert.equal(evaluateMonthly(months('2023-04', [...BEFORE, ...alternating(14, 13, 7)]), START, 'increase', DEFAULT_EVALUATION_SETTINGS).reading, 'improvement');
  // A setting asks for more months after the start.
  const stricter = evaluationSettings({ minimumMonthsAfter: 9 });
  assert.equal(evaluateMonthly(months('2023-04', [...BEFORE, ...alternating(14, 13, 8)]), START, 'increase', stricter).reading, 'too-early');

  // Six months before the start: no limits to judge against, and no yearly counts.
  const short = evaluateIntervention({ definition: WRES_7, measure: 'rate', start: START, monthly: months('2023-10', [12, 10, 12, 10, 12, 10, ...alternating(14, 13, 8)]) });
  assert.equal(short.monthly?.reading, 'too-few-before');
  assert.equal(short.monthly?.againstBaseline, null);
  assert.equal(short.verdict, 'not-enough-data');
  assert.match(short.sentences[0] ?? '', /^Monthly: 6 months with a figure before the start; at least 12 are needed/);
  // Missing months do not count towards either threshold.
  const gaps = evaluateMonthly(months('2023-04', [...BEFORE.slice(0, 11), null, ...alternating(14, 13, 8)]), START, 'increase', DEFAULT_EVALUATION_SETTINGS);
  assert.equal(gaps.monthsBefore, 11);
  assert.equal(gaps.reading, 'too-few-before');
});

test('a change in the wrong direction is said plainly', () => {
  // Disciplinary entries per 1,000 ethnic minority staff (adverse, so lower is better): 2.0 and 1.0 alternating
  // before (mean 1.5, MR̄ 1, limits −1.16 to 4.16), then eight months alternating 2.5 and 2.0, all above the mean.
  const e = evaluateIntervention({
    definition: WRES_3,
    measure: 'rate',
    start: START,
    monthly: months('2023-04', [...alternating(2, 1, 12), ...alternating(2.5, 2, 8)]),
    // 20 of 2,000 (1.0%) then 45 of 2,000 (2.25%): a rise beyond chance.
    annual: { measure: 'rate', years: [{ year: 2024, counts: { events: 20, population: 2000 } }, { year: 2025, counts: { events: 45, population: 2000 } }] },
  });
  assert.equal(e.direction, 'decrease');
  assert.ok(e.monthly?.afterStart.every((p) => p.pointType === 'special_cause_concern'));
  assert.equal(e.monthly?.reading, 'concern');
  assert.equal(e.annual?.reading, 'concern');
  assert.equal(e.verdict, 'wrong-direction');
  assert.equal(e.headline, 'A change in the wrong direction since the intervention started, which does not show it caused it either');
  assert.match(e.sentences[0] ?? '', /special cause concern against the limits of the months before: the figure has got worse/);
});

test('readings that disagree are mixed; a baseline with special cause of its own is flagged', () => {
  assert.equal(verdictOf('improvement', 'concern'), 'mixed');
  assert.equal(verdictOf('both', null), 'mixed');
  assert.equal(verdictOf('too-early', 'no-change'), 'no-sign-of-change');
  assert.equal(verdictOf('too-few-before', 'no-year-before'), 'not-enough-data');
  assert.equal(verdictOf(null, null), 'not-enough-data');
  assert.equal(Object.keys(VERDICT_WORDING).length, 6);
  // A rising trend through the months before: 1 … 12, then flat at 12.
  const trending = evaluateMonthly(months('2023-04', [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, ...Array(8).fill(12)]), START, 'increase', DEFAULT_EVALUATION_SETTINGS);
  assert.equal(trending.unstableBaseline, true);
});

test('which way is better comes from the indicator’s declared polarity', () => {
  assert.equal(betterDirection(WRES_7, 'rate'), 'increase');
  assert.equal(betterDirection(WRES_3, 'rate'), 'decrease');
  assert.equal(betterDirection(WRES_2, 'relativeLikelihood', 1.6), 'decrease');
  assert.equal(betterDirection(WRES_2, 'relativeLikelihood', 0.7), 'increase');
  assert.equal(betterDirection(WRES_2, 'relativeLikelihood'), 'decrease');
  assert.throws(() => betterDirection(WRES_7, 'relativeLikelihood'), RangeError);
  // The relative likelihood's baseline comes from the year before the start: 0.5 here, so higher (towards 1) is better.
  const e = evaluateIntervention({
    definition: WRES_2,
    measure: 'relativeLikelihood',
    start: START,
    annual: {
      measure: 'relativeLikelihood',
      years: [{ year: 2024, counts: { numerator: { events: 10, population: 100 }, denominator: { events: 20, population: 100 } } }],
    },
  });
  assert.equal(e.direction, 'increase');
  assert.equal(e.verdict, 'too-early');
  assert.throws(() => evaluationSettings({ minimumMonthsBefore: 6 }), RangeError);
  assert.throws(() => evaluateMonthly([], '2024-4-1', 'increase', DEFAULT_EVALUATION_SETTINGS), RangeError);
});
