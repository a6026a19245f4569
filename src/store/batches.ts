/**
 * Large imports (20,000 staff, 150,000 applications) are written with multi-row INSERTs, as many rows at a time as
 * each database allows bound values: SQLite at most 32,766 in one statement, PostgreSQL 65,535 (its protocol counts
 * them in 16 bits), where a few thousand rows per statement is already as fast as it gets.
 */
import type { SqlDialect } from './migrations/column-types.ts';

export interface BatchLimits {
  readonly maxParameters: number;
  readonly maxRows: number;
}

export const BATCH_LIMITS: Readonly<Record<SqlDialect, BatchLimits>> = {
  sqlite: { maxParameters: 32_766, maxRows: Number.POSITIVE_INFINITY },
  postgres: { maxParameters: 65_535, maxRows: 4_000 },
};

export function rowsPerBatch(columns: number, limits: BatchLimits): number {
  return Math.max(1, Math.min(limits.maxRows, Math.floor(limits.maxParameters / Math.max(1, columns))));
}

/** Inserts rows in batches, in order, telling `written` how many rows each batch held. */
export async function insertInBatches<R extends object>(
  rows: readonly R[],
  limits: BatchLimits,
  insert: (batch: R[]) => Promise<unknown>,
  written: (count: number) => void = () => {},
): Promise<void> {
  const first = rows[0];
  if (first === undefined) return;
  const size = rowsPerBatch(Object.keys(first).length, limits);
  for (let start = 0; start < rows.length; start += size) {
    const batch = rows.slice(start, start + size);
    await insert(batch);
    written(batch.length);
  }
}
