/**
 * Any standard's whole report for a scope: the records are narrowed to the scope (scope.ts), counted by the
 * standard's own count() and reported by its own report(), exactly as for the whole organisation. Then:
 * - a figure a scope cannot have (applications for a directorate; the board and survey for any scope) says why,
 *   instead of "the file was not supplied";
 * - disclosure control: a scope is itself below organisation level, so when small numbers are withheld (downloads,
 *   the API, viewers) a headline figure of the scope is withheld as a breakdown row would be: when it rests on a
 *   cell of 1 to minimumCellSize − 1 people, or when the organisation's own report withholds this directorate's or
 *   staff group's row of the same figure (which also carries that report's secondary suppression). So a scope never
 *   shows what the organisation's report withholds. Its headcount tables (WRES indicator 1, WDES metric 1 and their
 *   career ladders) are protected with every other scope of its kind's (scoped-shares.ts).
 * The report JSON gains a `scope` field (kind, name, label, notes); the unscoped report is not touched.
 */
import type { Problem } from '../problem.ts';
import type { SourceFile, WorkforceDataset } from '../records.ts';
import type { AnyStandard, StandardReportOptions } from '../standards/standard.ts';
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';
import { scopeDataset, scopeKey, scopeLabel, type LeftOut, type Scope } from './scope.ts';
import { EVERY_SHARE_WITHHELD, protectScopeShares, withholdScopeShares } from './scoped-shares.ts';

/** What a scoped report says about its scope. */
export interface ScopeDescription {
  readonly kind: Scope['kind'];
  /** The directorate or staff group as the data spells it; null for the medical workforce. */
  readonly name: string | null;
  /** As a web address writes it: "directorate:Surgery". */
  readonly key: string;
  readonly label: string;
  readonly notes: readonly string[];
}

export interface ScopedReportInputs {
  readonly dataset: WorkforceDataset;
  readonly period: ReportingPeriod;
  /** The previous year's records, for a standard with a two-year figure; null when there are none. */
  readonly previous: { readonly dataset: WorkforceDataset; readonly period: ReportingPeriod } | null;
  readonly notes: readonly string[];
  readonly sources: readonly SourceFile[];
  /** Further notes about the scope from the caller, e.g. why there is no previous year. */
  readonly scopeNotes?: readonly string[];
}

export type ScopedReport =
  | { readonly ok: true; readonly scope: ScopeDescription; readonly report: Readonly<Record<string, unknown>> }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly emptyScope: boolean };

export function describeScope(scope: Scope, notes: readonly string[]): ScopeDescription {
  const name = scope.kind === 'directorate' || scope.kind === 'staffGroup' ? scope.name : null;
  return { kind: scope.kind, name, key: scopeKey(scope), label: scopeLabel(scope), notes };
}

