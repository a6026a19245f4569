/**
 * A located problem with the user's data: which file, row, column and value, what is wrong and what was expected.
 * Used by the ingest layer and by cross-file checks in the engine; shown one per line, never as a stack trace.
 */
export interface Problem {
  readonly file: string;
  readonly row?: number;
  readonly column?: string;
  readonly value?: string;
  readonly message: string;
  readonly expected?: string;
}

export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: readonly Problem[] };
