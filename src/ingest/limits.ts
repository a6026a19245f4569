/**
 * Limits on what one file may hold, checked while it is read so that a hostile or mistaken file (a zip bomb, a
 * runaway export, one enormous cell) is refused before it can take the server's memory. Each limit is set by an
 * environment variable, and a file over one gets a located problem that names the limit and that setting.
 *
 * The defaults suit a large NHS trust: about 30,000 staff and a million applications in a year. Excel itself stops
 * at 1,048,576 rows; a 30,000-person staff workbook unpacks to about 20 MB.
 */
import { shortenValue, type Problem } from './problem.ts';

export interface ReadLimits {
  /** Rows per file, counted as a spreadsheet shows them (the header and blank rows included). */
  readonly maxRows: number;
  /** Characters in one cell. */
  readonly maxCellChars: number;
  /** Bytes an .xlsx workbook may unpack to, all its parts together. */
  readonly maxUnpackedBytes: number;
}

export const MEGABYTE = 1024 * 1024;

export const DEFAULT_READ_LIMITS: ReadLimits = {
  maxRows: 1_500_000,
  maxCellChars: 1_000,
  maxUnpackedBytes: 100 * MEGABYTE,
};

/** The environment variable that sets each limit. */
export const LIMIT_SETTINGS = {
  maxRows: 'MIRROR_MAX_ROWS',
  maxCellChars: 'MIRROR_MAX_CELL_CHARS',
  maxUnpackedBytes: 'MIRROR_MAX_UNPACKED_MB',
} as const satisfies Record<keyof ReadLimits, string>;

type Env = Readonly<Record<string, string | undefined>>;

/** A whole number of at least 1 from the environment, or the default when unset or blank; anything else throws. */
export function positiveWholeNumber(env: Env, name: string, fallback: number): number {
  const value = env[name];
  if (value === undefined || value.trim() === '') return fallback;
  const n = Number(value.replaceAll('_', '').replaceAll(',', ''));
  if (!Number.isSafeInteger(n) || n < 1) throw new Error(`${name} must be a whole number of at least 1, not "${value}"`);
  return n;
}

export function readLimitsFromEnv(env: Env): ReadLimits {
  return {
    maxRows: positiveWholeNumber(env, LIMIT_SETTINGS.maxRows, DEFAULT_READ_LIMITS.maxRows),
    maxCellChars: positiveWholeNumber(env, LIMIT_SETTINGS.maxCellChars, DEFAULT_READ_LIMITS.maxCellChars),
    maxUnpackedBytes: positiveWholeNumber(env, LIMIT_SETTINGS.maxUnpackedBytes, DEFAULT_READ_LIMITS.maxUnpackedBytes / MEGABYTE) * MEGABYTE,
  };
}

/** The limits this process runs with: the environment's, read once (a bad value throws at the first read). */
let fromProcess: ReadLimits | undefined;
export function processReadLimits(): ReadLimits {
  fromProcess ??= readLimitsFromEnv(process.env);
  return fromProcess;
}

const grouped = (n: number) => n.toLocaleString('en-GB');

export function tooManyRowsProblem(file: string, limits: ReadLimits): Problem {
  return {
    file,
    row: limits.maxRows + 1,
    message:
      `the file has more than ${grouped(limits.maxRows)} rows, the most Mirror reads from one file; nothing after ` +
      `row ${grouped(limits.maxRows)} was read. Split the file, or ask whoever runs Mirror to raise ${LIMIT_SETTINGS.maxRows}`,
  };
}

/** A cell over the limit, located; its value is shown only by its start and length, as problems show every long value. */
export function cellTooLongProblem(file: string, row: number, column: string, text: string, limits: ReadLimits): Problem {
  return {
    file,
    row,
    column,
    value: shortenValue(text),
    message:
      `the cell holds ${grouped(text.length)} characters, more than the ${grouped(limits.maxCellChars)} Mirror accepts in one cell; ` +
      `check the row (a missing closing quote can run many rows together), or ask whoever runs Mirror to raise ${LIMIT_SETTINGS.maxCellChars}`,
  };
}

export function unpacksTooLargeProblem(file: string, limits: ReadLimits): Problem {
  return {
    file,
    message:
      `the workbook unpacks to more than ${grouped(limits.maxUnpackedBytes / MEGABYTE)} MB, the most Mirror opens; nothing in it was read. ` +
      `Save the sheet as CSV (which has no such limit), or ask whoever runs Mirror to raise ${LIMIT_SETTINGS.maxUnpackedBytes}`,
  };
}
