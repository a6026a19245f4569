/**
 * Scopes: any standard's whole report for part of an organisation, a directorate, a staff group or the medical
 * workforce, so that a directorate can run its own data. A scope narrows the records before counting; the
 * standards' own rules (bank-only staff, the reporting year, one count per person) then apply unchanged.
 *
 * What a scope includes (documented in docs/methodology.md):
 * - staff whose directorate or staff group is the scope's (medical: staff group "Medical and Dental");
 * - the disciplinary, training and capability rows of those people, by staff_id; rows of people not in the staff
 *   file (for example leavers) have no directorate or staff group, so they are left out, with a note;
 * - applications carrying the scope's staff group; applications have no directorate, so a directorate's report
 *   has none, and its appointment figures are not available;
 * - never the board, the staff survey results or the WDES 9b narrative: they describe the whole organisation.
 *
 * The staff file has no site column, so there is no scope by site.
 */
import type { WorkforceDataset } from '../records.ts';
import { isMedical, parseStaffGroup, STAFF_GROUPS, type StaffGroup } from '../workforce/staff-group.ts';

export type Scope =
  | { readonly kind: 'organisation' }
  | { readonly kind: 'directorate'; readonly name: string }
  | { readonly kind: 'staffGroup'; readonly name: StaffGroup }
  | { readonly kind: 'medical' };

export const WHOLE_ORGANISATION: Scope = Object.freeze({ kind: 'organisation' });

export type ParsedScope = { readonly ok: true; readonly scope: Scope } | { readonly ok: false; readonly message: string };

const SYNTAX = 'a scope is directorate=NAME, staff-group=NAME or medical (directorate:NAME and staff-group:NAME also do)';

/**
 * Reads a scope as the command line (`directorate=Surgery`) or a web address (`directorate:Surgery`) gives it:
 * `directorate`, `staff-group` or `medical`, a name after the first "=" or ":". A staff group may be written as ESR
 * or in a common spelling ("Nursing", "AHP"); a directorate is checked against the data by scopeDataset.
 */
export function parseScope(raw: string): ParsedScope {
  const text = raw.trim();
  const lower = text.toLowerCase();
  if (lower === '' || lower === 'organisation' || lower === 'organization') return { ok: true, scope: WHOLE_ORGANISATION };
  if (lower === 'medical') return { ok: true, scope: { kind: 'medical' } };
  const at = text.search(/[=:]/);
  if (at < 0) return { ok: false, message: `"${text}" is not a scope: ${SYNTAX}` };
  const key = text.slice(0, at).trim().toLowerCase().replace(/[\s_]+/g, '-');
  const name = text.slice(at + 1).trim();
  if (key === 'directorate') {
    if (name === '') return { ok: false, message: 'give the directorate\'s name after "directorate=", for example directorate=Surgery' };
    return { ok: true, scope: { kind: 'directorate', name } };
  }
  if (key === 'staff-group' || key === 'staffgroup') {
    const group = parseStaffGroup(name);
    if (!group) return { ok: false, message: `"${name}" is not a staff group; the staff groups are: ${STAFF_GROUPS.join(', ')}` };
    return { ok: true, scope: { kind: 'staffGroup', name: group } };
  }
  if (key === 'site') return { ok: false, message: 'there is no scope by site: the staff file has no site column' };
  return { ok: false, message: `"${text}" is not a scope: ${SYNTAX}` };
}

/** The scope as a web address writes it: "directorate:Surgery", "staff-group:Students", "medical", "organisation". */
export function scopeKey(scope: Scope): string {
  switch (scope.kind) {
    case 'organisation':
      return 'organisation';
    case 'directorate':
      return `directorate:${scope.name}`;
    case 'staffGroup':
      return `staff-group:${scope.name}`;
    case 'medical':
      return 'medical';
  }
}

/** The scope in plain words: "the whole organisation", "the Surgery directorate", "the medical and dental workforce". */
export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'organisation':
      return 'the whole organisation';
    case 'directorate':
      return /\bdirectorate$/i.test(scope.name) ? scope.name : `the ${scope.name} directorate`;
    case 'staffGroup':
      return `the ${scope.name} staff group`;
    case 'medical':
      return 'the medical and dental workforce';
  }
}

/** Files whose figures cannot be given for a scope, each with the reason in words. */
export type LeftOut = Readonly<Partial<Record<'applications.csv' | 'board.csv' | 'survey.csv' | 'wdes_9b.txt', string>>>;

export type ScopedDataset =
  | {
    readonly ok: true;
    /** The scope as the data spells it (a directorate written "surgery" is the file's "Surgery"). */
    readonly scope: Scope;
    readonly dataset: WorkforceDataset;
    /** What the scope includes and leaves out, for the reader; never personal data. */
    readonly notes: readonly string[];
    readonly leftOut: LeftOut;
  }
  | { readonly ok: false; readonly message: string; readonly column: string; readonly value: string };


