/**
 * CSV files: decode the bytes, split into records with csv-parse, number them as a spreadsheet would (one record is
 * one row even when a quoted value spans several lines) and hand them to `buildTable`. The row and cell-length
 * limits are checked as each record is parsed, and parsing stops at the first one broken.
 */
import { parse } from 'csv-parse/sync';
import { decodeText } from './decode.ts';
import { cellTooLongProblem, tooManyRowsProblem, type ReadLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import { buildTable, columnLetter, type RawRow, type ReadTableResult } from './table.ts';

export function readCsvBytes(file: string, sha256: string, bytes: Uint8Array, limits: ReadLimits): ReadTableResult {
  const { text, encoding } = decodeText(bytes);
  if (text.includes('\u0000')) {
    return {
      ok: false,
      problems: [nulProblem(file)],
    };
  }
  const parsed = parseRecords(file, text, limits);
  if (!parsed.ok) return parsed;
  const rows: RawRow[] = parsed.records.map((cells, i) => ({ row: i + 1, cells }));
  return buildTable({ file, sha256, encoding, rows });
}

export function nulProblem(file: string): Problem {
  return {
    file,
    message:
      'the file contains NUL characters, so it is probably UTF-16 without a byte-order mark; ' +
      'save it from Excel as "CSV UTF-8 (Comma delimited)"',
  };
}

type ParseResult = { ok: true; records: string[][] } | { ok: false; problems: Problem[] };

/** Thrown from inside the parser to stop it at a limit. */
export class OverLimit extends Error {
  constructor(readonly problem: Problem) {
    super(problem.message);
  }
}

/** Checks each record as csv-parse finishes it: the row count, and every cell's length. */
export function limitChecker(file: string, limits: ReadLimits): (record: string[]) => string[] {
  let row = 0;
  let headers: readonly string[] | undefined;
  return (record) => {
    row += 1;
    if (row > limits.maxRows) throw new OverLimit(tooManyRowsProblem(file, limits));
    for (let i = 0; i < record.length; i += 1) {
      const cell = record[i] as string;
      if (cell.length > limits.maxCellChars) {
        throw new OverLimit(cellTooLongProblem(file, row, headers?.[i] || columnLetter(i), cell, limits));
      }
    }
    if (headers === undefined && record.some((cell) => cell !== '')) headers = record;
    return record;
  };
}

function parseRecords(file: string, text: string, limits: ReadLimits): ParseResult {
  try {
    const records = parse(text, { ...csvParseOptions(detectDelimiter(text)), on_record: limitChecker(file, limits) });
    return { ok: true, records };
  } catch (error) {
    if (error instanceof OverLimit) return { ok: false, problems: [error.problem] };
    return { ok: false, problems: [csvErrorProblem(file, error)] };
  }
}

/** How csv-parse reads every CSV file here; the streaming splitter (csv-split.ts) gives the same records. */
export function csvParseOptions(delimiter: string) {
  return {
    delimiter,
    // Listed longest first so CRLF is one break; files edited on several systems can mix them.
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    // Excel reads a stray quote inside an unquoted value (5'10") as text; so do we.
    relax_quotes: true,
    // Keep blank lines as records so row numbers match what Excel shows.
    skip_empty_lines: false,
    trim: true,
    bom: false,
  };
}

/**
 * Commas unless the first non-blank line has none: then tabs (Excel's "Unicode Text" export) or semicolons (Excel in locales
 * that write decimal commas). A one-column file reads the same either way.
 */
export function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r\n|\n|\r/).find((line) => line.trim() !== '') ?? '';
  if (firstLine.includes(',')) return ',';
  if (firstLine.includes('\t')) return '\t';
  if (firstLine.includes(';')) return ';';
  return ',';
}

interface CsvParseError {
  readonly code?: unknown;
  readonly records?: unknown;
  readonly lines?: unknown;
  readonly message?: unknown;
}

const TEXT_AFTER_CLOSING_QUOTE =
  'text follows the closing quote of a quoted value; put the whole value in quotes and double any quote inside it ("")';

const CSV_ERROR_MESSAGES: Readonly<Record<string, string>> = {
  CSV_QUOTE_NOT_CLOSED:
    'a quoted value that starts on this row is never closed (a closing " is missing), so the rest of the file cannot be read',
  CSV_INVALID_CLOSING_QUOTE: TEXT_AFTER_CLOSING_QUOTE,
  CSV_NON_TRIMABLE_CHAR_AFTER_CLOSING_QUOTE: TEXT_AFTER_CLOSING_QUOTE,
  INVALID_OPENING_QUOTE: 'a value has a quote in an unexpected place; put the whole value in quotes',
};

/** csv-parse reports how many records it had finished; the broken one is the next, counted from row 1. */
function csvErrorProblem(file: string, error: unknown): Problem {
  const e = (typeof error === 'object' && error !== null ? error : {}) as CsvParseError;
  const known = typeof e.code === 'string' ? CSV_ERROR_MESSAGES[e.code] : undefined;
  const detail = known ?? `the file could not be read as CSV (${String(e.message ?? error)})`;
  const line = typeof e.lines === 'number' ? ` (parser stopped at line ${e.lines})` : '';
  const row = typeof e.records === 'number' ? e.records + 1 : undefined;
  return row === undefined ? { file, message: `${detail}${line}` } : { file, row, message: `${detail}${line}` };
}
