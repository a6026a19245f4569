/**
 * The year's reports of racism and discrimination as published (issue 12, item 7: trends "feed ... the published
 * report"): how many reports the organisation received through Mirror in the reporting year, in all and by
 * category, frozen into the version's snapshot. Pure.
 *
 * The figures are the trend pages' own for a member (features/reporting/trends-service.ts with disclosure control):
 * only a reporting year that has ended, every figure of 1 to minimumCellSize − 1 withheld, and a second figure
 * withheld beside any line's only withheld one, so no category's count is the total less the rest. Months and
 * directorates are not published: a directorate's count could point at a team, and the board pack and the trend
 * pages carry them for the organisation itself. As a last guard, a total shown beside exactly one withheld category
 * is withheld too.
 */
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';

export interface PublicReportCategory {
  readonly key: string;
  readonly label: string;
  /** Null when withheld. */
  readonly reports: number | null;
}

export interface PublicReports {
  /** The reporting year counted (April to March), the report's own year. */
  readonly year: number;
  /** Null when withheld. */
  readonly total: number | null;
  readonly categories: readonly PublicReportCategory[];
  /** How many of the figures above are withheld. */
  readonly withheld: number;
}

/** The published section from the year's (already controlled) totals; throws if a figure given would disclose. */
export function publicReports(
  year: number, total: number | null, categories: readonly PublicReportCategory[], policy: DisclosurePolicy,
): PublicReports {
  for (const n of [total, ...categories.map((c) => c.reports)]) {
    if (n !== null && isDisclosive(n, policy)) throw new Error('a report count of 1 to the threshold reached publishing: the trends were not controlled');
  }
  const hidden = categories.filter((c) => c.reports === null).length;
  const shownTotal = hidden === 1 ? null : total;
  return { year, total: shownTotal, categories, withheld: hidden + (shownTotal === null ? 1 : 0) };
}
