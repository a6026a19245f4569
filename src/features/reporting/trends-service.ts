/**
 * Trends of reports of racism and discrimination (issue 12, item 7), for any feature to call: the trend pages, the
 * board pack, the #InclusiveHR lived-experience step (a directorate's row of the year by directorate and category),
 * and the published report (its totals by category). No HTTP.
 *
 * A year is a reporting year (April to March, as the standards have it). Everyone but the organisation's handlers
 * gets only years that have ended, with disclosure control (core/reporting/trends.ts): a year's figures never change
 * once it has ended (counts are never lowered), so no two views of one year differ, and every caller shows the same
 * withheld figures. Handlers (`controlled: false`) see every count, the year in progress too, up to this month.
 */
import { dayOf } from '../../core/reporting/cases.ts';
import { NOT_GIVEN, reportingMonths, reportingYearOf, type Trends, trendsOf } from '../../core/reporting/trends.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { spc, type SpcResult } from '../../core/stats/spc/index.ts';
import type { Organisation, Store } from '../../store/store.ts';
import { settingsOf } from './settings-service.ts';

export interface TrendServices {
  readonly store: Store;
  readonly clock: () => Date;
}

/** Months with a figure needed before process limits are drawn (Making Data Count's usual minimum). */
export const MINIMUM_MONTHS_FOR_LIMITS = 12;

export interface ReportTrends {
  readonly year: number;
  /** False for the year in progress (handlers only): its months after this one are left out. */
  readonly complete: boolean;
  /** True when small counts are withheld (everyone but the handlers). */
  readonly controlled: boolean;
  readonly minimumCellSize: number;
  readonly trends: Trends;
  readonly categoryLabels: Readonly<Record<string, string>>;
  readonly directorateLabels: Readonly<Record<string, string>>;
  /** The months' totals as a Making Data Count series (more reports is not better or worse: "neutral"). */
  readonly spc: SpcResult;
  /** Months with a figure (not withheld). */
  readonly known: number;
  readonly showLimits: boolean;
}

export interface TrendOptions {
  /** True for the organisation's handlers: every count shown, and the year in progress offered. */
  readonly handler?: boolean;
  readonly policy?: DisclosurePolicy;
}

/** The reporting years with reports that this viewer may see, newest first. */
export async function trendYears(services: TrendServices, organisation: Pick<Organisation, 'id'>, options: TrendOptions = {}): Promise<number[]> {
  const first = await services.store.reporting.firstReportMonth(organisation.id);
  if (first === null) return [];
  const today = dayOf(services.clock());
  const last = options.handler ? reportingYearOf(today) : reportingYearOf(today) - 1;
  const years: number[] = [];
  for (let y = last; y >= reportingYearOf(first); y--) years.push(y);
  return years;
}

/**
 * The year's reports by month, category and directorate, with the months' totals as an SPC series; null when this
 * viewer may not see the year (not ended, for anyone but the handlers; or before any report).
 */
export async function reportTrends(services: TrendServices, organisation: Pick<Organisation, 'id'>, year: number, options: TrendOptions = {}): Promise<ReportTrends | null> {
  if (!(await trendYears(services, organisation, options)).includes(year)) return null;
  const policy = options.policy ?? DEFAULT_DISCLOSURE_POLICY;
  const thisMonth = dayOf(services.clock()).slice(0, 7);
  const months = reportingMonths(year).filter((m) => m <= thisMonth);
  const settings = await settingsOf(services.store, organisation.id);
  const counts = await services.store.reporting.reportCounts(organisation.id, months[0]!, months.at(-1)!);
  const trends = trendsOf(months, settings.categories.map((c) => c.key), settings.directorates.map((d) => d.key), counts, options.handler ? null : policy);
  const result = spc(months.map((m, i) => ({ date: m, value: trends.monthTotals[i] ?? null })), { direction: 'neutral' });
  const known = trends.monthTotals.filter((t) => t !== null).length;
  const labels = (list: readonly { key: string; label: string }[], keys: readonly string[]) =>
    Object.fromEntries(keys.map((k) => [k, k === NOT_GIVEN ? 'Not given' : list.find((e) => e.key === k)?.label ?? k]));
  return {
    year,
    complete: months.length === 12 && thisMonth > months[11]!,
    controlled: !options.handler,
    minimumCellSize: policy.minimumCellSize,
    trends,
    categoryLabels: labels(settings.categories, trends.byCategory.columns),
    directorateLabels: labels(settings.directorates, trends.byDirectorate.columns),
    spc: result,
    known,
    showLimits: known >= MINIMUM_MONTHS_FOR_LIMITS,
  };
}
