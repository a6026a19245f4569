/**
 * The Equality Delivery System 2022 (NHS England, August 2022) as data: 3 domains and 11 outcomes, and the four
 * ratings an outcome can have. Wording is quoted from the trust and system publications the domain reference read
 * (the EDS 2022 technical guidance itself could not be read); `verified` says whether the wording below was seen in
 * a source, with the source. See docs/methodology.md, "EDS 2022". Pure: no input or output.
 */

export type EdsDomainId = '1' | '2' | '3';
export type EdsOutcomeId = '1A' | '1B' | '1C' | '1D' | '2A' | '2B' | '2C' | '2D' | '3A' | '3B' | '3C';

export interface EdsDomain {
  readonly id: EdsDomainId;
  readonly title: string;
}

export interface EdsOutcome {
  readonly id: EdsOutcomeId;
  readonly domain: EdsDomainId;
  readonly wording: string;
  /** Where the wording was read, or null when it is from memory of the guidance and not yet checked. */
  readonly source: string | null;
}

export const EDS_DOMAINS: readonly EdsDomain[] = [
  { id: '1', title: 'Commissioned or provided services' },
  { id: '2', title: 'Workforce health and well-being' },
  { id: '3', title: 'Inclusive leadership' },
];

const DBTH = 'https://www.dbth.nhs.uk/about-us/our-publications/publication-scheme/what-our-priorities-are-and-how-we-are-doing/equality-diversity-inclusion/';
const LEEDS = 'https://leedsth.nhs.uk/about/trust/equality-diversity/equality-delivery-system-eds';
const SYICS = 'https://syics.co.uk/icb/about-us/our-statutory-duties/equality-and-diversity/equality-delivery-system-eds/eds-domain-3';

export const EDS_OUTCOMES: readonly EdsOutcome[] = [
  { id: '1A', domain: '1', wording: 'Patients (service users) have required levels of access to the service', source: DBTH },
  { id: '1B', domain: '1', wording: 'Individual patients (service user’s) health needs are met', source: DBTH },
  { id: '1C', domain: '1', wording: 'When patients (service users) use the service, they are free from harm', source: DBTH },
  { id: '1D', domain: '1', wording: 'Patients (service users) report positive experiences of the service', source: DBTH },
  { id: '2A', domain: '2', wording: 'When at work, staff are provided with support to manage obesity, diabetes, asthma, COPD and mental health conditions', source: DBTH },
  { id: '2B', domain: '2', wording: 'When at work, staff are free from abuse, harassment, bullying and physical violence from any source', source: DBTH },
  { id: '2C', domain: '2', wording: 'Staff have access to independent support and advice when suffering from stress, abuse, bullying harassment and physical violence from any source', source: null },
  { id: '2D', domain: '2', wording: 'Staff recommend the organisation as a place to work and receive treatment', source: LEEDS },
  {
    id: '3A', domain: '3', source: SYICS,
    wording: 'Board members, system leaders (Band 9 and VSM) and those with line management responsibilities routinely demonstrate their understanding of, and commitment to, equality and health inequalities',
  },
  {
    id: '3B', domain: '3', source: SYICS,
    wording: 'Board/Committee papers (including minutes) identify equality and health inequalities related impacts and risks and how they will be mitigated and managed',
  },
  {
    id: '3C', domain: '3', source: SYICS,
    wording: 'Board members and system leaders (Band 9 and VSM) ensure levers are in place to manage performance and monitor progress with staff and patients',
  },
];

export const EDS_OUTCOME_IDS: readonly EdsOutcomeId[] = EDS_OUTCOMES.map((o) => o.id);

export function edsOutcome(id: string): EdsOutcome | null {
  return EDS_OUTCOMES.find((o) => o.id === id.toUpperCase()) ?? null;
}

export function edsDomain(id: EdsDomainId): EdsDomain {
  return EDS_DOMAINS.find((d) => d.id === id)!;
}

/** An outcome's rating: 0 Undeveloped, 1 Developing, 2 Achieving, 3 Excelling. */
export type EdsRating = 0 | 1 | 2 | 3;
export const EDS_RATINGS: readonly EdsRating[] = [0, 1, 2, 3];

/**
 * The ratings' names. "Excelling" as in EDS2 and as most trusts write it; one system writes "Excellent activity"
 * (docs/methodology.md). Only Achieving = 2 is seen in a source ("2/Achieving"); the other numbers follow the order.
 */
export const RATING_LABELS: Readonly<Record<EdsRating, string>> = { 0: 'Undeveloped', 1: 'Developing', 2: 'Achieving', 3: 'Excelling' };

/** A rating from a form's value "0" to "3", or null. */
export function parseRating(raw: unknown): EdsRating | null {
  return typeof raw === 'string' && /^[0-3]$/.test(raw.trim()) ? (Number(raw.trim()) as EdsRating) : null;
}

/** "2/Achieving", the way trusts publish an outcome's rating. */
export function ratingText(rating: EdsRating): string {
  return `${rating}/${RATING_LABELS[rating]}`;
}
