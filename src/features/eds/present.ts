/**
 * EDS 2022's page and CSV in the layout of the national EDS reporting template as trusts publish it: the overall
 * organisation rating, then per domain a table of Domain | Outcome | Evidence | Rating | Owner (Dept/Lead) (the
 * template's layout is inferred from trust publications, not read in the template itself; docs/methodology.md).
 */
import { EDS_DOMAINS, EDS_OUTCOMES, RATING_LABELS, ratingText } from '../../core/eds/outcomes.ts';
import { THRESHOLD_SETS, THRESHOLD_SET_IDS } from '../../core/eds/scoring.ts';
import type { CsvCell } from '../../web/csv-download.ts';
import type { EdsYear, OutcomeYear } from './service.ts';

const evidenceText = (o: OutcomeYear) => o.evidence.map((e) => `${e.title} (${e.href})`).join('; ');

/** The overall rating in words: "24 of 33: 2/Achieving", or how many outcomes are still to rate. */
export function overallText(overall: EdsYear['overall']): string {
  if (overall.rating === null) return `${overall.score} so far, from ${overall.rated} of ${overall.outcomes} outcomes rated: no overall rating until every outcome has an agreed rating`;
  return `${overall.score} of ${3 * overall.outcomes}: ${ratingText(overall.rating)}`;
}

export function edsView(eds: EdsYear, outcomePath: (id: string) => string) {
  const days = eds.publication.days;
  return {
    overallText: overallText(eds.overall),
    overallRating: eds.overall.rating === null ? null : RATING_LABELS[eds.overall.rating],
    thresholds: eds.thresholds,
    thresholdsChosen: eds.thresholdsChosen,
    thresholdChoices: THRESHOLD_SET_IDS.map((id) => ({ value: id, text: THRESHOLD_SETS[id].name, hint: `${THRESHOLD_SETS[id].description} ${THRESHOLD_SETS[id].verified}`, checked: id === eds.thresholds.id })),
    publication: {
      date: eds.publication.date,
      when: days > 0 ? `in ${days} day${days === 1 ? '' : 's'}` : days === 0 ? 'today' : `${-days} day${days === -1 ? '' : 's'} ago`,
      passed: days < 0,
      next: eds.next.year === eds.year ? null : { date: eds.next.date, year: eds.next.year, days: eds.next.days },
    },
    domains: EDS_DOMAINS.map((d) => {
      const score = eds.overall.domains.find((s) => s.domain === d.id)!;
      return {
        id: d.id, title: d.title, score: score.score, rated: score.rated, outcomes: score.outcomes,
        rows: eds.outcomes.filter((o) => o.outcome.domain === d.id).map((o) => ({
          id: o.outcome.id, wording: o.outcome.wording, href: outcomePath(o.outcome.id),
          evidence: o.evidence.map((e) => ({ title: e.title, href: e.href, kind: e.kind })),
          rating: o.agreed ? ratingText(o.agreed.rating) : 'Not yet rated',
          owner: o.agreed?.owner ?? 'None yet',
          stakeholders: o.stakeholders.length,
        })),
      };
    }),
    history: {
      years: eds.history.map((h) => h.year),
      rows: EDS_OUTCOMES.map((o) => ({ id: o.id, cells: eds.history.map((h) => (h.agreed[o.id] === undefined ? 'Not rated' : ratingText(h.agreed[o.id]!))) })),
      overall: eds.history.map((h) => overallText(h.overall)),
    },
  };
}

export const EDS_CSV_HEADER = ['year', 'domain', 'domain_title', 'outcome', 'outcome_wording', 'evidence', 'rating', 'rating_name', 'owner'] as const;

/** One row per outcome as in the template, a total per domain, and the overall organisation rating last. */
export function edsCsvRows(eds: EdsYear): CsvCell[][] {
  const rows: CsvCell[][] = [];
  for (const d of EDS_DOMAINS) {
    for (const o of eds.outcomes.filter((x) => x.outcome.domain === d.id)) {
      rows.push([eds.year, d.id, d.title, o.outcome.id, o.outcome.wording, evidenceText(o), o.agreed?.rating ?? '', o.agreed ? RATING_LABELS[o.agreed.rating] : 'Not yet rated', o.agreed?.owner ?? '']);
    }
    const s = eds.overall.domains.find((x) => x.domain === d.id)!;
    rows.push([eds.year, d.id, d.title, `Domain ${d.id} total`, `${s.rated} of ${s.outcomes} outcomes rated`, '', s.score, '', '']);
  }
  const o = eds.overall;
  rows.push([
    eds.year, 'all', 'EDS Organisation Rating (overall rating)', 'overall', `${o.rated} of ${o.outcomes} outcomes rated; thresholds: ${eds.thresholds.name}: ${eds.thresholds.description}`,
    '', o.score, o.rating === null ? 'No overall rating until every outcome is rated' : RATING_LABELS[o.rating], '',
  ]);
  return rows;
}
