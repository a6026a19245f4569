/**
 * NHS Data Dictionary ETHNIC CATEGORY (the 2001 census "16+1" classification) as data.
 *
 * Source: https://www.datadictionary.nhs.uk/data_elements/ethnic_category.html. The first character carries the
 * national code; Z is "Not stated" (asked, chose not to say) and 99 is "Not known" (not asked). They are kept apart
 * everywhere because they mean different things for data quality.
 */

export const NATIONAL_CODES = [
  'A', 'B', 'C', 'D', 'E', 'F', 'G', 'H', 'J', 'K', 'L', 'M', 'N', 'P', 'R', 'S', 'Z', '99',
] as const;
export type NationalCode = (typeof NATIONAL_CODES)[number];

/** The Data Dictionary's own heading for each block of codes. */
export type NhsEthnicGroup =
  | 'White'
  | 'Mixed'
  | 'Asian or Asian British'
  | 'Black or Black British'
  | 'Other Ethnic Groups';

export interface NationalCategory {
  readonly code: NationalCode;
  /** The Data Dictionary label, e.g. "Asian or Asian British - Indian". */
  readonly label: string;
  /** The heading the code sits under; null for Z and 99. */
  readonly group: NhsEthnicGroup | null;
  /** What follows the heading, used in tables where the heading is already given, e.g. "Indian". */
  readonly name: string;
  /** Extra spellings seen in workforce systems, matched after normalisation (see match.ts). */
  readonly aliases: readonly string[];
}

export const NATIONAL_CATEGORIES: readonly NationalCategory[] = [
  { code: 'A', label: 'White - British', group: 'White', name: 'British', aliases: [] },
  { code: 'B', label: 'White - Irish', group: 'White', name: 'Irish', aliases: [] },
  {
    code: 'C', label: 'White - Any other White background', group: 'White', name: 'Any other White background',
    aliases: ['White - Other', 'Other White', 'White Other'],
  },
  { code: 'D', label: 'Mixed - White and Black Caribbean', group: 'Mixed', name: 'White and Black Caribbean', aliases: [] },
  { code: 'E', label: 'Mixed - White and Black African', group: 'Mixed', name: 'White and Black African', aliases: [] },
  { code: 'F', label: 'Mixed - White and Asian', group: 'Mixed', name: 'White and Asian', aliases: [] },
  {
    code: 'G', label: 'Mixed - Any other mixed background', group: 'Mixed', name: 'Any other Mixed background',
    aliases: ['Mixed - Other', 'Other Mixed'],
  },
  { code: 'H', label: 'Asian or Asian British - Indian', group: 'Asian or Asian British', name: 'Indian', aliases: ['Asian - Indian'] },
  { code: 'J', label: 'Asian or Asian British - Pakistani', group: 'Asian or Asian British', name: 'Pakistani', aliases: ['Asian - Pakistani'] },
  { code: 'K', label: 'Asian or Asian British - Bangladeshi', group: 'Asian or Asian British', name: 'Bangladeshi', aliases: ['Asian - Bangladeshi'] },
  {
    code: 'L', label: 'Asian or Asian British - Any other Asian background', group: 'Asian or Asian British',
    name: 'Any other Asian background', aliases: ['Asian - Other', 'Other Asian', 'Asian - Any other Asian background'],
  },
  { code: 'M', label: 'Black or Black British - Caribbean', group: 'Black or Black British', name: 'Caribbean', aliases: ['Black - Caribbean'] },
  { code: 'N', label: 'Black or Black British - African', group: 'Black or Black British', name: 'African', aliases: ['Black - African'] },
  {
    code: 'P', label: 'Black or Black British - Any other Black background', group: 'Black or Black British',
    name: 'Any other Black background', aliases: ['Black - Other', 'Other Black', 'Black - Any other Black background'],
  },
  { code: 'R', label: 'Other Ethnic Groups - Chinese', group: 'Other Ethnic Groups', name: 'Chinese', aliases: ['Chinese', 'Other - Chinese'] },
  {
    code: 'S', label: 'Other Ethnic Groups - Any other ethnic group', group: 'Other Ethnic Groups',
    name: 'Any other ethnic group', aliases: ['Any other ethnic group', 'Other ethnic group', 'Other - Any other ethnic group'],
  },
  {
    code: 'Z', label: 'Not stated', group: null, name: 'Not stated',
    aliases: ['Prefer not to say', 'Not declared', 'Declined', 'Not disclosed', 'I do not wish to disclose my ethnic origin'],
  },
  { code: '99', label: 'Not known', group: null, name: 'Not known', aliases: ['Unknown', 'Unspecified', 'Not recorded'] },
];

export interface SubCode {
  /** Two characters; the first is the national code it rolls up to. */
  readonly code: string;
  readonly parent: NationalCode;
  readonly label: string;
}

