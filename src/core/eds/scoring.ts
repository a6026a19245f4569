/**
 * EDS 2022's overall score and rating (docs/methodology.md, "EDS 2022"). Each of the 11 outcomes has an agreed rating
 * of 0 to 3; the overall score is their total (0 to 33) and the overall rating is read from the score by thresholds.
 * The sources disagree on the thresholds, so both sets the domain reference describes are offered and each
 * organisation chooses one:
 *
 *   "guidance" (the default): under 8 Undeveloped; 8–21 Developing; 22–32 Achieving; 33 Excelling. The scale as the
 *              EDS Ratings and Score Card guidance is described; not read in the guidance itself (unverified).
 *   "leeds":   under 8 Undeveloped; 8–21 Developing; 22–30 Achieving; 31–33 Excelling. Leeds Teaching Hospitals
 *              writes "organisations who score between 22 and 30 are rated as Achieving" (verified on its page); the
 *              other bands are the guidance's, and 31–33 Excelling follows from 22–30 (inferred).
 *
 * An overall rating is given only when all 11 outcomes have an agreed rating; until then the score so far is shown
 * with how many outcomes are rated. Pure: no input or output.
 */
import { EDS_DOMAINS, EDS_OUTCOMES, type EdsDomainId, type EdsOutcomeId, type EdsRating } from './outcomes.ts';

export type ThresholdSetId = 'guidance' | 'leeds';
export const THRESHOLD_SET_IDS: readonly ThresholdSetId[] = ['guidance', 'leeds'];
export const DEFAULT_THRESHOLD_SET: ThresholdSetId = 'guidance';

/** The lowest total score of each rating above Undeveloped. */
export interface ThresholdSet {
  readonly id: ThresholdSetId;
  readonly name: string;
  readonly description: string;
  /** Lowest scores for Developing, Achieving and Excelling. */
  readonly from: { readonly 1: number; readonly 2: number; readonly 3: number };
  readonly source: string;
  readonly verified: string;
}

export const THRESHOLD_SETS: Readonly<Record<ThresholdSetId, ThresholdSet>> = {
  guidance: {
    id: 'guidance',
    name: 'EDS Ratings and Score Card guidance, as described (Achieving 22 to 32)',
    description: 'Under 8 Undeveloped; 8 to 21 Developing; 22 to 32 Achieving; 33 Excelling.',
    from: { 1: 8, 2: 22, 3: 33 },
    source: 'https://www.england.nhs.uk/about/equality/equality-hub/patient-equalities-programme/equality-frameworks-and-information-standards/eds/',
    verified: 'Unverified: the guidance itself could not be read; this is the scale as it is widely described.',
  },
  leeds: {
    id: 'leeds',
    name: 'As Leeds Teaching Hospitals publishes it (Achieving 22 to 30)',
    description: 'Under 8 Undeveloped; 8 to 21 Developing; 22 to 30 Achieving; 31 to 33 Excelling.',
    from: { 1: 8, 2: 22, 3: 31 },
    source: 'https://leedsth.nhs.uk/about/trust/equality-diversity/equality-delivery-system-eds',
    verified: 'Achieving 22 to 30 is quoted from the trust\'s page; the other bands are the guidance\'s, and Excelling from 31 follows from it.',
  },
};

export function thresholdSet(id: string | null | undefined): ThresholdSet {
  return id === 'guidance' || id === 'leeds' ? THRESHOLD_SETS[id] : THRESHOLD_SETS[DEFAULT_THRESHOLD_SET];
}

export const MAXIMUM_SCORE = 3 * EDS_OUTCOMES.length;

/** The overall rating of a total score under a threshold set. Throws for a score outside 0 to 33. */
export function overallRatingOf(score: number, set: ThresholdSet): EdsRating {
  if (!Number.isInteger(score) || score < 0 || score > MAXIMUM_SCORE) throw new RangeError(`Not an EDS score: ${score}`);
  if (score >= set.from[3]) return 3;
  if (score >= set.from[2]) return 2;
  if (score >= set.from[1]) return 1;
  return 0;
}

export interface DomainScore {
  readonly domain: EdsDomainId;
  readonly score: number;
  readonly rated: number;
  readonly outcomes: number;
}

export interface OverallScore {
  /** The total of the agreed ratings given so far. */
  readonly score: number;
  readonly rated: number;
  readonly outcomes: number;
  readonly domains: readonly DomainScore[];
  /** Null until every outcome has an agreed rating. */
  readonly rating: EdsRating | null;
  readonly thresholds: ThresholdSet;
}

/** The overall score and rating from the agreed ratings (outcomes not yet rated are left out). */
export function overallScore(agreed: Readonly<Partial<Record<EdsOutcomeId, EdsRating>>>, set: ThresholdSet): OverallScore {
  const rated = EDS_OUTCOMES.filter((o) => agreed[o.id] !== undefined);
  const score = rated.reduce((sum, o) => sum + agreed[o.id]!, 0);
  const domains = EDS_DOMAINS.map((d) => {
    const of = EDS_OUTCOMES.filter((o) => o.domain === d.id);
    const ratedHere = of.filter((o) => agreed[o.id] !== undefined);
    return { domain: d.id, score: ratedHere.reduce((s, o) => s + agreed[o.id]!, 0), rated: ratedHere.length, outcomes: of.length };
  });
  return {
    score, rated: rated.length, outcomes: EDS_OUTCOMES.length, domains,
    rating: rated.length === EDS_OUTCOMES.length ? overallRatingOf(score, set) : null, thresholds: set,
  };
}

/**
 * When an EDS review of Mirror's reporting year `year` (April year−1 to March year) is due on the organisation's
 * website: 28 February of `year` ("published on organisation websites by 28th February", as Leeds Teaching Hospitals
 * writes; not read in NHS England's own guidance).
 */
export function publicationDate(year: number): string {
  return `${year}-02-28`;
}

/** Whole days from `today` (an ISO date) to the publication date: negative once it has passed. */
export function daysToPublication(year: number, today: string): number {
  const ms = Date.parse(`${publicationDate(year)}T00:00:00Z`) - Date.parse(`${today.slice(0, 10)}T00:00:00Z`);
  return Math.round(ms / 86_400_000);
}

/**
 * The next 28 February on or after `today` (an ISO date), and the reporting year whose EDS summary is due then
 * (the year it falls in: 28 February 2027 is the due date of the year April 2026 to March 2027).
 */
export function nextPublication(today: string): { readonly year: number; readonly date: string } {
  const year = Number(today.slice(0, 4));
  return today.slice(0, 10) <= publicationDate(year) ? { year, date: publicationDate(year) } : { year: year + 1, date: publicationDate(year + 1) };
}
