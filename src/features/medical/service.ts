/**
 * The medical workforce page's use-case, with no HTTP: an organisation's stored medical workforce report for a year;
 * null when the year's import predates medical counts.
 */
import type { MedicalReport } from '../../core/medical/report.ts';
import { medicalReportFor } from '../../services/standards-report-service.ts';
import type { Store } from '../../store/store.ts';

export function medicalReport(services: { readonly store: Store }, organisationId: number, year: number, suppressBreakdowns: boolean): Promise<MedicalReport | null> {
  return medicalReportFor(services.store, organisationId, year, { suppressBreakdowns });
}
