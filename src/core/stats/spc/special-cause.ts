/**
 * The special-cause label of each point, choosing among the rules by the package's precedence
 * (`ptd_special_cause_type`): outside the limits, then trend, then near-limit ("2 in 3"), then shift, else common
 * cause. The labels are the package's own, with the rule lengths written in (7, 7 and "2 in 3" by default).
 */
import { sign, type MaybeNumber, type Tri } from './missing-logic.ts';
import { PLOT_THE_DOTS_RULES, type RuleSettings } from './rules/settings.ts';

/**
 * "Above UCL", "Below LCL", "7 Point Trend (Increasing)", "7 Point Trend (Decreasing)", "2 in 3 Above CL",
 * "2 in 3 Below CL", "7 Points Above CL", "7 Points Below CL" or "Common Cause" (with the default rule lengths).
 */
export type SpecialCauseType = string;

export const COMMON_CAUSE: SpecialCauseType = 'Common Cause';

export interface SpecialCauseInputs {
  readonly values: readonly (number | null)[];
  readonly relativeToMean: readonly MaybeNumber[];
  readonly outsideLimits: readonly Tri[];
  readonly partOfTrend: readonly Tri[];
  readonly partOfTwoInThree: readonly Tri[];
  readonly partOfShift: readonly Tri[];
}

/**
 * The direction of the step a trend point belongs to: if the next point is also part of a trend, the step to the
 * next point ("use the right side"); otherwise the step from the previous point (0 for the first point). This is
 * what makes a point at the turn between a rising and a falling trend take the direction of the trend it starts.
 *
 * Worked example: values `[1, 2, …, 8]` with the first two points part of a trend → both steps 1 (increasing).
 */
export function trendStepDirection(values: readonly (number | null)[], partOfTrend: readonly Tri[]): MaybeNumber[] {
  const step = (from: number, to: number): MaybeNumber => {
    const a = values[from] ?? null;
    const b = values[to] ?? null;
    return a === null || b === null ? null : sign(b - a);
  };
  return values.map((_, i) => {
    const here = partOfTrend[i] ?? false;
    const next = i + 1 < values.length ? (partOfTrend[i + 1] ?? false) : false;
    // R: `c(part[-1], 0) & part` chooses between the right-hand and the left-hand step; NA chooses neither.
    const useRight = here === false || next === false ? false : here === null || next === null ? null : true;
    if (useRight === null) return null;
    if (useRight) return step(i, i + 1);
    return i === 0 ? 0 : step(i - 1, i);
  });
}

/**
 * `type_i` = the first of these that holds (an unknown condition does not hold):
 * 1. outside the limits → "Above UCL" if above the mean, else "Below LCL";
 * 2. part of a trend → "7 Point Trend (Increasing)" if its step (see `trendStepDirection`) is up, else "(Decreasing)";
 * 3. part of a near-limit run → "2 in 3 Above CL" / "2 in 3 Below CL" by its side of the mean;
 * 4. part of a shift → "7 Points Above CL" / "7 Points Below CL";
 * 5. "Common Cause".
 *
 * Worked example (the package's own test): values 1…8, sides `[1, 1, 1, 1, −1, −1, −1, −1]`, outside
 * `[0, 0, 0, 0, 0, 1, 1, 0]`, trend `[1, 1, 0, …]`, shift `[0, 0, 1, 1, 0, …]`, near-limit `[0, 0, 0, 0, 1, 0, 0, 0]` →
 * two "7 Point Trend (Increasing)", two "7 Points Above CL", "2 in 3 Below CL", two "Below LCL", "Common Cause".
 */
export function specialCauseTypes(inputs: SpecialCauseInputs, rules: RuleSettings = PLOT_THE_DOTS_RULES): SpecialCauseType[] {
  const steps = trendStepDirection(inputs.values, inputs.partOfTrend);
  const sideWord = (i: number): string => {
    const side = inputs.relativeToMean[i] ?? null;
    return side === null ? 'NA' : side > 0 ? 'Above' : 'Below';
  };
  return inputs.values.map((_, i) => {
    if (inputs.outsideLimits[i] === true) return inputs.relativeToMean[i] === 1 ? 'Above UCL' : 'Below LCL';
    if (inputs.partOfTrend[i] === true) {
      const step = steps[i] ?? null;
      return `${rules.trendLength} Point Trend (${step === null ? 'NA' : step === 1 ? 'In' : 'De'}creasing)`;
    }
    if (inputs.partOfTwoInThree[i] === true) return `${rules.twoInThreeCount} in ${rules.twoInThreeWindow} ${sideWord(i)} CL`;
    if (inputs.partOfShift[i] === true) return `${rules.shiftLength} Points ${sideWord(i)} CL`;
    return COMMON_CAUSE;
  });
}
