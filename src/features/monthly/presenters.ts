/**
 * The monthly series pages and downloads of each standard: WRES (recruitment, disciplinary entries, non-mandatory
 * training; White and ethnic minority people) and WDES (recruitment and capability entries; non-disabled and
 * Disabled people). A family says where its pages are and what they are called; everything else (charts, icons, the
 * table under each chart and the CSV) is written once for any pair of compared groups.
 */
import { capitalised, columnName } from '../../core/indicators/compared-groups.ts';
import { isMonthlyMeasureKey, MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES, type MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';
import { isWdesMonthlyMeasureKey, WDES_MONTHLY_MEASURE_KEYS, WDES_MONTHLY_MEASURES } from '../../core/monthly/wdes-monthly-measures.ts';
import type { EventCount } from '../../core/stats/relative-likelihood.ts';
import { assuranceIconSvg, chartId, formatSpcValue, spcChart, variationIconSvg } from '../../web/charts/index.ts';
import { formatCount } from '../../web/charts/text.ts';
import { csvText } from '../../web/csv-download.ts';
import type { MonthlySeriesView } from '../../web/presenters/monthly.ts';

/** A measure of any standard, as the pages handle it. */
export type AnyMonthlyMeasure = MonthlyMeasure<string, string>;

export interface MonthlyFamily {
  readonly standard: 'WRES' | 'WDES';
  /** Path of the family's pages under the organisation's year: "" for WRES, "/wdes" for WDES. */
  readonly prefix: string;
  readonly keys: readonly string[];
  measure(key: string): AnyMonthlyMeasure | null;
  /** The first measure keeps the address the family has always had: ".../monthly". */
  readonly first: string;
  readonly navigation: Readonly<Record<string, string>>;
  /** "WRES indicator", "WDES metric": what the annual figure is called in sentences. */
  readonly indicatorLabel: string;
  /** Breadcrumb back to the standard's page. */
  crumb(base: string, year: number): { readonly href: string; readonly text: string };
}

export const WRES_MONTHLY: MonthlyFamily = {
  standard: 'WRES',
  prefix: '',
  keys: MONTHLY_MEASURE_KEYS,
  measure: (key) => (isMonthlyMeasureKey(key) ? (MONTHLY_MEASURES[key] as unknown as AnyMonthlyMeasure) : null),
  first: 'recruitment',
  navigation: { recruitment: 'Recruitment', disciplinary: 'Disciplinary process', training: 'Non-mandatory training' },
  indicatorLabel: 'WRES indicator',
  crumb: (base, year) => ({ href: base, text: `WRES ${year}` }),
};

export const WDES_MONTHLY: MonthlyFamily = {
  standard: 'WDES',
  prefix: '/wdes',
  keys: WDES_MONTHLY_MEASURE_KEYS,
  measure: (key) => (isWdesMonthlyMeasureKey(key) ? (WDES_MONTHLY_MEASURES[key] as unknown as AnyMonthlyMeasure) : null),
  first: 'recruitment',
  navigation: { recruitment: 'Recruitment', capability: 'Capability process' },
  indicatorLabel: 'WDES metric',
  crumb: (base, year) => ({ href: `${base}/wdes`, text: `WDES ${year}` }),
};

/** Where a measure's page is; the first measure of a family keeps the address ".../monthly". */
export function familyPath(family: MonthlyFamily, base: string, key: string): string {
  return key === family.first ? `${base}${family.prefix}/monthly` : `${base}${family.prefix}/monthly/${key}`;
}

/** What audit records name a family's page or download: "monthly/2025/training", "wdes/2025/monthly/capability". */
export function auditSubject(family: MonthlyFamily, year: number, key: string): string {
  return family.standard === 'WRES' ? `monthly/${year}/${key}` : `wdes/${year}/monthly/${key}`;
}

/** The download's file name: "monthly-training-RXX-2025.csv", "wdes-monthly-capability-RXX-2025.csv". */
export function csvFileName(family: MonthlyFamily, key: string, code: string, year: number): string {
  return `${family.standard === 'WRES' ? '' : 'wdes-'}monthly-${key}-${code}-${year}.csv`;
}

function chartPrefix(family: MonthlyFamily, name: string): string {
  return family.standard === 'WRES' ? name : `wdes-${name}`;
}

function chartOf(family: MonthlyFamily, series: MonthlySeriesView<string>, measure: AnyMonthlyMeasure): string | null {
  if (series.known === 0) return null;
  return spcChart(series.result.points, {
    id: chartId(chartPrefix(family, 'monthly'), `${measure.key}-${series.key}`), title: series.heading, yLabel: series.heading, unit: series.unit,
    variation: series.result.variation, assurance: series.result.assurance, showLimits: series.showLimits,
    referenceLine: series.unit === 'ratio' ? 1 : null,
  });
}

/** The Making Data Count icons for a series with limits; none for a run chart, which has no reading. */
function iconsOf(family: MonthlyFamily, series: MonthlySeriesView<string>, measure: AnyMonthlyMeasure): { variation: string; assurance: string } | null {
  if (!series.showLimits || !series.result.variation) return null;
  return {
    variation: variationIconSvg(series.result.variation, { id: chartId(chartPrefix(family, 'variation'), `${measure.key}-${series.key}`) }),
    assurance: assuranceIconSvg(series.result.assurance, { id: chartId(chartPrefix(family, 'assurance'), `${measure.key}-${series.key}`) }),
  };
}

/** Every figure formatted as the chart writes it, so the table and the chart say the same. */
function tableRows(measure: AnyMonthlyMeasure, series: MonthlySeriesView<string>) {
  const { groups } = measure;
  const format = formatSpcValue(series.unit);
  const maybe = (v: number | null) => (v === null ? '–' : format(v));
  const range = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '–' : `${format(lo)} to ${format(hi)}`);
  const counts = (c: EventCount | null) => (c ? `${formatCount(c.events)} of ${formatCount(c.population)}` : 'Withheld');
  return series.rows.map((r) => ({
    ...r,
    referenceText: counts(r[groups.reference] ?? null),
    focusText: counts(r[groups.focus] ?? null),
    valueText: r.reason ? `No figure: ${r.reason.charAt(0).toLowerCase()}${r.reason.slice(1)}` : maybe(r.value),
    intervalText: range(r.ci95?.[0] ?? null, r.ci95?.[1] ?? null),
    meanText: maybe(r.mean),
    limitsText: range(r.lpl, r.upl),
  }));
}

