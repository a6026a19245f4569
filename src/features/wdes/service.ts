/**
 * The WDES pages' use-cases, with no HTTP: an organisation's stored WDES report for a year, and the headline reports
 * of every imported year up to it for the year-by-year page.
 */
import type { WdesReport } from '../../core/wdes/report.ts';
import type { CurrentImports } from '../../services/standard-reports.ts';
import { wdesReportFor } from '../../services/standards-report-service.ts';
import type { Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/**
 * The year's report, or null when the year has no WDES import. Each function here takes the organisation's current
 * versions as the request read them (web/organisation-year.ts), so none reads them again.
 */
export function wdesReport(services: WithStore, current: CurrentImports, year: number, suppressBreakdowns: boolean): Promise<WdesReport | null> {
  return wdesReportFor(services.store, current.organisationId, year, { suppressBreakdowns, current });
}

/** Headline figures only (no breakdown is read) of every imported year up to `year`. */
export async function wdesReportsTo(services: WithStore, current: CurrentImports, year: number): Promise<WdesReport[]> {
  const years = current.years.filter((y) => y <= year);
  return (await Promise.all(years.map((y) => wdesReportFor(services.store, current.organisationId, y, { suppressBreakdowns: true, current }))))
    .filter((r): r is WdesReport => r !== null);
}
