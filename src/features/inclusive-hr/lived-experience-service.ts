/**
 * Step 3 of the challenge, with no HTTP: the directorate's lived experience.
 * - Reports of racism and discrimination (Hear, issue 12) received in the reporting year (1 April to 31 March) that
 *   name the directorate, counted by category: yearly counts only, read by one small query over the reporting
 *   tables (`store.inclusiveHr.reportCountsByCategory`: category, directorate and day received, nothing sealed).
 *   Monthly trends belong to the reporting feature, not here. A report's directorate is one of the organisation's
 *   reporting list (its key); it is matched to the staff file's directorate by the same words. Counts of 1 to 7 are
 *   withheld, and more until none can be worked out from the total (core/inclusive-hr/counts.ts); the
 *   organisation's own total is never shown beside them.
 * - Staff survey results: survey.csv has no directorate column (docs/data-formats.md), so there are none for a
 *   directorate, and the page says so.
 * - Notes of listening sessions, kept per directorate and year.
 */
import { type ProtectedCategories, protectCategoryCounts } from '../../core/inclusive-hr/counts.ts';
import { checkListeningNote, type Checked } from '../../core/inclusive-hr/steps.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { reportingPeriod } from '../../core/wres/reporting-period.ts';
import type { ListeningNote } from '../../store/inclusive-hr-types.ts';
import type { Store } from '../../store/store.ts';
import { keyOf, settingsOf } from '../reporting/settings-service.ts';

export const SURVEY_NOTE = 'The staff survey file Mirror reads (survey.csv) has no directorate column, so there are no staff survey results for a directorate: ' +
  'the survey describes the whole organisation, and its results are on the organisation\'s WRES and WDES pages.';

export interface LivedExperience {
  /** Null when the organisation's reporting list has no directorate of this name. */
  readonly reports: ProtectedCategories | null;
  /** The reporting directorate list's names, for the page to say what it matched against. */
  readonly reportingDirectorates: readonly string[];
  readonly period: { readonly start: string; readonly end: string };
  readonly surveyNote: string;
  readonly notes: readonly ListeningNote[];
}

const fold = (s: string) => s.trim().toLowerCase();

/** The reporting list's keys that stand for the staff file's directorate: the same words, or the same key. */
export function reportingKeysFor(directorates: readonly { key: string; label: string }[], directorate: string): string[] {
  return directorates.filter((d) => fold(d.label) === fold(directorate) || d.key === keyOf(directorate)).map((d) => d.key);
}

export async function reportCounts(store: Store, organisationId: number, year: number, directorate: string): Promise<{ reports: ProtectedCategories | null; reportingDirectorates: string[] }> {
  const settings = await settingsOf(store, organisationId);
  const keys = reportingKeysFor(settings.directorates, directorate);
  const reportingDirectorates = settings.directorates.map((d) => d.label);
  if (keys.length === 0) return { reports: null, reportingDirectorates };
  const period = reportingPeriod(year);
  const counts = await store.inclusiveHr.reportCountsByCategory(organisationId, keys, period.start, period.end);
  const rows = [
    ...settings.categories.map((c) => ({ key: c.key, label: c.label, count: counts.find((n) => n.category === c.key)?.count ?? 0 })),
    // Categories since removed from the list still count.
    ...counts.filter((n) => !settings.categories.some((c) => c.key === n.category)).map((n) => ({ key: n.category, label: `${n.category} (no longer in the list)`, count: n.count })),
  ];
  return { reports: protectCategoryCounts(rows, DEFAULT_DISCLOSURE_POLICY), reportingDirectorates };
}

export async function livedExperience(store: Store, organisationId: number, year: number, directorate: string): Promise<LivedExperience> {
  const { reports, reportingDirectorates } = await reportCounts(store, organisationId, year, directorate);
  const period = reportingPeriod(year);
  return { reports, reportingDirectorates, period: { start: period.start, end: period.end }, surveyNote: SURVEY_NOTE, notes: await store.inclusiveHr.notes(organisationId, year, directorate) };
}

export function checkNote(form: Readonly<Record<string, string>>, today: string): Checked<{ title: string; heldOn: string; notes: string }> {
  return checkListeningNote(form, today);
}
