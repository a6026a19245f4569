/**
 * What the language check looks for, as data, with what GOV.UK's "Writing about ethnicity" (Race Disparity Unit,
 * October 2024) and the NHS service manual say instead (docs/methodology.md, "The language check"). Three kinds:
 * acronyms for groups of people, vague or outdated collective terms, and White and Black in lower case when used of
 * people. Each pattern is matched case-insensitively on whole words unless it says otherwise.
 */

export type FindingKind = 'acronym' | 'collective' | 'capitalisation';

export interface PhraseRule {
  readonly id: string;
  readonly kind: FindingKind;
  /** A regular expression source, matched on whole words (the check adds the word boundaries). */
  readonly pattern: string;
  /** Match case as written (for acronyms that are ordinary words in lower case). */
  readonly caseSensitive?: boolean;
  /** The word after the match must be one of PEOPLE (for terms that are only a problem when said of people). */
  readonly ofPeople?: boolean;
  /** The match is not flagged when the word before it is one of these (lower case). */
  readonly notAfter?: readonly string[];
  /** The match is not flagged when the word after it is one of these (lower case). */
  readonly notBefore?: readonly string[];
  readonly message: string;
  readonly suggestion: string;
}

/** Nouns for people and groups of people: what makes "coloured", "diverse", "white" or "black" about people. */
export const PEOPLE: ReadonlySet<string> = new Set([
  'staff', 'people', 'person', 'persons', 'colleague', 'colleagues', 'employee', 'employees', 'worker', 'workers', 'workforce',
  'nurse', 'nurses', 'doctor', 'doctors', 'midwife', 'midwives', 'consultant', 'consultants', 'clinician', 'clinicians',
  'applicant', 'applicants', 'candidate', 'candidates', 'recruit', 'recruits', 'hires', 'appointees', 'trainee', 'trainees',
  'student', 'students', 'patient', 'patients', 'respondent', 'respondents', 'manager', 'managers', 'leader', 'leaders',
  'member', 'members', 'director', 'directors', 'individual', 'individuals', 'community', 'communities', 'group', 'groups',
  'population', 'populations', 'residents', 'families', 'family', 'children', 'men', 'man', 'women', 'woman', 'boys', 'girls',
  'male', 'males', 'female', 'females', 'professionals', 'talent', 'heritage', 'background', 'backgrounds', 'ethnicity',
  'ethnicities', 'network', 'networks', 'counterparts', 'peers', 'majority', 'minority', 'minorities',
]);

const ETHNIC_MINORITIES = '"ethnic minority staff" (or "ethnic minorities": every ethnic group except White British)';

