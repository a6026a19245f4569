/** Evaluation of interventions: what pages and services use. */

export {
  type AnnualEvaluation, type AnnualSeries, type Change, type ChangeReading, 
  evaluateAnnual, poolPeers, readChange, type YearFigure,yearsAround,
} from './annual.ts';
export { type BeforeAfter, type DifferenceInDifferences, rateDifferenceInDifferences, ratioDifferenceInDifferences } from './did.ts';
export { type EvaluationInput, evaluateIntervention, type InterventionEvaluation } from './evaluate.ts';
export { evaluateMonthly, type MonthAfterStart, type MonthlyEvaluation, type MonthlyReading, type MonthlyValue } from './monthly.ts';
export {
  type BetterDirection, 
  betterDirection, DEFAULT_EVALUATION_SETTINGS, type EvaluatedMeasure, type EvaluationSettings,evaluationSettings,
} from './settings.ts';
export { annualSentences, monthlySentences, VERDICT_WORDING, type Verdict, verdictOf } from './verdict.ts';
