/** The whole calculation on one series: edge cases worked by hand and the package's end-to-end test. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { spc, type SpcInputPoint } from './index.ts';

const monthly = (values: readonly (number | null)[], rebaseAt: readonly number[] = []): SpcInputPoint[] =>
  values.map((value, i) => ({
    date: `${2020 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-01`,
    value,
    rebase: rebaseAt.includes(i),
  }));
const near = (actual: number | null, expected: number, tolerance = 1e-9) =>
  assert.ok(actual !== null && Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);
/** Twelve points alternating 9.5 and 10.5: mean 10, every moving range 1, limits 7.34 to 12.66. */
const BASE = Array.from({ length: 12 }, (_, i) => (i % 2 ? 10.5 : 9.5));

describe('spc on one series', () => {
  test("the package's test: near-limit points on opposite sides of the mean are common cause", () => {
    const values: number[] = Array.from({ length: 16 }, (_, i) => (i % 2 === 0 ? 1 : -1));
    values[14] = 5.5;
    values[15] = -5.5;
    const result = spc(monthly(values));
    const last = result.points.slice(-2);
    assert.deepEqual(last.map((p) => p.pointType), ['common_cause', 'common_cause']);
    near(result.points[0]?.mean ?? null, 0);
    near(result.points[0]?.upl ?? null, 2.66 * (32.5 / 14));
    assert.deepEqual(result.points.map((p) => p.movingRangeScreenedOut).lastIndexOf(true), 15);
    assert.equal(result.variation, 'common_cause');
    assert.equal(result.assurance, null);
    assert.deepEqual(result.warnings, []);
  });

  test('two of three points beyond the near limit on one side are special cause; the third is not highlighted', () => {
    // Limits fixed on BASE: 7.34 to 12.66, near limits 8.2267 and 11.7733.
    const result = spc(monthly([...BASE, 12, 10.2, 12.1]), { fixAfterN: 12, direction: 'decrease' });
    assert.deepEqual(result.points.slice(-3).map((p) => p.specialCauseType), ['2 in 3 Above CL', 'Common Cause', '2 in 3 Above CL']);
    assert.equal(result.points[14]?.pointType, 'special_cause_concern');
    assert.equal(result.variation, 'concern_high');
  });

  test('an empty series has no points and no icons', () => {
    assert.deepEqual(spc([]), { points: [], variation: null, assurance: null, warnings: [] });
  });

  test('a single point has a mean but no limits, and a short-phase warning', () => {
    const result = spc(monthly([4]), { target: 3 });
    assert.equal(result.points[0]?.mean, 4);
    assert.equal(result.points[0]?.lpl, null);
    assert.equal(result.points[0]?.upl, null);
    assert.equal(result.points[0]?.pointType, 'common_cause');
    assert.equal(result.variation, 'common_cause');
    assert.equal(result.assurance, 'inconsistent'); // no limits to lie outside, as in the package
    assert.deepEqual(result.warnings.map((w) => w.code), ['short-phase']);
    assert.match(result.warnings[0]?.message ?? '', /The series has 1 point, fewer than 13/);
  });

  test('every value missing: no mean, no limits, all common cause', () => {
    const result = spc(monthly([null, null, null]), { target: 1 });
    assert.deepEqual(result.points.map((p) => [p.mean, p.lpl, p.pointType]), [[null, null, 'common_cause'], [null, null, 'common_cause'], [null, null, 'common_cause']]);
    assert.equal(result.assurance, 'inconsistent');
  });

  test('a missing value is common cause and leaves no moving range on either side', () => {
    const result = spc(monthly([1, 2, null, 4, 10]));
    assert.deepEqual(result.points.map((p) => p.movingRange), [null, 1, null, null, 6]);
    assert.equal(result.points[0]?.mean, 4.25);
    // Screening: MR̄ 3.5, cut-off 11.43, nothing dropped; limits 4.25 ∓ 2.66 × 3.5.
    near(result.points[0]?.upl ?? null, 4.25 + 2.66 * 3.5);
    assert.equal(result.points[2]?.pointType, 'common_cause');
  });

  test('a missing value inside a possible trend: not flagged, with a warning (the package stops with an error)', () => {
    const result = spc(monthly([1, 2, 3, null, 5, 6, 7, 8]));
    assert.ok(result.points.every((p) => !p.specialCauseType.includes('Trend')));
    const warning = result.warnings.find((w) => w.code === 'undecided-trend');
    assert.deepEqual(warning?.dates, ['2020-07-01', '2020-08-01']);
  });

  test('points are put in date order first', () => {
    const points = monthly([5, 6, 7, 8, 9]);
    const shuffled = [points[3], points[0], points[4], points[2], points[1]] as SpcInputPoint[];
    assert.deepEqual(spc(shuffled), spc(points));
  });

  test('a repeated date is refused', () => {
    assert.throws(() => spc([{ date: '2024-01-01', value: 1 }, { date: '2024-01-01', value: 2 }]), RangeError);
  });

  test('options the package refuses are refused', () => {
    assert.throws(() => spc(monthly([1, 2]), { fixAfterN: 11 }), /at least 12/);
    assert.throws(() => spc(monthly([1, 2]), { target: Number.NaN }), RangeError);
    assert.throws(() => spc(monthly([1, Number.POSITIVE_INFINITY])), RangeError);
    assert.throws(() => spc(monthly([1, 2]), { rules: { trendLength: 1 } }), RangeError);
  });
});

