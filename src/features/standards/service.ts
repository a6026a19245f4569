/**
 * The standards feature's use-cases, with no HTTP: a registered standard's report of a stored year, for the whole
 * organisation or a scope (`?scope=directorate:Surgery`), its CSV and audit subject, and the check of settings given
 * as query parameters against what the standard declares.
 */
import { parseScope, scopeKey, WHOLE_ORGANISATION, type Scope } from '../../core/scopes/scope.ts';
import { scopedCsv } from '../../core/scopes/scoped-outputs.ts';
import type { ScopeDescription } from '../../core/scopes/scoped-report.ts';
import type { AnyStandard } from '../../core/standards/standard.ts';
import { scopeChoices, scopedStoredReport, type ScopedStoredReport } from '../../services/scoped-reports.ts';
import type { StoredReportOptions } from '../../services/standard-reports.ts';
import type { Store } from '../../store/store.ts';

export type ReadScope = { readonly ok: true; readonly scope: Scope } | { readonly ok: false; readonly message: string };

/** The `scope` query parameter: absent or empty is the whole organisation. */
export function readScope(raw: string | undefined): ReadScope {
  if (raw === undefined) return { ok: true, scope: WHOLE_ORGANISATION };
  return parseScope(raw);
}

/** The report of a stored year for a scope (the whole organisation's is the report of the counts kept at import). */
export function reportFor(
  services: { readonly store: Store },
  standard: AnyStandard,
  organisationId: number,
  year: number | null,
  scope: Scope,
  options: StoredReportOptions,
): Promise<ScopedStoredReport> {
  if (year === null) return Promise.resolve({ status: 'no-import' });
  return scopedStoredReport(services.store, standard, organisationId, year, scope, options);
}

/** What the audit trail names: "wres/2025", or "wres/2025/directorate:Surgery" for a scope. */
export function auditSubject(standard: AnyStandard, year: number | null, scope: ScopeDescription | null, suffix = ''): string {
  return `${standard.id}/${year}${suffix}${scope ? `/${scope.key}` : ''}`;
}

/** The standard's CSV, with a scope column when the report is for a scope. */
export function csvOf(standard: AnyStandard, scope: ScopeDescription | null, report: unknown): string {
  return scope ? scopedCsv(standard, scope, report) : standard.csv(report);
}

/** A download's file name: "wres-RXX-2025.csv", "wres-RXX-2025-directorate-Surgery.csv". */
export function csvFileName(standard: AnyStandard, code: string, year: number | null, scope: ScopeDescription | null): string {
  const part = scope ? `-${scope.key.replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '')}` : '';
  return `${standard.id}-${code}-${year}${part}.csv`;
}

/** The query parameters other than the scope, for the standard's settings. */
export function settingsQuery(query: Readonly<Record<string, string>>): Record<string, string> {
  const { scope: _, ...rest } = query;
  return rest;
}

/** The address of a scope's page or download: the path with `?scope=` when it is not the whole organisation. */
export function withScope(path: string, scope: Scope): string {
  return scope.kind === 'organisation' ? path : `${path}?scope=${encodeURIComponent(scopeKey(scope))}`;
}

export type CheckedSettings = { readonly ok: true; readonly values: Record<string, unknown> } | { readonly ok: false; readonly message: string };

/** Query parameters as the standard's settings: unknown names and values outside a setting's range are refused. */
export function checkSettings(standard: AnyStandard, query: Readonly<Record<string, string>>): CheckedSettings {
  const values: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(query)) {
    const setting = standard.settings.find((s) => s.name === name);
    if (!setting) return { ok: false, message: `${standard.shortName} has no setting "${name}"${standard.settings.length > 0 ? `; its settings are ${standard.settings.map((s) => s.name).join(', ')}` : ''}` };
    if (setting.kind === 'choice') {
      if (!setting.choices.includes(raw)) return { ok: false, message: `${name} must be one of ${setting.choices.join(', ')}` };
      values[name] = raw;
    } else if (setting.kind === 'whole') {
      const n = Number(raw);
      if (!/^\d+$/.test(raw) || n < setting.min || n > setting.max) return { ok: false, message: `${name} must be a whole number from ${setting.min} to ${setting.max}` };
      values[name] = n;
    } else {
      if (raw !== 'true' && raw !== 'false') return { ok: false, message: `${name} must be true or false` };
      values[name] = raw === 'true';
    }
  }
  return { ok: true, values };
}

/** A report that is not there: the status and words for each reason. */
export function failure(result: Exclude<ScopedStoredReport, { status: 'ok' }>): { code: number; message: string } {
  switch (result.status) {
    case 'no-import':
      return { code: 404, message: 'not found' };
    case 'empty-scope':
      return { code: 404, message: result.message };
    case 'import-again':
      return { code: 409, message: result.message };
  }
}

/** What the generic standard page shows for a scope: the scope form, its notes, or why there is no report. */
export interface ScopedPage {
  readonly code: number;
  readonly scope: ScopeDescription | null;
  readonly report: unknown;
  readonly errors: readonly { readonly text: string; readonly href: string }[];
  readonly importAgain: string | null;
  readonly scopeItems: readonly { readonly value: string; readonly text: string; readonly selected: boolean }[];
  readonly chosen: Scope;
}

/** The page's report for the `scope` query parameter; null when the year has no import (not found). */
export async function scopedPage(
  services: { readonly store: Store },
  standard: AnyStandard,
  organisationId: number,
  year: number | null,
  rawScope: string | undefined,
  options: StoredReportOptions,
): Promise<ScopedPage | null> {
  if (year === null) return null;
  const read = readScope(rawScope);
  const result = read.ok ? await reportFor(services, standard, organisationId, year, read.scope, options) : null;
  if (result?.status === 'no-import') return null;
  const problem = !read.ok ? { code: 400, message: read.message } : result && result.status !== 'ok' ? failure(result) : null;
  const chosen = read.ok ? read.scope : WHOLE_ORGANISATION;
  const choices = await scopeChoices(services.store, organisationId, year);
  return {
    code: problem?.code ?? 200,
    scope: result?.status === 'ok' ? result.scope : null,
    report: result?.status === 'ok' ? result.report : null,
    errors: problem && problem.code !== 409 ? [{ text: problem.message, href: '#scope' }] : [],
    importAgain: problem?.code === 409 ? problem.message : null,
    scopeItems: choices.map((c) => ({ value: c.key, text: c.text, selected: c.key === scopeKey(chosen) })),
    chosen,
  };
}
