/**
 * The WRES report of an organisation's stored year, typed: the registry's WRES standard through the one stored
 * report pipeline (standard-reports.ts), which the folder pipeline shares, so API and command line agree.
 */
import { WRES_STANDARD } from '../core/standards/wres.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
import type { WresCounts } from '../core/wres/count.ts';
import type { WresReport } from '../core/wres/report.ts';
import type { Store } from '../store/store.ts';
import { currentCounts, type CurrentImports, storedReport } from './standard-reports.ts';

export interface WresReportOptions {
  readonly policy?: DisclosurePolicy;
  /** Apply disclosure control to breakdowns (default true). */
  readonly suppressBreakdowns?: boolean;
  /** The organisation's current versions, when the caller has read them already (standard-reports.ts). */
  readonly current?: CurrentImports;
}

/** The report of the current version of a stored year, or null when that year has not been imported. */
export async function wresReportFor(store: Store, organisationId: number, year: number, options: WresReportOptions = {}): Promise<WresReport | null> {
  return (await storedReport(store, WRES_STANDARD, organisationId, year, options)) as WresReport | null;
}

/** The WRES counts of the current version of a stored year, or null. */
export function wresCountsFor(store: Store, organisationId: number, year: number): Promise<WresCounts | null> {
  return currentCounts<WresCounts>(store, WRES_STANDARD, organisationId, year);
}
