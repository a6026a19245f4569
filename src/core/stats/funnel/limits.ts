import { gammaQuantile } from '../distributions.ts';
import type { Interval } from '../normal.ts';
import { FUNNELPLOTR_Z, type FunnelDataType, type LimitPair, type StandardisedRatioMethod } from './types.ts';

/**
 * Step 8. The denominators at which FunnelPlotR evaluates its limits (build_limits_lookup): 1,000 evenly spaced
 * points from 1.1 (standardised ratios) or 3 (the other types) up to the largest denominator rounded up, as R's
 * seq(from, to, length.out = 1000) spaces them, joined with the groups' own denominators, sorted, duplicates removed.
 * The grid matters beyond drawing: for proportions a group's limit can be reset by comparison with the next point
 * up (see proportionMonotonicity).
 *
 * Worked example: proportions with denominators 50 and 120 → 3, 3.117117, 3.234234, …, 119.882883, 120 (1,000
 * points; 50 is added, 120 is already the last) → 1,001 points.
 */
export function limitGrid(denominators: readonly number[], dataType: FunnelDataType): number[] {
  const from = dataType === 'standardisedRatio' ? 1.1 : 3;
  const to = Math.ceil(denominators.reduce((a, b) => (a > b || Number.isNaN(a) ? a : b), Number.NEGATIVE_INFINITY));
  const points: number[] = [];
  if (from === to) points.push(from);
  else {
    const step = (to - from) / 999;
    points.push(from);
    for (let i = 1; i <= 998; i += 1) points.push(from + i * step);
    points.push(to);
  }
  return [...new Set([...points, ...denominators])].sort((a, b) => a - b);
}

/**
 * Step 9a. Limits without allowance for overdispersion at denominator x (calculate_limits with draw_adjusted = FALSE):
 *
 * - standardised ratios (SHMI and CQC alike): exact Poisson limits from chi-square quantiles,
 *     lower = target · χ²(α/2; 2x) / 2x,  upper = target · χ²(1 − α/2; 2(x + 1)) / 2x,
 *   with α/2 = 0.025 (95%) and 0.001 (99.8%);
 * - proportions and ratios of counts: the adjusted formulas of step 9b with τ² = 0.
 *
 * Worked example (the package's test): x = 15, target 1 → 95% 0.5596924 to 1.649348, 99.8% 0.3862650 to 2.082907.
 */
export function unadjustedLimits(x: number, dataType: FunnelDataType, srMethod: StandardisedRatioMethod, target: number): LimitPair {
  if (dataType !== 'standardisedRatio') return adjustedLimits(x, dataType, srMethod, target, 0);
  const poisson = (tail: number): Interval => [
    (target * gammaQuantile(tail, x)) / x,
    (target * gammaQuantile(tail, x + 1, false)) / x,
  ];
  return { limits95: poisson(0.025), limits998: poisson(0.001) };
}

/**
 * Step 9b. Limits allowing for overdispersion at denominator x (calculate_limits with draw_adjusted = TRUE), with
 * z = 1.959964 (95%) or 3.090232 (99.8%) as the package writes them:
 *
 * - standardised ratio, SHMI:  exp(∓z·√(1/x + τ²));
 * - standardised ratio, CQC:   1 ∓ z·√(s² + τ²), s = 1/(2√x)  (no back-transformation, as in the package);
 * - proportion:                sin²(asin √target ∓ z·√(s² + τ²)), s = 1/(2√x), kept within [0, 1];
 * - ratio of counts:           exp(ln target ∓ z·√(s² + τ²)), s = 1/(2√x).
 *
 * For ratios of counts the package uses s = 1/(2√x) here, not the delta-method s of step 4 that τ² was estimated
 * with; this is ported as it is.
 *
 * Worked example (SHMI, x = 100, τ² = 0.02): √(0.01 + 0.02) = 0.173205 → 95% exp(∓1.959964 · 0.173205) = 0.712144
 * to 1.404211.
 */
