/**
 * A monthly measure's two series as the page, the overview and the CSV download show them: the relative likelihood
 * (lower is better, towards 1) and the ethnic minority rate, each run through `spc()` with the package's defaults,
 * with limits only when at least 12 months have a figure (Making Data Count's usual minimum; fewer is a run chart).
 * Disclosure control is applied before the statistics, so a withheld month is a gap in the series and no limit or
 * reading rests on a count that is not shown.
 */
import type { MonthlyCounts, MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';
import { rateDirection } from '../../core/monthly/monthly-measures.ts';
import { ethnicMinorityRateRow, relativeLikelihoodRow, withholdSmallMonths, type MonthlyRow } from '../../core/monthly/monthly-rows.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { spc, type ImprovementDirection, type SpcResult } from '../../core/stats/spc/index.ts';
import { assuranceReading, formatMonth, POINT_TYPE_LABEL, VARIATION_READING, type SpcUnit } from '../charts/index.ts';

/** Points (months, or years) with a figure needed before process limits are drawn (Making Data Count's usual minimum). */
export const MINIMUM_POINTS_FOR_LIMITS = 12;

export interface MonthlySeriesRow extends MonthlyRow {
  readonly label: string;
  readonly mean: number | null;
  readonly lpl: number | null;
  readonly upl: number | null;
  /** The point type in words; empty without limits or without a figure. */
  readonly pointType: string;
  /** The special-cause rule that fired, as the package labels it; empty without limits or without a figure. */
  readonly specialCause: string;
}

export interface MonthlySeriesView {
  readonly key: 'likelihood' | 'rate';
  readonly heading: string;
  readonly intro: string;
  readonly unit: SpcUnit;
  readonly direction: ImprovementDirection;
  readonly rows: readonly MonthlySeriesRow[];
  readonly result: SpcResult;
  /** Months with a figure. */
  readonly known: number;
  readonly showLimits: boolean;
  readonly variationReading: string | null;
  readonly assuranceReading: string;
}

export function monthlySeries(
  key: MonthlySeriesView['key'],
  text: { heading: string; intro: string },
  rows: readonly MonthlyRow[],
  unit: SpcUnit,
  direction: ImprovementDirection,
): MonthlySeriesView {
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

function likelihoodIntro(measure: MonthlyMeasure): string {
  const { numeratorGroup, wording } = measure.definition;
  const [first, second] = numeratorGroup === 'white' ? ['White', 'ethnic minority'] : ['ethnic minority', 'White'];
  return `Each month, the rate at which ${first} ${wording.people} ${wording.eventPast} divided by the rate for ${second} ${wording.people}. `
    + `1 means equal likelihood; above 1, ethnic minority ${wording.people} fared worse. Lower is better, towards 1.`;
}

/**
 * Both series of a measure from its monthly counts. `policy` is the disclosure control to apply (null for the
 * organisation's analysts on screen, who may see small counts).
 */
export function monthlyMeasureViews(measure: MonthlyMeasure, months: readonly MonthlyCounts[], policy: DisclosurePolicy | null): readonly [MonthlySeriesView, MonthlySeriesView] {
  const control = (rows: MonthlyRow[]) => (policy ? withholdSmallMonths(rows, policy) : rows);
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
    control(months.map((c) => ethnicMinorityRateRow(measure, c))),
    measure.rateUnit,
    rateDirection(measure),
  );
  return [likelihood, rate];
}

/** "Appointment from shortlisting, month by month: …" — the variation reading, or why there is none. */
export function monthlyReading(name: string, series: MonthlySeriesView): string {
  if (series.variationReading) return `${name}, month by month: ${series.variationReading}.`;
  const withheld = series.rows.filter((r) => r.withheld).length;
  const also = withheld > 0 ? ` (${withheld} more ${withheld === 1 ? 'is' : 'are'} withheld because of small numbers)` : '';
  return `${name}, month by month: ${series.known} month${series.known === 1 ? ' has' : 's have'} a figure${also}, too few for statistical process control limits (${MINIMUM_POINTS_FOR_LIMITS} are needed).`;
}
