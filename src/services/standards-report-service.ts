/**
 * Typed reports of the standards beside WRES, from what an import stored: each the registry's standard through
 * the one stored report pipeline (standard-reports.ts).
 */
import { WDES_COMPARED } from '../core/disability/characteristic.ts';
import type { MedicalReport } from '../core/medical/report.ts';
import type { PayGapReport } from '../core/paygap/report.ts';
import { MEDICAL_STANDARD, PAY_GAP_STANDARD, WDES_STANDARD } from '../core/standards/index.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
import { bandShareYearOf } from '../core/targets/band-shares.ts';
import type { BandShareYear } from '../core/targets/model-employer.ts';
import type { WdesCounts } from '../core/wdes/count.ts';
import type { WdesReport } from '../core/wdes/report.ts';
import type { Store } from '../store/store.ts';
import { type CurrentImports, currentCounts, storedReport } from './standard-reports.ts';

interface Options {
  readonly policy?: DisclosurePolicy;
  readonly suppressBreakdowns?: boolean;
  /** The organisation's current versions, when the caller has read them already (standard-reports.ts). */
  readonly current?: CurrentImports;
}

export async function wdesReportFor(store: Store, organisationId: number, year: number, options: Options = {}): Promise<WdesReport | null> {
  return (await storedReport(store, WDES_STANDARD, organisationId, year, options)) as WdesReport | null;
}

export async function payGapFor(
  store: Store,
  organisationId: number,
  year: number,
  options: { ethnicityReference?: 'white' | 'whiteBritish'; forSharing?: boolean; current?: CurrentImports } = {},
): Promise<PayGapReport | null> {
  const settings = { 'ethnicity-reference': options.ethnicityReference === 'whiteBritish' ? 'white-british' : 'white' };
  return (await storedReport(store, PAY_GAP_STANDARD, organisationId, year, { suppressBreakdowns: options.forSharing ?? true, settings, current: options.current })) as PayGapReport | null;
}

/**
 * The medical workforce report: exactly what `mirror medical` prints for the same files. Null when the year has no
 * import, or when its import was made before Mirror kept medical counts; the year must then be imported again.
 */
export async function medicalReportFor(store: Store, organisationId: number, year: number, options: Options = {}): Promise<MedicalReport | null> {
  return (await storedReport(store, MEDICAL_STANDARD, organisationId, year, options)) as MedicalReport | null;
}

/**
 * Each year's headcounts of everyone and of Disabled staff, overall and per band, for Disabled staff's targets and
 * trajectories, from the WDES counts kept at import; years without them are left out. Oldest first. Given the
 * organisation's current versions as a request read them, they are not read again.
 */
export async function wdesTargetYears(store: Store, organisationId: number, years: readonly number[], known?: CurrentImports): Promise<BandShareYear[]> {
  const out: BandShareYear[] = [];
  for (const year of [...years].sort((a, b) => a - b)) {
    const counts = await currentCounts<WdesCounts>(store, WDES_STANDARD, organisationId, year, known);
    if (counts) out.push(bandShareYearOf(WDES_COMPARED, year, counts.workforce));
  }
  return out;
}