/** The dataset restricted to the scope, with notes on what the scope includes and leaves out. */
export function scopeDataset(dataset: WorkforceDataset, requested: Scope): ScopedDataset {
  if (requested.kind === 'organisation') return { ok: true, scope: requested, dataset, notes: [], leftOut: {} };
  const resolved = resolveScope(dataset, requested);
  if (!resolved.ok) return resolved;
  const { scope, inScope } = resolved;
  const label = scopeLabel(scope);
  const staff = dataset.staff.filter(inScope);
  const ids = new Set(staff.map((s) => s.staffId));
  const everyone = new Set(dataset.staff.map((s) => s.staffId));
  const notes: string[] = [`This report is for ${label} only: its staff in the staff file and, by staff_id, their own disciplinary, training and capability rows.`];
  const leftOut: Record<string, string> = {};

  const ofPeopleInScope = <E extends { readonly staffId: string }>(events: readonly E[] | null, file: string): E[] | null => {
    if (!events) return null;
    const leavers = events.filter((e) => !everyone.has(e.staffId)).length;
    if (leavers > 0) {
      notes.push(`${leavers} ${file} ${leavers === 1 ? 'row is' : 'rows are'} of people not in the staff file (for example leavers), who have no directorate or staff group, so ${leavers === 1 ? 'it is' : 'they are'} left out of every scope.`);
    }
    return events.filter((e) => ids.has(e.staffId));
  };

  let applications = dataset.applications;
  if (applications && scope.kind === 'directorate') {
    leftOut['applications.csv'] = `applications.csv has no directorate, so appointment from shortlisting cannot be given for ${label}`;
    notes.push('Applications have no directorate, so appointment from shortlisting (WRES indicator 2, WDES metric 2) is not available for a directorate.');
    applications = null;
  } else if (applications) {
    const group: StaffGroup = scope.kind === 'staffGroup' ? scope.name : 'Medical and Dental';
    const noGroup = applications.filter((a) => a.staffGroup === null).length;
    if (noGroup > 0) notes.push(`${noGroup} ${noGroup === 1 ? 'application gives' : 'applications give'} no staff group, so ${noGroup === 1 ? 'it is' : 'they are'} left out.`);
    applications = applications.filter((a) => a.staffGroup === group);
    notes.push(`Applications are those to posts in the ${group} staff group.`);
  }

  const organisationWide = [
    dataset.board ? 'board.csv' : null,
    dataset.survey || dataset.wdesSurvey ? 'survey.csv' : null,
    dataset.wdesNarrative ? 'wdes_9b.txt' : null,
  ].filter((f): f is 'board.csv' | 'survey.csv' | 'wdes_9b.txt' => f !== null);
  for (const file of organisationWide) leftOut[file] = `${file} describes the whole organisation, so its figures are not given for ${label}`;
  if (organisationWide.length > 0) {
    notes.push(`The board, the staff survey results and the WDES 9b narrative describe the whole organisation, so ${organisationWide.join(', ')} ${organisationWide.length === 1 ? 'is' : 'are'} left out.`);
  }

  return {
    ok: true,
    scope,
    notes,
    leftOut,
    dataset: {
      ...dataset,
      staff,
      applications,
      disciplinary: ofPeopleInScope(dataset.disciplinary, 'disciplinary'),
      training: ofPeopleInScope(dataset.training, 'training'),
      capability: ofPeopleInScope(dataset.capability, 'capability'),
      board: null,
      survey: null,
      wdesSurvey: null,
      wdesNarrative: null,
    },
  };
}

type StaffTest = (person: WorkforceDataset['staff'][number]) => boolean;

/** The scope as the data spells it, and who is in it; an error naming what there is when nobody is. */
function resolveScope(dataset: WorkforceDataset, scope: Exclude<Scope, { kind: 'organisation' }>):
  { ok: true; scope: Scope; inScope: StaffTest } | Extract<ScopedDataset, { ok: false }> {
  if (scope.kind === 'directorate') {
    const present = [...new Set(dataset.staff.map((s) => s.directorate).filter((d): d is string => d !== null && d.trim() !== ''))].sort();
    const wanted = scope.name.trim();
    const exact = present.find((d) => d.trim() === wanted);
    const folded = present.filter((d) => d.trim().toLowerCase() === wanted.toLowerCase());
    const name = exact ?? (folded.length === 1 ? folded[0] : undefined);
    if (name === undefined) {
      const there = present.length === 0
        ? 'the staff file gives nobody a directorate'
        : `the directorates in the staff file are: ${present.join(', ')}`;
      return { ok: false, column: 'directorate', value: scope.name, message: `nobody in the staff file is in the directorate "${scope.name}"; ${there}` };
    }
    return { ok: true, scope: { kind: 'directorate', name }, inScope: (s) => s.directorate === name };
  }
  const group: StaffGroup = scope.kind === 'staffGroup' ? scope.name : 'Medical and Dental';
  const inScope: StaffTest = scope.kind === 'medical' ? (s) => isMedical(s.staffGroup) : (s) => s.staffGroup === group;
  if (!dataset.staff.some(inScope)) {
    const present = STAFF_GROUPS.filter((g) => dataset.staff.some((s) => s.staffGroup === g));
    return {
      ok: false, column: 'staff_group', value: group,
      message: `nobody in the staff file is in the staff group "${group}"; the staff groups in the staff file are: ${present.join(', ')}`,
    };
  }
  return { ok: true, scope, inScope };
}
