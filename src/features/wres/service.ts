/**
 * The WRES pages' use-cases, with no HTTP: an organisation's stored WRES report for a year (breakdowns suppressed or
 * not), the year before's for the dashboard's changes, and every imported year's for an indicator's trend.
 */
import type { WresReport } from '../../core/wres/report.ts';
import type { CurrentImports } from '../../services/standard-reports.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/**
 * The year's report, or null when the year has no WRES import. Each function here takes the organisation's current
 * versions as the request read them (web/organisation-year.ts), so none reads them again.
 */
export function wresReport(services: WithStore, current: CurrentImports, year: number, suppressBreakdowns: boolean): Promise<WresReport | null> {
  return wresReportFor(services.store, current.organisationId, year, { suppressBreakdowns, current });
}

/** The year before's headline report, for the dashboard's changes; null when that year was not imported. */
export async function previousYearReport(services: WithStore, current: CurrentImports, year: number): Promise<WresReport | null> {
  return current.years.includes(year - 1) ? wresReportFor(services.store, current.organisationId, year - 1, { suppressBreakdowns: true, current }) : null;
}

/** Every imported year's headline report, for an indicator's trend. */
export async function everyYearReport(services: WithStore, current: CurrentImports): Promise<WresReport[]> {
  const { organisationId, years } = current;
  const reports = await Promise.all(years.map((y) => wresReportFor(services.store, organisationId, y, { suppressBreakdowns: true, current })));
  return reports.filter((r): r is WresReport => r !== null);
}
