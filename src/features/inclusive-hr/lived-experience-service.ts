/**
 * Step 3 of the challenge, with no HTTP: the directorate's lived experience.
 * - Reports of racism and discrimination (Hear, issue 12) received in the reporting year (1 April to 31 March) that
 *   name the directorate, counted by category: the directorate's row of the reporting feature's year by directorate
 *   and category (`reportTrends`, the same call and the same disclosure control as the trend pages and the board
 *   pack), so every view of the year withholds the same figures: counts of 1 to 7, and more wherever a total (the
 *   directorate's, a category's, a month's or the year's, all shown elsewhere) would give one back. As there, a
 *   year's counts are given only once it has ended. Monthly trends belong to the reporting feature, not here. A
 *   report's directorate is one of the organisation's reporting list (its key); it is matched to the staff file's
 *   directorate by the same words.
 * - Staff survey results: survey.csv has no directorate column (docs/data-formats.md), so there are none for a
 *   directorate, and the page says so.
 * - Notes of listening sessions, kept per directorate and year.
 */
import { checkListeningNote, type Checked } from '../../core/inclusive-hr/steps.ts';
import { dayOf } from '../../core/reporting/cases.ts';
import { reportingYearOf } from '../../core/reporting/trends.ts';
import { reportingPeriod } from '../../core/wres/reporting-period.ts';
import type { ListeningNote } from '../../store/inclusive-hr-types.ts';
import { keyOf, settingsOf } from '../reporting/settings-service.ts';
import { reportTrends, type TrendServices } from '../reporting/trends-service.ts';

export const SURVEY_NOTE = 'The staff survey file Mirror reads (survey.csv) has no directorate column, so there are no staff survey results for a directorate: ' +
  'the survey describes the whole organisation, and its results are on the organisation\'s WRES and WDES pages.';

/** The directorate's year of reports by category; null where withheld. */
export interface DirectorateReports {
  readonly rows: readonly { readonly key: string; readonly label: string; readonly count: number | null }[];
  readonly total: number | null;
  readonly withheld: number;
}

export interface ReportCounts {
  /** Null when the organisation's reporting list has no directorate of this name, or the year has not ended. */
  readonly reports: DirectorateReports | null;
  /** False while the reporting year is in progress: its counts are given once it has ended. */
  readonly yearEnded: boolean;
  /** The reporting directorate list's names, for the page to say what it matched against. */
  readonly reportingDirectorates: readonly string[];
}

export interface LivedExperience extends ReportCounts {
  readonly period: { readonly start: string; readonly end: string };
  readonly surveyNote: string;
  readonly notes: readonly ListeningNote[];
}

const fold = (s: string) => s.trim().toLowerCase();

/** The reporting list's keys that stand for the staff file's directorate: the same words, or the same key. */
export function reportingKeysFor(directorates: readonly { key: string; label: string }[], directorate: string): string[] {
  return directorates.filter((d) => fold(d.label) === fold(directorate) || d.key === keyOf(directorate)).map((d) => d.key);
}

/** Adds figures of several directorates' rows (one withheld makes the sum withheld). */
const sum = (figures: readonly (number | null)[]): number | null => (figures.some((f) => f === null) ? null : figures.reduce<number>((a, b) => a + b!, 0));

export async function reportCounts(services: TrendServices, organisationId: number, year: number, directorate: string): Promise<ReportCounts> {
  const settings = await settingsOf(services.store, organisationId);
  const keys = reportingKeysFor(settings.directorates, directorate);
  const reportingDirectorates = settings.directorates.map((d) => d.label);
  const yearEnded = reportingYearOf(dayOf(services.clock())) > year;
  if (keys.length === 0 || !yearEnded) return { reports: null, yearEnded, reportingDirectorates };
  const trends = await reportTrends(services, { id: organisationId }, year);
  if (!trends) {
    // An ended year before the first report: nothing to withhold.
    const rows = settings.categories.map((c) => ({ key: c.key, label: c.label, count: 0 }));
    return { reports: { rows, total: 0, withheld: 0 }, yearEnded, reportingDirectorates };
  }
  const table = trends.trends.byDirectorateAndCategory;
  const mine = table.rows.flatMap((key, j) => (keys.includes(key) ? [j] : []));
  const rows = table.columns.map((key, k) => ({
    key,
    // Categories since removed from the list still count.
    label: settings.categories.some((c) => c.key === key) ? trends.categoryLabels[key] ?? key : `${key} (no longer in the list)`,
    count: mine.length ? sum(mine.map((j) => table.cells[j]![k]!)) : 0,
  }));
  return {
    reports: { rows, total: mine.length ? sum(mine.map((j) => table.rowTotals[j]!)) : 0, withheld: rows.filter((r) => r.count === null).length },
    yearEnded,
    reportingDirectorates,
  };
}

export async function livedExperience(services: TrendServices, organisationId: number, year: number, directorate: string): Promise<LivedExperience> {
  const counts = await reportCounts(services, organisationId, year, directorate);
  const period = reportingPeriod(year);
  return { ...counts, period: { start: period.start, end: period.end }, surveyNote: SURVEY_NOTE, notes: await services.store.inclusiveHr.notes(organisationId, year, directorate) };
}

export function checkNote(form: Readonly<Record<string, string>>, today: string): Checked<{ title: string; heldOn: string; notes: string }> {
  return checkListeningNote(form, today);
}
