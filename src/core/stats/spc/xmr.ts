/**
 * The XmR (individuals) chart calculation of one phase, step by step, as NHSRplotthedots 0.2.2 computes it
 * (`ptd_spc_standard`). Every function takes the values of one phase in date order; `null` is a missing value.
 */
import { rMean } from './r-mean.ts';

/** 2.66 = 3 / 1.128 (d₂ for moving ranges of two points): the process limits sit 3 sigma from the mean. */
export const LIMIT_MULTIPLIER = 2.66;
/** Two thirds of 2.66 (≈ 1.7733): the "near limits" at 2 sigma, computed as R computes `2 * (2.66 / 3)`. */
export const NEAR_LIMIT_MULTIPLIER = 2 * (LIMIT_MULTIPLIER / 3);
/** 3.267 = D₄ for moving ranges of two points: a moving range this many times the mean moving range, or more, is screened out. */
export const MOVING_RANGE_SCREEN_MULTIPLIER = 3.267;

/**
 * The baseline: the values the limits are calculated from. With `fixAfterN` only the first N points of the phase
 * count (the rest become missing); without it, all of them. The package requires N ≥ 12.
 *
 * `baseline_i = x_i` if `i ≤ N`, otherwise missing.
 *
 * Worked example: `baselineValues([5, 6, 7, 8], 2)` → `[5, 6, null, null]`; `baselineValues([5, 6], null)` → `[5, 6]`.
 */
export function baselineValues(values: readonly (number | null)[], fixAfterN: number | null): (number | null)[] {
  return values.map((value, i) => (fixAfterN === null || i + 1 <= fixAfterN ? value : null));
}

/**
 * The centre line: the mean of the baseline values that are present (R's `mean(na.rm = TRUE)`, to the bit).
 * NaN when the baseline has no values.
 *
 * Worked example: `centreLine([1, 2, null, 4, 10])` → 17 / 4 = 4.25.
 */
export function centreLine(baseline: readonly (number | null)[]): number {
  return rMean(baseline);
}

/**
 * Moving ranges: `MR_i = |x_i − x_{i−1}|`. The first point has none, and a missing value leaves the moving range on
 * each side of it missing (no range is bridged across a gap).
 *
 * Worked example: `movingRanges([1, 2, null, 4, 10])` → `[null, 1, null, null, 6]`.
 */
export function movingRanges(baseline: readonly (number | null)[]): (number | null)[] {
  return baseline.map((value, i) => {
    const previous = i === 0 ? null : baseline[i - 1] ?? null;
    return value === null || previous === null ? null : Math.abs(value - previous);
  });
}

/**
 * The mean moving range `MR̄`: the mean of the moving ranges that are present. NaN when there are none (a phase of
 * one point).
 *
 * Worked example: `meanMovingRange([null, 1, null, null, 6])` → 3.5.
 */
export function meanMovingRange(ranges: readonly (number | null)[]): number {
  return rMean(ranges);
}

/**
 * Outlier screening: moving ranges that are not strictly below `3.267 × MR̄` are dropped (become missing), so that
 * one large jump does not widen the limits; `MR̄` is then recalculated from the rest by `meanMovingRange`. Only one
 * pass is made. When every moving range is 0 (all values equal), none is below 3.267 × 0, so all are dropped and
 * `MR̄` becomes NaN, and with it the limits: the package does this, and so does this port.
 *
 * Worked example: ranges `[null, 1, 1, 1, 1, 1, 1, 1, 1, 20]` have MR̄ = 28 / 9 = 3.111, and 3.267 × 3.111 = 10.16,
 * so the 20 is dropped: `[null, 1, 1, 1, 1, 1, 1, 1, 1, null]`, and MR̄ becomes 1.
 */
export function screenMovingRanges(ranges: readonly (number | null)[], meanRange: number): (number | null)[] {
  const cutOff = MOVING_RANGE_SCREEN_MULTIPLIER * meanRange;
  return ranges.map((range) => (range !== null && range < cutOff ? range : null));
}

export interface ProcessLimits {
  /** The centre line. */
  readonly mean: number;
  /** Lower process limit, `mean − 2.66 × MR̄`. */
  readonly lpl: number;
  /** Upper process limit, `mean + 2.66 × MR̄`. */
  readonly upl: number;
  /** Lower near limit (2 sigma), `mean − 1.7733 × MR̄`. */
  readonly nearLpl: number;
  /** Upper near limit (2 sigma), `mean + 1.7733 × MR̄`. */
  readonly nearUpl: number;
}

/**
 * Process limits and near limits from the centre line and mean moving range.
 *
 * `LPL, UPL = mean ∓ 2.66 × MR̄`; `near limits = mean ∓ 2 × (2.66 / 3) × MR̄`.
 *
 * Worked example: `processLimits(10, 1)` → LPL 7.34, UPL 12.66, near limits 8.2267 and 11.7733.
 */
export function processLimits(mean: number, meanRange: number): ProcessLimits {
  return {
    mean,
    lpl: mean - LIMIT_MULTIPLIER * meanRange,
    upl: mean + LIMIT_MULTIPLIER * meanRange,
    nearLpl: mean - NEAR_LIMIT_MULTIPLIER * meanRange,
    nearUpl: mean + NEAR_LIMIT_MULTIPLIER * meanRange,
  };
}

export interface PhaseLimits extends ProcessLimits {
  /** The moving ranges of the baseline, before screening (null for the first point and around missing values). */
  readonly movingRanges: readonly (number | null)[];
  /** Whether each moving range was dropped by screening (false where there was no moving range). */
  readonly screenedOut: readonly boolean[];
  /** The mean moving range the limits use (after screening when it is on). */
  readonly meanMovingRange: number;
}

/**
 * Every step for one phase: baseline (first `fixAfterN` points), centre line, moving ranges, mean moving range,
 * optional screening and its recalculated mean moving range, and the limits, which apply to every point of the phase.
 *
 * Worked example (the package's `rep(c(1, -1), 8)` series): mean 0, every moving range 2, MR̄ 2, limits ∓5.32,
 * near limits ∓3.5467.
 */
export function phaseLimits(
  values: readonly (number | null)[],
  options: { readonly fixAfterN: number | null; readonly screenOutliers: boolean },
): PhaseLimits {
  const baseline = baselineValues(values, options.fixAfterN);
  const mean = centreLine(baseline);
  const ranges = movingRanges(baseline);
  const firstMean = meanMovingRange(ranges);
  const used = options.screenOutliers ? screenMovingRanges(ranges, firstMean) : ranges;
  const meanRange = options.screenOutliers ? meanMovingRange(used) : firstMean;
  return {
    ...processLimits(mean, meanRange),
    movingRanges: ranges,
    screenedOut: ranges.map((range, i) => range !== null && used[i] === null),
    meanMovingRange: meanRange,
  };
}
