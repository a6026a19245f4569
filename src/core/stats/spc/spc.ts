/**
 * Making Data Count XmR charts exactly as NHSRplotthedots 0.2.2 computes them (`ptd_spc`): limits per phase,
 * special-cause rules, point types, and the variation and assurance summaries. Each step is its own function in
 * this folder; this one puts them together for one series.
 */
import { assurance, variationIcon, type Assurance, type VariationIcon } from './icons.ts';
import type { MaybeNumber, Tri } from './missing-logic.ts';
import { dateOrder, phaseNumbers, SHORT_PHASE_THRESHOLD, shortPhaseFlags } from './phases.ts';
import { pointType, type ImprovementDirection, type PointType } from './point-type.ts';
import { pointPosition } from './position.ts';
import { partOfRun } from './rules/part-of-run.ts';
import { checkRuleSettings, PLOT_THE_DOTS_RULES, type RuleSettings } from './rules/settings.ts';
import { shiftEnds } from './rules/shift.ts';
import { trendEnds } from './rules/trend.ts';
import { partOfTwoInThree, twoInThree } from './rules/two-in-three.ts';
import { specialCauseTypes, type SpecialCauseType } from './special-cause.ts';
import { phaseLimits } from './xmr.ts';

export interface SpcInputPoint {
  /** ISO date, `YYYY-MM-DD` (any strings that sort in time order will do). */
  readonly date: string;
  /** The measurement, or null when it is missing. */
  readonly value: number | null;
  /** True if a new phase (with its own limits) starts at this point. */
  readonly rebase?: boolean;
}

export interface SpcOptions {
  /** Which way is better. Default `increase`, as in the package. */
  readonly direction?: ImprovementDirection;
  /** A target for the assurance icon; none by default. */
  readonly target?: number | null;
  /** Calculate each phase's limits from its first N points only (N ≥ 12, as the package requires). */
  readonly fixAfterN?: number | null;
  /** Screen moving ranges of 3.267 × MR̄ or more out of the limits. Default true, as in the package. */
  readonly screenOutliers?: boolean;
  /** Rule lengths; the package's by default (trend 7, shift 7, 2 in 3). */
  readonly rules?: Partial<RuleSettings>;
  /** Phases with fewer points than this are warned about. Default 13, as in the package's code. */
  readonly shortPhaseThreshold?: number;
}

export interface SpcPoint {
  readonly date: string;
  readonly value: number | null;
  /** Centre line of the point's phase; null when it cannot be calculated (no values in the baseline). */
  readonly mean: number | null;
  /** Lower process limit; null when it cannot be calculated (no moving range, e.g. a phase of one point). */
  readonly lpl: number | null;
  readonly upl: number | null;
  readonly pointType: PointType;
  readonly specialCauseType: SpecialCauseType;
  /** The package's `rebase_group`: 0 before any rebase, then 1, 2, … */
  readonly phase: number;
  readonly nearLpl: number | null;
  readonly nearUpl: number | null;
  /** |value − previous value| within the baseline; null for the first point, around gaps and after `fixAfterN`. */
  readonly movingRange: number | null;
  /** Whether screening left this moving range out of the limits. */
  readonly movingRangeScreenedOut: boolean;
  /** True when the point's phase has fewer points than the short-phase threshold (trial limits). */
  readonly shortPhase: boolean;
}

export type SpcWarningCode = 'short-phase' | 'undecided-trend';

export interface SpcWarning {
  readonly code: SpcWarningCode;
  readonly message: string;
  /** The phase concerned, for `short-phase`. */
  readonly phase?: number;
  /** The dates concerned, for `undecided-trend`. */
  readonly dates?: readonly string[];
}

export interface SpcResult {
  /** In date order. */
  readonly points: readonly SpcPoint[];
  /** The variation icon, from the last point; null for an empty series. */
  readonly variation: VariationIcon | null;
  /** The assurance icon; null without a target, with direction `neutral`, or for an empty series. */
  readonly assurance: Assurance | null;
  readonly warnings: readonly SpcWarning[];
}

/** Throws a RangeError for options the package would refuse (these are a caller's mistakes, not data problems). */
export function checkSpcOptions(options: SpcOptions): void {
  const { fixAfterN, target, shortPhaseThreshold, direction } = options;
  if (direction !== undefined && !['increase', 'decrease', 'neutral'].includes(direction)) {
    throw new RangeError(`direction must be increase, decrease or neutral, not ${String(direction)}`);
  }
  if (fixAfterN !== undefined && fixAfterN !== null && !(Number.isFinite(fixAfterN) && fixAfterN >= 12)) {
    throw new RangeError(`fixAfterN must be a number of at least 12 (as NHSRplotthedots requires), not ${fixAfterN}`);
  }
  if (target !== undefined && target !== null && !Number.isFinite(target)) throw new RangeError(`target must be a finite number, not ${target}`);
  if (shortPhaseThreshold !== undefined && !(Number.isInteger(shortPhaseThreshold) && shortPhaseThreshold >= 0)) {
    throw new RangeError(`shortPhaseThreshold must be a whole number, not ${shortPhaseThreshold}`);
  }
}

const finiteOrNull = (x: number): number | null => (Number.isFinite(x) ? x : null);

