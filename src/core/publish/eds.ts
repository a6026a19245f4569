/**
 * The year's EDS 2022 summary as published (issue 14: "included in the published report"): the domains and their
 * outcomes, each outcome's agreed rating, each domain's subtotal, and the overall score and rating under the
 * organisation's threshold set, frozen into the version's snapshot. Only agreed ratings leave: the stakeholder
 * groups' own ratings, the evidence and the owners (a department or a named lead) are not published. An EDS rating
 * is a judgement about the organisation, not a count of people, so it needs no disclosure control. Pure.
 */
import { EDS_DOMAINS, EDS_OUTCOMES, type EdsDomainId, type EdsOutcomeId, type EdsRating, RATING_LABELS } from '../eds/outcomes.ts';
import { MAXIMUM_SCORE, overallScore, type ThresholdSet, type ThresholdSetId } from '../eds/scoring.ts';

export interface PublicEdsOutcome {
  readonly id: EdsOutcomeId;
  readonly wording: string;
  /** The agreed rating, or null when the outcome had none when the report was assembled. */
  readonly rating: EdsRating | null;
  readonly ratingLabel: string | null;
}

export interface PublicEdsDomain {
  readonly id: EdsDomainId;
  readonly title: string;
  /** The total of the domain's agreed ratings. */
  readonly score: number;
  readonly rated: number;
  readonly outcomes: readonly PublicEdsOutcome[];
}

export interface PublicEds {
  readonly thresholds: { readonly id: ThresholdSetId; readonly name: string; readonly description: string };
  readonly domains: readonly PublicEdsDomain[];
  /** The total of the agreed ratings (0 to 33). */
  readonly score: number;
  readonly maximum: number;
  readonly rated: number;
  readonly outcomes: number;
  /** Null until every outcome has an agreed rating. */
  readonly rating: EdsRating | null;
  readonly ratingLabel: string | null;
}

/** The summary to publish from the year's agreed ratings; null when no outcome has an agreed rating. */
export function publicEds(agreed: Readonly<Partial<Record<EdsOutcomeId, EdsRating>>>, set: ThresholdSet): PublicEds | null {
  const overall = overallScore(agreed, set);
  if (overall.rated === 0) return null;
  const label = (r: EdsRating | null) => (r === null ? null : RATING_LABELS[r]);
  return {
    thresholds: { id: set.id, name: set.name, description: set.description },
    domains: EDS_DOMAINS.map((d) => {
      const subtotal = overall.domains.find((s) => s.domain === d.id)!;
      return {
        id: d.id, title: d.title, score: subtotal.score, rated: subtotal.rated,
        outcomes: EDS_OUTCOMES.filter((o) => o.domain === d.id).map((o) => {
          const rating = agreed[o.id] ?? null;
          return { id: o.id, wording: o.wording, rating, ratingLabel: label(rating) };
        }),
      };
    }),
    score: overall.score, maximum: MAXIMUM_SCORE, rated: overall.rated, outcomes: overall.outcomes,
    rating: overall.rating, ratingLabel: label(overall.rating),
  };
}
