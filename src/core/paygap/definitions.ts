/**
 * Pay gaps declared over the engine's characteristics (src/core/indicators/characteristic.ts): each is a
 * characteristic with a reference group and a focus group, its aggregated and specific sets, and the words the
 * report needs. The arithmetic is written once, in report.ts; gender, ethnicity and disability only declare.
 *
 * - Gender: women compared with men. Other recorded genders are counted and reported but are not in the binary gap.
 * - Ethnicity: every stated group outside the reference compared with it; the reference is White (A, B, C) as in
 *   WRES, or White British (A) as in the government's ethnicity pay reporting guidance.
 * - Disability: Disabled staff compared with non-disabled staff, as WDES does.
 */
import { WDES_DISABILITY, DISABILITY_CATEGORIES, type DisabilityGroup } from '../disability/characteristic.ts';
import { ETHNICITY_CATEGORIES, WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import { NATIONAL_CATEGORIES, type NationalCode } from '../ethnicity/nhs-ethnic-category.ts';
import type { CategorySet, Characteristic } from '../indicators/characteristic.ts';
import type { PayPerson } from './pay-person.ts';

/** How a set of people is named: in tables, in sentences, and (where it reads naturally) as a possessive. */
export interface SetText {
  /** Table label: "Women", "Asian or Asian British". */
  readonly label: string;
  /** Plural noun phrase: "women", "White staff", "Disabled staff". */
  readonly noun: string;
  /** "women's": when both sides of a comparison have one, sentences read "Women's median … than men's". */
  readonly possessive?: string;
}

export interface PayGapDefinition<G extends string> {
  readonly id: 'gender' | 'ethnicity' | 'disability';
  readonly title: string;
  readonly characteristic: Characteristic<G>;
  /** The group compared with the characteristic's reference group in the headline figures. */
  readonly focusGroup: G;
  /** Every category a person can be in, in reading order. */
  readonly categories: readonly string[];
  categoryOf(person: PayPerson): string;
  readonly groupText: Readonly<Record<G, SetText>>;
  /** Each category of the unknown group, reported separately ("Not stated", "Blank"). */
  readonly unknownCategoryText: Readonly<Record<string, SetText>>;
  setText(set: CategorySet): SetText;
  /** What the share of people with a known value is called, and what it counts: "X% of relevant employees …". */
  readonly statedRate: { readonly name: string; readonly meaning: string };
}

// ---------------------------------------------------------------------------------------------------------- gender

export const GENDER_GROUPS = ['men', 'women', 'otherGender', 'unknown'] as const;
export type GenderGroup = (typeof GENDER_GROUPS)[number];
export const GENDER_CATEGORIES = ['male', 'female', 'other', 'notStated', 'missing'] as const;
export type GenderCategory = (typeof GENDER_CATEGORIES)[number];

const squash = (raw: string) => raw.toLowerCase().replace(/[^a-z]/g, '');
const MALE = new Set(['male', 'm', 'man']);
const FEMALE = new Set(['female', 'f', 'woman']);
const GENDER_NOT_STATED = new Set(
  ['Prefer not to say', 'Prefer not to answer', 'Not stated', 'Not declared', 'Not disclosed', 'Declined', 'Unknown', 'Not known', 'Unspecified']
    .map(squash),
);

/**
 * Male, M and Man are men; Female, F and Woman are women (any case, surrounding spaces ignored). "Prefer not to
 * say" and similar are not stated; blank is missing; any other value (e.g. "Non-binary") is another gender: counted
 * and reported, but not in the binary gap, which the regulations define between men and women.
 */
export function genderCategory(raw: string | null): GenderCategory {
  const key = squash(raw ?? '');
  if (key === '') return 'missing';
  if (MALE.has(key)) return 'male';
  if (FEMALE.has(key)) return 'female';
  if (GENDER_NOT_STATED.has(key)) return 'notStated';
  return 'other';
}

const GENDER_GROUP_OF: Readonly<Record<GenderCategory, GenderGroup>> = {
  male: 'men', female: 'women', other: 'otherGender', notStated: 'unknown', missing: 'unknown',
};

const GENDER_TEXT: Readonly<Record<GenderGroup, SetText>> = {
  men: { label: 'Men', noun: 'men', possessive: "men's" },
  women: { label: 'Women', noun: 'women', possessive: "women's" },
  otherGender: { label: 'Another gender (e.g. non-binary)', noun: 'people who recorded another gender' },
  unknown: { label: 'Gender not known', noun: 'people whose gender is not known' },
};

export const GENDER: Characteristic<GenderGroup> = {
  id: 'gender',
  groups: GENDER_GROUPS,
  referenceGroup: 'men',
  unknownGroup: 'unknown',
  groupOf: (category) => GENDER_GROUP_OF[category as GenderCategory] ?? 'unknown',
  adjective: (group) => GENDER_TEXT[group].noun,
  specificSets: [],
  aggregatedSets: [],
};

export const GENDER_PAY_GAP: PayGapDefinition<GenderGroup> = {
  id: 'gender',
  title: 'Gender pay gap',
  characteristic: GENDER,
  focusGroup: 'women',
  categories: GENDER_CATEGORIES,
  categoryOf: (person) => genderCategory(person.gender),
  groupText: GENDER_TEXT,
  unknownCategoryText: {
    notStated: { label: 'Not stated (e.g. prefer not to say)', noun: 'people who did not state their gender' },
    missing: { label: 'Blank', noun: 'people with no gender recorded' },
  },
  setText: (set) => ({ label: set.label, noun: set.label }),
  statedRate: { name: 'recording rate', meaning: 'have a gender recorded' },
};

// ------------------------------------------------------------------------------------------------------- ethnicity

export const ETHNICITY_REFERENCES = ['white', 'whiteBritish'] as const;
export type EthnicityReference = (typeof ETHNICITY_REFERENCES)[number];
export type WhiteBritishGroup = 'whiteBritish' | 'ethnicMinority' | 'unknown';

const UNKNOWN_CODES: ReadonlySet<string> = new Set(['Z', '99', 'missing']);

function whiteBritishGroup(category: string): WhiteBritishGroup {
  if (category === 'A') return 'whiteBritish';
  return UNKNOWN_CODES.has(category) ? 'unknown' : 'ethnicMinority';
}

const byLabel = (code: NationalCode): CategorySet => {
  const category = NATIONAL_CATEGORIES.find((c) => c.code === code);
  return { key: code, label: category?.label ?? code, categories: [code] };
};

/** White British against everyone else with a stated ethnicity, White minorities included (the government's usage). */
export const WHITE_BRITISH_ETHNICITY: Characteristic<WhiteBritishGroup> = {
  id: 'ethnicity',
  groups: ['whiteBritish', 'ethnicMinority', 'unknown'],
  referenceGroup: 'whiteBritish',
  unknownGroup: 'unknown',
  groupOf: whiteBritishGroup,
  adjective: (group) => ({ whiteBritish: 'White British', ethnicMinority: 'ethnic minority', unknown: 'unknown ethnicity' })[group],
  specificSets: NATIONAL_CATEGORIES.filter((c) => whiteBritishGroup(c.code) === 'ethnicMinority').map((c) => byLabel(c.code)),
  // Alphabetical with Other last, as in WRES, with the White minorities after Mixed.
  aggregatedSets: [
    ...WRES_ETHNICITY.aggregatedSets.filter((s) => s.key !== 'other'),
    { key: 'whiteOther', label: 'White Irish or any other White background', categories: ['B', 'C'] },
    ...WRES_ETHNICITY.aggregatedSets.filter((s) => s.key === 'other'),
  ],
};

const AGGREGATED_NOUNS: Readonly<Record<string, string>> = {
  asian: 'Asian or Asian British staff',
  black: 'Black or Black British staff',
  mixed: 'staff with a Mixed ethnic background',
  whiteOther: 'White Irish staff and staff from any other White background',
  other: 'staff from other ethnic groups (including Chinese)',
};

const ETHNICITY_UNKNOWN_TEXT: Readonly<Record<string, SetText>> = {
  Z: { label: 'Not stated (Z)', noun: 'staff who chose not to state their ethnicity' },
  '99': { label: 'Not known (99)', noun: 'staff whose ethnicity was not asked' },
  missing: { label: 'Blank', noun: 'staff with no ethnicity recorded' },
};

function ethnicitySetText(set: CategorySet): SetText {
  const noun = AGGREGATED_NOUNS[set.key] ?? `staff from the ${set.label} group`;
  return { label: set.label, noun };
}

function ethnicityDefinition<G extends string>(
  characteristic: Characteristic<G>,
  focusGroup: G,
  groupText: Readonly<Record<G, SetText>>,
): PayGapDefinition<G> {
  return {
    id: 'ethnicity',
    title: 'Ethnicity pay gap',
    characteristic,
    focusGroup,
    categories: ETHNICITY_CATEGORIES,
    categoryOf: (person) => person.ethnicity.code,
    groupText,
    unknownCategoryText: ETHNICITY_UNKNOWN_TEXT,
    setText: ethnicitySetText,
    statedRate: { name: 'disclosure rate', meaning: 'have a stated ethnicity (not Z, 99 or blank)' },
  };
}

export const ETHNICITY_PAY_GAP_WHITE = ethnicityDefinition(WRES_ETHNICITY, 'ethnicMinority', {
  white: { label: 'White', noun: 'White staff' },
  ethnicMinority: { label: 'Ethnic minority (excluding White minorities)', noun: 'ethnic minority staff' },
  unknown: { label: 'Ethnicity not known', noun: 'staff whose ethnicity is not known' },
});

export const ETHNICITY_PAY_GAP_WHITE_BRITISH = ethnicityDefinition(WHITE_BRITISH_ETHNICITY, 'ethnicMinority', {
  whiteBritish: { label: 'White British', noun: 'White British staff' },
  ethnicMinority: { label: 'Ethnic minority (including White minorities)', noun: 'ethnic minority staff, including White minorities,' },
  unknown: { label: 'Ethnicity not known', noun: 'staff whose ethnicity is not known' },
});

export function ethnicityPayGap(reference: EthnicityReference): PayGapDefinition<string> {
  return (reference === 'white' ? ETHNICITY_PAY_GAP_WHITE : ETHNICITY_PAY_GAP_WHITE_BRITISH) as PayGapDefinition<string>;
}

// ------------------------------------------------------------------------------------------------------ disability

export const DISABILITY_PAY_GAP: PayGapDefinition<DisabilityGroup> = {
  id: 'disability',
  title: 'Disability pay gap',
  characteristic: WDES_DISABILITY,
  focusGroup: 'disabled',
  categories: DISABILITY_CATEGORIES,
  categoryOf: (person) => person.disability,
  groupText: {
    disabled: { label: 'Disabled', noun: 'Disabled staff' },
    nonDisabled: { label: 'Non-disabled', noun: 'non-disabled staff' },
    unknown: { label: 'Disability not known', noun: 'staff whose disability status is not known' },
  },
  unknownCategoryText: {
    notDeclared: { label: 'Not declared (e.g. prefer not to say)', noun: 'staff who did not declare' },
    missing: { label: 'Blank', noun: 'staff with no disability status recorded' },
  },
  setText: (set) => ({ label: set.label, noun: set.label }),
  statedRate: { name: 'declaration rate', meaning: 'have declared whether they are disabled' },
};
