/**
 * Any registered standard's report of an organisation's stored year, from the counts its import kept: the same
 * report function as a folder's (standard-from-folder.ts), so the API returns exactly the JSON the command line
 * prints for the same files. Counts, sources and notes are all read for one version, so a page never mixes one
 * import's counts with another's notes.
 */
import { settingValues, type AnyStandard, type StandardReportOptions } from '../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import type { Store } from '../store/store.ts';

export interface StoredReportOptions extends Partial<Omit<StandardReportOptions, 'settings'>> {
  /** The standard's settings by name; missing ones take their defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
}

/** The standard's counts of the current version of a year, or null when the year has none. */
export async function currentCounts<C>(store: Store, standard: AnyStandard, organisationId: number, year: number): Promise<C | null> {
  const current = await store.imports.current(organisationId, year);
  return current ? ((await store.imports.standardCountsOf(current.id, standard.id)) as C | null) : null;
}

/**
 * The report of the current version of a stored year, or null when that year has no import, or its import was made
 * before Mirror kept this standard's counts (the year must then be imported again).
 */
export async function storedReport(
  store: Store,
  standard: AnyStandard,
  organisationId: number,
  year: number,
  options: StoredReportOptions = {},
): Promise<unknown> {
  const current = await store.imports.current(organisationId, year);
  const counts = current ? await store.imports.standardCountsOf(current.id, standard.id) : null;
  if (!current || counts === null) return null;
  const previous = standard.previousYearUse === null ? null : await currentCounts(store, standard, organisationId, year - 1);
  return standard.report(
    { counts, previous, notes: current.notes, sources: current.sources },
    {
      policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY,
      suppressBreakdowns: options.suppressBreakdowns ?? true,
      settings: settingValues(standard.settings, options.settings),
    },
  );
}
