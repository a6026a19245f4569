/**
 * The national figures form in words and its reading: what each indicator's counts are called, each field's id, and
 * the check of one indicator's form (every field, events against people, and whether the relative likelihood can be
 * calculated and centre a funnel plot). Used by the national figures page and by the comparisons page's words.
 */
import { nationalRatio } from '../../core/comparisons/national-figure.ts';
import type { NationalIndicator, NewNationalFigure } from '../../store/store.ts';
import { type FormBody, FormErrors, textField } from '../../web/auth/forms.ts';
import { INDICATOR_WORDS } from './words.ts';

export { countsText, INDICATOR_WORDS } from './words.ts';

export const NATIONAL_INDICATORS: readonly NationalIndicator[] = ['2', '3', '4'];
export const SOURCE_MAX_LENGTH = 500;
export const FIRST_YEAR = 2000;
export const LAST_YEAR = 2100;
/** Nine digits is more than every NHS trust's staff together, many times over. */
const COUNT_MAX_DIGITS = 9;


type Group = 'white' | 'ethnicMinority';
export type CountField = 'whitePopulation' | 'whiteEvents' | 'ethnicMinorityPopulation' | 'ethnicMinorityEvents';
export type Field = 'year' | CountField | 'source';
/** The form's fields in the order it shows them, which is the order of the error summary. */
export const FIELDS: readonly Field[] = ['year', 'whitePopulation', 'whiteEvents', 'ethnicMinorityPopulation', 'ethnicMinorityEvents', 'source'];

const GROUP_WORDS: Readonly<Record<Group, string>> = { white: 'White', ethnicMinority: 'Ethnic minority' };

function groupPhrase(group: Group, indicator: NationalIndicator): string {
  return `${group === 'white' ? 'White' : 'ethnic minority'} ${INDICATOR_WORDS[indicator].people}`;
}

/** Label and sentence words for one count field. */
export function countWords(field: CountField, indicator: NationalIndicator): { label: string; phrase: string } {
  const group: Group = field.startsWith('white') ? 'white' : 'ethnicMinority';
  const words = INDICATOR_WORDS[indicator];
  const people = groupPhrase(group, indicator);
  const label = `${GROUP_WORDS[group]} ${words.people}`;
  return field.endsWith('Population')
    ? { label: `${label} ${words.population.label}`, phrase: `${people} ${words.population.phrase}` }
    : { label: `${label} ${words.events.label}`, phrase: `${people} ${words.events.label}` };
}

/** The id of a field on the form for one indicator (the page has one form per indicator). */
export function fieldId(indicator: NationalIndicator, field: Field): string {
  return `i${indicator}-${field}`;
}

export type FormValues = Readonly<Record<Field, string>>;
export const EMPTY_VALUES: FormValues = { year: '', whitePopulation: '', whiteEvents: '', ethnicMinorityPopulation: '', ethnicMinorityEvents: '', source: '' };

export type ParsedFigure =
  | { readonly ok: true; readonly figure: Omit<NewNationalFigure, 'enteredBy'> }
  | { readonly ok: false; readonly errors: FormErrors; readonly values: FormValues };

export function isNationalIndicator(value: unknown): value is NationalIndicator {
  return typeof value === 'string' && (NATIONAL_INDICATORS as readonly string[]).includes(value);
}

function parseYear(text: string): { value: number | null; problem: string | null } {
  if (text === '') return { value: null, problem: 'Enter the reporting year' };
  if (!/^\d{4}$/.test(text)) return { value: null, problem: 'Reporting year must be 4 digits, like 2025' };
  const year = Number(text);
  if (year < FIRST_YEAR || year > LAST_YEAR) return { value: null, problem: `Reporting year must be between ${FIRST_YEAR} and ${LAST_YEAR}` };
  return { value: year, problem: null };
}

