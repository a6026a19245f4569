/** The WDES report from a folder of canonical files, typed: the twin of wres-from-folder.ts. */
import { WDES_STANDARD } from '../core/standards/wdes.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import type { WdesReport } from '../core/wdes/report.ts';
import { standardFromFolder } from './standard-from-folder.ts';
import type { FromFolderOptions, FromFolderResult } from './wres-from-folder.ts';

export async function wdesFromFolder(folder: string, options: FromFolderOptions): Promise<FromFolderResult<WdesReport>> {
  const result = await standardFromFolder(WDES_STANDARD, folder, {
    ...options, policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: options.suppressBreakdowns ?? true, settings: {},
  });
  return result.ok ? { ok: true, report: result.report as WdesReport } : result;
}
