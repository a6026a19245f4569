/**
 * Reports of the standards beside WRES, from what an import stored: WDES from its counts, pay gaps from the minimal
 * per-person pay inputs. Like the WRES report service, everything is read for one version, so a page never mixes
 * one import's counts with another's notes.
 */
import { payGapReport, type PayGapReport } from '../core/paygap/report.ts';
import type { PayPerson } from '../core/paygap/pay-person.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
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
