/**
 * How far a value in a workforce file can plausibly go, in one place. A value beyond these limits is a typing or
 * export error (a start date in 2099, annual salary in the hourly pay column, a document pasted into a directorate
 * cell) and is reported where it is, like any other bad value. The limits are wide enough for everything real files
 * hold; docs/data-formats.md ("Plausible values") gives each and why.
 *
 * Fields with a fixed vocabulary (ethnic category, pay band, staff group, yes/no, disability) need no limit here:
 * anything outside the vocabulary is already an error.
 */
import { DATE_EXPECTED, isIsoCalendarDate, parseDate, parseText, type FieldResult, type NumberOptions } from './fields.ts';
import type { RowReader } from './row-reader.ts';
import { memoise, ownCopy } from '../core/util/memoise.ts';

/** The most characters a text cell can plausibly hold, by kind of column. */
export const TEXT_LIMITS = {
  /** staff_id, application_id, case_id, member_id, vacancy_id, respondent_id, occupation_code. */
  identifier: 64,
  /** directorate, assignment_category, gender. */
  name: 200,
  /** course: learning systems often join a course's code, title and way of delivery into one name. */
  course: 500,
} as const;

/** The largest plausible value of each number column; none may be negative. */
export const NUMBER_LIMITS = {
  fte: {
    max: 2,
    maxReason: 'FTE is a fraction of full time (1 is full time, a consultant with 12 sessions 1.2), not a percentage or hours',
  },
  hourlyPay: { max: 1000, maxReason: 'hourly pay is in pounds per hour, not annual or monthly pay' },
  bonusPay: { max: 1_000_000, maxReason: 'bonus pay is in pounds, paid in the 12 months to the snapshot date' },
} as const satisfies Record<string, NumberOptions>;

/** More respondents than the largest NHS organisation has staff, many times over. */
export const MAX_SURVEY_RESPONDENTS = 1_000_000;

/**
 * How late a date of each kind can plausibly be, in years after the later of the reporting year's end (31 March) and
 * today. Files are often extracted months after the snapshot, and a file of events (applications, cases, courses)
 * may run over several years, whose rows outside the reporting year the counts leave out; so only dates beyond both
 * are errors. Every date must also be from 1900 (fields.ts).
 */
export const DATE_LIMITS = {
  /** staff start_date: assignments can be entered before they start. */
  staffStartDate: { what: 'start date', yearsAfter: 1 },
  /** applications date: an application cannot be made after the file is extracted. */
  applicationDate: { what: 'application date', yearsAfter: 1 },
  /** disciplinary and capability start_date: a case cannot start after the file is extracted. */
  caseStartDate: { what: 'case start date', yearsAfter: 1 },
  /** training start_date: learning systems list courses booked ahead as well as those attended. */
  trainingStartDate: { what: 'course start date', yearsAfter: 2 },
} as const;

export type DateLimit = (typeof DATE_LIMITS)[keyof typeof DATE_LIMITS];

/** What a reader needs to know beyond the file: the reporting year the folder is for, and today's date. */
export interface ReadContext {
  readonly reportingYear: number;
  /** ISO date (YYYY-MM-DD). */
  readonly today: string;
}

/** The reporting year whose 12 months (1 April to 31 March) include `now`. */
export function currentReportingYear(now: Date = new Date()): number {
  return now.getUTCMonth() >= 3 ? now.getUTCFullYear() + 1 : now.getUTCFullYear();
}

/** The context for a folder of `year`, or, for callers that do not say (pay gaps), of the year in progress. */
export function readContext(year?: number, now: Date = new Date()): ReadContext {
  return { reportingYear: year ?? currentReportingYear(now), today: now.toISOString().slice(0, 10) };
}

