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

/**
 * A table whose rows may be read once only, as they stream from the file (lazy-csv-table.ts): what the record
 * readers take. A Table is one.
 */
export interface StreamedTable extends Omit<Table, 'rows'> {
  readonly rows: Iterable<TableRow>;
  /**
   * How many data rows the file is likely to hold, from what has been read of it so far: for sizing what a reader
   * keeps of every row (FirstRows), never for counting.
   */
  readonly expectedRows?: () => number;
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

export function isBlankRow(row: RawRow): boolean {
  for (const cell of row.cells) if (!isBlank(cell)) return false;
  return true;
}

export function buildTable(raw: RawTable): ReadTableResult {
  const builder = new TableBuilder(raw.file);
  for (const row of raw.rows) builder.add(row);
  return builder.result(raw.sha256, raw.encoding);
}

/**
 * `buildTable` one row at a time, for readers that stream: the header is the first non-empty row, later empty rows
 * are counted and skipped, and every data row is checked as it arrives. No row is kept but the table's own.
 */
export class TableBuilder {
  readonly #file: string;
  readonly #problems: Problem[] = [];
  readonly #rows: TableRow[] = [];
  #headers: string[] | undefined;
  #headerRow = 0;
  #emptyRowsSkipped = 0;

  constructor(file: string) {
    this.#file = file;
  }

  add(row: RawRow): void {
    if (isBlankRow(row)) {
      if (this.#headers !== undefined) this.#emptyRowsSkipped += 1;
      return;
    }
    if (this.#headers === undefined) {
      this.#headers = readHeaders(this.#file, row, this.#problems);
      this.#headerRow = row.row;
      return;
    }
    this.#rows.push(readDataRow(this.#file, row, this.#headers, this.#problems));
  }

  result(sha256: string, encoding: string): ReadTableResult {
    const file = this.#file;
    const headers = this.#headers;
    if (headers === undefined) return { ok: false, problems: [{ file, message: 'the file is empty: no header row was found' }] };
    if (this.#problems.length > 0) return { ok: false, problems: this.#problems };
    return {
      ok: true,
      table: { file, sha256, encoding, headerRow: this.#headerRow, headers, rows: this.#rows, emptyRowsSkipped: this.#emptyRowsSkipped },
    };
  }
}

/** Header cells, trimmed, with trailing blank cells dropped (Excel often leaves a few after the last heading). */
export function readHeaders(file: string, header: RawRow, problems: Problem[]): string[] {
  const headers = header.cells.map((cell, i) => {
    if (typeof cell === 'string') return cell.trim();
    problems.push(errorCellProblem(file, header.row, columnLetter(i), cell));
    return '';
  });
  while (headers.length > 0 && headers[headers.length - 1] === '') headers.pop();
  return headers;
}

export function readDataRow(file: string, raw: RawRow, headers: readonly string[], problems: Problem[]): TableRow {
  const count = raw.cells.length;
  const width = headers.length;
  const cells: string[] = new Array(width);
  let extra: string | undefined;
  for (let i = 0; i < count; i += 1) {
    const cell = raw.cells[i] as RawCell;
    let text: string;
    if (typeof cell !== 'string') {
      problems.push(errorCellProblem(file, raw.row, headers[i] || columnLetter(i), cell));
      text = '';
    } else {
      text = cell.trim();
    }
    if (i < width) cells[i] = text;
    else if (extra === undefined && text !== '') extra = text;
  }
  if (extra !== undefined) {
    problems.push({
      file,
      row: raw.row,
      value: extra,
      message:
        `the row has values beyond the last column heading (${width} headings); ` +
        'a value containing a comma may need to be in quotes, e.g. "Smith, J" or "1,234"',
    });
  }
  for (let i = count; i < width; i += 1) cells[i] = '';
  return { row: raw.row, cells };
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
