/**
 * Whether a yearly figure changed from one reporting year to the next by more than chance would usually give, for
 * the board's question "is it improving?" when there are too few years for statistical process control.
 *
 * The two years are treated as independent samples. Many staff are counted in both years, which makes the years'
 * figures move together, so the true variance of the change is smaller than assumed here: the intervals are, if
 * anything, a little wide, and a change called "more than chance" is not overstated.
 */
import { katzStandardError } from './katz-log-interval.ts';
import { Z_95, type Interval } from './normal.ts';
import type { EventCount } from './relative-likelihood.ts';
import { wilsonInterval } from './wilson-interval.ts';

/** A relative likelihood's two groups in one year, in the indicator's orientation (numerator group first). */
export interface RatioYear {
  readonly numerator: EventCount;
  readonly denominator: EventCount;
}

export interface RatioChange {
  /** This year's relative likelihood ÷ last year's. */
  readonly ratio: number;
  readonly ci95: Interval;
}

/**
 * The ratio of two years' relative likelihoods, with a 95% interval from the two years' Katz standard errors:
 *
 *   ln(RL₂ ÷ RL₁) ± z · √(SE₁² + SE₂²)
 *
 * Null when either year's relative likelihood has no standard error (a group with no events or nobody in it).
 *
 * Worked example: 117 of 389 against 2 of 10 (RL 1.504, SE 0.6372) after 100 of 400 against 20 of 100 (RL 1.25,
 * SE 0.2179) → ratio 1.203, interval 0.321 to 4.503: it includes 1, so the change could be chance.
 */
export function relativeLikelihoodChange(before: RatioYear, now: RatioYear, z: number = Z_95): RatioChange | null {
  const logRatio = (y: RatioYear) => Math.log(y.numerator.events / y.numerator.population) - Math.log(y.denominator.events / y.denominator.population);
  const usable = (y: RatioYear) =>
    y.numerator.events > 0 && y.denominator.events > 0 && y.numerator.population > 0 && y.denominator.population > 0;
  if (!usable(before) || !usable(now)) return null;
  const se = (y: RatioYear) => katzStandardError(y.numerator.events, y.numerator.population, y.denominator.events, y.denominator.population);
  const difference = logRatio(now) - logRatio(before);
  const spread = z * Math.sqrt(se(before) ** 2 + se(now) ** 2);
  return { ratio: Math.exp(difference), ci95: [Math.exp(difference - spread), Math.exp(difference + spread)] };
}

export interface ProportionChange {
  /** This year's percentage minus last year's, in percentage points. */
  readonly differencePp: number;
  /** In percentage points. */
  readonly ci95: Interval;
}

/**
 * The change in a percentage between two years, with Newcombe's hybrid score interval (his method 10), built from
 * each year's Wilson interval, which behaves well for small groups and percentages near 0 or 100:
 *
 *   d = p₂ − p₁;  lower = d − √((p₂ − l₂)² + (u₁ − p₁)²);  upper = d + √((u₂ − p₂)² + (p₁ − l₁)²)
 *
 * Null when either year has nobody in the group.
 *
 * Worked example: 56 of 70 (80.0%) after 48 of 80 (60.0%) → +20.0 points, interval +5.3 to +33.4: it excludes 0,
 * so the rise is more than chance would usually give. These are the figures Newcombe (1998, Statistics in Medicine
 * 17:873–890, table II, example (a)) gives: 0.0524 to 0.3339.
 */
export function proportionChange(before: EventCount, now: EventCount, z: number = Z_95): ProportionChange | null {
  const b = wilsonInterval(before.events, before.population, z);
  const n = wilsonInterval(now.events, now.population, z);
  if (!b || !n) return null;
  const p1 = before.events / before.population;
  const p2 = now.events / now.population;
  const d = p2 - p1;
  const lower = d - Math.sqrt((p2 - n[0]) ** 2 + (b[1] - p1) ** 2);
  const upper = d + Math.sqrt((n[1] - p2) ** 2 + (p1 - b[0]) ** 2);
  return { differencePp: d * 100, ci95: [lower * 100, upper * 100] };
}

/** True when the interval of a change leaves out "no change" (1 for a ratio, 0 for a difference). */
export function beyondChance(ci95: Interval, noChange: number): boolean {
  return ci95[0] > noChange || ci95[1] < noChange;
}
