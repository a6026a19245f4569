/**
 * Any registered standard's report of an organisation's stored year, from the counts its import kept: the same
 * report function as a folder's (standard-from-folder.ts), so the API returns exactly the JSON the command line
 * prints for the same files. Counts, sources and notes are all read for one version, so a page never mixes one
 * import's counts with another's notes.
 */
import { settingValues, type AnyStandard, type StandardReportOptions } from '../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import type { ImportVersion, Store } from '../store/store.ts';
import { computedCache } from './computed-cache.ts';

export interface StoredReportOptions extends Partial<Omit<StandardReportOptions, 'settings'>> {
  /** The standard's settings by name; missing ones take their defaults. */
  readonly settings?: Readonly<Record<string, unknown>>;
  /** The organisation's current versions, when the caller has read them already (read here otherwise). */
  readonly current?: CurrentImports;
}

/**
 * An organisation's current import versions, read once (one query) and shared by what a request reads of them: a
 * page's year check, its reports and its validator, so no request reads the same versions twice.
 */
export interface CurrentImports {
  readonly organisationId: number;
  /** The years with a current import, newest first (as store.organisations.years gives them). */
  readonly years: readonly number[];
  readonly byYear: ReadonlyMap<number, ImportVersion>;
}

export async function currentImports(store: Store, organisationId: number): Promise<CurrentImports> {
  const versions = await store.imports.currentOfOrganisation(organisationId);
  return { organisationId, years: versions.map((v) => v.year), byYear: new Map(versions.map((v) => [v.year, v])) };
}

/**
 * The organisation's years with a current import, newest first: from `known` when it is that organisation's current
 * versions as a request read them, read from the store otherwise.
 */
export async function currentYears(store: Store, organisationId: number, known?: CurrentImports): Promise<readonly number[]> {
  return known?.organisationId === organisationId ? known.years : store.organisations.years(organisationId);
}

/** The standard's counts of the current version of a year, or null when the year has none (versions from `known` when given). */
export async function currentCounts<C>(store: Store, standard: AnyStandard, organisationId: number, year: number, known?: CurrentImports): Promise<C | null> {
  const current = known?.organisationId === organisationId ? known.byYear.get(year) : await store.imports.current(organisationId, year);
  return current ? ((await store.imports.standardCountsOf(current.id, standard.id)) as C | null) : null;
}

/**
 * The report of the current version of a stored year, or null when that year has no import, or its import was made
 * before Mirror kept this standard's counts (the year must then be imported again). Kept in the store's computed
 * cache (computed-cache.ts) under the ids of the versions read (the year's and, for a standard that uses it, the
 * year before's) and every option, so a new import of either year or another disclosure variant is a new entry.
 */
export async function storedReport(
  store: Store,
  standard: AnyStandard,
  organisationId: number,
  year: number,
  options: StoredReportOptions = {},
): Promise<unknown> {
  // Both years' versions in one query, or none when the caller has read the organisation's current versions already.
  const known = options.current?.organisationId === organisationId ? options.current.byYear : null;
  const [current, previousVersion] = known
    ? [known.get(year) ?? null, known.get(year - 1) ?? null]
    : await store.imports.currentOfYears(organisationId, standard.previousYearUse === null ? [year] : [year, year - 1]);
  if (!current) return null;
  return versionReport(store, standard, current, previousVersion?.id ?? null, options);
}

/**
 * The report of one import version, with the version of the year before that is read beside it (ignored for a
 * standard that does not use the year before): storedReport's once it has found them, in the same cache entry, for a
 * caller that has found the versions itself (the regional view, which finds every organisation's in one query).
 */
export async function versionReport(
  store: Store,
  standard: AnyStandard,
  current: Pick<ImportVersion, 'id' | 'notes' | 'sources'>,
  previousVersionId: number | null,
  options: StoredReportOptions = {},
): Promise<unknown> {
  const previousId = standard.previousYearUse === null ? null : previousVersionId;
  const reportOptions = {
    policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY,
    suppressBreakdowns: options.suppressBreakdowns ?? true,
    settings: settingValues(standard.settings, options.settings),
  };
  const key = JSON.stringify(['report', standardTag(standard), current.id, previousId, reportOptions]);
  return computedCache(store).get(key, async () => {
    const counts = await store.imports.standardCountsOf(current.id, standard.id);
    if (counts === null) return null;
    const previous = previousId !== null ? await store.imports.standardCountsOf(previousId, standard.id) : null;
    return standard.report({ counts, previous, notes: current.notes, sources: current.sources }, reportOptions);
  });
}

/** One tag per standard object, so that two registries' standards of the same id never share an entry. */
const tags = new WeakMap<AnyStandard, string>();
let tagCount = 0;
function standardTag(standard: AnyStandard): string {
  let tag = tags.get(standard);
  if (!tag) {
    tag = `${standard.id}#${tagCount++}`;
    tags.set(standard, tag);
  }
  return tag;
}
