/**
 * Reading a raw ethnicity value from a workforce file. Matching ignores case, spaces and punctuation, so
 * "White - British", "WHITE BRITISH", "white–british" and "A" all read as A. A value that matches nothing is
 * reported, never guessed: the caller gets `null` and must raise a located error.
 */
import { CENSUS_2021_GROUPS, CENSUS_BY_NATIONAL_CODE, CENSUS_LABEL_CODES } from './census-2021.ts';
import { MISSING, type Ethnicity } from './classifications.ts';
import { memoise } from '../util/memoise.ts';
import { NATIONAL_CATEGORIES, SUB_CODES, type NationalCode, type NhsEthnicGroup } from './nhs-ethnic-category.ts';

/** Lower-case letters and digits only: "White – British " → "whitebritish". */
export function normaliseLabel(raw: string): string {
  return raw
    .normalize('NFKD')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/** How sub-code labels are written with their heading in local lists, e.g. "White - Polish", "Black - Somali". */
const HEADING_SPELLINGS: Readonly<Record<NhsEthnicGroup, readonly string[]>> = {
  White: ['White'],
  Mixed: ['Mixed'],
  'Asian or Asian British': ['Asian', 'Asian or Asian British'],
  'Black or Black British': ['Black', 'Black or Black British'],
  'Other Ethnic Groups': ['Other', 'Other Ethnic Group', 'Other Ethnic Groups'],
};

function buildIndex(): { index: Map<string, Ethnicity>; ambiguous: Set<string> } {
  const index = new Map<string, Ethnicity>();
  const ambiguous = new Set<string>();
  const add = (spelling: string, value: Ethnicity) => {
    const key = normaliseLabel(spelling);
    if (key === '' || ambiguous.has(key)) return;
    const existing = index.get(key);
    if (existing && !sameEthnicity(existing, value)) {
      // Two meanings for one spelling: accept neither, so the user is asked rather than guessed for.
      index.delete(key);
      ambiguous.add(key);
      return;
    }
    index.set(key, value);
  };

  for (const category of NATIONAL_CATEGORIES) {
    const value: Ethnicity = Object.freeze({ code: category.code });
    add(category.code, value);
    add(category.label, value);
    for (const alias of category.aliases) add(alias, value);
    if (category.group) add(`${category.group} ${category.name}`, value);
  }
  for (const sub of SUB_CODES) {
    const value: Ethnicity = Object.freeze({ code: sub.parent, subCode: sub.code });
    const parent = NATIONAL_CATEGORIES.find((c) => c.code === sub.parent);
    add(sub.code, value);
    add(sub.label, value);
    for (const heading of parent?.group ? HEADING_SPELLINGS[parent.group] : []) add(`${heading} - ${sub.label}`, value);
  }
  for (const group of CENSUS_2021_GROUPS) {
    const code = CENSUS_LABEL_CODES[group.id] as NationalCode;
    // Carry the census group only where it says more than the national code does (Roma, Arab, Gypsy or Irish Traveller).
    const value: Ethnicity =
      CENSUS_BY_NATIONAL_CODE[code] === group.id ? Object.freeze({ code }) : Object.freeze({ code, census2021: group.id });
    add(`${group.aggregated} ${group.label}`, value);
    // Bare labels only where they are specific ("Roma", "Arab"); "Irish" alone stays with code B above.
    if (!index.has(normaliseLabel(group.label))) add(group.label, value);
  }
  return { index, ambiguous };
}

function sameEthnicity(a: Ethnicity, b: Ethnicity): boolean {
  return a.code === b.code && a.subCode === b.subCode && a.census2021 === b.census2021;
}

const { index: INDEX, ambiguous: AMBIGUOUS } = buildIndex();

/** "A - White - British", "CP: Polish", "99 Not known": a code written before its own label. */
const CODE_THEN_LABEL = /^\s*([A-Za-z][A-Za-z0-9]?|99)\s*[-–—:.)|]?\s+(.+)$/;

/**
 * Reads one raw value. Blank (or only spaces) is `missing`. Returns null when the value is not recognised or when
 * a code and a label in the same value disagree.
 */
export function matchEthnicity(raw: string | null | undefined): Ethnicity | null {
  if (raw === null || raw === undefined) return MISSING;
  return matchNonNull(raw);
}

const matchNonNull = memoise((raw: string): Ethnicity | null => {
  if (raw.trim() === '') return MISSING;
  const direct = INDEX.get(normaliseLabel(raw));
  if (direct) return direct;

  const parts = CODE_THEN_LABEL.exec(raw);
  if (parts) {
    const byCode = INDEX.get(normaliseLabel(parts[1] ?? ''));
    const byLabel = INDEX.get(normaliseLabel(parts[2] ?? ''));
    if (byCode && byLabel && byCode.code === byLabel.code && (!byCode.subCode || byCode.subCode === byLabel.subCode)) {
      return byLabel.subCode || byLabel.census2021 ? byLabel : byCode;
    }
  }
  return null;
});

/** Every spelling the matcher accepts, for documentation and tests. */
export function acceptedSpellings(): ReadonlyMap<string, Ethnicity> {
  return INDEX;
}

/** Spellings that would mean two different things; none are accepted. Kept empty by a test. */
export function ambiguousSpellings(): ReadonlySet<string> {
  return AMBIGUOUS;
}
