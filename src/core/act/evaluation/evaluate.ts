/**
 * An intervention's evaluation for one indicator: the monthly series around its start (statistical process
 * control), the yearly figures before and after with intervals, the difference in differences against peers without
 * it, and the honest verdict. Pure: the caller brings the series and counts (core/monthly, the standards' counts).
 */
import type { IndicatorDefinition } from '../../indicators/definition.ts';
import { relativeLikelihood } from '../../stats/relative-likelihood.ts';
import { type AnnualEvaluation, type AnnualSeries, evaluateAnnual, yearsAround } from './annual.ts';
import { evaluateMonthly, type MonthlyEvaluation, type MonthlyValue } from './monthly.ts';
import { type BetterDirection, betterDirection, type EvaluatedMeasure, type EvaluationSettings, evaluationSettings } from './settings.ts';
import { annualSentences, monthlySentences, VERDICT_WORDING, type Verdict, verdictOf } from './verdict.ts';

export interface EvaluationInput {
  /** The indicator the intervention targets: its polarity says which way is better. */
  readonly definition: IndicatorDefinition<string>;
  /** A group's rate (or share), or the indicator's relative likelihood (ratio indicators only). */
  readonly measure: EvaluatedMeasure;
  /** The intervention's start date, YYYY-MM-DD. */
  readonly start: string;
  /** Consecutive months in the measure's unit, or null when there is no monthly series for the indicator. */
  readonly monthly?: readonly MonthlyValue[] | null;
  /** Yearly counts, or null when none are loaded. */
  readonly annual?: AnnualSeries | null;
  /** Peers without the intervention, pooled (`poolPeers`), or null when there are none. */
  readonly peers?: AnnualSeries | null;
}

export interface InterventionEvaluation {
  readonly direction: BetterDirection;
  readonly monthly: MonthlyEvaluation | null;
  readonly annual: AnnualEvaluation | null;
  readonly verdict: Verdict;
  /** The verdict in words (VERDICT_WORDING). */
  readonly headline: string;
  /** What each part says, with its figures, in the order monthly, yearly. */
  readonly sentences: readonly string[];
  readonly settings: EvaluationSettings;
}

/**
 * For a relative likelihood, the figure before the start that sets which way is better (towards 1): the yearly
 * figure of the year before the start, else the mean of the months before, else none (above 1 assumed).
 */
function relativeLikelihoodBaseline(input: EvaluationInput): number | null {
  if (input.annual && input.annual.measure === 'relativeLikelihood') {
    const { before } = yearsAround(input.start, input.annual.years.map((y) => y.year));
    const counts = input.annual.years.find((y) => y.year === before)?.counts;
    const value = counts ? relativeLikelihood(counts.numerator, counts.denominator).value : null;
    if (value !== null) return value;
  }
  const months = (input.monthly ?? []).filter((r) => r.month < input.start.slice(0, 7) && r.value !== null).map((r) => r.value as number);
  return months.length ? months.reduce((a, b) => a + b, 0) / months.length : null;
}

/**
 * The whole evaluation. Throws a RangeError for a caller's mistake (a start that is not a date, a yearly series of
 * another measure, settings out of range).
 */
export function evaluateIntervention(input: EvaluationInput, given: Partial<EvaluationSettings> = {}): InterventionEvaluation {
  const settings = evaluationSettings(given);
  if (input.annual && input.annual.measure !== input.measure) throw new RangeError(`the yearly counts are of ${input.annual.measure}, not ${input.measure}`);
  const baseline = input.measure === 'relativeLikelihood' ? relativeLikelihoodBaseline(input) : null;
  const direction = betterDirection(input.definition, input.measure, baseline);
  const monthly = input.monthly ? evaluateMonthly(input.monthly, input.start, direction, settings) : null;
  const annual = input.annual ? evaluateAnnual(input.annual, input.start, direction, input.peers ?? null) : null;
  const verdict = verdictOf(monthly?.reading ?? null, annual?.reading ?? null);
  const sentences = [
    ...(monthly ? monthlySentences(monthly, settings) : []),
    ...(annual ? annualSentences(annual, input.measure, input.start) : []),
  ];
  return { direction, monthly, annual, verdict, headline: VERDICT_WORDING[verdict], sentences, settings };
}