/** A whole number of 0 or more; spaces and thousands commas, as in "12,345", are allowed. */
function parseCount(text: string, phrase: string): { value: number | null; problem: string | null } {
  const digits = text.replace(/[\s,]/g, '');
  if (digits === '') return { value: null, problem: `Enter the number of ${phrase}` };
  if (!/^\d+$/.test(digits)) return { value: null, problem: `The number of ${phrase} must be a whole number of 0 or more, like 1200` };
  if (digits.replace(/^0+(?=\d)/, '').length > COUNT_MAX_DIGITS) return { value: null, problem: `The number of ${phrase} must be 999,999,999 or fewer` };
  return { value: Number(digits), problem: null };
}

function parseSource(text: string): { value: string; problem: string | null } {
  const value = text.replace(/\s+/g, ' ').trim();
  if (value === '') return { value, problem: 'Enter the source: the title or web address of the publication the counts come from' };
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
  if (/[\u0000-\u001f\u007f]/.test(value)) return { value, problem: 'Source must be plain text' };
  if (value.length > SOURCE_MAX_LENGTH) return { value, problem: `Source must be ${SOURCE_MAX_LENGTH} characters or fewer` };
  return { value, problem: null };
}

/**
 * Reads one indicator's form. Every field is checked, then events against people in each group, then whether the
 * relative likelihood can be calculated from the counts (by the core function, in the indicator's orientation) and
 * is above 0, as a funnel plot's centre must be. Problems are located on the field to change.
 */
export function parseNationalFigure(indicator: NationalIndicator, body: FormBody): ParsedFigure {
  const values = Object.fromEntries(FIELDS.map((f) => [f, textField(body, f, { max: f === 'source' ? SOURCE_MAX_LENGTH * 2 : 40 })])) as Record<Field, string>;
  const problems = new Map<Field, string>();
  const note = (field: Field, problem: string | null) => {
    if (problem !== null && !problems.has(field)) problems.set(field, problem);
  };

  const year = parseYear(values.year);
  note('year', year.problem);
  const counts = {} as Record<CountField, number | null>;
  for (const field of ['whitePopulation', 'whiteEvents', 'ethnicMinorityPopulation', 'ethnicMinorityEvents'] as const) {
    const parsed = parseCount(values[field], countWords(field, indicator).phrase);
    counts[field] = parsed.value;
    note(field, parsed.problem);
  }
  const source = parseSource(values.source);
  note('source', source.problem);

  for (const group of ['white', 'ethnicMinority'] as const) {
    const events = counts[`${group}Events`];
    const population = counts[`${group}Population`];
    if (events !== null && population !== null && events > population) {
      note(`${group}Events`, `The number of ${countWords(`${group}Events`, indicator).phrase} must be no more than the number of ${countWords(`${group}Population`, indicator).phrase}`);
    }
  }

  if (problems.size === 0) {
    const white = { events: counts.whiteEvents!, population: counts.whitePopulation! };
    const ethnicMinority = { events: counts.ethnicMinorityEvents!, population: counts.ethnicMinorityPopulation! };
    const ratio = nationalRatio(indicator, { white, ethnicMinority });
    const { numerator, denominator } = ratio.orientation;
    const mustBeAboveZero = (field: CountField, why: string) =>
      note(field, `The number of ${countWords(field, indicator).phrase} must be more than 0, ${why}`);
    const cannot = 'or the relative likelihood cannot be calculated';
    if (ratio.undefinedReason === 'noNumeratorPopulation') mustBeAboveZero(`${numerator}Population`, cannot);
    else if (ratio.undefinedReason === 'noDenominatorPopulation') mustBeAboveZero(`${denominator}Population`, cannot);
    else if (ratio.undefinedReason === 'noDenominatorEvents') mustBeAboveZero(`${denominator}Events`, cannot);
    else if (!ratio.usableAsTarget) mustBeAboveZero(`${numerator}Events`, 'because a relative likelihood of 0 cannot be the centre of a funnel plot');
    if (problems.size === 0) {
      return { ok: true, figure: { year: year.value!, indicator, white, ethnicMinority, source: source.value } };
    }
  }

  const errors = new FormErrors();
  for (const field of FIELDS) errors.add(fieldId(indicator, field), problems.get(field) ?? null);
  return { ok: false, errors, values };
}
