/**
 * The WRES report from a folder of canonical files, typed: the registry's WRES standard through the one folder
 * pipeline (standard-from-folder.ts), which a stored import's report shares, so both give the same JSON.
 */
import type { Problem } from '../core/problem.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
import { WRES_STANDARD } from '../core/standards/wres.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import type { WresReport } from '../core/wres/report.ts';
import { standardFromFolder } from './standard-from-folder.ts';

export interface FromFolderOptions {
  readonly year: number;
  /** Folder of the previous year's files, for the two-year figure; undefined looks for a sibling, null uses none. */
  readonly previousFolder?: string | null;
  readonly policy?: DisclosurePolicy;
  readonly suppressBreakdowns?: boolean;
}

export type FromFolderResult<R> = { readonly ok: true; readonly report: R } | { readonly ok: false; readonly problems: readonly Problem[] };

export async function wresFromFolder(folder: string, options: FromFolderOptions): Promise<FromFolderResult<WresReport>> {
  const result = await standardFromFolder(WRES_STANDARD, folder, {
    ...options, policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: options.suppressBreakdowns ?? true, settings: {},
  });
  return result.ok ? { ok: true, report: result.report as WresReport } : result;
}
