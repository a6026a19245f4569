/**
 * Pure parsers for single cell values. Each returns the value or what was expected, never throws, and leaves the
 * question of whether a blank is allowed to the caller (blank → null unless a parser says otherwise).
 */
import { memoise } from '../core/util/memoise.ts';
import type { DisabilityStatus } from '../core/records.ts';

export type FieldResult<T> =
  | { readonly ok: true; readonly value: T }
  | {
      readonly ok: false;
      /** What would have been accepted, e.g. "yes or no". */
      readonly expected: string;
      /** Why this value in particular is wrong, when that says more than "not valid". */
      readonly reason?: string;
    };

const ok = <T>(value: T): FieldResult<T> => ({ ok: true, value });
const fail = <T>(expected: string, reason?: string): FieldResult<T> =>
  reason === undefined ? { ok: false, expected } : { ok: false, expected, reason };

/** Lower-case letters and digits only, so "Prefer not to say" and "prefer-not-to-say" compare equal. */
function squash(raw: string): string {
  return raw.toLowerCase().replace(/[^a-z0-9]/g, '');
}

// ---------------------------------------------------------------- yes / no

export const YES_NO_EXPECTED = 'yes or no; Y/N, true/false and 1/0 also work';
const YES = new Set(['yes', 'y', 'true', '1']);
const NO = new Set(['no', 'n', 'false', '0']);

/** The answers, made once: a file's yes/no columns give one of them on every row. */
const YES_RESULT: FieldResult<boolean | null> = ok(true);
const NO_RESULT: FieldResult<boolean | null> = ok(false);
const BLANK_RESULT: FieldResult<null> = ok(null);

export function parseYesNo(raw: string): FieldResult<boolean | null> {
  if (raw === 'Yes') return YES_RESULT;
  if (raw === 'No') return NO_RESULT;
  if (raw === '') return BLANK_RESULT;
  const key = raw.trim().toLowerCase();
  if (key === '') return BLANK_RESULT;
  if (YES.has(key)) return YES_RESULT;
  if (NO.has(key)) return NO_RESULT;
  return fail(YES_NO_EXPECTED);
}

// ---------------------------------------------------------------- dates

export const DATE_EXPECTED = 'a date written YYYY-MM-DD or DD/MM/YYYY, e.g. 2025-03-31 or 31/03/2025';

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}.*)?$/;
/** Day first, one separator used twice, optional time as some exports add "00:00". */
const UK_DATE = /^(\d{1,2})([/.-])(\d{1,2})\2(\d{2,4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/;
/** "31-Mar-2025" as ESR writes it, or "31 March 2025". */
const NAMED_MONTH_DATE = /^(\d{1,2})[-\s/]([a-z]+)[-\s/](\d{4})$/i;
const MONTH_NAMES = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
/** "mar", "march" and "sept" → month number. */
const MONTH_NUMBERS = new Map<string, number>([
  ...MONTH_NAMES.map((name, i) => [name, i + 1] as const),
  ...MONTH_NAMES.map((name, i) => [name.slice(0, 3), i + 1] as const),
  ['sept', 9],
]);

/** Dates outside this range are almost certainly typing errors. */
const EARLIEST_YEAR = 1900;
const LATEST_YEAR = 2100;

/**
 * Memoised: a year's file repeats the same few hundred dates on every row. Room for every day of 1900–2100 (73,415
 * of them) and more: staff start dates span decades, and a smaller cache, filled by them, would leave every date of
 * the files read after staff.csv unremembered.
 */
const rememberedDate = memoise(readDate, 100_000);

/** A date cell: blank is null, a calendar date its ISO form (YYYY-MM-DD), anything else what was expected. */
export function parseDate(raw: string): FieldResult<string | null> {
  return isIsoCalendarDate(raw) ? ok(raw) : rememberedDate(raw);
}

/**
 * True when `raw` is a date in the calendar from 1900 to 2100 written exactly YYYY-MM-DD, which is what parseDate
 * makes of it: most dates of an export are written so, and are then read without a look-up or a pattern.
 */
export function isIsoCalendarDate(raw: string): boolean {
  if (raw.length !== 10 || raw.charCodeAt(4) !== 45 || raw.charCodeAt(7) !== 45) return false;
  const year = digitsAt(raw, 0, 4);
  const month = digitsAt(raw, 5, 7);
  const day = digitsAt(raw, 8, 10);
  return year >= EARLIEST_YEAR && year <= LATEST_YEAR && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

/** The number written by the digits from `from` to `to`; -1 if any is not a digit. */
function digitsAt(raw: string, from: number, to: number): number {
  let value = 0;
  for (let i = from; i < to; i += 1) {
    const digit = raw.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return -1;
    value = value * 10 + digit;
  }
  return value;
}

function readDate(raw: string): FieldResult<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const iso = ISO_DATE.exec(text);
  if (iso) return calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]), text);
  const uk = UK_DATE.exec(text);
  if (uk) return ukDate(uk[1] ?? '', uk[3] ?? '', uk[4] ?? '', text);
  const named = NAMED_MONTH_DATE.exec(text);
  if (named) return namedMonthDate(named[1] ?? '', named[2] ?? '', named[3] ?? '', text);
  return fail(DATE_EXPECTED);
}

function ukDate(day: string, month: string, year: string, text: string): FieldResult<string | null> {
  if (year.length !== 4) return fail(DATE_EXPECTED, 'the year must be written in full (four digits)');
  if (Number(month) > 12 && Number(day) <= 12) {
    return fail(DATE_EXPECTED, `there is no month ${Number(month)}: dates are read day first, so this looks like a US-style date`);
  }
  return calendarDate(Number(year), Number(month), Number(day), text);
}

