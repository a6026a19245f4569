/**
 * Finding the canonical columns in a file's header row. Trusts name columns in many ways ("Staff ID", "STAFF_ID",
 * "staff-id"), so headers are compared without case, spaces, hyphens or underscores. Extra columns are ignored.
 */
import type { Problem } from './problem.ts';
import { columnLetter, type Table } from './table.ts';

export interface ColumnSpec {
  readonly required: readonly string[];
  readonly optional: readonly string[];
}

/** Canonical column name → zero-based cell index, or undefined for an optional column the file lacks. */
export type ColumnIndex = Readonly<Record<string, number | undefined>>;

export type ResolveColumnsResult = { ok: true; index: ColumnIndex } | { ok: false; problems: Problem[] };

/** "Staff ID", "staff-id", "STAFF_ID" and "StaffId" all become "staffid". */
export function normaliseHeader(header: string): string {
  return header.toLowerCase().replace(/[\s_\-–—]+/g, '');
}

/** Zero-based positions of every header that matches a canonical column name. */
function positionsOf(table: Table, column: string): number[] {
  const wanted = normaliseHeader(column);
  const positions: number[] = [];
  table.headers.forEach((header, i) => {
    if (header !== '' && normaliseHeader(header) === wanted) positions.push(i);
  });
  return positions;
}

export function hasColumn(table: Table, column: string): boolean {
  return positionsOf(table, column).length > 0;
}

export function resolveColumns(table: Table, spec: ColumnSpec): ResolveColumnsResult {
  const index: Record<string, number | undefined> = {};
  const problems: Problem[] = [];
  for (const column of [...spec.required, ...spec.optional]) {
    const positions = positionsOf(table, column);
    if (positions.length > 1) problems.push(duplicateColumnProblem(table, column, positions));
    else if (positions.length === 0 && spec.required.includes(column)) problems.push(missingColumnProblem(table, column));
    index[column] = positions[0];
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, index };
}

function missingColumnProblem(table: Table, column: string): Problem {
  const found = table.headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '(none)';
  return {
    file: table.file,
    row: table.headerRow,
    message: `missing required column "${column}"; the header row has: ${found}`,
  };
}

function duplicateColumnProblem(table: Table, column: string, positions: readonly number[]): Problem {
  const where = positions.map((i) => `"${table.headers[i] ?? ''}" (column ${columnLetter(i)})`).join(' and ');
  return {
    file: table.file,
    row: table.headerRow,
    column,
    message: `the column appears more than once: ${where}; keep one so it is clear which to use`,
  };
}
