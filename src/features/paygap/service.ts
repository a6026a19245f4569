/**
 * The pay gap page's use-case, with no HTTP: an organisation's stored pay gap report for a year, against White or
 * White British staff, for sharing (small groups withheld) or for the organisation's analysts.
 */
import type { PayGapReport } from '../../core/paygap/report.ts';
import { payGapFor } from '../../services/standards-report-service.ts';
import type { Store } from '../../store/store.ts';

export type EthnicityReference = 'white' | 'whiteBritish';

/** The `reference` query parameter: White British when asked for, White otherwise. */
export function readReference(raw: unknown): EthnicityReference {
  return raw === 'white-british' ? 'whiteBritish' : 'white';
}

export function payGapReport(services: { readonly store: Store }, organisationId: number, year: number, reference: EthnicityReference, forSharing: boolean): Promise<PayGapReport | null> {
  return payGapFor(services.store, organisationId, year, { ethnicityReference: reference, forSharing });
}
