/**
 * Any standard's report of a scope (a directorate, a staff group, the medical workforce) from a folder of canonical
 * files: the command line's way. The whole year is read and counted first, so problems are found and located
 * exactly as without a scope; then the records are narrowed to the scope and counted and reported by the standard
 * (core/scopes/scoped-report.ts), the previous year's too where the standard has a two-year figure.
 */
import { join } from 'node:path';
import type { Problem } from '../core/problem.ts';
import type { WorkforceDataset } from '../core/records.ts';
import type { Scope } from '../core/scopes/scope.ts';
import { scopedReport, type ScopeDescription } from '../core/scopes/scoped-report.ts';
import type { AnyStandard } from '../core/standards/standard.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { loadWorkforceFolder } from '../ingest/load-folder.ts';
import { siblingPreviousYearFolder, type FolderReportOptions } from './standard-from-folder.ts';

export type ScopedFolderReport =
  | { readonly ok: true; readonly scope: ScopeDescription; readonly report: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly emptyScope: boolean };

type Loaded = { ok: true; dataset: WorkforceDataset; notes: string[] } | { ok: false; problems: Problem[] };

/** Reads a folder and counts it whole for the standard, so that any problem is found as it is without a scope. */
async function loadAndCheck(standard: AnyStandard, folder: string, year: number): Promise<Loaded> {
  const loaded = await loadWorkforceFolder(folder);
  if (!loaded.ok) return loaded;
  const counted = standard.count(loaded.dataset, reportingPeriod(year));
  if (!counted.ok) return { ok: false, problems: [...counted.problems] };
  return loaded;
}

export async function scopedStandardFromFolder(
  standard: AnyStandard,
  folder: string,
  scope: Scope,
  options: FolderReportOptions,
): Promise<ScopedFolderReport> {
  const current = await loadAndCheck(standard, folder, options.year);
  const previousPath = standard.previousYearUse === null ? null
    : options.previousFolder === undefined ? siblingPreviousYearFolder(folder, options.year) : options.previousFolder;
  const previous = previousPath ? await loadAndCheck(standard, previousPath, options.year - 1) : null;
  const problems = [
    ...(current.ok ? [] : current.problems),
    ...(previous && !previous.ok ? previous.problems.map((p) => ({ ...p, file: join(previousPath ?? '', p.file) })) : []),
  ];
  if (!current.ok || (previous && !previous.ok)) return { ok: false, problems, emptyScope: false };
  return scopedReport(standard, {
    dataset: current.dataset,
    period: reportingPeriod(options.year),
    previous: previous?.ok ? { dataset: previous.dataset, period: reportingPeriod(options.year - 1) } : null,
    notes: current.notes,
    sources: current.dataset.sources,
  }, scope, options);
}