/** The series as the page shows them: each chart, its icons and the table of the same numbers. */
export function monthlySeriesSections(family: MonthlyFamily, measure: AnyMonthlyMeasure, views: readonly MonthlySeriesView<string>[]) {
  return views.map((view) => ({ view, chart: chartOf(family, view, measure), rows: tableRows(measure, view), icons: iconsOf(family, view, measure) }));
}

/** The table headings of the two groups: "White", "Ethnic minority"; "Non-disabled", "Disabled". */
export function groupHeadings(measure: AnyMonthlyMeasure): { readonly reference: string; readonly focus: string } {
  return { reference: capitalised(measure.groups, measure.groups.reference), focus: capitalised(measure.groups, measure.groups.focus) };
}

/**
 * One row per series per month, always with disclosure control: the download leaves the analyst's view. Columns are
 * named after the groups: white_appointed … ethnic_minority_shortlisted for WRES, non_disabled_… disabled_… for WDES.
 */
export function monthlyCsv(measure: AnyMonthlyMeasure, views: readonly MonthlySeriesView<string>[]): string {
  const { groups } = measure;
  const unitName = { ratio: 'ratio', pct: 'percent', per1000: 'per_1000', count: 'count' } as const;
  const rateName = `${groups.adjective(groups.focus).toLowerCase()} rate`;
  const rows = views.flatMap((series) => series.rows.map((r) => {
    const reference = r[groups.reference] ?? null;
    const focus = r[groups.focus] ?? null;
    return [
      measure.key, series.key === 'likelihood' ? 'relative likelihood' : rateName, r.month,
      reference?.events, reference?.population, focus?.events, focus?.population,
      r.value, unitName[series.unit], r.ci95?.[0], r.ci95?.[1], r.value === null ? null : r.smallNumbers,
      r.mean, r.lpl, r.upl, r.pointType, r.specialCause, r.reason,
    ];
  }));
  const [reference, focus] = [columnName(groups, groups.reference), columnName(groups, groups.focus)];
  const header = [
    'measure', 'series', 'month',
    `${reference}_${measure.eventsHeading}`, `${reference}_${measure.populationHeading}`,
    `${focus}_${measure.eventsHeading}`, `${focus}_${measure.populationHeading}`,
    'value', 'unit', 'ci95_low', 'ci95_high', 'small_numbers', 'mean', 'lower_process_limit', 'upper_process_limit', 'point_type', 'special_cause', 'no_figure_because',
  ].map((h) => h.replace(/[ ,]+/g, '_'));
  return csvText(header, rows);
}
