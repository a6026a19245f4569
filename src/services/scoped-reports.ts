/**
 * Any standard's report of a scope (a directorate, a staff group, the medical workforce) of a stored year. Counts
 * are kept only for the whole organisation, so the scope is counted from the import's pseudonymised records, rebuilt
 * into the dataset the files gave (stored-records.ts), by the same scoped report as the command line's
 * (core/scopes/scoped-report.ts). A year imported before Mirror kept every counted field says so, and asks for the
 * year to be imported again, rather than give a figure from incomplete records.
 */
import type { WorkforceDataset } from '../core/records.ts';
import { scopeKey, scopeLabel, type Scope } from '../core/scopes/scope.ts';
import { scopedReport, type ScopeDescription } from '../core/scopes/scoped-report.ts';
import { settingValues, type AnyStandard } from '../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import { isMedical, type StaffGroup } from '../core/workforce/staff-group.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { RECORDS_FORMAT, type ImportVersion, type Store } from '../store/store.ts';
import { storedReport, type StoredReportOptions } from './standard-reports.ts';
import { fromStoredRecords } from './stored-records.ts';

export type ScopedStoredReport =
  | { readonly status: 'ok'; readonly scope: ScopeDescription | null; readonly report: unknown }
  /** The year has no import (or, for the whole organisation, no counts of this standard). */
  | { readonly status: 'no-import' }
  /** The year was imported before its records kept every counted field. */
  | { readonly status: 'import-again'; readonly message: string }
  /** Nobody is in the scope: the message lists the directorates or staff groups there are. */
  | { readonly status: 'empty-scope'; readonly message: string };

function hasEveryField(version: ImportVersion): boolean {
  return version.recordsFormat >= RECORDS_FORMAT;
}

/**
 * Rebuilt datasets of the versions read most recently, per store: a version's records never change once written,
 * and reading a large trust's records takes most of a scoped report's time, so a page followed by its download, or
 * one directorate after another, reads them once.
 */
const RECENT_VERSIONS = 4;
const rebuilt = new WeakMap<Store, Map<number, Promise<WorkforceDataset>>>();

function datasetOf(store: Store, version: ImportVersion): Promise<WorkforceDataset> {
  let recent = rebuilt.get(store);
  if (!recent) {
    recent = new Map();
    rebuilt.set(store, recent);
  }
  const cached = recent.get(version.id);
  if (cached) {
    recent.delete(version.id);
    recent.set(version.id, cached);
    return cached;
  }
  const reading = store.imports.records(version.id).then((records) => fromStoredRecords(records, version.sources));
  reading.catch(() => recent.delete(version.id));
  recent.set(version.id, reading);
  for (const oldest of recent.keys()) {
    if (recent.size <= RECENT_VERSIONS) break;
    recent.delete(oldest);
  }
  return reading;
}

export function importAgainMessage(year: number, scope: Scope): string {
  return `The ${year} files were imported before Mirror kept everything a report for part of the organisation is counted from, ` +
    `so there is no report for ${scopeLabel(scope)}. Import the ${year} files again to see it.`;
}

/**
 * The report of a stored year for a scope; for the whole organisation, exactly the report of the counts kept at
 * import (standard-reports.ts), byte for byte.
 */
export async function scopedStoredReport(
  store: Store,
  standard: AnyStandard,
  organisationId: number,
  year: number,
  scope: Scope,
  options: StoredReportOptions = {},
): Promise<ScopedStoredReport> {
  if (scope.kind === 'organisation') {
    const report = await storedReport(store, standard, organisationId, year, options);
    return report === null ? { status: 'no-import' } : { status: 'ok', scope: null, report };
  }
  const current = await store.imports.current(organisationId, year);
  if (!current) return { status: 'no-import' };
  if (!hasEveryField(current)) return { status: 'import-again', message: importAgainMessage(year, scope) };
  const dataset = await datasetOf(store, current);

  let previous: { dataset: WorkforceDataset; period: ReturnType<typeof reportingPeriod> } | null = null;
  const notes: string[] = [];
  if (standard.previousYearUse !== null) {
    const before = await store.imports.current(organisationId, year - 1);
    if (before && hasEveryField(before)) previous = { dataset: await datasetOf(store, before), period: reportingPeriod(year - 1) };
    else if (before) notes.push(`The ${year - 1} files were imported before Mirror kept everything a scope is counted from, so there is no two-year figure for ${scopeLabel(scope)}; import ${year - 1} again to have it.`);
  }

  const result = scopedReport(standard, {
    dataset, period: reportingPeriod(year), previous, notes: current.notes, sources: current.sources, scopeNotes: notes,
  }, scope, {
    policy: options.policy ?? DEFAULT_DISCLOSURE_POLICY,
    suppressBreakdowns: options.suppressBreakdowns ?? true,
    settings: settingValues(standard.settings, options.settings),
  });
  if (result.ok) return { status: 'ok', scope: result.scope, report: result.report };
  if (result.emptyScope) return { status: 'empty-scope', message: result.problems.map((p) => p.message).join('; ') };
  // The records were counted without problems at import; a problem now is a fault in Mirror, not in the data.
  throw new Error(`The stored ${year} records of organisation ${organisationId} could not be counted for ${scopeLabel(scope)}.`);
}

/** A scope a page may offer: its key for the address, and its name in words. */
export interface ScopeChoice {
  readonly key: string;
  readonly text: string;
}

/**
 * The scopes of a stored year, from its staff records: the whole organisation, each directorate, each staff group
 * and the medical workforce. (A staff-group:Medical and Dental address still works; it is the same scope.)
 */
export async function scopeChoices(store: Store, organisationId: number, year: number): Promise<readonly ScopeChoice[]> {
  const current = await store.imports.current(organisationId, year);
  const choices: ScopeChoice[] = [{ key: 'organisation', text: 'The whole organisation' }];
  if (!current) return choices;
  const { directorates, staffGroups } = await store.imports.staffScopes(current.id);
  choices.push(...directorates.map((name) => ({ key: scopeKey({ kind: 'directorate', name }), text: `Directorate: ${name}` })));
  // Medical and Dental is offered once, as the medical and dental workforce: the same people, in plainer words.
  const groups = staffGroups.filter((g) => !isMedical(g as StaffGroup));
  choices.push(...groups.map((name) => ({ key: scopeKey({ kind: 'staffGroup', name: name as StaffGroup }), text: `Staff group: ${name}` })));
  if (groups.length < staffGroups.length) choices.push({ key: scopeKey({ kind: 'medical' }), text: 'The medical and dental workforce' });
  return choices;
}