export const PHRASE_RULES: readonly PhraseRule[] = [
  {
    id: 'bame', kind: 'acronym', pattern: 'BAMER|BAME|BMER|BME|B\\.A\\.M\\.E\\.?|B\\.M\\.E\\.?',
    message: '"BAME" and "BME" group different ethnic groups together: they emphasise some, leave out others (Mixed, Other and White minorities) and hide differences between them.',
    suggestion: `Name the groups you mean (for example "Black African and Pakistani staff"), or say ${ETHNIC_MINORITIES}. NHS England's WRES return keeps "BME" for its own labels only.`,
  },
  {
    id: 'poc', kind: 'acronym', pattern: 'POC|PoC', caseSensitive: true, ofPeople: true,
    message: 'An acronym for groups of people: readers may not know it, and it groups different ethnic groups together.',
    suggestion: `Name the groups you mean, or say ${ETHNIC_MINORITIES}.`,
  },
  {
    id: 'bipoc', kind: 'acronym', pattern: 'BIPOC',
    message: 'An acronym for groups of people: readers may not know it, and it groups different ethnic groups together.',
    suggestion: `Name the groups you mean, or say ${ETHNIC_MINORITIES}.`,
  },
  {
    id: 'spelled-out-bame', kind: 'collective', pattern: 'black,?\\s+asian(?:,)?\\s+and\\s+minority\\s+ethnic|black\\s+and\\s+minority\\s+ethnic|black\\s+and\\s+ethnic\\s+minority',
    message: '"Black, Asian and minority ethnic" is BAME spelled out: it groups different ethnic groups together in the same way.',
    suggestion: `Name the groups you mean, or say ${ETHNIC_MINORITIES}. If the WRES's own definition is meant, say so once: "ethnic minority staff (the WRES's BME group)".`,
  },
  {
    id: 'non-white', kind: 'collective', pattern: 'non[-\\s]?white',
    message: '"Non-White" defines people by what they are not.',
    suggestion: 'Say "ethnic minorities (excluding White minorities)", or "other than White" if space is short; "all other ethnic groups combined" when comparing with the White group.',
  },
  {
    id: 'coloured', kind: 'collective', pattern: 'colou?red', ofPeople: true,
    message: '"Coloured" is an offensive, outdated term for people.',
    suggestion: 'Name the ethnic groups you mean, for example "Black Caribbean staff".',
  },
  {
    id: 'coloureds', kind: 'collective', pattern: 'colou?reds',
    message: '"Coloureds" is an offensive, outdated term for people.',
    suggestion: 'Name the ethnic groups you mean, for example "Black Caribbean staff".',
  },
  {
    id: 'of-colour', kind: 'collective', pattern: '(?:people|persons|staff|colleagues|women|men|communities|nurses|doctors)\\s+of\\s+colou?r',
    message: 'A collective term that groups different ethnic groups together; it is not one GOV.UK\'s guidance uses.',
    suggestion: `Name the groups you mean, or say ${ETHNIC_MINORITIES}.`,
  },
  {
    id: 'ethnics', kind: 'collective', pattern: 'ethnics',
    message: '"Ethnics" is not a word for people: everyone has an ethnicity.',
    suggestion: `Say ${ETHNIC_MINORITIES}, or name the groups.`,
  },
  {
    id: 'ethnic-people', kind: 'collective', pattern: 'ethnic', ofPeople: true, notAfter: ['minority', 'majority'], notBefore: ['minority', 'minorities', 'majority', 'group', 'groups', 'background', 'backgrounds', 'ethnicity'],
    message: '"Ethnic" alone does not say who is meant: everyone has an ethnicity.',
    suggestion: `Say ${ETHNIC_MINORITIES}, or name the groups.`,
  },
  {
    id: 'minorities', kind: 'collective', pattern: 'minorit(?:y|ies)', notAfter: ['ethnic', 'sexual', 'religious', 'gender', 'national', 'linguistic', 'white', 'visible', 'a', 'the'],
    notBefore: ['ethnic', 'of', 'shareholder', 'shareholders', 'stake', 'interest', 'report', 'view', 'opinion', 'vote'],
    message: '"Minorities" or "minority" without "ethnic" does not say which minorities are meant.',
    suggestion: `Say ${ETHNIC_MINORITIES}, or name the groups.`,
  },
  {
    id: 'diverse-people', kind: 'collective', pattern: 'diverse', ofPeople: true,
    notBefore: ['group', 'groups', 'workforce', 'population', 'populations', 'community', 'communities', 'background', 'backgrounds', 'network', 'networks', 'heritage', 'majority', 'minority', 'minorities', 'ethnicity', 'ethnicities'],
    message: '"Diverse" describes a group, not a person, and does not say who is meant.',
    suggestion: `Name the groups you mean, for example "Black and Asian candidates", or say ${ETHNIC_MINORITIES}.`,
  },
  {
    id: 'blacks', kind: 'collective', pattern: 'blacks|whites', notBefore: ['out'], notAfter: ['egg'],
    message: '"Blacks" and "Whites" use a colour as a noun for people.',
    suggestion: 'Say "Black people" or "the Black ethnic group"; "White people" or "the White ethnic group".',
  },
  {
    id: 'mixed-people', kind: 'collective', pattern: 'mixed\\s+(?:people|staff|colleagues|applicants|candidates|patients)', caseSensitive: false,
    message: 'GOV.UK\'s guidance does not say "Mixed people".',
    suggestion: 'Say "people with a Mixed ethnic background" or "people from the Mixed ethnic group".',
  },
];

export const CAPITALISATION = {
  message: 'When it is used of people or ethnic groups, write the name of the ethnic group with a capital letter.',
  suggestion: (word: string) => `Write "${word[0]!.toUpperCase()}${word.slice(1)}", as GOV.UK and the NHS service manual do (for example "${word[0]!.toUpperCase()}${word.slice(1)} staff", "the ${word[0]!.toUpperCase()}${word.slice(1)} ethnic group").`,
};

/**
 * Words that may stand between "white" or "black" and the noun they describe ("black and minority ethnic staff",
 * "white British nurses"). Those marked ethnic make the phrase about ethnicity whatever noun follows.
 */
export const ETHNIC_QUALIFIERS: ReadonlySet<string> = new Set([
  'british', 'irish', 'african', 'caribbean', 'asian', 'ethnic', 'minority', 'mixed', 'european', 'gypsy', 'roma', 'traveller', 'english', 'scottish', 'welsh',
]);
export const LINKS: ReadonlySet<string> = new Set(['and', 'or', 'other', 'black', 'white', 'any']);
