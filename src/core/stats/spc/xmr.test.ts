/** The XmR steps: exact mean, baseline, moving ranges, screening, limits and each point's position. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { rMean } from './r-mean.ts';
import { pointPosition } from './position.ts';
import {
  baselineValues, centreLine, LIMIT_MULTIPLIER, meanMovingRange, movingRanges, NEAR_LIMIT_MULTIPLIER, phaseLimits,
  processLimits, screenMovingRanges,
} from './xmr.ts';

const near = (actual: number, expected: number, tolerance = 1e-6) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${actual} is not within ${tolerance} of ${expected}`);

/** `set.seed(123); rnorm(20)` in R: the series of the package's ptd_spc_standard tests. */
const RNORM_123 = [
  -0.5604756465522126, -0.23017748948327996, 1.558708314149124, 0.070508391424576003, 0.12928773516094624,
  1.715064986883281, 0.4609162059892023, -1.265061234606534, -0.68685285189352607, -0.44566197009995806,
  1.2240817974394615, 0.35981382705736381, 0.40077145059405217, 0.11068271594511971, -0.55584113475407493,
  1.7869131368030782, 0.49785047822923939, -1.9666171566296382, 0.70135590156368555, -0.47279140772793404,
];

describe("R's mean (x87 extended precision with a correction pass, as R computes mean(x, na.rm = TRUE))", () => {
  test('is the exact mean rounded once, in ordinary cases', () => {
    assert.equal(rMean([0.1, 0.2, 0.3]), 0.2);
    assert.notEqual((0.1 + 0.2 + 0.3) / 3, 0.2); // what adding up doubles would give
    // R: sprintf("%.17g", mean(c(0.1, 0.2, 0.3, 0.4, 0.7))) is 0.33999999999999997.
    assert.equal(rMean([0.1, 0.2, 0.3, 0.4, 0.7]), 0.33999999999999997);
    assert.equal(rMean([1, 2, null, 4]), 7 / 3);
    assert.equal(rMean([-1.5, 1.5]), 0);
    assert.equal(rMean([1e300, 1e300, -1e300]), 1e300 / 3);
    assert.equal(rMean([5e-324, 5e-324]), 5e-324);
    assert.equal(rMean([1, 1 + 2 ** -52]), 1); // a tie, rounded to even
  });

  test("keeps R's own rounding where values cancel", () => {
    // R 4.2.2 on x86-64: sprintf("%.17g", mean(c(-0.2, 0.3, -0.1))) is -9.2541172930689832e-18; the exact mean is
    // -9.25185853854297e-18.
    assert.equal(rMean([-0.2, 0.3, -0.1]), -9.2541172930689832e-18);
  });

  test('is NaN with no values, as R is', () => {
    assert.ok(Number.isNaN(rMean([])));
    assert.ok(Number.isNaN(rMean([null, null])));
  });
});

