/** Evaluation of interventions: what pages and services use. */
export { evaluateIntervention, type EvaluationInput, type InterventionEvaluation } from './evaluate.ts';
export { evaluateMonthly, type MonthAfterStart, type MonthlyEvaluation, type MonthlyReading, type MonthlyValue } from './monthly.ts';
export {
  evaluateAnnual, poolPeers, readChange, yearsAround,
  type AnnualEvaluation, type AnnualSeries, type Change, type ChangeReading, type YearFigure,
} from './annual.ts';
export { rateDifferenceInDifferences, ratioDifferenceInDifferences, type BeforeAfter, type DifferenceInDifferences } from './did.ts';
export {
  betterDirection, DEFAULT_EVALUATION_SETTINGS, evaluationSettings,
  type BetterDirection, type EvaluatedMeasure, type EvaluationSettings,
} from './settings.ts';
export { annualSentences, monthlySentences, VERDICT_WORDING, verdictOf, type Verdict } from './verdict.ts';