function namedMonthDate(day: string, monthName: string, year: string, text: string): FieldResult<string | null> {
  const month = MONTH_NUMBERS.get(monthName.toLowerCase());
  if (month === undefined) return fail(DATE_EXPECTED, `"${monthName}" is not a month`);
  return calendarDate(Number(year), month, Number(day), text);
}

function calendarDate(year: number, month: number, day: number, text: string): FieldResult<string | null> {
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return fail(DATE_EXPECTED, `the year ${year} is out of range`);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return fail(DATE_EXPECTED, `${text} is not a date in the calendar`);
  }
  return ok(`${year}-${pad2(month)}-${pad2(day)}`);
}

/** Days in a month of the Gregorian calendar. */
function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function pad2(n: number): string {
  return String(n).padStart(2, '0');
}

// ---------------------------------------------------------------- numbers

export interface NumberOptions {
  /** Negative values are accepted only where they make sense. */
  readonly allowNegative?: boolean;
  /** The largest plausible value (see value-limits.ts), and why a larger one is wrong. */
  readonly max?: number;
  readonly maxReason?: string;
}

/** An optional sign (before or after £), then digits with optional thousands commas and decimals. */
const NUMBER = /^([-+]?)£?([-+]?)(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)$/;

export function parseNumber(raw: string, options: NumberOptions = {}): FieldResult<number | null> {
  const plain = plainDecimalValue(raw);
  if (plain >= 0 && (options.max === undefined || plain <= options.max)) return ok(plain);
  const text = raw.trim().replace(/^([-+]?)£\s+/, '$1£');
  const expected = options.allowNegative
    ? 'a number, e.g. 12.50, 1,234.50 or -3'
    : 'a number of zero or more, e.g. 12.50 or 1,234.50';
  if (text === '') return ok(null);
  const match = NUMBER.exec(text);
  if (!match || (match[1] && match[2])) return fail(expected);
  const negative = match[1] === '-' || match[2] === '-';
  const value = Number((match[3] ?? '').replace(/,/g, '')) * (negative ? -1 : 1);
  if (value < 0 && !options.allowNegative) return fail(expected, 'negative values are not allowed here');
  if (options.max !== undefined && value > options.max) {
    const max = options.max.toLocaleString('en-GB');
    const range = options.allowNegative ? `a number up to ${max}` : `a number from 0 to ${max}`;
    const why = options.maxReason ? `: ${options.maxReason}` : '';
    return fail(range, `more than ${max} is not plausible here${why}`);
  }
  return ok(value === 0 ? 0 : value);
}

/** Powers of ten a double holds exactly. */
const EXACT_POWERS_OF_TEN = Array.from({ length: 23 }, (_, k) => 10 ** k);

/**
 * The value of a plain decimal (digits, with at most one decimal point that has digits after it: "12", "0.50",
 * ".5"), which is what most cells hold; -1 for anything else. Up to 15 digits the digits make an integer a double
 * holds exactly, and dividing it by an exact power of ten is rounded once, to the same double as Number(raw) gives.
 */
export function plainDecimalValue(raw: string): number {
  const length = raw.length;
  let point = -1;
  let digits = 0;
  for (let i = 0; i < length; i += 1) {
    const code = raw.charCodeAt(i);
    if (code === 46 && point === -1) point = i;
    else if (code < 48 || code > 57) return -1;
    else digits = digits * 10 + (code - 48);
  }
  if (length === 0 || point === length - 1) return -1;
  if (length > 15) return Number(raw);
  return point === -1 ? digits : digits / (EXACT_POWERS_OF_TEN[length - 1 - point] as number);
}

// ---------------------------------------------------------------- text

/** Free text up to `maxLength` characters; blank → null. */
export function parseText(raw: string, maxLength: number): FieldResult<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  if (text.length <= maxLength) return ok(text);
  return fail(
    `at most ${maxLength.toLocaleString('en-GB')} characters`,
    `too long for this column: ${text.length.toLocaleString('en-GB')} characters`,
  );
}

export const COUNT_EXPECTED = 'a whole number of zero or more, e.g. 120';

export function parseCount(raw: string): FieldResult<number | null> {
  const number = parseNumber(raw);
  if (!number.ok) return fail(COUNT_EXPECTED);
  if (number.value !== null && !Number.isInteger(number.value)) return fail(COUNT_EXPECTED, 'not a whole number');
  return number;
}

// ---------------------------------------------------------------- disability

export const DISABILITY_EXPECTED = 'yes, no, "Not declared" or "Prefer not to say", or blank if not recorded';
const NOT_DECLARED = new Set(
  ['Not declared', 'Prefer not to say', 'Prefer not to answer', 'Not stated', 'Unknown', 'Not known', 'Unspecified', 'Not disclosed']
    .map(squash),
);

/** The answers, made once, as for yes/no. */
const DISABILITY_RESULTS: { readonly [S in DisabilityStatus]: FieldResult<DisabilityStatus> } = {
  yes: ok('yes'), no: ok('no'), notDeclared: ok('notDeclared'), missing: ok('missing'),
};

export function parseDisability(raw: string): FieldResult<DisabilityStatus> {
  if (raw === 'No') return DISABILITY_RESULTS.no;
  if (raw === 'Yes') return DISABILITY_RESULTS.yes;
  const key = raw.trim().toLowerCase();
  if (key === '') return DISABILITY_RESULTS.missing;
  if (YES.has(key)) return DISABILITY_RESULTS.yes;
  if (NO.has(key)) return DISABILITY_RESULTS.no;
  if (NOT_DECLARED.has(squash(key))) return DISABILITY_RESULTS.notDeclared;
  return fail(DISABILITY_EXPECTED);
}
