/**
 * The WDES pages' use-cases, with no HTTP: an organisation's stored WDES report for a year, and the headline reports
 * of every imported year up to it for the year-by-year page.
 */
import type { WdesReport } from '../../core/wdes/report.ts';
import { wdesReportFor } from '../../services/standards-report-service.ts';
import type { Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** The year's report, or null when the year has no WDES import. */
export function wdesReport(services: WithStore, organisationId: number, year: number, suppressBreakdowns: boolean): Promise<WdesReport | null> {
  return wdesReportFor(services.store, organisationId, year, { suppressBreakdowns });
}

/** Headline figures only (no breakdown is read) of every imported year up to `year`. */
export async function wdesReportsTo(services: WithStore, organisationId: number, year: number): Promise<WdesReport[]> {
  const years = (await services.store.organisations.years(organisationId)).filter((y) => y <= year);
  return (await Promise.all(years.map((y) => wdesReportFor(services.store, organisationId, y, { suppressBreakdowns: true }))))
    .filter((r): r is WdesReport => r !== null);
}
