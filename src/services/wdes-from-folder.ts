/**
 * The WDES pipeline from a folder of canonical files, the twin of wres-from-folder.ts: the same reading and checks,
 * counted through the disability lens, with the previous year's capability cases for metric 3's two-year figure.
 */
import type { Problem } from '../core/problem.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
import { countWdes } from '../core/wdes/count.ts';
import { buildWdesReport, type WdesReport } from '../core/wdes/report.ts';
import { countYearAndPrevious } from './wres-from-folder.ts';
import { previousYearNote } from './wres-report-service.ts';

export interface WdesFromFolderOptions {
  readonly year: number;
  readonly previousFolder?: string | null;
  readonly policy?: DisclosurePolicy;
  readonly suppressBreakdowns?: boolean;
}

export async function wdesFromFolder(
  folder: string,
  options: WdesFromFolderOptions,
): Promise<{ readonly ok: true; readonly report: WdesReport } | { readonly ok: false; readonly problems: readonly Problem[] }> {
  const counted = await countYearAndPrevious(folder, options.year, options.previousFolder, countWdes);
  if (!counted.ok) return counted;
  const { current, previous } = counted;
  const notes = [...current.counts.notes, ...current.notes, ...(previous ? [previousYearNote(previous.counts.period.year, 'metric 3')] : [])];
  return {
    ok: true,
    report: buildWdesReport({ ...current.counts, notes }, {
      policy: options.policy, suppressBreakdowns: options.suppressBreakdowns, previous: previous?.counts ?? null, sources: current.sources,
    }),
  };
}