export function adjustedLimits(
  x: number,
  dataType: FunnelDataType,
  srMethod: StandardisedRatioMethod,
  target: number,
  tau2: number,
): LimitPair {
  const at = (z: number): Interval => {
    if (dataType === 'standardisedRatio' && srMethod === 'SHMI') {
      const spread = Math.sqrt(1 / x + tau2);
      return [Math.exp(-z * spread), Math.exp(z * spread)];
    }
    const s = 1 / (2 * Math.sqrt(x));
    const spread = Math.sqrt(s * s + tau2);
    if (dataType === 'standardisedRatio') return [1 - z * spread, 1 + z * spread];
    if (dataType === 'countRatio') return [Math.exp(Math.log(target) - z * spread), Math.exp(Math.log(target) + z * spread)];
    const centre = Math.asin(Math.sqrt(target));
    const low = Math.sin(centre - z * spread);
    const high = Math.sin(centre + z * spread);
    return [Math.max(0, low * low), Math.min(1, high * high)];
  };
  return { limits95: at(FUNNELPLOTR_Z[95]), limits998: at(FUNNELPLOTR_Z[99.8]) };
}

/**
 * Step 9c (proportions only). Below some denominator the arcsine limits turn back on themselves (the angle passes 0
 * or π/2, and sin² rises again). FunnelPlotR resets a lower limit to 0 when it is above the lower limit at the next
 * grid point up, and an upper limit to 1 when it is below the next one up. Each comparison uses the limits before
 * any reset, and the last grid point is never reset.
 *
 * Worked example: target 0.5, x = 3 and the next grid point 3.117117: the 99.8% lower limit at 3 is
 * sin²(0.785398 − 3.090232/(2√3)) = 0.011336, above 0.008035 at the next point, so it becomes 0; the upper limit
 * 0.988664 is below 0.991965, so it becomes 1. The 95% limits (0.047456 and 0.952544) rise and fall as they should
 * and are kept.
 */
export function proportionMonotonicity(here: LimitPair, next: LimitPair | undefined): LimitPair {
  if (next === undefined) return here;
  const fix = (mine: Interval, theirs: Interval): Interval => [
    mine[0] > theirs[0] ? 0 : mine[0],
    mine[1] < theirs[1] ? 1 : mine[1],
  ];
  return { limits95: fix(here.limits95, next.limits95), limits998: fix(here.limits998, next.limits998) };
}

/** Both sets of limits at one denominator: without and with the overdispersion allowance. */
export interface FunnelLimits {
  readonly unadjusted: LimitPair;
  readonly adjusted: LimitPair;
}

export interface LimitSettings {
  readonly dataType: FunnelDataType;
  readonly srMethod: StandardisedRatioMethod;
  readonly target: number;
  readonly tau2: number;
}

/**
 * Steps 9a–9c together: the limits at grid[index], with the proportion reset against grid[index + 1].
 */
export function limitsAtGridPoint(grid: readonly number[], index: number, settings: LimitSettings): FunnelLimits {
  const { dataType, srMethod, target, tau2 } = settings;
  const x = grid[index] ?? Number.NaN;
  const unadjusted = unadjustedLimits(x, dataType, srMethod, target);
  const adjusted = adjustedLimits(x, dataType, srMethod, target, tau2);
  const nextX = grid[index + 1];
  if (dataType !== 'proportion' || nextX === undefined) return { unadjusted, adjusted };
  return {
    unadjusted: proportionMonotonicity(unadjusted, unadjustedLimits(nextX, dataType, srMethod, target)),
    adjusted: proportionMonotonicity(adjusted, adjustedLimits(nextX, dataType, srMethod, target, tau2)),
  };
}

/** One row of the lookup table a chart draws the funnel from. */
export interface FunnelLimitRow extends FunnelLimits {
  readonly denominator: number;
}

/**
 * The whole lookup table (FunnelPlotR's limits_lookup): the limits at every grid point, for drawing the funnel.
 */
export function funnelLimitLookup(denominators: readonly number[], settings: LimitSettings): FunnelLimitRow[] {
  const grid = limitGrid(denominators, settings.dataType);
  return grid.map((denominator, index) => ({ denominator, ...limitsAtGridPoint(grid, index, settings) }));
}
