/**
 * Ethnicity as WRES compares it: White (A, B, C) against ethnic minority (D–S), with unknown (Z, 99, blank) reported
 * but left out of every ratio. Specific comparisons take each stated category D–S, and the Data Dictionary's
 * aggregated headings, against White as a whole.
 */
import type { Characteristic, CategorySet } from '../indicators/characteristic.ts';
import { comparedGroupsOf, type ComparedGroups } from '../indicators/compared-groups.ts';
import { wresGroup, type WresGroup } from './classifications.ts';
import { NATIONAL_CATEGORIES, NATIONAL_CODES, type NationalCode } from './nhs-ethnic-category.ts';

/** Every category an ethnicity count can be kept under: the national codes and blank. */
export const ETHNICITY_CATEGORIES: readonly string[] = [...NATIONAL_CODES, 'missing'];

const ADJECTIVES: Readonly<Record<WresGroup, string>> = {
  white: 'White',
  ethnicMinority: 'ethnic minority',
  unknown: 'unknown ethnicity',
};

const specificSets: CategorySet[] = NATIONAL_CATEGORIES.filter((c) => wresGroup({ code: c.code }) === 'ethnicMinority').map(
  (c) => ({ key: c.code, label: c.label, categories: [c.code] }),
);

// Alphabetical, with Other last, as the Race Disparity Unit's style asks.
const aggregatedSets: CategorySet[] = [
  { key: 'asian', label: 'Asian or Asian British', categories: ['H', 'J', 'K', 'L'] },
  { key: 'black', label: 'Black or Black British', categories: ['M', 'N', 'P'] },
  { key: 'mixed', label: 'Mixed', categories: ['D', 'E', 'F', 'G'] },
  { key: 'other', label: 'Other ethnic groups (including Chinese)', categories: ['R', 'S'] },
];

export const WRES_ETHNICITY: Characteristic<WresGroup> = {
  id: 'ethnicity',
  groups: ['white', 'ethnicMinority', 'unknown'],
  referenceGroup: 'white',
  unknownGroup: 'unknown',
  groupOf: (category) => (category === 'missing' ? 'unknown' : wresGroup({ code: category as NationalCode })),
  adjective: (group) => ADJECTIVES[group],
  specificSets,
  aggregatedSets,
};

/** What the analyses over time, peers and bands compare for WRES: ethnic minority staff against White staff. */
export const WRES_COMPARED: ComparedGroups<WresCompared> = comparedGroupsOf(
  WRES_ETHNICITY, 'WRES', { focus: 'ethnicMinority', reference: 'white' },
  'White means NHS codes A to C and ethnic minority codes D to S; other codes are left out.',
);

/** The two groups WRES compares. */
export type WresCompared = 'white' | 'ethnicMinority';
