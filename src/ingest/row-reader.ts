/**
 * What every file reader shares: find the columns, visit every row, read cells by column name and record a located
 * problem for each bad value. A reader never stops at the first problem; it returns records only when there are
 * none (all-or-nothing), so a half-read file can never be counted.
 *
 * Cell getters return `undefined` when they have recorded a problem and `null` for an optional blank, so a row's
 * fields can be checked in one go with `complete`.
 */
import type { DisabilityStatus, RowRef } from '../core/records.ts';
import type { Ethnicity } from '../core/ethnicity/classifications.ts';
import { matchEthnicity } from '../core/ethnicity/match.ts';
import { AFC_BANDS, MEDICAL_SUB_GROUP_LABELS, parsePayBand, type PayBand } from '../core/workforce/pay-band.ts';
import { parseStaffGroup, STAFF_GROUPS, type StaffGroup } from '../core/workforce/staff-group.ts';
import type { StringNumbers } from '../core/util/string-numbers.ts';
import { FirstRows } from './first-rows.ts';
import { resolveColumns, type ColumnIndex, type ColumnSpec } from './columns.ts';
import {
  COUNT_EXPECTED, DATE_EXPECTED, YES_NO_EXPECTED,
  parseCount, parseDate, parseDisability, parseNumber, parseYesNo, plainDecimalValue,
  type FieldResult, type NumberOptions,
} from './fields.ts';
import { listRows, sortByRow, withShortValue, type Problem } from './problem.ts';
import type { StreamedTable } from './table.ts';

export type ReadRecordsResult<T> = { ok: true; records: T[] } | { ok: false; problems: Problem[] };

export const ETHNICITY_EXPECTED = 'an NHS ethnic category code A–S, Z or 99, or its label, e.g. "White - British"';

export const PAY_BAND_EXPECTED =
  `an Agenda for Change band (${AFC_BANDS.join(', ')}), VSM, or a medical grade in one of the sub-groups ` +
  `${Object.values(MEDICAL_SUB_GROUP_LABELS).join(', ')} (e.g. "Consultant", "Specialty Doctor", "FY1")`;

export const STAFF_GROUP_EXPECTED = `an ESR staff group: ${STAFF_GROUPS.join(', ')}`;

/** State shared by all rows of one file: the problems found so far and what must be checked across rows. */
class FileState {
  readonly problems: Problem[] = [];
  /** Unrecognised ethnicity values, reported once per distinct value with the rows that carry it. */
  readonly unrecognisedEthnicity = new Map<string, { column: string; value: string; rows: number[] }>();
  /** Column → id → the first row it was seen on. */
  readonly seenIds = new Map<string, FirstRows>();

  constructor(
    readonly table: StreamedTable,
    readonly index: ColumnIndex,
    readonly ids: IdTables,
  ) {}

  /** In reading order: by row, then by where the column sits in the file. */
  allProblems(): Problem[] {
    const position = (p: Problem) => (p.column === undefined ? -1 : (this.index[p.column] ?? -1));
    const byColumn = [...this.problems, ...this.ethnicityProblems()].sort((a, b) => position(a) - position(b));
    return sortByRow(byColumn).map(withShortValue);
  }

  private ethnicityProblems(): Problem[] {
    return [...this.unrecognisedEthnicity.values()].map(({ column, value, rows }) => {
      const message =
        rows.length === 1
          ? 'not a recognised ethnic category'
          : `not a recognised ethnic category; ${rows.length} rows (${listRows(rows)})`;
      return { file: this.table.file, row: rows[0], column, value, message, expected: ETHNICITY_EXPECTED, occurrences: rows.length };
    });
  }
}

/**
 * Tables to number an id column's values in for its duplicate check, by column: one a counter numbers the same ids in
 * (stream-count.ts `staffIds`), so each id goes into one table rather than two. Other id columns get tables of their own.
 */
export type IdTables = Readonly<Partial<Record<string, StringNumbers>>>;

/** Where a reader hands each good record as it is read, instead of keeping it (see readRecords). */
export type RecordSink<T> = (record: T) => void;

/**
 * Reads every row of a table with `readRow`, which returns a record or undefined when the row has a problem. With a
 * `sink`, each record goes to it as it is read and `records` stays empty; the sink may have taken records of a file
 * that turns out to have problems, so whoever gave it must throw away what it made of them unless the result is ok.
 */
export function readRecords<T>(
  table: StreamedTable,
  spec: ColumnSpec,
  readRow: (row: RowReader) => T | undefined,
  sink?: RecordSink<T>,
  ids: IdTables = {},
): ReadRecordsResult<T> {
  const columns = resolveColumns(table, spec);
  if (!columns.ok) return columns;
  const state = new FileState(table, columns.index, ids);
  const records: T[] = [];
  const keep = sink ?? ((record: T) => records.push(record));
  for (const { row, cells } of table.rows) {
    const record = readRow(new RowReader(state, row, cells));
    if (record !== undefined) keep(record);
  }
  const problems = state.allProblems();
  return problems.length > 0 ? { ok: false, problems } : { ok: true, records };
}

/** How many data rows a table is likely to have: all of a whole table's, or a streamed one's estimate (0 when it has none). */
function expectedRows(table: StreamedTable): number {
  return Array.isArray(table.rows) ? table.rows.length : (table.expectedRows?.() ?? 0);
}

type Defined<T> = { [K in keyof T]: Exclude<T[K], undefined> };

/**
 * The fields if none of them failed (is undefined), otherwise undefined. The readers give it a row's whole record,
 * its source row included, as one object literal: not `{ ...fields, source }` afterwards (V8 gives every object made
 * by a spread a hidden class of its own, several hundred bytes more a record of a large file), nor properties added
 * to it afterwards (each record then gets a second store for them).
 */
