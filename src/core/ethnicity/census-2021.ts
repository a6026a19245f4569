/**
 * The 2021 census (England and Wales) ethnic groups: 19 groups in 5 aggregated groups, and how NHS codes map to them.
 *
 * Source: GOV.UK Ethnicity facts and figures, "List of ethnic groups". The map from the NHS 2001-based codes is lossy:
 * Roma and Arab have no NHS national code (they arrive only as census labels), and Chinese sits under Other Ethnic
 * Groups in the NHS codes but under Asian in the 2021 census.
 */
import type { NationalCode } from './nhs-ethnic-category.ts';

export const CENSUS_AGGREGATED_GROUPS = ['Asian', 'Black', 'Mixed', 'White', 'Other'] as const;
export type CensusAggregatedGroup = (typeof CENSUS_AGGREGATED_GROUPS)[number];

export interface CensusGroup {
  readonly id: string;
  readonly aggregated: CensusAggregatedGroup;
  readonly label: string;
}

export const CENSUS_2021_GROUPS: readonly CensusGroup[] = [
  { id: 'asian-indian', aggregated: 'Asian', label: 'Indian' },
  { id: 'asian-pakistani', aggregated: 'Asian', label: 'Pakistani' },
  { id: 'asian-bangladeshi', aggregated: 'Asian', label: 'Bangladeshi' },
  { id: 'asian-chinese', aggregated: 'Asian', label: 'Chinese' },
  { id: 'asian-other', aggregated: 'Asian', label: 'Any other Asian background' },
  { id: 'black-caribbean', aggregated: 'Black', label: 'Caribbean' },
  { id: 'black-african', aggregated: 'Black', label: 'African' },
  { id: 'black-other', aggregated: 'Black', label: 'Any other Black, Black British or Caribbean background' },
  { id: 'mixed-white-black-caribbean', aggregated: 'Mixed', label: 'White and Black Caribbean' },
  { id: 'mixed-white-black-african', aggregated: 'Mixed', label: 'White and Black African' },
  { id: 'mixed-white-asian', aggregated: 'Mixed', label: 'White and Asian' },
  { id: 'mixed-other', aggregated: 'Mixed', label: 'Any other Mixed or multiple ethnic background' },
  { id: 'white-british', aggregated: 'White', label: 'English, Welsh, Scottish, Northern Irish or British' },
  { id: 'white-irish', aggregated: 'White', label: 'Irish' },
  { id: 'white-gypsy-irish-traveller', aggregated: 'White', label: 'Gypsy or Irish Traveller' },
  { id: 'white-roma', aggregated: 'White', label: 'Roma' },
  { id: 'white-other', aggregated: 'White', label: 'Any other White background' },
  { id: 'other-arab', aggregated: 'Other', label: 'Arab' },
  { id: 'other-any', aggregated: 'Other', label: 'Any other ethnic group' },
];

export type CensusGroupId = string;

/** Census group for each stated national code (Z and 99 have none). */
export const CENSUS_BY_NATIONAL_CODE: Readonly<Partial<Record<NationalCode, CensusGroupId>>> = {
  A: 'white-british',
  B: 'white-irish',
  C: 'white-other',
  D: 'mixed-white-black-caribbean',
  E: 'mixed-white-black-african',
  F: 'mixed-white-asian',
  G: 'mixed-other',
  H: 'asian-indian',
  J: 'asian-pakistani',
  K: 'asian-bangladeshi',
  L: 'asian-other',
  M: 'black-caribbean',
  N: 'black-african',
  P: 'black-other',
  R: 'asian-chinese',
  S: 'other-any',
};

/** Sub-codes that name a census group more precisely than their parent code does. */
export const CENSUS_BY_SUB_CODE: Readonly<Record<string, CensusGroupId>> = {
  C2: 'white-british',
  CA: 'white-british',
  CB: 'white-british',
  CC: 'white-british',
  CD: 'white-british',
  CL: 'white-gypsy-irish-traveller',
  CM: 'white-gypsy-irish-traveller',
  CN: 'white-gypsy-irish-traveller',
};

/**
 * Census labels that users write in files, with the national code each belongs to. Roma and Gypsy or Irish Traveller
 * roll up to C (White - Any other White background), Arab to S, as the NHS coding does.
 */
export const CENSUS_LABEL_CODES: Readonly<Record<CensusGroupId, NationalCode>> = {
  'asian-indian': 'H',
  'asian-pakistani': 'J',
  'asian-bangladeshi': 'K',
  'asian-chinese': 'R',
  'asian-other': 'L',
  'black-caribbean': 'M',
  'black-african': 'N',
  'black-other': 'P',
  'mixed-white-black-caribbean': 'D',
  'mixed-white-black-african': 'E',
  'mixed-white-asian': 'F',
  'mixed-other': 'G',
  'white-british': 'A',
  'white-irish': 'B',
  'white-gypsy-irish-traveller': 'C',
  'white-roma': 'C',
  'white-other': 'C',
  'other-arab': 'S',
  'other-any': 'S',
};

const groupById = new Map(CENSUS_2021_GROUPS.map((g) => [g.id, g]));

export function censusGroup(id: CensusGroupId): CensusGroup {
  const group = groupById.get(id);
  if (!group) throw new Error(`Unknown census group ${id}`);
  return group;
}
