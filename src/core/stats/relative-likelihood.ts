import { katzLogInterval } from './katz-log-interval.ts';
import type { Interval } from './normal.ts';
import { wilsonInterval } from './wilson-interval.ts';

/** Events among a population, e.g. applicants appointed among those shortlisted. */
export interface EventCount {
  readonly events: number;
  readonly population: number;
}

/** A group's rate with its Wilson interval; rate and interval are null when the population is empty. */
export interface GroupRate extends EventCount {
  readonly rate: number | null;
  readonly ci95: Interval | null;
}

export function groupRate(count: EventCount): GroupRate {
  const rate = count.population > 0 ? count.events / count.population : null;
  return { events: count.events, population: count.population, rate, ci95: wilsonInterval(count.events, count.population) };
}

export type UndefinedReason = 'noNumeratorPopulation' | 'noDenominatorPopulation' | 'noDenominatorEvents';

export interface RatioEstimate {
  /** Numerator group rate ÷ denominator group rate; null when undefined. */
  readonly value: number | null;
  readonly ci95: Interval | null;
  readonly undefinedReason: UndefinedReason | null;
}

/**
 * Relative likelihood: the numerator group's rate divided by the denominator group's rate, with a Katz log 95%
 * interval (see katzLogInterval for zero counts).
 *
 * Worked example: 117 of 389 White applicants and 2 of 10 ethnic minority applicants appointed from shortlisting
 * → White rate 0.3008, ethnic minority rate 0.2, relative likelihood 1.504 (interval 0.431 to 5.243).
 * If the denominator group has no events the ratio is undefined: null with reason `noDenominatorEvents`.
 */
export function relativeLikelihood(numerator: EventCount, denominator: EventCount): RatioEstimate {
  if (numerator.population <= 0) return undefinedRatio('noNumeratorPopulation');
  if (denominator.population <= 0) return undefinedRatio('noDenominatorPopulation');
  if (denominator.events <= 0) return undefinedRatio('noDenominatorEvents');
  const value = numerator.events / numerator.population / (denominator.events / denominator.population);
  const ci95 = katzLogInterval(numerator.events, numerator.population, denominator.events, denominator.population);
  return { value, ci95, undefinedReason: null };
}

function undefinedRatio(reason: UndefinedReason): RatioEstimate {
  return { value: null, ci95: null, undefinedReason: reason };
}

/** NHS England's non-adverse range for relative likelihoods (the four-fifths rule read both ways). */
export const NON_ADVERSE_RANGE: Interval = [0.8, 1.25];

export function withinRange(value: number | null, range: Interval = NON_ADVERSE_RANGE): boolean | null {
  return value === null ? null : value >= range[0] && value <= range[1];
}

/** True when the interval lies wholly above or below 1: the difference is unlikely to be chance alone. */
export function excludesOne(ci: Interval | null): boolean | null {
  return ci === null ? null : ci[0] > 1 || ci[1] < 1;
}
