/**
 * The WRES pipeline from a folder of canonical files: read and check every file, count, and build the report.
 * Used by the command line; nothing here prints or exits. The report is assembled by the same function as the
 * report of a stored import (wres-report-service.ts), so both give the same JSON for the same files.
 */
import { basename, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Problem, Result } from '../core/problem.ts';
import type { SourceFile, WorkforceDataset } from '../core/records.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
import { countWres, type WresCounts } from '../core/wres/count.ts';
import type { WresReport } from '../core/wres/report.ts';
import { reportingPeriod, type ReportingPeriod } from '../core/wres/reporting-period.ts';
import { loadWorkforceFolder } from '../ingest/load-folder.ts';
import { assembleWresReport } from './wres-report-service.ts';

export interface WresFromFolderOptions {
  readonly year: number;
  /** Folder of the previous year's files, for indicator 3's two-year figure. */
  readonly previousFolder?: string | null;
  readonly policy?: DisclosurePolicy;
  readonly suppressBreakdowns?: boolean;
}

export type WresFromFolderResult =
  | { readonly ok: true; readonly report: WresReport; readonly counts: WresCounts }
  | { readonly ok: false; readonly problems: readonly Problem[] };

export type CountedFolder<C> =
  | { readonly ok: true; readonly counts: C; readonly notes: string[]; readonly sources: readonly SourceFile[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** Reads a folder and counts it for one standard; any standard's counting function fits. */
export async function countFolder<C>(
  folder: string,
  year: number,
  count: (dataset: WorkforceDataset, period: ReportingPeriod) => Result<C>,
): Promise<CountedFolder<C>> {
  const loaded = await loadWorkforceFolder(folder, { year });
  if (!loaded.ok) return loaded;
  const counted = count(loaded.dataset, reportingPeriod(year));
  if (!counted.ok) return { ok: false, problems: counted.problems };
  return { ok: true, counts: counted.value, notes: loaded.notes, sources: loaded.dataset.sources };
}

/** This year's and, when there is one, the previous year's folder, counted; problems from both, located. */
export async function countYearAndPrevious<C>(
  folder: string,
  year: number,
  previousFolder: string | null | undefined,
  count: (dataset: WorkforceDataset, period: ReportingPeriod) => Result<C>,
): Promise<{ ok: true; current: Extract<CountedFolder<C>, { ok: true }>; previous: Extract<CountedFolder<C>, { ok: true }> | null } | { ok: false; problems: readonly Problem[] }> {
  const current = await countFolder(folder, year, count);
  const previousPath = previousFolder === undefined ? siblingPreviousYearFolder(folder, year) : previousFolder;
  const previous = previousPath ? await countFolder(previousPath, year - 1, count) : null;
  const problems = [
    ...(current.ok ? [] : current.problems),
    ...(previous && !previous.ok ? previous.problems.map((p) => ({ ...p, file: join(previousPath ?? '', p.file) })) : []),
  ];
  if (!current.ok || (previous && !previous.ok)) return { ok: false, problems };
  return { ok: true, current, previous: previous && previous.ok ? previous : null };
}

/**
 * Where the folder is named after its year (".../2025"), a sibling named after the year before (".../2024") is taken
 * as the previous year, so the two-year figure appears without extra options.
 */
export function siblingPreviousYearFolder(folder: string, year: number): string | null {
  if (basename(folder) !== String(year)) return null;
  const sibling = join(dirname(folder), String(year - 1));
  return existsSync(sibling) ? sibling : null;
}

export async function wresFromFolder(folder: string, options: WresFromFolderOptions): Promise<WresFromFolderResult> {
  const counted = await countYearAndPrevious(folder, options.year, options.previousFolder, countWres);
  if (!counted.ok) return counted;
  const { current, previous } = counted;
  const report = assembleWresReport(
    { counts: current.counts, fileNotes: current.notes, sources: current.sources, previous: previous?.counts ?? null },
    { policy: options.policy, suppressBreakdowns: options.suppressBreakdowns },
  );
  return { ok: true, report, counts: current.counts };
}