describe('XmR steps', () => {
  test('baseline: the first N points when limits are fixed', () => {
    assert.deepEqual(baselineValues([5, 6, 7, 8], 2), [5, 6, null, null]);
    assert.deepEqual(baselineValues([5, 6], null), [5, 6]);
    assert.deepEqual(baselineValues([5, 6, 7], 12.5), [5, 6, 7]);
  });

  test('moving ranges: none for the first point, none either side of a gap', () => {
    assert.deepEqual(movingRanges([1, 2, null, 4, 10]), [null, 1, null, null, 6]);
    assert.deepEqual(movingRanges([3]), [null]);
    assert.equal(centreLine([1, 2, null, 4, 10]), 4.25);
    assert.equal(meanMovingRange([null, 1, null, null, 6]), 3.5);
    assert.ok(Number.isNaN(meanMovingRange([null])));
  });

  test('screening drops moving ranges not strictly below 3.267 × MR̄', () => {
    const ranges = [null, 1, 1, 1, 1, 1, 1, 1, 1, 20];
    const mr = meanMovingRange(ranges);
    near(mr, 28 / 9, 1e-12);
    const screened = screenMovingRanges(ranges, mr);
    assert.deepEqual(screened, [null, 1, 1, 1, 1, 1, 1, 1, 1, null]);
    assert.equal(meanMovingRange(screened), 1);
    // Exactly at the cut-off is dropped.
    assert.deepEqual(screenMovingRanges([null, 3.267, 3.266], 1), [null, null, 3.266]);
    // All moving ranges 0: none is below 0, so all go and MR̄ is NaN.
    assert.deepEqual(screenMovingRanges([null, 0, 0], 0), [null, null, null]);
  });

  test('limits: mean ∓ 2.66 MR̄, near limits mean ∓ 2 (2.66 / 3) MR̄', () => {
    const limits = processLimits(10, 1);
    assert.equal(limits.lpl, 10 - 2.66);
    assert.equal(limits.upl, 10 + 2.66);
    near(limits.nearLpl, 8.226667);
    near(limits.nearUpl, 11.773333);
    assert.equal(LIMIT_MULTIPLIER, 2.66);
    assert.equal(NEAR_LIMIT_MULTIPLIER, 2 * (2.66 / 3));
  });

  test("the package's snapshot: rnorm(20) with seed 123", () => {
    const r1 = phaseLimits(RNORM_123, { fixAfterN: null, screenOutliers: true });
    near(r1.mean, 0.1416238);
    near(r1.lpl, -3.01138);
    near(r1.upl, 3.294627);

    // The snapshot's relative_to_mean column (its first 14 entries are printed).
    assert.deepEqual(RNORM_123.slice(0, 14).map((y) => pointPosition(y, r1).relativeToMean), [-1, -1, 1, -1, -1, 1, 1, -1, -1, -1, 1, 1, 1, -1]);
    assert.ok(RNORM_123.every((y) => pointPosition(y, r1).outsideLimits === false));

    const spiked = RNORM_123.map((y, i) => (i === 14 ? 10 : y));
    const r2 = phaseLimits(spiked, { fixAfterN: null, screenOutliers: true });
    near(r2.mean, 0.6694159);
    near(r2.lpl, -2.383666);
    near(r2.upl, 3.722497);
    assert.deepEqual(spiked.slice(0, 14).map((y) => pointPosition(y, r2).relativeToMean), [-1, -1, 1, -1, -1, 1, -1, -1, -1, -1, 1, -1, -1, -1]);
    assert.deepEqual(r2.screenedOut.map((s, i) => (s ? i : -1)).filter((i) => i >= 0), [14, 15]);

    const r3 = phaseLimits(spiked, { fixAfterN: null, screenOutliers: false });
    near(r3.lpl, -4.596625);
    near(r3.upl, 5.935457);
    assert.ok(r3.upl - r3.lpl > r2.upl - r2.lpl);

    const fixed = phaseLimits(RNORM_123, { fixAfterN: 12, screenOutliers: true });
    assert.notEqual(fixed.lpl, r1.lpl);
    assert.notEqual(fixed.upl, r1.upl);
    assert.equal(fixed.mean, rMean(RNORM_123.slice(0, 12)));
  });

  test("the package's facet snapshots: the first and last ten of the same series", () => {
    const a = phaseLimits(RNORM_123.slice(0, 10), { fixAfterN: null, screenOutliers: true });
    const b = phaseLimits(RNORM_123.slice(10), { fixAfterN: null, screenOutliers: true });
    near(a.mean, 0.0746, 5e-5);
    near(a.lpl, -2.60, 5e-3);
    near(a.upl, 2.75, 5e-3);
    near(b.mean, 0.209, 5e-4);
    near(b.lpl, -3.28, 5e-3);
    near(b.upl, 3.70, 5e-3);
  });

  test('a single point has a mean but no limits; all-equal values screen everything out', () => {
    const one = phaseLimits([4], { fixAfterN: null, screenOutliers: true });
    assert.equal(one.mean, 4);
    assert.ok(Number.isNaN(one.lpl) && Number.isNaN(one.upl));
    const flat = phaseLimits([3, 3, 3, 3], { fixAfterN: null, screenOutliers: true });
    assert.equal(flat.mean, 3);
    assert.ok(Number.isNaN(flat.meanMovingRange));
    const flatUnscreened = phaseLimits([3, 3, 3, 3], { fixAfterN: null, screenOutliers: false });
    assert.equal(flatUnscreened.lpl, 3);
    assert.equal(flatUnscreened.upl, 3);
  });
});

describe("a point's position against the limits", () => {
  const limits = processLimits(10, 1);

  test('outside, side of the mean, close to the limits', () => {
    assert.deepEqual(pointPosition(13, limits), { outsideLimits: true, relativeToMean: 1, closeToLimits: false });
    assert.deepEqual(pointPosition(12, limits), { outsideLimits: false, relativeToMean: 1, closeToLimits: true });
    assert.deepEqual(pointPosition(7, limits), { outsideLimits: true, relativeToMean: -1, closeToLimits: false });
    assert.deepEqual(pointPosition(10, limits), { outsideLimits: false, relativeToMean: 0, closeToLimits: false });
  });

  test('a point exactly on a limit is inside (and close); exactly on a near limit is not close', () => {
    assert.deepEqual(pointPosition(limits.upl, limits), { outsideLimits: false, relativeToMean: 1, closeToLimits: true });
    assert.deepEqual(pointPosition(limits.lpl, limits), { outsideLimits: false, relativeToMean: -1, closeToLimits: true });
    assert.equal(pointPosition(limits.nearUpl, limits).closeToLimits, false);
    assert.equal(pointPosition(limits.nearLpl, limits).closeToLimits, false);
  });

  test('unknown for a missing value or limits that could not be calculated', () => {
    assert.deepEqual(pointPosition(null, limits), { outsideLimits: null, relativeToMean: null, closeToLimits: null });
    assert.deepEqual(pointPosition(5, processLimits(5, Number.NaN)), { outsideLimits: null, relativeToMean: 0, closeToLimits: null });
    assert.deepEqual(pointPosition(5, processLimits(Number.NaN, Number.NaN)), { outsideLimits: null, relativeToMean: null, closeToLimits: null });
  });
});