describe('ties at the limits and the mean', () => {
  test('a point exactly on a process limit is inside it; one a hair beyond is outside', () => {
    const result = spc(monthly([...BASE, 10 + 2.66, 10, 10 - 2.66, 10, 12.660000000000002]), { fixAfterN: 12 });
    near(result.points[0]?.upl ?? null, 12.66, 0);
    assert.deepEqual(result.points.slice(12).map((p) => p.specialCauseType), ['Common Cause', 'Common Cause', 'Common Cause', 'Common Cause', 'Above UCL']);
  });

  test('all values equal: with screening the limits cannot be calculated; without, they sit on the mean', () => {
    const screened = spc(monthly(Array<number>(14).fill(3)), { target: 3 });
    assert.ok(screened.points.every((p) => p.mean === 3 && p.lpl === null && p.upl === null && p.pointType === 'common_cause'));
    assert.ok(screened.points.every((p) => p.movingRangeScreenedOut === (p.movingRange !== null)));
    assert.equal(screened.assurance, 'inconsistent');

    const unscreened = spc(monthly(Array<number>(14).fill(3)), { target: 4, screenOutliers: false });
    assert.ok(unscreened.points.every((p) => p.lpl === 3 && p.upl === 3 && p.pointType === 'common_cause'));
    // Every point is on the mean, which breaks any run.
    assert.equal(unscreened.assurance, 'consistent_fail');
  });

  test('points exactly on the mean break a shift', () => {
    const values = [0.1, 0.2, 0.3, 0.2, 0.1, 0.2, 0.3, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.2, 0.3, 0.1];
    const result = spc(monthly(values));
    assert.equal(result.points[0]?.mean, 0.2);
    assert.ok(result.points.every((p) => p.pointType === 'common_cause'));
  });
});