export function scopedReport(standard: AnyStandard, inputs: ScopedReportInputs, requested: Scope, options: StandardReportOptions): ScopedReport {
  const scoped = scopeDataset(inputs.dataset, requested);
  if (!scoped.ok) {
    const file = inputs.sources.find((s) => s.kind === 'staff')?.file ?? 'staff.csv';
    return { ok: false, emptyScope: true, problems: [{ file, column: scoped.column, value: scoped.value, message: scoped.message }] };
  }
  const { scope } = scoped;
  const notes = [...scoped.notes, ...(inputs.scopeNotes ?? [])];
  const counted = standard.count(scoped.dataset, inputs.period);
  if (!counted.ok) return { ok: false, emptyScope: false, problems: counted.problems };

  let previous: unknown = null;
  if (standard.previousYearUse !== null && inputs.previous) {
    const before = scopeDataset(inputs.previous.dataset, scope);
    if (!before.ok) {
      notes.push(`The previous year's (${inputs.previous.period.year}) staff file has nobody in ${scopeLabel(scope)}, so there is no two-year figure.`);
    } else {
      const previousCounts = standard.count(before.dataset, inputs.previous.period);
      if (!previousCounts.ok) return { ok: false, emptyScope: false, problems: previousCounts.problems };
      previous = previousCounts.value;
    }
  }

  let report: unknown = standard.report({ counts: counted.value, previous, notes: inputs.notes, sources: inputs.sources }, options);
  if (options.suppressBreakdowns && scope.kind !== 'organisation') {
    const whole = standard.count(inputs.dataset, inputs.period);
    if (!whole.ok) return { ok: false, emptyScope: false, problems: whole.problems };
    const organisation = standard.report({ counts: whole.value, previous: null, notes: [], sources: inputs.sources }, options);
    report = withholdOtherGroups(withholdSmallScopeFigures(report, organisation, scope, options.policy));
    const shares = standard.id === 'medical' ? EVERY_SHARE_WITHHELD : protectScopeShares(inputs.dataset, scope, options.policy);
    report = withholdScopeShares(standard.id, report, scope, shares, options.policy);
  }
  report = sayWhyLeftOut(report, scoped.leftOut);
  const description = describeScope(scope, notes);
  const body = isRecord(report) ? report : { report };
  return { ok: true, scope: description, report: { scope: description, ...body } };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Rebuilds every object and array of a report, top down; `visit` may replace an object (and its contents). */
function mapReport(node: unknown, other: unknown, visit: (node: Record<string, unknown>, other: unknown) => Record<string, unknown> | null): unknown {
  if (Array.isArray(node)) return node.map((item, i) => mapReport(item, Array.isArray(other) ? other[i] : undefined, visit));
  if (!isRecord(node)) return node;
  const replaced = visit(node, other);
  if (replaced) return replaced;
  return Object.fromEntries(Object.entries(node).map(([key, value]) => [key, mapReport(value, isRecord(other) ? other[key] : undefined, visit)]));
}

/**
 * Standards say a figure is not available because "<file> was not supplied" or "<file> has no …"; for a file the
 * scope leaves out, that would be wrong, so the reason becomes the scope's.
 */
export function sayWhyLeftOut(report: unknown, leftOut: LeftOut): unknown {
  const reasons = Object.entries(leftOut);
  if (reasons.length === 0) return report;
  return mapReport(report, undefined, (node) => {
    if (node['available'] !== false || typeof node['reason'] !== 'string') return null;
    const reason = node['reason'];
    const scoped = reasons.find(([file]) => reason.startsWith(`${file} `));
    return scoped ? { ...node, reason: scoped[1] } : null;
  });
}

interface CountCell { readonly events: number; readonly population: number }

function isCountCell(value: unknown): value is CountCell {
  return isRecord(value) && typeof value['events'] === 'number' && typeof value['population'] === 'number';
}

/** A relative likelihood's headline: the compared groups named by its orientation, each with events and people. */
function comparedGroups(node: Record<string, unknown>): CountCell[] | null {
  const orientation = node['orientation'];
  const groups = node['groups'];
  if (!isRecord(orientation) || !isRecord(groups)) return null;
  const compared = [groups[String(orientation['numerator'])], groups[String(orientation['denominator'])]];
  return compared.every(isCountCell) ? compared : null;
}

/** The breakdown a scope is a row of in the organisation's report, and its row's key. */
function breakdownRowOf(scope: Scope): { dimension: string; key: string } | null {
  switch (scope.kind) {
    case 'directorate':
      return { dimension: 'directorate', key: scope.name };
    case 'staffGroup':
      return { dimension: 'staffGroup', key: scope.name };
    case 'medical':
      return { dimension: 'staffGroup', key: 'Medical and Dental' };
    case 'organisation':
      return null;
  }
}

/**
 * Withholds each headline figure of a scope's report that rests on a small cell, or whose row the organisation's
 * report withholds in its breakdown by directorate or staff group. A withheld figure keeps its id and title and
 * says why, in the shape every output already shows for a figure that is not available.
 */
export function withholdSmallScopeFigures(report: unknown, organisation: unknown, scope: Scope, policy: DisclosurePolicy): unknown {
  const row = breakdownRowOf(scope);
  const label = scopeLabel(scope);
  return mapReport(report, organisation, (node, whole) => {
    const cells = comparedGroups(node);
    if (!cells) return null;
    let reason: string | null = null;
    if (cells.some((c) => [c.population, c.events, c.population - c.events].some((n) => isDisclosive(n, policy)))) {
      reason = `fewer than ${policy.minimumCellSize} people in a cell for ${label}, so withheld to protect identities`;
    } else if (row && isRecord(whole) && isRecord(whole['breakdowns'])) {
      const rows = whole['breakdowns'][row.dimension];
      const match = Array.isArray(rows) ? rows.find((r: unknown) => isRecord(r) && r['key'] === row.key) : undefined;
      if (isRecord(match) && match['suppressed'] === true) {
        reason = `withheld to protect identities, as the organisation's report withholds ${label} in this figure's breakdown`;
      }
    }
    if (!reason) return null;
    const header = Object.fromEntries(['id', 'title', 'returnLabel'].filter((k) => k in node).map((k) => [k, node[k]]));
    return { ...header, available: false, reason };
  });
}

/** Every figure of a group's counts (events, people, rate, interval) as null. */
function blank(node: unknown): unknown {
  if (typeof node === 'number' || Array.isArray(node)) return null;
  return isRecord(node) ? Object.fromEntries(Object.entries(node).map(([k, v]) => [k, blank(v)])) : node;
}

/**
 * A scope's headline figures shown keep the two compared groups' counts only: the others (staff whose ethnicity or
 * disability is not known) are withheld, as their counts are often 1 to 7 and the organisation's headline less the
 * other scopes' would give them back.
 */
export function withholdOtherGroups(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withholdOtherGroups);
  if (!isRecord(node)) return node;
  const out = Object.fromEntries(Object.entries(node).map(([k, v]) => [k, withholdOtherGroups(v)]));
  const orientation = node['orientation'];
  const groups = out['groups'];
  if (!isRecord(orientation) || !isRecord(groups) || !comparedGroups(node)) return out;
  const compared = [String(orientation['numerator']), String(orientation['denominator'])];
  out['groups'] = Object.fromEntries(Object.entries(groups).map(([k, g]) => [k, compared.includes(k) ? g : blank(g)]));
  return out;
}
