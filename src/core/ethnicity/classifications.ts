/**
 * Classifications: named ways of grouping a person's ethnicity, each a list of groups with the codes they hold.
 * Modelled on the Race Disparity Unit's named classifications. WRES uses the three-way grouping below.
 */
import { CENSUS_BY_NATIONAL_CODE, CENSUS_BY_SUB_CODE, censusGroup, type CensusAggregatedGroup } from './census-2021.ts';
import { nationalCategory, type NationalCode, type NhsEthnicGroup } from './nhs-ethnic-category.ts';

/** A recognised ethnicity value: always a national code, sometimes a sub-code or a census group it came from. */
export interface Ethnicity {
  /** `missing` when the field was blank: kept apart from Z and 99. */
  readonly code: NationalCode | 'missing';
  readonly subCode?: string;
  /** Present when the raw value named a census group more precisely than the national code can (e.g. Roma). */
  readonly census2021?: string;
}

export const MISSING: Ethnicity = Object.freeze({ code: 'missing' });

/** WRES groups: White = A, B, C and their sub-codes; ethnic minority = D–S; unknown = Z, 99 and blank. */
export const WRES_GROUPS = ['white', 'ethnicMinority', 'unknown'] as const;
export type WresGroup = (typeof WRES_GROUPS)[number];

const WHITE_CODES: ReadonlySet<string> = new Set(['A', 'B', 'C']);
const UNKNOWN_CODES: ReadonlySet<string> = new Set(['Z', '99', 'missing']);

export function wresGroup(ethnicity: Ethnicity): WresGroup {
  if (WHITE_CODES.has(ethnicity.code)) return 'white';
  if (UNKNOWN_CODES.has(ethnicity.code)) return 'unknown';
  return 'ethnicMinority';
}

/** Why an ethnicity is unknown: Z (not stated), 99 (not known) and blank are reported separately. */
export type UnknownReason = 'notStated' | 'notKnown' | 'missing';

export function unknownReason(ethnicity: Ethnicity): UnknownReason | null {
  switch (ethnicity.code) {
    case 'Z':
      return 'notStated';
    case '99':
      return 'notKnown';
    case 'missing':
      return 'missing';
    default:
      return null;
  }
}

/** The census 2021 group of a stated ethnicity, or null for unknowns. */
export function census2021Group(ethnicity: Ethnicity): string | null {
  if (ethnicity.census2021) return ethnicity.census2021;
  if (ethnicity.subCode && CENSUS_BY_SUB_CODE[ethnicity.subCode]) return CENSUS_BY_SUB_CODE[ethnicity.subCode] ?? null;
  if (ethnicity.code === 'missing') return null;
  return CENSUS_BY_NATIONAL_CODE[ethnicity.code] ?? null;
}

export function census2021Aggregated(ethnicity: Ethnicity): CensusAggregatedGroup | null {
  const id = census2021Group(ethnicity);
  return id ? censusGroup(id).aggregated : null;
}

/** The Data Dictionary heading a stated code sits under (Chinese under Other Ethnic Groups), or null. */
export function nhsEthnicGroup(ethnicity: Ethnicity): NhsEthnicGroup | null {
  if (ethnicity.code === 'missing') return null;
  return nationalCategory(ethnicity.code).group;
}

/** A short, specific name for display: "Indian", "White and Black Caribbean", "Not stated". */
export function displayName(code: NationalCode | 'missing'): string {
  return code === 'missing' ? 'Not recorded (blank)' : nationalCategory(code).label;
}