export function complete<T extends Record<string, unknown>>(fields: T): Defined<T> | undefined {
  for (const key in fields) if (fields[key] === undefined) return undefined;
  return fields as Defined<T>;
}

/** One row of a file: cells by canonical column name, parsed, with problems recorded against this row. */
export class RowReader {
  constructor(
    private readonly state: FileState,
    readonly row: number,
    private readonly cells: readonly string[],
  ) {}

  get source(): RowRef {
    return { file: this.state.table.file, row: this.row };
  }

  has(column: string): boolean {
    return this.state.index[column] !== undefined;
  }

  /** The trimmed cell, or '' when the column is absent. */
  text(column: string): string {
    const at = this.state.index[column];
    return at === undefined ? '' : (this.cells[at] ?? '');
  }

  problem(column: string | undefined, message: string, expected?: string): undefined {
    const value = column === undefined ? '' : this.text(column);
    this.state.problems.push({
      file: this.state.table.file,
      row: this.row,
      ...(column === undefined ? {} : { column }),
      ...(value === '' ? {} : { value }),
      message,
      ...(expected === undefined ? {} : { expected }),
    });
    return undefined;
  }

  optionalText(column: string): string | null {
    return this.text(column) || null;
  }

  requiredText(column: string, expected?: string): string | undefined {
    return this.required(column, this.optionalText(column), expected);
  }

  /** Turns a blank (null) into a problem for values every row must have. */
  required<T>(column: string, value: T | null | undefined, expected?: string): T | undefined {
    return value === null ? this.problem(column, 'a value is required but the cell is blank', expected) : value;
  }

  /** A required identifier that must not repeat within the file. */
  id(column: string): string | undefined {
    const id = this.requiredText(column);
    if (id === undefined) return undefined;
    let seen = this.state.seenIds.get(column);
    if (seen === undefined) {
      seen = new FirstRows(this.state.ids[column]);
      seen.reserve(expectedRows(this.state.table));
      this.state.seenIds.set(column, seen);
    }
    const firstRow = seen.firstRow(id, this.row);
    if (firstRow !== undefined) return this.problem(column, `duplicate ${column}: already used on row ${firstRow}`);
    return id;
  }

  /** Parses a cell with a field parser (blank is null by convention); a failure is recorded as a problem. */
  field<T>(column: string, parse: (raw: string) => FieldResult<T | null>, what: string): T | null | undefined {
    const result = parse(this.text(column));
    return result.ok ? result.value : this.problem(column, result.reason ?? `not a valid ${what}`, result.expected);
  }

  yesNo(column: string): boolean | null | undefined {
    return this.field(column, parseYesNo, 'yes/no value');
  }

  requiredYesNo(column: string): boolean | undefined {
    return this.required(column, this.yesNo(column), YES_NO_EXPECTED);
  }

  date(column: string): string | null | undefined {
    return this.field(column, parseDate, 'date');
  }

  requiredDate(column: string): string | undefined {
    return this.required(column, this.date(column), DATE_EXPECTED);
  }

  number(column: string, options: NumberOptions = {}): number | null | undefined {
    // As field() does, without a parser made for each cell, nor a result for a plain decimal within its limit.
    const raw = this.text(column);
    if (raw === '') return null;
    const plain = plainDecimalValue(raw);
    if (plain >= 0 && (options.max === undefined || plain <= options.max)) return plain;
    const result = parseNumber(raw, options);
    return result.ok ? result.value : this.problem(column, result.reason ?? 'not a valid number', result.expected);
  }

  requiredCount(column: string): number | undefined {
    return this.required(column, this.field(column, parseCount, 'whole number'), COUNT_EXPECTED);
  }

  disability(column: string): DisabilityStatus | undefined {
    const result = parseDisability(this.text(column));
    return result.ok ? result.value : this.problem(column, 'not a recognised disability status', result.expected);
  }

  /** Blank is `missing` (an unknown, counted as such); unrecognised values are reported once per distinct value. */
  ethnicity(column: string): Ethnicity | undefined {
    const raw = this.text(column);
    const match = matchEthnicity(raw);
    if (match) return match;
    const key = `${column}\u0000${raw}`;
    const entry = this.state.unrecognisedEthnicity.get(key) ?? { column, value: raw, rows: [] };
    entry.rows.push(this.row);
    this.state.unrecognisedEthnicity.set(key, entry);
    return undefined;
  }

  /** For files where ethnicity may be left to staff.csv: absent column or blank cell is null. */
  optionalEthnicity(column: string): Ethnicity | null | undefined {
    return this.text(column) === '' ? null : this.ethnicity(column);
  }

  payBand(column: string): PayBand | undefined {
    return this.required(column, this.optionalPayBand(column), PAY_BAND_EXPECTED);
  }

  optionalPayBand(column: string): PayBand | null | undefined {
    return this.lookup(column, parsePayBand, 'not a recognised pay band or medical grade', PAY_BAND_EXPECTED);
  }

  staffGroup(column: string): StaffGroup | undefined {
    return this.required(column, this.optionalStaffGroup(column), STAFF_GROUP_EXPECTED);
  }

  optionalStaffGroup(column: string): StaffGroup | null | undefined {
    return this.lookup(column, parseStaffGroup, 'not a recognised staff group', STAFF_GROUP_EXPECTED);
  }

  /** Blank → null; a value the lookup does not know → problem. */
  private lookup<T>(column: string, find: (raw: string) => T | null, message: string, expected: string): T | null | undefined {
    const raw = this.text(column);
    if (raw === '') return null;
    return find(raw) ?? this.problem(column, message, expected);
  }
}
