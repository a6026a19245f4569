/**
 * A located problem in a user's file: what is wrong, where, and what was expected. Ingest never throws for
 * anything a user's file can cause; it returns these so every problem in a folder can be shown at once.
 */

import { stringify } from 'csv-stringify/sync';
import type { Problem } from '../core/problem.ts';
import { neutraliseFormula } from '../core/util/spreadsheet-safe.ts';

export type { Problem };

const MAX_VALUE_LENGTH = 80;

/** One line, e.g. `staff.csv, row 14, column "ethnic_category", value "Whte": not a recognised … (expected …)`. */
export function formatProblem(p: Problem): string {
  const where = [p.file];
  // A grouped problem lists its rows in the message; a single "row N" would suggest only one row is affected.
  if (p.row !== undefined && (p.occurrences ?? 1) <= 1) where.push(`row ${p.row}`);
  if (p.column !== undefined) where.push(`column "${p.column}"`);
  if (p.value !== undefined) where.push(`value "${displayValue(p.value)}"`);
  const expected = p.expected ? ` (expected ${p.expected})` : '';
  return `${where.join(', ')}: ${p.message}${expected}`;
}

/** Keeps a value on one line and short enough to read. */
function displayValue(value: string): string {
  const oneLine = value.replace(/\r\n|\r|\n/g, '\\n');
  return oneLine.length > MAX_VALUE_LENGTH ? `${oneLine.slice(0, MAX_VALUE_LENGTH - 1)}…` : oneLine;
}

/** Values longer than this are kept in a problem as their first characters and their length. */
const SHORTENED_VALUE_LENGTH = 40;

/** "Surgery xxxxx…xx… (2,000,000 characters)": a value short enough to show, however long the cell. */
export function shortenValue(value: string): string {
  if (value.length <= MAX_VALUE_LENGTH) return value;
  return `${value.slice(0, SHORTENED_VALUE_LENGTH)}… (${value.length.toLocaleString('en-GB')} characters)`;
}

/** The problem with its value shortened, so a huge cell is never copied into messages, pages or downloads. */
export function withShortValue(problem: Problem): Problem {
  return problem.value === undefined || problem.value.length <= MAX_VALUE_LENGTH ? problem : { ...problem, value: shortenValue(problem.value) };
}

/** Orders problems as a reader scans a file: file-level first, then by row. Stable within a row. */
export function sortByRow(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
}

/** "rows 4, 9, 12" or "rows 4, 9, 12, 15, 20, …": the first few row numbers of a list. */
export function listRows(rows: readonly number[], max = 5): string {
  const shown = rows.slice(0, max).join(', ');
  const more = rows.length > max ? ', …' : '';
  return `${rows.length === 1 ? 'row' : 'rows'} ${shown}${more}`;
}

/** Every problem as CSV (file, row, column, value, problem, expected), safe to open in a spreadsheet. */
export function problemsCsv(problems: readonly Problem[]): string {
  const header = ['file', 'row', 'column', 'value', 'problem', 'expected'];
  const rows = sortByRow(problems).map((p) =>
    [p.file, p.row ?? '', p.column ?? '', p.value ?? '', p.message, p.expected ?? ''].map((cell) =>
      typeof cell === 'string' ? neutraliseFormula(cell) : cell,
    ),
  );
  return stringify([header, ...rows]);
}
