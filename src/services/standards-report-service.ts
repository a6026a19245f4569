/**
 * Reports of the standards beside WRES, from what an import stored: WDES and the medical workforce from their
 * counts, pay gaps from the minimal per-person pay inputs. Like the WRES report service, everything is read for one version, so a page never mixes
 * one import's counts with another's notes.
 */
import { payGapReport, type PayGapReport } from '../core/paygap/report.ts';
import type { PayPerson } from '../core/paygap/pay-person.ts';
import { buildMedicalReportFromCounts, type MedicalCounts, type MedicalReport } from '../core/medical/report.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../core/stats/disclosure.ts';
import type { WdesCounts } from '../core/wdes/count.ts';
import { buildWdesReport, type WdesReport } from '../core/wdes/report.ts';
import type { Store } from '../store/store.ts';
import { previousYearNote } from './wres-report-service.ts';

export async function wdesReportFor(
  store: Store,
  organisationId: number,
  year: number,
  options: { policy?: DisclosurePolicy; suppressBreakdowns?: boolean } = {},
): Promise<WdesReport | null> {
  const current = await store.imports.current(organisationId, year);
  const counts = current ? ((await store.imports.standardCountsOf(current.id, 'wdes')) as WdesCounts | null) : null;
  if (!current || !counts) return null;
  const before = await store.imports.current(organisationId, year - 1);
  const previous = before ? ((await store.imports.standardCountsOf(before.id, 'wdes')) as WdesCounts | null) : null;
  const notes = [...counts.notes, ...current.notes, ...(previous ? [previousYearNote(previous.period.year, 'metric 3')] : [])];
  return buildWdesReport({ ...counts, notes }, { ...options, previous, sources: current.sources });
}

export async function payGapFor(
  store: Store,
  organisationId: number,
  year: number,
  options: { ethnicityReference?: 'white' | 'whiteBritish'; forSharing?: boolean } = {},
): Promise<PayGapReport | null> {
  const current = await store.imports.current(organisationId, year);
  const people = current ? ((await store.imports.standardCountsOf(current.id, 'payPeople')) as PayPerson[] | null) : null;
  if (!current || !people) return null;
  return payGapReport(people, { ethnicityReference: options.ethnicityReference ?? 'white', forSharing: options.forSharing ?? true });
}

/**
 * The medical workforce report, from the counts kept at import: exactly what `mirror medical` prints for the same
 * files (so no import notes are added, as the command line adds none). Null when the year has no import, or when its
 * import was made before Mirror kept medical counts; the year must then be imported again.
 */
export async function medicalReportFor(
  store: Store,
  organisationId: number,
  year: number,
  options: { policy?: DisclosurePolicy; suppressBreakdowns?: boolean } = {},
): Promise<MedicalReport | null> {
  const current = await store.imports.current(organisationId, year);
  const counts = current ? ((await store.imports.standardCountsOf(current.id, 'medical')) as MedicalCounts | null) : null;
  if (!current || !counts) return null;
  return buildMedicalReportFromCounts(counts, { policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: options.suppressBreakdowns ?? true });
}
