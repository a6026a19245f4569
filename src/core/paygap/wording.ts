/**
 * Plain-language sentences about pay gaps, following the project's writing principles: the groups named in full
 * (no acronyms for groups of people), White and Black capitalised, "lower than" and "higher than" rather than signed
 * numbers, percentages to one decimal place.
 */
import type { Interval } from '../stats/normal.ts';
import type { SetText } from './definitions.ts';

export function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const one = (n: number) => n.toFixed(1);

/**
 * "Women's median hourly pay was 12.3% lower than men's." or, without possessives, "The mean hourly pay of ethnic
 * minority staff was 4.0% higher than that of White staff." A gap that rounds to 0.0% reads "within 0.1% of".
 */
export function gapSentence(measure: string, group: SetText, reference: SetText, gapPct: number): string {
  const rounded = one(Math.abs(gapPct));
  const comparison =
    gapPct === 0 ? 'the same as' : rounded === '0.0' ? 'within 0.1% of' : `${rounded}% ${gapPct > 0 ? 'lower' : 'higher'} than`;
  if (group.possessive && reference.possessive) {
    return `${capitalise(group.possessive)} ${measure} was ${comparison} ${reference.possessive}.`;
  }
  return `The ${measure} of ${group.noun} was ${comparison} that of ${reference.noun}.`;
}

/** The mean gap's interval in the same words: "6.1% to 10.3% lower", "2.0% higher to 3.4% lower". */
export function gapIntervalText(ci: Interval): string {
  const [low, high] = ci;
  if (low >= 0) return `${one(low)}% to ${one(high)}% lower`;
  if (high <= 0) return `${one(-high)}% to ${one(-low)}% higher`;
  return `${one(-low)}% higher to ${one(high)}% lower`;
}

export function intervalSentence(ci: Interval): string {
  const includesZero = ci[0] <= 0 && ci[1] >= 0;
  return `95% confidence interval for the mean gap: ${gapIntervalText(ci)}; ` +
    (includesZero
      ? 'it includes 0% (no gap), so the difference in means could be due to chance.'
      : 'it does not include 0%, so the difference in means is unlikely to be due to chance alone.');
}

/** "5.0% of women and 7.5% of men were paid a bonus." */
export function bonusShareSentence(group: SetText, groupPct: number, reference: SetText, referencePct: number): string {
  return `${one(groupPct)}% of ${group.noun} and ${one(referencePct)}% of ${reference.noun} were paid a bonus in the 12 months to the snapshot date.`;
}

/**
 * "Women were 80.0% of the lower quartile and 55.0% of the upper quartile, counting women and men only (70.0% of
 * women and men ranked)."
 */
export function quartileSentence(group: SetText, reference: SetText, lowerPct: number, upperPct: number, overallPct: number): string {
  const pair = `${group.noun} and ${reference.noun}`.replace(/,/g, '');
  return `${capitalise(group.noun)} were ${one(lowerPct)}% of the lower quartile of hourly pay and ${one(upperPct)}% of the upper ` +
    `quartile, counting ${pair} only (${one(overallPct)}% of ${pair} ranked).`;
}
