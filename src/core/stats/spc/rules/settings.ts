/**
 * The lengths of the special-cause rules. The defaults are NHSRplotthedots 0.2.2's (which fixes them in code):
 * a trend is 7 points, a shift is 7 points, and the near-limit rule is 2 of 3.
 */
export interface RuleSettings {
  /** Points in a run of strictly increasing or strictly decreasing values (so `trendLength − 1` steps). */
  readonly trendLength: number;
  /** Points in a run on one side of the mean. */
  readonly shiftLength: number;
  /** Consecutive points looked at by the near-limit rule… */
  readonly twoInThreeWindow: number;
  /** …of which at least this many must be beyond a near (2 sigma) limit, all of them on one side of the mean. */
  readonly twoInThreeCount: number;
}

export const PLOT_THE_DOTS_RULES: RuleSettings = Object.freeze({
  trendLength: 7,
  shiftLength: 7,
  twoInThreeWindow: 3,
  twoInThreeCount: 2,
});

/** Throws a RangeError for lengths that make no sense (a programming error, not a user's data). */
export function checkRuleSettings(settings: RuleSettings): void {
  const whole = (name: string, value: number, min: number) => {
    if (!Number.isInteger(value) || value < min) throw new RangeError(`${name} must be a whole number of at least ${min}, not ${value}`);
  };
  whole('trendLength', settings.trendLength, 2);
  whole('shiftLength', settings.shiftLength, 1);
  whole('twoInThreeWindow', settings.twoInThreeWindow, 1);
  whole('twoInThreeCount', settings.twoInThreeCount, 1);
  if (settings.twoInThreeCount > settings.twoInThreeWindow) throw new RangeError('twoInThreeCount cannot exceed twoInThreeWindow');
}
