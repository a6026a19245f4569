/**
 * "Up 0.17 since 2024: within what chance alone could give": the change in a yearly figure since the year before,
 * in words, with whether it is more than chance would usually give (src/core/stats/change-between-years.ts). Shared
 * by the WRES dashboard, the overview and the WDES trends.
 */
import type { RatioHeadline } from '../../core/indicators/evaluate-ratio.ts';
import { beyondChance, proportionChange, relativeLikelihoodChange } from '../../core/stats/change-between-years.ts';
import type { EventCount } from '../../core/stats/relative-likelihood.ts';

/** Whether two years' relative likelihoods differ by more than chance, in the indicator's own orientation. */
export function ratioChangeBeyondChance<G extends string>(before: RatioHeadline<G>, now: RatioHeadline<G>): boolean | null {
  const year = (r: RatioHeadline<G>) => ({ numerator: r.groups[r.orientation.numerator], denominator: r.groups[r.orientation.denominator] });
  const change = relativeLikelihoodChange(year(before), year(now));
  return change ? beyondChance(change.ci95, 1) : null;
}

/** Whether two years' percentages differ by more than chance. */
export function proportionChangeBeyondChance(before: EventCount, now: EventCount): boolean | null {
  const change = proportionChange(before, now);
  return change ? beyondChance(change.ci95, 0) : null;
}

/**
 * The sentence: `difference` is now − before in the figure's own unit, `formatted` its size as people read it
 * ("0.17", "2.0 points"), `beyond` the judgement (null: none is made).
 */
export function changeSentence(difference: number, formatted: string, previousYear: number, beyond: boolean | null, tolerance = 0.005): string {
  if (Math.abs(difference) < tolerance) return `No change since ${previousYear}`;
  const judgement = beyond === null ? '' : beyond ? ': more than chance alone would usually give' : ': within what chance alone could give';
  return `${difference > 0 ? 'Up' : 'Down'} ${formatted} since ${previousYear}${judgement}`;
}
