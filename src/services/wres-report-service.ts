/**
 * The WRES report of an organisation's stored year. It is assembled by the same function as the report of a
 * folder (`mirror wres`), from the same counts, sources and notes, so the API returns exactly the JSON the
 * command line prints for the same files.
 */
import type { SourceFile } from '../core/records.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../core/stats/disclosure.ts';
import type { WresCounts } from '../core/wres/count.ts';
import { buildWresReport, type WresReport } from '../core/wres/report.ts';
import type { Store } from '../store/store.ts';

export interface WresReportOptions {
  readonly policy?: DisclosurePolicy;
  /** Apply disclosure control to breakdowns (default true). */
  readonly suppressBreakdowns?: boolean;
}

export interface WresReportInputs {
  readonly counts: WresCounts;
  /** Notes from reading the files (encodings, skipped rows, ignored files). */
  readonly fileNotes: readonly string[];
  readonly sources: readonly SourceFile[];
  /** The previous year's counts, for indicator 3's two-year figure, or null. */
  readonly previous: WresCounts | null;
}

/** Says where the two-year figure's other year came from, without any path, so files and store say the same. */
export function previousYearNote(previousYear: number, figure = 'indicator 3'): string {
  return `The previous year's (${previousYear}) data were used for the two-year figure of ${figure}.`;
}

/** The one place a WRES report is put together, whether the counts come from files or from the store. */
export function assembleWresReport(inputs: WresReportInputs, options: WresReportOptions = {}): WresReport {
  const notes = [...inputs.counts.notes, ...inputs.fileNotes];
  if (inputs.previous) notes.push(previousYearNote(inputs.previous.period.year));
  return buildWresReport({ ...inputs.counts, notes }, {
    policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY,
    suppressBreakdowns: options.suppressBreakdowns ?? true,
    previous: inputs.previous,
    sources: inputs.sources,
  });
}

/** The report of the current version of a stored year, or null when that year has not been imported. */
export async function wresReportFor(
  store: Store,
  organisationId: number,
  year: number,
  options: WresReportOptions = {},
): Promise<WresReport | null> {
  const current = await store.imports.current(organisationId, year);
  // Counts by version id, not by year, so sources, notes and counts come from the same version even mid-import.
  const counts = current ? await store.imports.countsOf(current.id) : null;
  if (!current || !counts) return null;
  const previous = await store.imports.counts(organisationId, year - 1);
  return assembleWresReport({ counts, fileNotes: current.notes, sources: current.sources, previous }, options);
}
