/**
 * A monthly measure's two series as the page, the overview and the CSV download show them: the relative likelihood
 * (lower is better, towards 1) and the focus group's rate (ethnic minority or Disabled people), each run through
 * `spc()` with the package's defaults,
 * with limits only when at least 12 months have a figure (Making Data Count's usual minimum; fewer is a run chart).
 * Disclosure control is applied before the statistics, so a withheld month is a gap in the series and no limit or
 * reading rests on a count that is not shown.
 */
import type { WresCompared } from '../../core/ethnicity/wres-characteristic.ts';
import { disadvantagedWhenAboveOne } from '../../core/indicators/definition.ts';
import type { MonthlyCounts, MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';
import { rateDirection } from '../../core/monthly/monthly-measures.ts';
import { focusRateRow, relativeLikelihoodRow, withholdSmallMonths, type MonthlyRow } from '../../core/monthly/monthly-rows.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { spc, type ImprovementDirection, type SpcResult } from '../../core/stats/spc/index.ts';
import { assuranceReading, formatMonth, POINT_TYPE_LABEL, VARIATION_READING, type SpcUnit } from '../charts/index.ts';

/** Points (months, or years) with a figure needed before process limits are drawn (Making Data Count's usual minimum). */
export const MINIMUM_POINTS_FOR_LIMITS = 12;

export type MonthlySeriesRow<C extends string = WresCompared> = MonthlyRow<C> & MonthlySeriesColumns;

interface MonthlySeriesColumns {
  readonly label: string;
  readonly mean: number | null;
  readonly lpl: number | null;
  readonly upl: number | null;
  /** The point type in words; empty without limits or without a figure. */
  readonly pointType: string;
  /** The special-cause rule that fired, as the package labels it; empty without limits or without a figure. */
  readonly specialCause: string;
}

export interface MonthlySeriesView<C extends string = WresCompared> {
  readonly key: 'likelihood' | 'rate';
  readonly heading: string;
  readonly intro: string;
  readonly unit: SpcUnit;
  readonly direction: ImprovementDirection;
  readonly rows: readonly MonthlySeriesRow<C>[];
  readonly result: SpcResult;
  /** Months with a figure. */
  readonly known: number;
  readonly showLimits: boolean;
  readonly variationReading: string | null;
  readonly assuranceReading: string;
}

export function monthlySeries<C extends string = WresCompared>(
  key: MonthlySeriesView['key'],
  text: { heading: string; intro: string },
  rows: readonly MonthlyRow<C>[],
  unit: SpcUnit,
  direction: ImprovementDirection,
): MonthlySeriesView<C> {
  const result = spc(rows.map((r) => ({ date: r.month, value: r.value })), { direction });
  const known = rows.filter((r) => r.value !== null).length;
  const showLimits = known >= MINIMUM_POINTS_FOR_LIMITS;
  return {
    key,
    ...text,
    unit,
    direction,
    rows: rows.map((r, i) => {
      const p = result.points[i];
      const judged = showLimits && r.value !== null && p !== undefined;
      return {
        ...r,
        label: formatMonth(r.month),
        mean: p?.mean ?? null,
        lpl: showLimits ? p?.lpl ?? null : null,
        upl: showLimits ? p?.upl ?? null : null,
        pointType: judged ? POINT_TYPE_LABEL[p.pointType] : '',
        specialCause: judged ? p.specialCauseType : '',
      };
    }),
    result,
    known,
    showLimits,
    variationReading: showLimits && result.variation ? VARIATION_READING[result.variation] : null,
    assuranceReading: assuranceReading(result.assurance),
  };
}

function likelihoodIntro<C extends string>(measure: MonthlyMeasure<C, string>): string {
  const { groups, definition } = measure;
  const { wording } = definition;
  const adjective = (group: string) => groups.adjective(group as C);
  return `Each month, the rate at which ${adjective(definition.numeratorGroup)} ${wording.people} ${wording.eventPast} divided by the rate for ${adjective(definition.denominatorGroup)} ${wording.people}. `
    + `1 means equal likelihood; above 1, ${adjective(disadvantagedWhenAboveOne(definition))} ${wording.people} fared worse. Lower is better, towards 1.`;
}

/**
 * Both series of a measure from its monthly counts. `policy` is the disclosure control to apply (null for the
 * organisation's analysts on screen, who may see small counts).
 */
export function monthlyMeasureViews<C extends string = WresCompared>(
  measure: MonthlyMeasure<C, string>,
  months: readonly MonthlyCounts<C>[],
  policy: DisclosurePolicy | null,
): readonly [MonthlySeriesView<C>, MonthlySeriesView<C>] {
  const control = (rows: MonthlyRow<C>[]) => (policy ? withholdSmallMonths(rows, policy, measure.groups) : rows);
  const likelihood = monthlySeries(
    'likelihood',
    { heading: measure.definition.title, intro: likelihoodIntro(measure) },
    control(months.map((c) => relativeLikelihoodRow(measure, c))),
    'ratio',
    'decrease',
  );
  const better = rateDirection(measure) === 'increase' ? 'Higher is better.' : 'Lower is better.';
  const rate = monthlySeries(
    'rate',
    { heading: measure.rateHeading, intro: `${measure.rateIntro} ${better}` },
    control(months.map((c) => focusRateRow(measure, c))),
    measure.rateUnit,
    rateDirection(measure),
  );
  return [likelihood, rate];
}

/** "Appointment from shortlisting, month by month: …" — the variation reading, or why there is none. */
export function monthlyReading<C extends string>(name: string, series: MonthlySeriesView<C>): string {
  if (series.variationReading) return `${name}, month by month: ${series.variationReading}.`;
  const withheld = series.rows.filter((r) => r.withheld).length;
  const also = withheld > 0 ? ` (${withheld} more ${withheld === 1 ? 'is' : 'are'} withheld because of small numbers)` : '';
  return `${name}, month by month: ${series.known} month${series.known === 1 ? ' has' : 's have'} a figure${also}, too few for statistical process control limits (${MINIMUM_POINTS_FOR_LIMITS} are needed).`;
}
