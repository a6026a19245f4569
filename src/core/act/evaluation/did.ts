/**
 * Difference in differences: the change where the intervention happened less the same change where it did not
 * (peer organisations or directorates, pooled), so that what moved everywhere is not credited to the intervention.
 * Both groups' years are treated as independent samples, with normal approximations (docs/methodology.md).
 */

import type { RatioYear } from '../../stats/change-between-years.ts';
import { katzStandardError } from '../../stats/katz-log-interval.ts';
import { type Interval, Z_95 } from '../../stats/normal.ts';
import type { EventCount } from '../../stats/relative-likelihood.ts';

export interface BeforeAfter<C> {
  readonly before: C;
  readonly after: C;
}

export interface DifferenceInDifferences {
  /** Percentage points for rates; a ratio of ratios for relative likelihoods. */
  readonly estimate: number;
  readonly ci95: Interval;
  /** 0 for rates, 1 for relative likelihoods. */
  readonly noChange: number;
  /** The standard error, in proportions for rates and on the log scale for relative likelihoods. */
  readonly standardError: number;
  /** The change in each group: percentage points, or the ratio of the two years' relative likelihoods. */
  readonly changeWith: number;
  readonly changeWithout: number;
}

/**
 * For rates: DiD = (p₁ₐ − p₁ᵦ) − (p₀ₐ − p₀ᵦ), where 1 is the group with the intervention, 0 the peers, b before and
 * a after; its variance is the sum of the four binomial variances p(1 − p)/n, and the 95% interval DiD ± z·SE.
 * Null when any of the four has nobody.
 *
 * Worked example: 30 of 100 then 45 of 100 here, 300 of 1,000 then 330 of 1,000 among peers → (15 − 3) = 12.0
 * points; variance 0.002475 + 0.0021 + 0.00022110 + 0.00021 = 0.0050061, SE 0.070754, interval −1.87 to +25.87
 * points: it includes 0, so the extra change could be chance.
 *
 * With no events (or everyone) in a year, p(1 − p) is 0 and the interval is too narrow: read it with the counts.
 */
export function rateDifferenceInDifferences(
  withIntervention: BeforeAfter<EventCount>,
  without: BeforeAfter<EventCount>,
  z: number = Z_95,
): DifferenceInDifferences | null {
  const all = [withIntervention.before, withIntervention.after, without.before, without.after];
  if (all.some((c) => c.population <= 0)) return null;
  const p = (c: EventCount) => c.events / c.population;
  const variance = all.reduce((sum, c) => sum + (p(c) * (1 - p(c))) / c.population, 0);
  const changeWith = p(withIntervention.after) - p(withIntervention.before);
  const changeWithout = p(without.after) - p(without.before);
  const did = changeWith - changeWithout;
  const se = Math.sqrt(variance);
  return {
    estimate: did * 100,
    ci95: [(did - z * se) * 100, (did + z * se) * 100],
    noChange: 0,
    standardError: se,
    changeWith: changeWith * 100,
    changeWithout: changeWithout * 100,
  };
}

/**
 * For relative likelihoods, on the log scale: ln(RL₁ₐ ÷ RL₁ᵦ) − ln(RL₀ₐ ÷ RL₀ᵦ), with variance the sum of the four
 * years' Katz variances (1/a − 1/n₁ + 1/b − 1/n₂), and the interval exp(· ± z·SE): a ratio of ratios, 1 meaning
 * the same relative change in both. Null when any group in any year has no events or nobody.
 *
 * Worked example: here 20 of 200 against 20 of 400 (RL 2.0), then 10 of 200 against 20 of 400 (RL 1.0); among peers
 * 100 of 1,000 against 100 of 2,000 (RL 2.0), then 90 of 1,000 against 100 of 2,000 (RL 1.8) → ln(0.5) − ln(0.9)
 * = −0.58779, a ratio of 0.5556; variance 0.0925 + 0.1425 + 0.0185 + 0.019611 = 0.273111, SE 0.52260, interval
 * 0.1995 to 1.5473: it includes 1.
 */
export function ratioDifferenceInDifferences(
  withIntervention: BeforeAfter<RatioYear>,
  without: BeforeAfter<RatioYear>,
  z: number = Z_95,
): DifferenceInDifferences | null {
  const all = [withIntervention.before, withIntervention.after, without.before, without.after];
  const usable = (y: RatioYear) => [y.numerator, y.denominator].every((c) => c.events > 0 && c.population > 0);
  if (!all.every(usable)) return null;
  const logRl = (y: RatioYear) => Math.log(y.numerator.events / y.numerator.population) - Math.log(y.denominator.events / y.denominator.population);
  const variance = all.reduce(
    (sum, y) => sum + katzStandardError(y.numerator.events, y.numerator.population, y.denominator.events, y.denominator.population) ** 2,
    0,
  );
  const changeWith = logRl(withIntervention.after) - logRl(withIntervention.before);
  const changeWithout = logRl(without.after) - logRl(without.before);
  const did = changeWith - changeWithout;
  const se = Math.sqrt(variance);
  return {
    estimate: Math.exp(did),
    ci95: [Math.exp(did - z * se), Math.exp(did + z * se)],
    noChange: 1,
    standardError: se,
    changeWith: Math.exp(changeWith),
    changeWithout: Math.exp(changeWithout),
  };
}