describe('rebasing', () => {
  const values = [...BASE, ...BASE.map((v) => v + 5)];

  test('each phase has its own limits; assurance uses the last phase', () => {
    const result = spc(monthly(values, [12]), { target: 12, direction: 'increase' });
    assert.deepEqual([...new Set(result.points.map((p) => p.phase))], [0, 1]);
    assert.equal(result.points[0]?.mean, 10);
    assert.equal(result.points[12]?.mean, 15);
    near(result.points[12]?.lpl ?? null, 12.34);
    assert.ok(result.points.every((p) => p.pointType === 'common_cause'));
    // 12 is below the last phase's LPL (12.34), though within the first phase's limits (7.34 to 12.66).
    assert.equal(result.assurance, 'consistent_pass');
    assert.equal(spc(monthly(values, [12]), { target: 14 }).assurance, 'inconsistent');
  });

  test('without the rebase the limits span both halves and the second half is special cause', () => {
    const result = spc(monthly(values));
    assert.equal(result.points[0]?.mean, 12.5);
    assert.equal(result.points[23]?.specialCauseType, 'Above UCL');
    assert.equal(result.points[22]?.specialCauseType, '2 in 3 Above CL');
    assert.equal(result.variation, 'improvement_high');
  });

  test('a rebase at the first point only renumbers; at the last point it makes a phase of one', () => {
    const first = spc(monthly(values, [0]));
    assert.ok(first.points.every((p) => p.phase === 1));
    assert.deepEqual(first.points.map((p) => p.pointType), spc(monthly(values)).points.map((p) => p.pointType));
    const last = spc(monthly(values, [23]));
    assert.equal(last.points[23]?.mean, 15.5);
    assert.equal(last.points[23]?.lpl, null);
    assert.deepEqual(last.warnings.map((w) => [w.code, w.phase]), [['short-phase', 1]]);
    assert.match(last.warnings[0]?.message ?? '', /The phase from 2021-12-01 has 1 point/);
  });
});

describe('fixed limits and screening', () => {
  test('limits from the first N points of each phase; later points are judged against them', () => {
    const result = spc(monthly([...BASE, 11, 12, 13, 14]), { fixAfterN: 12 });
    assert.ok(result.points.every((p) => p.mean === 10));
    near(result.points[15]?.upl ?? null, 12.66);
    // 12 is the only point near the limit: 13 and 14 are outside it, and outside points do not count toward 2 in 3.
    assert.deepEqual(result.points.slice(12).map((p) => p.specialCauseType), ['Common Cause', 'Common Cause', 'Above UCL', 'Above UCL']);
    assert.deepEqual(result.points.slice(12).map((p) => p.movingRange), [null, null, null, null]);
  });

  test('screening drops a large moving range from the limits; without screening they widen', () => {
    const values = [...BASE, 30, 10];
    const on = spc(monthly(values));
    const off = spc(monthly(values), { screenOutliers: false });
    assert.deepEqual(on.points.map((p, i) => (p.movingRangeScreenedOut ? i : -1)).filter((i) => i >= 0), [12, 13]);
    assert.ok(off.points.every((p) => !p.movingRangeScreenedOut));
    assert.ok((off.points[0]?.upl ?? 0) - (off.points[0]?.lpl ?? 0) > (on.points[0]?.upl ?? 0) - (on.points[0]?.lpl ?? 0));
    assert.equal(on.points[12]?.specialCauseType, 'Above UCL');
  });
});

describe('rule lengths as settings', () => {
  const rising = [5, 4, 6, 5, 6, 7, 8, 9, 10, 5, 6, 5];

  test('the package default needs 7 rising points', () => {
    assert.ok(spc(monthly(rising)).points.every((p) => !p.specialCauseType.includes('Trend')));
  });

  test('a 5-point trend (as PowerBI-SPC defaults to) is found when asked for; outside the limits still comes first', () => {
    const result = spc(monthly(rising), { rules: { trendLength: 5 } });
    assert.deepEqual(result.points.map((p) => p.specialCauseType), [
      'Common Cause', 'Common Cause', 'Common Cause', '5 Point Trend (Increasing)', '5 Point Trend (Increasing)',
      '5 Point Trend (Increasing)', '5 Point Trend (Increasing)', '5 Point Trend (Increasing)', 'Above UCL',
      'Common Cause', 'Common Cause', 'Common Cause',
    ]);
  });
});
