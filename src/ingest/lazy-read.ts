/**
 * One kind's file read lazily (lazy-csv-table.ts, lazy-xlsx-table.ts) by its record reader, and what the table as a
 * whole came to: the same steps wherever the reading runs, on the folder's own thread (load-folder.ts) or on one of
 * its own (count-apart-worker.ts), so both give the same problems and the same provenance.
 */
import { applyHeaderMapping, type HeaderMapping } from './columns.ts';
import type { LazyCsvTable } from './lazy-csv-table.ts';
import type { Problem } from './problem.ts';
import type { StreamedTable } from './table.ts';

/** What is kept of a file read: provenance, and what the notes say of it. */
export interface ReadFile {
  readonly file: string;
  readonly sha256: string;
  readonly encoding: string;
  readonly rows: number;
  readonly emptyRowsSkipped: number;
}

export type LazyRead<R> =
  /** The table itself has problems: they are the file's only ones (the reader's are dropped, as when the table is read first). */
  | { readonly kind: 'problems'; readonly problems: Problem[] }
  | {
    readonly kind: 'read';
    readonly result: R;
    readonly read: ReadFile;
    /** Where a file read in two parts stands (LazyEnd): the records read and where they stop (null: the whole file). */
    readonly extent: { readonly records: number; readonly upTo: number | null };
  }
  /** Read the file the usual way instead (read-table.ts). */
  | { readonly kind: 'again' };

/** Runs the reader over the lazily read table, then finishes the table. */
export function readLazily<R>(lazy: LazyCsvTable, mapping: HeaderMapping | undefined, read: (table: StreamedTable) => R): LazyRead<R> {
  const result = read(applyHeaderMapping(lazy.table, mapping));
  const end = lazy.finish();
  if (end.kind !== 'read') return end;
  const { rows, emptyRowsSkipped, sha256, encoding, records, upTo } = end;
  return { kind: 'read', result, read: { file: lazy.table.file, sha256, encoding, rows, emptyRowsSkipped }, extent: { records, upTo } };
}
