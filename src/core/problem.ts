/**
 * A located problem with the user's data: which file, row, column and value, what is wrong and what was expected.
 * Used by the ingest layer and by cross-file checks in the engine; shown one per line, never as a stack trace.
 */
import type { SourceKind } from './records.ts';

export interface Problem {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;
  readonly message: string;
  readonly expected?: string;
  /**
   * How many rows carry this problem when one problem stands for many (e.g. one unrecognised ethnicity value used
   * on several rows). `row` is then the first of them and the message lists the rest.
   */
  readonly occurrences?: number;
  /**
   * Set when a required column is missing: the canonical column, the file kind and the headers the file has, so an
   * importer can offer to map one of those headers to the column.
   */
  readonly missingColumn?: { readonly column: string; readonly kind?: SourceKind; readonly headers: readonly string[] };
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };
