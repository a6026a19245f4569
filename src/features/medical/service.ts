/**
 * The medical workforce page's use-case, with no HTTP: an organisation's stored medical workforce report for a year;
 * null when the year's import predates medical counts.
 */
import type { MedicalReport } from '../../core/medical/report.ts';
import type { CurrentImports } from '../../services/standard-reports.ts';
import { medicalReportFor } from '../../services/standards-report-service.ts';
import type { Store } from '../../store/store.ts';

/** Takes the organisation's current versions as the request read them (web/organisation-year.ts), so it reads them once. */
export function medicalReport(services: { readonly store: Store }, current: CurrentImports, year: number, suppressBreakdowns: boolean): Promise<MedicalReport | null> {
  return medicalReportFor(services.store, current.organisationId, year, { suppressBreakdowns, current });
}
