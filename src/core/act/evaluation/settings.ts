/**
 * The thresholds of an intervention's evaluation, and which way is better for the measure evaluated. See
 * docs/methodology.md, "Evaluation of interventions".
 */
import type { IndicatorDefinition } from '../../indicators/definition.ts';
import { PLOT_THE_DOTS_RULES, type RuleSettings } from '../../stats/spc/index.ts';

/** The figure followed: a group's rate (or share, or percentage), or a relative likelihood between two groups. */
export type EvaluatedMeasure = 'rate' | 'relativeLikelihood';

export type BetterDirection = 'increase' | 'decrease';

export interface EvaluationSettings {
  /**
   * Months with a figure needed before the start for process limits from them: at least 12, as Making Data Count and
   * NHSRplotthedots require for a fixed baseline. Fewer, and the monthly series gives no reading.
   */
  readonly minimumMonthsBefore: number;
  /**
   * Months with a figure needed from the start on before the monthly series is read: by default the shift rule's
   * length (7), the fewest months in which a sustained change can show as special cause. Fewer: "too early to tell".
   */
  readonly minimumMonthsAfter: number;
  /** The special-cause rules; the package's by default. */
  readonly rules: RuleSettings;
}

export const DEFAULT_EVALUATION_SETTINGS: EvaluationSettings = {
  minimumMonthsBefore: 12,
  minimumMonthsAfter: PLOT_THE_DOTS_RULES.shiftLength,
  rules: PLOT_THE_DOTS_RULES,
};

/** The settings with the given ones in place of the defaults; throws a RangeError for a value that cannot be used. */
export function evaluationSettings(given: Partial<EvaluationSettings> = {}): EvaluationSettings {
  const settings = { ...DEFAULT_EVALUATION_SETTINGS, ...given, rules: { ...PLOT_THE_DOTS_RULES, ...given.rules } };
  if (!Number.isInteger(settings.minimumMonthsBefore) || settings.minimumMonthsBefore < 12) {
    throw new RangeError(`minimumMonthsBefore must be a whole number of at least 12, not ${settings.minimumMonthsBefore}`);
  }
  if (!Number.isInteger(settings.minimumMonthsAfter) || settings.minimumMonthsAfter < 1) {
    throw new RangeError(`minimumMonthsAfter must be a whole number of at least 1, not ${settings.minimumMonthsAfter}`);
  }
  return settings;
}

/**
 * Which way is better, from the indicator's declaration:
 * - a rate of a favourable event (appointment, training, believing in equal opportunities) is better higher, of an
 *   adverse event (disciplinary entry, harassment) lower; a share of a band or of the board (indicators 1 and 9) is
 *   the focus group's representation and is better higher;
 * - a relative likelihood is better nearer 1 (parity): lower when it starts above 1, higher when it starts below.
 *   `baseline` is its figure before the start; without one, above 1 is assumed, as the indicators are oriented so
 *   that above 1 means the group the standard is about fares worse.
 *
 * Worked example: WRES 3's rate (adverse) → decrease; WRES 7's percentage (favourable) → increase; WRES 2's
 * relative likelihood from 1.6 → decrease, from 0.7 → increase.
 */
export function betterDirection(definition: IndicatorDefinition<string>, measure: EvaluatedMeasure, baseline: number | null = null): BetterDirection {
  if (measure === 'relativeLikelihood') {
    if (definition.kind !== 'ratio') throw new RangeError(`indicator ${definition.standard} ${definition.id} has no relative likelihood`);
    return baseline !== null && baseline < 1 ? 'increase' : 'decrease';
  }
  if (definition.kind === 'ratio' || definition.kind === 'proportion') return definition.event === 'favourable' ? 'increase' : 'decrease';
  return 'increase';
}
