/** The WDES report from a folder of canonical files, typed: the twin of wres-from-folder.ts. */
import { WDES_COMPARED } from '../core/disability/characteristic.ts';
import type { Problem } from '../core/problem.ts';
import { WDES_STANDARD } from '../core/standards/wdes.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import { bandShareYearOf } from '../core/targets/band-shares.ts';
import type { BandShareYear } from '../core/targets/model-employer.ts';
import type { WdesReport } from '../core/wdes/report.ts';
import { countFolder, standardFromFolder } from './standard-from-folder.ts';
import type { FromFolderOptions, FromFolderResult } from './wres-from-folder.ts';

export async function wdesFromFolder(folder: string, options: FromFolderOptions): Promise<FromFolderResult<WdesReport>> {
  const result = await standardFromFolder(WDES_STANDARD, folder, {
    ...options, policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: options.suppressBreakdowns ?? true, settings: {},
  });
  return result.ok ? { ok: true, report: result.report as WdesReport } : result;
}

/** One year's headcounts of everyone and of Disabled staff, overall and per band, for targets (`mirror targets --standard wdes`). */
export async function wdesTargetYearFromFolder(
  folder: string,
  year: number,
): Promise<{ readonly ok: true; readonly year: BandShareYear } | { readonly ok: false; readonly problems: readonly Problem[] }> {
  const counted = await countFolder(folder, year, WDES_STANDARD);
  if (!counted.ok) return counted;
  return { ok: true, year: bandShareYearOf(WDES_COMPARED, year, counted.counts.workforce) };
}