/**
 * Two-character sub-codes of the CareConnect-EthnicCategory-1 value set (used by PDS and widely in local lists).
 * Source: NHS Digital Child Health FHIR mapping, see docs/methodology.md. Only these are accepted: a second
 * character invented locally (say "NK" meant as "not known") would otherwise be read silently as a national code.
 */
export const SUB_CODES: readonly SubCode[] = [
  { code: 'C2', parent: 'C', label: 'Northern Irish' },
  { code: 'C3', parent: 'C', label: 'Other white / white unspecified' },
  { code: 'CA', parent: 'C', label: 'English' },
  { code: 'CB', parent: 'C', label: 'Scottish' },
  { code: 'CC', parent: 'C', label: 'Welsh' },
  { code: 'CD', parent: 'C', label: 'Cornish' },
  { code: 'CE', parent: 'C', label: 'Cypriot (part not stated)' },
  { code: 'CF', parent: 'C', label: 'Greek' },
  { code: 'CG', parent: 'C', label: 'Greek Cypriot' },
  { code: 'CH', parent: 'C', label: 'Turkish' },
  { code: 'CJ', parent: 'C', label: 'Turkish Cypriot' },
  { code: 'CK', parent: 'C', label: 'Italian' },
  { code: 'CL', parent: 'C', label: 'Irish Traveller' },
  { code: 'CM', parent: 'C', label: 'Traveller' },
  { code: 'CN', parent: 'C', label: 'Gypsy/Romany' },
  { code: 'CP', parent: 'C', label: 'Polish' },
  { code: 'CQ', parent: 'C', label: 'All republics of the former USSR' },
  { code: 'CR', parent: 'C', label: 'Kosovan' },
  { code: 'CS', parent: 'C', label: 'Albanian' },
  { code: 'CT', parent: 'C', label: 'Bosnian' },
  { code: 'CU', parent: 'C', label: 'Croatian' },
  { code: 'CV', parent: 'C', label: 'Serbian' },
  { code: 'CW', parent: 'C', label: 'Other republics of former Yugoslavia' },
  { code: 'CX', parent: 'C', label: 'Mixed white' },
  { code: 'CY', parent: 'C', label: 'Other white European / European unspecified / European mixed' },
  { code: 'GA', parent: 'G', label: 'Black and Asian' },
  { code: 'GB', parent: 'G', label: 'Black and Chinese' },
  { code: 'GC', parent: 'G', label: 'Black and White' },
  { code: 'GD', parent: 'G', label: 'Chinese and White' },
  { code: 'GE', parent: 'G', label: 'Asian and Chinese' },
  { code: 'GF', parent: 'G', label: 'Other mixed / mixed unspecified' },
  { code: 'LA', parent: 'L', label: 'Mixed Asian' },
  { code: 'LB', parent: 'L', label: 'Punjabi' },
  { code: 'LC', parent: 'L', label: 'Kashmiri' },
  { code: 'LD', parent: 'L', label: 'East African Asian' },
  { code: 'LE', parent: 'L', label: 'Sri Lanka' },
  { code: 'LF', parent: 'L', label: 'Tamil' },
  { code: 'LG', parent: 'L', label: 'Sinhalese' },
  { code: 'LH', parent: 'L', label: 'British Asian' },
  { code: 'LJ', parent: 'L', label: 'Caribbean Asian' },
  { code: 'LK', parent: 'L', label: 'Other Asian / Asian unspecified' },
  { code: 'PA', parent: 'P', label: 'Somali' },
  { code: 'PB', parent: 'P', label: 'Mixed Black' },
  { code: 'PC', parent: 'P', label: 'Nigerian' },
  { code: 'PD', parent: 'P', label: 'Black British' },
  { code: 'PE', parent: 'P', label: 'Other Black / Black unspecified' },
  { code: 'SA', parent: 'S', label: 'Vietnamese' },
  { code: 'SB', parent: 'S', label: 'Japanese' },
  { code: 'SC', parent: 'S', label: 'Filipino' },
  { code: 'SD', parent: 'S', label: 'Malaysian' },
  { code: 'SE', parent: 'S', label: 'Any other group' },
];

const categoryByCode = new Map(NATIONAL_CATEGORIES.map((c) => [c.code, c]));
const subCodeByCode = new Map(SUB_CODES.map((s) => [s.code, s]));

export function nationalCategory(code: NationalCode): NationalCategory {
  const category = categoryByCode.get(code);
  if (!category) throw new Error(`Unknown national ethnic category code ${code}`);
  return category;
}

export function subCode(code: string): SubCode | undefined {
  return subCodeByCode.get(code);
}

/** The stated categories A–S, in Data Dictionary order. */
export const STATED_CODES = NATIONAL_CODES.filter((c) => c !== 'Z' && c !== '99');
