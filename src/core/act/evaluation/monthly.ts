/**
 * The monthly series around an intervention's start, read with the existing statistical process control (`spc()`,
 * NHSRplotthedots 0.2.2's rules; nothing of SPC is reimplemented here). Two charts:
 *
 * - **against the baseline**: limits from the months before the start only (`fixAfterN` = the months before),
 *   carried on over the months after, so a sustained change after the start shows as special cause against what
 *   was usual before. This is the chart the reading comes from.
 * - **recalculated from the start**: the months from the start are a new phase with their own mean and limits
 *   (a rebase at the start), which shows where the process settled. It gives no reading of its own: within each
 *   phase the points sit around that phase's own mean.
 */
import { type PointType, type SpcResult, spc } from '../../stats/spc/index.ts';
import type { BetterDirection, EvaluationSettings } from './settings.ts';

/** One month's figure (a rate, a percentage or a relative likelihood); `MonthlyRow` of core/monthly fits. */
export interface MonthlyValue {
  /** Calendar month, YYYY-MM. */
  readonly month: string;
  /** The figure, or null when the month has none (no figure, or withheld). */
  readonly value: number | null;
}

/**
 * - `too-few-before`: fewer months with a figure before the start than `minimumMonthsBefore`: no baseline limits.
 * - `too-early`: fewer months with a figure from the start on than `minimumMonthsAfter`.
 * - `improvement` / `concern`: at least one month from the start on is special cause in the better / worse direction
 *   against the baseline limits, and none the other way.
 * - `both`: special cause both ways after the start.
 * - `no-change`: every month from the start on is common cause against the baseline limits.
 */
export type MonthlyReading = 'too-few-before' | 'too-early' | 'improvement' | 'concern' | 'both' | 'no-change';

export interface MonthAfterStart {
  readonly month: string;
  readonly value: number | null;
  /** Read against the baseline limits. */
  readonly pointType: PointType;
  readonly specialCauseType: string;
}

export interface MonthlyEvaluation {
  /** The first month counted as after the start: the month the start date falls in. */
  readonly startMonth: string;
  /** Months with a figure before the start, and from the start on. */
  readonly monthsBefore: number;
  readonly monthsAfter: number;
  /** Means of the figures before and from the start on; null without figures. */
  readonly meanBefore: number | null;
  readonly meanAfter: number | null;
  /** The chart recalculated from the start (a new phase at the start). */
  readonly phases: SpcResult;
  /** The chart with limits from the months before only; null with too few months before. */
  readonly againstBaseline: SpcResult | null;
  /** The months from the start on, read against the baseline limits; empty without them. */
  readonly afterStart: readonly MonthAfterStart[];
  /** True when a month before the start is already special cause against its own limits: no stable baseline. */
  readonly unstableBaseline: boolean;
  readonly reading: MonthlyReading;
}

const MONTH = /^\d{4}-(0[1-9]|1[0-2])$/;

function mean(values: readonly number[]): number | null {
  return values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * The monthly evaluation. `series` is consecutive calendar months (a month with no figure is a row with value null,
 * as core/monthly fills them); `start` is the intervention's start date (YYYY-MM-DD); `direction` says which way is
 * better (see `betterDirection`).
 *
 * Worked example (the tests' "shift at the start"): twelve months alternating 12 and 10 (mean 11, every moving
 * range 2, limits 11 ∓ 2.66 × 2 = 5.68 to 16.32), then eight months alternating 14 and 13 from the start. All eight
 * are above the baseline mean, so the shift rule (7 points on one side) marks them; with `increase` they are
 * special cause improvement: reading `improvement`. The chart recalculated from the start has mean 13.5 after it.
 */
export function evaluateMonthly(
  series: readonly MonthlyValue[],
  start: string,
  direction: BetterDirection,
  settings: EvaluationSettings,
): MonthlyEvaluation {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(start)) throw new RangeError(`the start must be a date, YYYY-MM-DD, not ${start}`);
  for (const row of series) if (!MONTH.test(row.month)) throw new RangeError(`a month must be YYYY-MM, not ${row.month}`);
  const startMonth = start.slice(0, 7);
  const sorted = [...series].sort((a, b) => (a.month < b.month ? -1 : a.month > b.month ? 1 : 0));
  const before = sorted.filter((r) => r.month < startMonth);
  const after = sorted.filter((r) => r.month >= startMonth);
  const known = (rows: readonly MonthlyValue[]) => rows.filter((r) => r.value !== null).map((r) => r.value as number);
  const monthsBefore = known(before).length;
  const monthsAfter = known(after).length;
  const input = sorted.map((r) => ({ date: `${r.month}-01`, value: r.value, rebase: r.month === after[0]?.month && before.length > 0 }));
  const phases = spc(input, { direction, rules: settings.rules });

  const base = {
    startMonth,
    monthsBefore,
    monthsAfter,
    meanBefore: mean(known(before)),
    meanAfter: mean(known(after)),
    phases,
  };
  if (monthsBefore < settings.minimumMonthsBefore) {
    return { ...base, againstBaseline: null, afterStart: [], unstableBaseline: false, reading: 'too-few-before' };
  }
  // `fixAfterN` counts rows, so the baseline is exactly the months before the start, gaps included.
  const againstBaseline = spc(input.map(({ date, value }) => ({ date, value })), { direction, rules: settings.rules, fixAfterN: before.length });
  const afterStart = againstBaseline.points.slice(before.length).map((p) => ({
    month: p.date.slice(0, 7),
    value: p.value,
    pointType: p.pointType,
    specialCauseType: p.specialCauseType,
  }));
  const ownBaseline = spc(before.map((r) => ({ date: `${r.month}-01`, value: r.value })), { direction, rules: settings.rules });
  const unstableBaseline = ownBaseline.points.some((p) => p.value !== null && p.pointType !== 'common_cause');
  const judged = afterStart.filter((p) => p.value !== null);
  const better = judged.some((p) => p.pointType === 'special_cause_improvement');
  const worse = judged.some((p) => p.pointType === 'special_cause_concern');
  const reading: MonthlyReading =
    monthsAfter < settings.minimumMonthsAfter ? 'too-early' : better && worse ? 'both' : better ? 'improvement' : worse ? 'concern' : 'no-change';
  return { ...base, againstBaseline, afterStart, unstableBaseline, reading };
}
