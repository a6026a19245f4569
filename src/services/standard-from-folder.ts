/**
 * Any standard's report from a folder of canonical files (the command line's way): read and check every file,
 * count, and build the report with the same function a stored import uses, so both give the same JSON for the same
 * files. Where the standard uses the previous year, that year's folder is read and counted too.
 */
import { basename, dirname, join } from 'node:path';
import { existsSync } from 'node:fs';
import type { Problem, Result } from '../core/problem.ts';
import type { SourceFile, WorkforceDataset } from '../core/records.ts';
import type { StreamCount } from '../core/counting/stream-count.ts';
import type { AnyStandard, StandardReportOptions } from '../core/standards/standard.ts';
import { reportingPeriod, type ReportingPeriod } from '../core/wres/reporting-period.ts';
import { streamCounter } from '../core/standards/stream-counters.ts';
import type { TwinCounter } from '../ingest/count-apart.ts';
import { countWorkforceFolder, loadWorkforceFolder } from '../ingest/load-folder.ts';

export interface FolderReportOptions extends StandardReportOptions {
  readonly year: number;
  /** The previous year's folder; undefined looks for a sibling folder named after the year before, null uses none. */
  readonly previousFolder?: string | null;
}

export type CountedFolder<C> =
  | { readonly ok: true; readonly counts: C; readonly notes: string[]; readonly sources: readonly SourceFile[] }
  | { readonly ok: false; readonly problems: readonly Problem[] };

/** A standard's counting: of a whole dataset, and, where it has one, of records as they are read (core/counting/stream-count.ts). */
export type FolderCount<C> = ((dataset: WorkforceDataset, period: ReportingPeriod) => Result<C>) | {
  readonly count: (dataset: WorkforceDataset, period: ReportingPeriod) => Result<C>;
  readonly streamCount?: ((period: ReportingPeriod) => StreamCount<C>) | undefined;
};

/**
 * Reads a folder and counts it for one standard; any standard's counting function fits. A standard that counts
 * records as they are read is given them so, and no record of the large files is kept; the counts and the problems
 * are the same either way.
 */
export async function countFolder<C>(folder: string, year: number, count: FolderCount<C>): Promise<CountedFolder<C>> {
  const period = reportingPeriod(year);
  const streamCount = typeof count === 'function' ? undefined : count.streamCount;
  if (streamCount) {
    const read = await countWorkforceFolder(folder, { year }, streamCount(period), twinOf(count, year));
    if (!read.ok) return read;
    if (!read.counted.ok) return { ok: false, problems: read.counted.problems };
    return { ok: true, counts: read.counted.value, notes: read.notes, sources: read.sources };
  }
  const loaded = await loadWorkforceFolder(folder, { year });
  if (!loaded.ok) return loaded;
  const counted = (typeof count === 'function' ? count : count.count)(loaded.dataset, period);
  if (!counted.ok) return { ok: false, problems: counted.problems };
  return { ok: true, counts: counted.value, notes: loaded.notes, sources: loaded.dataset.sources };
}

/**
 * The standard and year a counter on another thread can be made a twin of (ingest/count-apart.ts): only a standard
 * whose streaming counter is its entry in STREAM_COUNTERS, which that thread makes its counter from.
 */
function twinOf(count: FolderCount<unknown>, year: number): TwinCounter | undefined {
  if (typeof count === 'function' || !('id' in count) || typeof count.id !== 'string') return undefined;
  const counter = streamCounter(count.id);
  return counter !== null && counter === count.streamCount ? { standard: count.id, year } : undefined;
}

/** This year's and, when there is one, the previous year's folder, counted; problems from both, located. */
export async function countYearAndPrevious<C>(
  folder: string,
  year: number,
  previousFolder: string | null | undefined,
  count: FolderCount<C>,
): Promise<{ ok: true; current: Extract<CountedFolder<C>, { ok: true }>; previous: Extract<CountedFolder<C>, { ok: true }> | null } | { ok: false; problems: readonly Problem[] }> {
  const current = await countFolder(folder, year, count);
  const previousPath = previousFolder === undefined ? siblingPreviousYearFolder(folder, year) : previousFolder;
  const previous = previousPath ? await countFolder(previousPath, year - 1, count) : null;
  const problems = [
    ...(current.ok ? [] : current.problems),
    ...(previous && !previous.ok ? previous.problems.map((p) => ({ ...p, file: join(previousPath ?? '', p.file) })) : []),
  ];
  if (!current.ok || (previous && !previous.ok)) return { ok: false, problems };
  return { ok: true, current, previous: previous?.ok ? previous : null };
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

export type FolderReport<R> = { readonly ok: true; readonly report: R } | { readonly ok: false; readonly problems: readonly Problem[] };

/** The standard's report of one year's folder, with the previous year's where the standard uses it. */
export async function standardFromFolder(standard: AnyStandard, folder: string, options: FolderReportOptions): Promise<FolderReport<unknown>> {
  const previousFolder = standard.previousYearUse === null ? null : options.previousFolder;
  const counted = await countYearAndPrevious(folder, options.year, previousFolder, standard);
  if (!counted.ok) return counted;
  const { current, previous } = counted;
  const report = standard.report(
    { counts: current.counts, previous: previous?.counts ?? null, notes: current.notes, sources: current.sources },
    options,
  );
  return { ok: true, report };
}