export function latestPlausibleDate(limit: DateLimit, context: ReadContext): string {
  const yearEnd = `${context.reportingYear}-03-31`;
  const from = context.today > yearEnd ? context.today : yearEnd;
  // 29 February plus whole years is 28 February.
  const monthDay = from.slice(5) === '02-29' ? '02-28' : from.slice(5);
  return `${Number(from.slice(0, 4)) + limit.yearsAfter}-${monthDay}`;
}

/** A date parser that also refuses dates after the latest plausible one of its kind. */
export function plausibleDateParser(limit: DateLimit, context: ReadContext): (raw: string) => FieldResult<string | null> {
  const latest = latestPlausibleDate(limit, context);
  const years = limit.yearsAfter === 1 ? 'a year' : `${limit.yearsAfter} years`;
  return (raw) => {
    const date = parseDate(raw);
    if (!date.ok || date.value === null || date.value <= latest) return date;
    return {
      ok: false,
      expected: `a date from 1900-01-01 to ${latest}`,
      reason:
        `a ${limit.what} after ${latest} is not plausible: that is more than ${years} after both the end of the ` +
        `reporting year (${context.reportingYear}-03-31) and today`,
    };
  };
}

// ---------------------------------------------------------------- cells read with their limits

/** A kind of date's latest plausible date and parser, in a context. */
interface DateReading {
  readonly latest: string;
  readonly parse: (raw: string) => FieldResult<string | null>;
}

/** Each context's reading of each kind of date, made once rather than for every row. */
const DATE_READINGS = new WeakMap<ReadContext, Map<DateLimit, DateReading>>();

export function date(row: RowReader, column: string, limit: DateLimit, context: ReadContext): string | null | undefined {
  let readings = DATE_READINGS.get(context);
  if (readings === undefined) {
    readings = new Map();
    DATE_READINGS.set(context, readings);
  }
  let reading = readings.get(limit);
  if (reading === undefined) {
    reading = { latest: latestPlausibleDate(limit, context), parse: plausibleDateParser(limit, context) };
    readings.set(limit, reading);
  }
  // What the parser makes of a plausible date written YYYY-MM-DD, without a result made for it.
  const raw = row.text(column);
  if (isIsoCalendarDate(raw) && raw <= reading.latest) return raw;
  return row.field(column, reading.parse, 'date');
}

export function requiredDate(row: RowReader, column: string, limit: DateLimit, context: ReadContext): string | undefined {
  return row.required(column, date(row, column, limit, context), DATE_EXPECTED);
}

/** Free text of at most `maxLength` characters; blank → null. Names and courses, which repeat, are kept once each. */
export function text(row: RowReader, column: string, maxLength: number): string | null | undefined {
  // What parseText makes of a cell within its limit, without a result object or a parser made for each cell: a
  // large file reads millions of them. A cell over its limit goes to parseText for its problem.
  const trimmed = row.text(column).trim();
  if (trimmed === '') return null;
  const value = trimmed.length <= maxLength ? trimmed : row.field(column, (raw) => parseText(raw, maxLength), 'text');
  return maxLength === TEXT_LIMITS.identifier || typeof value !== 'string' ? value : intern(value);
}

/**
 * The one copy kept of a repeated text (a directorate, a course): a national file repeats a few hundred values
 * millions of times, and each cell's own copy may hold on to the whole piece of the file it was cut from. Bounded,
 * so a column of unique values cannot grow it without limit: past the bound a value is kept as it is.
 */
const intern = memoise(ownCopy, 20_000, (value) => value);

export function requiredText(row: RowReader, column: string, maxLength: number, expected?: string): string | undefined {
  return row.required(column, text(row, column, maxLength), expected);
}

/** A required identifier, unique in the file, of plausible length. */
export function identifier(row: RowReader, column: string): string | undefined {
  // A cell within the limit (nearly every one) passes text(), whatever it holds: only a longer one needs it.
  if (row.text(column).length > TEXT_LIMITS.identifier && text(row, column, TEXT_LIMITS.identifier) === undefined) return undefined;
  return row.id(column);
}
