/**
 * A file read as a plain table of trimmed strings, before any column means anything. CSV and Excel readers both
 * produce raw rows and hand them to `buildTable`, so header detection, empty-row skipping and ragged-row checks
 * behave the same for both formats.
 */
import type { Problem } from './problem.ts';

export interface TableRow {
  /** Spreadsheet row number (header = row 1 when the header is on the first row). */
  readonly row: number;
  /** One trimmed string per header, padded with '' when the row is short. */
  readonly cells: readonly string[];
}

export interface Table {
  /** Base name of the file, as problems name it. */
  readonly file: string;
  /** Hex SHA-256 of the file's raw bytes, for provenance. */
  readonly sha256: string;
  /** 'utf-8', 'utf-16le', 'utf-16be', 'windows-1252' or 'xlsx'. */
  readonly encoding: string;
  /** Row number of the header (the first non-empty row). */
  readonly headerRow: number;
  readonly headers: readonly string[];
  readonly rows: readonly TableRow[];
  readonly emptyRowsSkipped: number;
}

export type ReadTableResult = { ok: true; table: Table } | { ok: false; problems: Problem[] };

/** A cell that holds a spreadsheet error such as #N/A, kept apart so it can be reported where it is. */
export interface ErrorCell {
  readonly error: string;
}
export type RawCell = string | ErrorCell;

export interface RawRow {
  readonly row: number;
  readonly cells: readonly RawCell[];
}

export interface RawTable {
  readonly file: string;
  readonly sha256: string;
  readonly encoding: string;
  /** Every row in file order, empty ones included, so numbering matches the spreadsheet. */
  readonly rows: readonly RawRow[];
}

/** "A", "B", … "Z", "AA": the spreadsheet letter of a zero-based column index. */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}

function isBlank(cell: RawCell | undefined): boolean {
  return cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

function isBlankRow(row: RawRow): boolean {
  return row.cells.every(isBlank);
}

export function buildTable(raw: RawTable): ReadTableResult {
  const headerAt = raw.rows.findIndex((row) => !isBlankRow(row));
  const headerRaw = raw.rows[headerAt];
  if (headerRaw === undefined) {
    return { ok: false, problems: [{ file: raw.file, message: 'the file is empty: no header row was found' }] };
  }
  const problems: Problem[] = [];
  const headers = readHeaders(raw.file, headerRaw, problems);
  const rows: TableRow[] = [];
  let emptyRowsSkipped = 0;
  for (const row of raw.rows.slice(headerAt + 1)) {
    if (isBlankRow(row)) {
      emptyRowsSkipped += 1;
      continue;
    }
    rows.push(readDataRow(raw.file, row, headers, problems));
  }
  if (problems.length > 0) return { ok: false, problems };
  const { file, sha256, encoding } = raw;
  return { ok: true, table: { file, sha256, encoding, headerRow: headerRaw.row, headers, rows, emptyRowsSkipped } };
}

/** Header cells, trimmed, with trailing blank cells dropped (Excel often leaves a few after the last heading). */
function readHeaders(file: string, header: RawRow, problems: Problem[]): string[] {
  const headers = header.cells.map((cell, i) => {
    if (typeof cell === 'string') return cell.trim();
    problems.push(errorCellProblem(file, header.row, columnLetter(i), cell));
    return '';
  });
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}

function readDataRow(file: string, raw: RawRow, headers: readonly string[], problems: Problem[]): TableRow {
  const cells: string[] = [];
  raw.cells.forEach((cell, i) => {
    const column = headers[i] || columnLetter(i);
    if (typeof cell !== 'string') {
      problems.push(errorCellProblem(file, raw.row, column, cell));
      cells.push('');
    } else {
      cells.push(cell.trim());
    }
  });
  const extra = cells.slice(headers.length).filter((cell) => cell !== '');
  if (extra[0] !== undefined) {
    problems.push({
      file,
      row: raw.row,
      value: extra[0],
      message:
        `the row has values beyond the last column heading (${headers.length} headings); ` +
        'a value containing a comma may need to be in quotes, e.g. "Smith, J" or "1,234"',
    });
  }
  while (cells.length < headers.length) cells.push('');
  return { row: raw.row, cells: cells.slice(0, headers.length) };
}

function errorCellProblem(file: string, row: number, column: string, cell: ErrorCell): Problem {
  return {
    file,
    row,
    column,
    value: cell.error,
    message: 'the cell shows a spreadsheet error; fix the formula or type the value in',
  };
}
