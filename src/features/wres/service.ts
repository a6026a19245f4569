/**
 * The WRES pages' use-cases, with no HTTP: an organisation's stored WRES report for a year (breakdowns suppressed or
 * not), the year before's for the dashboard's changes, and every imported year's for an indicator's trend.
 */
import type { WresReport } from '../../core/wres/report.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** The year's report, or null when the year has no WRES import. */
export function wresReport(services: WithStore, organisationId: number, year: number, suppressBreakdowns: boolean): Promise<WresReport | null> {
  return wresReportFor(services.store, organisationId, year, { suppressBreakdowns });
}

/** The year before's headline report, for the dashboard's changes; null when that year was not imported. */
export async function previousYearReport(services: WithStore, organisationId: number, year: number, years: readonly number[]): Promise<WresReport | null> {
  return years.includes(year - 1) ? wresReportFor(services.store, organisationId, year - 1, { suppressBreakdowns: true }) : null;
}

/** Every imported year's headline report, for an indicator's trend. */
export async function everyYearReport(services: WithStore, organisationId: number, years: readonly number[]): Promise<WresReport[]> {
  const reports = await Promise.all(years.map((y) => wresReportFor(services.store, organisationId, y, { suppressBreakdowns: true })));
  return reports.filter((r): r is WresReport => r !== null);
}
