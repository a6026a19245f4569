/**
 * Plain-language sentences that follow the ethnicity writing principles: specific groups, White capitalised,
 * "compared with", "1.50 times as likely", and a ratio below 1 turned round so it always reads as "more likely".
 */
import type { Interval } from '../stats/normal.ts';
import type { UndefinedReason } from '../stats/relative-likelihood.ts';
import type { Wording } from './definition.ts';

export function formatRatio(value: number): string {
  return value.toFixed(2);
}

export function formatPct(value: number, digits = 1): string {
  return `${value.toFixed(digits)}%`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export interface RatioSentenceInput {
  readonly numeratorLabel: string;
  readonly denominatorLabel: string;
  readonly numerator: { readonly events: number; readonly population: number };
  readonly denominator: { readonly events: number; readonly population: number };
  readonly value: number | null;
  readonly ci95: Interval | null;
  readonly undefinedReason: UndefinedReason | null;
  readonly wording: Wording;
}

/** "White applicants were 1.50 times as likely as ethnic minority applicants to be appointed from shortlisting." */
export function ratioSentence(input: RatioSentenceInput): string {
  const { numeratorLabel: num, denominatorLabel: den, wording: w } = input;
  if (input.value === null) return undefinedRatioSentence(input);
  if (input.value === 0) {
    return `None of the ${input.numerator.population} ${num} ${w.people} ${w.eventPast}, compared with ` +
      `${input.denominator.events} of ${input.denominator.population} ${den} ${w.people}.`;
  }
  if (Math.abs(input.value - 1) < 5e-3) {
    return `${capitalise(num)} and ${den} ${w.people} were equally likely to ${w.toEvent}.`;
  }
  if (input.value > 1) {
    return `${capitalise(num)} ${w.people} were ${formatRatio(input.value)} times as likely as ${den} ${w.people} to ${w.toEvent}.`;
  }
  return `${capitalise(den)} ${w.people} were ${formatRatio(1 / input.value)} times as likely as ${num} ${w.people} to ${w.toEvent}.`;
}

export function undefinedRatioSentence(input: RatioSentenceInput): string {
  const { numeratorLabel: num, denominatorLabel: den, wording: w } = input;
  switch (input.undefinedReason) {
    case 'noNumeratorPopulation':
      return `The relative likelihood cannot be calculated: there were no ${num} ${w.people}.`;
    case 'noDenominatorPopulation':
      return `The relative likelihood cannot be calculated: there were no ${den} ${w.people}.`;
    case 'noDenominatorEvents':
      return `The relative likelihood cannot be calculated: no ${den} ${w.people} ${w.eventPast} ` +
        `(${input.numerator.events} of ${input.numerator.population} ${num} ${w.people} did).`;
    default:
      return 'The relative likelihood cannot be calculated.';
  }
}

/** Why a ratio is missing, for JSON and tables. */
export function undefinedReasonText(reason: UndefinedReason, numeratorLabel: string, denominatorLabel: string, wording: Wording): string {
  switch (reason) {
    case 'noNumeratorPopulation':
      return `no ${numeratorLabel} ${wording.people}`;
    case 'noDenominatorPopulation':
      return `no ${denominatorLabel} ${wording.people}`;
    case 'noDenominatorEvents':
      return `no ${denominatorLabel} ${wording.people} ${wording.eventPast}, so the ratio is undefined`;
  }
}

/** The interval, and whether chance alone could explain the difference. */
export function intervalSentence(ci95: Interval | null): string {
  if (!ci95) return '';
  const range = `95% confidence interval ${formatRatio(ci95[0])} to ${formatRatio(ci95[1])}`;
  if (ci95[0] <= 1 && ci95[1] >= 1) return `${capitalise(range)}: it includes 1, so the difference could be due to chance.`;
  return `${capitalise(range)}: it does not include 1, so the difference is unlikely to be due to chance alone.`;
}