/**
 * The whole chart for one series: sort by date; split into phases at rebase points; per phase, the limits
 * (`phaseLimits`), each point's position (`pointPosition`), the four rules and their labels (`specialCauseTypes`)
 * and point types (`pointType`); then the short-phase warnings, the variation icon from the last point and the
 * assurance from the last point's limits.
 *
 * Worked example (the package's test of the near-limit fix): 16 points alternating 1, −1, with the last two
 * replaced by 5.5 and −5.5. Mean 0; the moving ranges are thirteen 2s, then 6.5 and 11, so MR̄ = 43.5 / 15 = 2.9;
 * screening drops the 11 (not below 3.267 × 2.9 = 9.474), leaving MR̄ = 32.5 / 14 = 2.3214, limits ∓6.175 and near
 * limits ∓4.1167. The last two points are beyond the near limits but on opposite sides of the mean, so both are
 * common cause.
 */
export function spc(input: readonly SpcInputPoint[], options: SpcOptions = {}): SpcResult {
  checkSpcOptions(options);
  const rules: RuleSettings = { ...PLOT_THE_DOTS_RULES, ...options.rules };
  checkRuleSettings(rules);
  const direction = options.direction ?? 'increase';
  const fixAfterN = options.fixAfterN ?? null;
  const screenOutliers = options.screenOutliers ?? true;
  const threshold = options.shortPhaseThreshold ?? SHORT_PHASE_THRESHOLD;
  for (const point of input) {
    if (point.value !== null && !Number.isFinite(point.value)) throw new RangeError(`the value for ${point.date} is not a finite number`);
  }

  const sorted = dateOrder(input.map((p) => p.date)).map((i) => input[i] as SpcInputPoint);
  const phases = phaseNumbers(sorted.map((p) => p.rebase === true));
  const short = shortPhaseFlags(phases, threshold);
  const points: SpcPoint[] = [];
  const undecidedTrendDates: string[] = [];

  for (let start = 0; start < sorted.length; ) {
    let end = start;
    while (end < sorted.length && phases[end] === phases[start]) end += 1;
    const phase = sorted.slice(start, end);
    const values = phase.map((p) => p.value);
    const limits = phaseLimits(values, { fixAfterN, screenOutliers });
    const positions = values.map((value) => pointPosition(value, limits));
    const relativeToMean: MaybeNumber[] = positions.map((p) => p.relativeToMean);
    const closeToLimits: Tri[] = positions.map((p) => p.closeToLimits);

    const trend = trendEnds(values, rules.trendLength).map((mark, i) => {
      if (mark !== null) return mark;
      undecidedTrendDates.push(phase[i]?.date ?? '');
      return 0;
    });
    const types = specialCauseTypes(
      {
        values,
        relativeToMean,
        outsideLimits: positions.map((p) => p.outsideLimits),
        partOfTrend: partOfRun(trend, rules.trendLength),
        partOfTwoInThree: partOfTwoInThree(twoInThree(closeToLimits, relativeToMean, rules.twoInThreeWindow, rules.twoInThreeCount), closeToLimits),
        partOfShift: partOfRun(shiftEnds(relativeToMean, rules.shiftLength), rules.shiftLength),
      },
      rules,
    );
    phase.forEach((p, i) => {
      const type = types[i] ?? 'Common Cause';
      points.push({
        date: p.date,
        value: p.value,
        mean: finiteOrNull(limits.mean),
        lpl: finiteOrNull(limits.lpl),
        upl: finiteOrNull(limits.upl),
        pointType: pointType(type, direction),
        specialCauseType: type,
        phase: phases[start + i] ?? 0,
        nearLpl: finiteOrNull(limits.nearLpl),
        nearUpl: finiteOrNull(limits.nearUpl),
        movingRange: limits.movingRanges[i] ?? null,
        movingRangeScreenedOut: limits.screenedOut[i] ?? false,
        shortPhase: short[start + i] ?? false,
      });
    });
    start = end;
  }

  const last = points[points.length - 1];
  const target = options.target ?? null;
  return {
    points,
    variation: last ? variationIcon(last.pointType, direction) : null,
    assurance: last ? assurance(target, { lpl: last.lpl ?? Number.NaN, upl: last.upl ?? Number.NaN }, direction) : null,
    warnings: [...shortPhaseWarnings(points, threshold), ...undecidedTrendWarnings(undecidedTrendDates, rules.trendLength)],
  };
}

function shortPhaseWarnings(points: readonly SpcPoint[], threshold: number): SpcWarning[] {
  const byPhase = new Map<number, SpcPoint[]>();
  for (const point of points) {
    const members = byPhase.get(point.phase);
    if (members) members.push(point);
    else byPhase.set(point.phase, [point]);
  }
  const warnings: SpcWarning[] = [];
  const several = byPhase.size > 1;
  for (const [phase, members] of byPhase) {
    if (members.length >= threshold) continue;
    const which = several ? `The phase from ${members[0]?.date ?? ''} has` : 'The series has';
    warnings.push({
      code: 'short-phase',
      phase,
      message:
        `${which} ${members.length} point${members.length === 1 ? '' : 's'}, fewer than ${threshold}: ` +
        'its limits are trial limits, which will change with each new point.',
    });
  }
  return warnings;
}

function undecidedTrendWarnings(dates: readonly string[], length: number): SpcWarning[] {
  if (dates.length === 0) return [];
  return [{
    code: 'undecided-trend',
    dates,
    message:
      `A missing value leaves a possible ${length}-point trend ending ${dates.join(', ')} undecided; it is not flagged. ` +
      '(NHSRplotthedots 0.2.2 stops with an error on this series.)',
  }];
}
