/**
 * Where each point sits against its phase's mean and limits: the three facts the special-cause rules read.
 * Missing values (and NaN limits, from a phase with no moving range) give NA, as in R.
 */
import { and, gt, lt, not, or, sign, type MaybeNumber, type Tri } from './missing-logic.ts';
import type { ProcessLimits } from './xmr.ts';

export interface PointPosition {
  /** Strictly above the upper or strictly below the lower process limit; a point exactly on a limit is inside. */
  readonly outsideLimits: Tri;
  /** sign(value − mean): 1 above, −1 below, 0 exactly on the mean; null when unknown. */
  readonly relativeToMean: MaybeNumber;
  /** Inside the process limits but strictly beyond a near (2 sigma) limit. */
  readonly closeToLimits: Tri;
}

/**
 * `outside = x > UPL or x < LPL`; `relativeToMean = sign(x − mean)`;
 * `close = not outside and (x < near LPL or x > near UPL)`.
 *
 * Worked example, limits from `processLimits(10, 1)` (7.34 to 12.66, near 8.2267 to 11.7733):
 * 13 → outside, above (1), not close; 12 → inside, above, close; 10 → on the mean (0), not close;
 * 12.66 → on the limit, so not outside, and close; null → all unknown.
 */
export function pointPosition(value: number | null, limits: ProcessLimits): PointPosition {
  const outsideLimits = or(gt(value, limits.upl), lt(value, limits.lpl));
  const relativeToMean = value === null ? null : sign(value - limits.mean);
  const closeToLimits = and(not(outsideLimits), or(lt(value, limits.nearLpl), gt(value, limits.nearUpl)));
  return { outsideLimits, relativeToMean, closeToLimits };
}
