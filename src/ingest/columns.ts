/**
 * Finding the canonical columns in a file's header row. Trusts name columns in many ways ("Staff ID", "STAFF_ID",
 * "staff-id"), so headers are compared without case, spaces, hyphens or underscores. Extra columns are ignored.
 */
import type { Problem } from './problem.ts';
import { columnLetter, type StreamedTable } from './table.ts';

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
function positionsOf(table: StreamedTable, column: string): number[] {
  const wanted = normaliseHeader(column);
  const positions: number[] = [];
  table.headers.forEach((header, i) => {
    if (header !== '' && normaliseHeader(header) === wanted) positions.push(i);
  });
  return positions;
}

export function hasColumn(table: StreamedTable, column: string): boolean {
  return positionsOf(table, column).length > 0;
}

export function resolveColumns(table: StreamedTable, spec: ColumnSpec): ResolveColumnsResult {
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

function missingColumnProblem(table: StreamedTable, column: string): Problem {
  const found = table.headers.filter((h) => h !== '').map((h) => `"${h}"`).join(', ') || '(none)';
  return {
    file: table.file,
    row: table.headerRow,
    message: `missing required column "${column}"; the header row has: ${found}`,
    missingColumn: { column, headers: table.headers.filter((h) => h !== '') },
  };
}

function duplicateColumnProblem(table: StreamedTable, column: string, positions: readonly number[]): Problem {
  const where = positions.map((i) => `"${table.headers[i] ?? ''}" (column ${columnLetter(i)})`).join(' and ');
  return {
    file: table.file,
    row: table.headerRow,
    column,
    message: `the column appears more than once: ${where}; keep one so it is clear which to use`,
  };
}

/** Header text as written in a file → the canonical column it stands for, e.g. { "Ethnic Origin": "ethnic_category" }. */
export type HeaderMapping = Readonly<Record<string, string>>;

/**
 * Renames the headers an organisation has mapped to canonical columns, so files whose headings differ from the
 * canonical names read without editing them. A mapped header that the file does not have changes nothing.
 */
export function applyHeaderMapping<T extends StreamedTable>(table: T, mapping: HeaderMapping | undefined): T {
  if (!mapping || Object.keys(mapping).length === 0) return table;
  const byNormalised = new Map(Object.entries(mapping).map(([header, column]) => [normaliseHeader(header), column]));
  return { ...table, headers: table.headers.map((h) => byNormalised.get(normaliseHeader(h)) ?? h) };
}
