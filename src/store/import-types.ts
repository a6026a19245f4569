/**
 * An import's records as the store keeps them, and as it is given them to write: whole (StoredRecords), made as they
 * are written (RecordsToWrite), or copied in as they are read (RecordCopier, FilledImport). Re-exported by store.ts.
 */
import type { SourceFile } from '../core/records.ts';

/** Pseudonymised records as stored: the same shapes the engine counts, with staff_id replaced by a pseudonym. */
export interface StoredRecords {
  readonly staff: readonly {
    readonly pseudonym: string; readonly ethnicCode: string; readonly subCode: string | null; readonly census2021: string | null;
    readonly payBand: string; readonly staffGroup: string; readonly bankOnly: boolean; readonly directorate: string | null;
    readonly gender: string | null; readonly disability: string; readonly fte: number | null; readonly hourlyPay: number | null;
    readonly startDate: string | null; readonly internationalRecruit: boolean | null; readonly sourceRow: number;
    readonly bonusPay: number | null; readonly fullPayRelevant: boolean; readonly medicalLeadership: string | null;
  }[];
  readonly applications: readonly {
    readonly ethnicCode: string; readonly subCode: string | null; readonly shortlisted: boolean; readonly appointed: boolean;
    readonly payBand: string | null; readonly staffGroup: string | null; readonly internal: boolean | null;
    readonly internationalRecruit: boolean | null; readonly date: string | null; readonly disability: string; readonly sourceRow: number;
    readonly gender: string | null;
  }[];
  readonly disciplinary: readonly { readonly pseudonym: string; readonly ethnicCode: string | null; readonly startDate: string; readonly sourceRow: number }[];
  readonly training: readonly {
    readonly pseudonym: string; readonly ethnicCode: string | null; readonly mandatory: boolean; readonly startDate: string; readonly sourceRow: number;
  }[];
  readonly board: readonly {
    readonly ethnicCode: string; readonly voting: boolean; readonly executive: boolean; readonly disability: string; readonly sourceRow: number;
  }[];
  readonly survey: readonly { readonly indicator: string; readonly group: string; readonly respondents: number; readonly positive: number }[];
  /** Entries into the formal capability process (WDES metric 3), with the row's own disability when given. */
  readonly capability: readonly { readonly pseudonym: string; readonly disability: string | null; readonly startDate: string; readonly sourceRow: number }[];
  readonly wdesSurvey: readonly {
    readonly metric: string; readonly group: string; readonly respondents: number; readonly positive: number | null; readonly score: number | null;
  }[];
  /** The WDES 9b answer and narrative (wdes_9b.txt), or null without one. */
  readonly narrative: { readonly answer: boolean | null; readonly text: string } | null;
}

/** Records by index, each perhaps made only when asked for: an array, or a view over the records read (stored-records.ts). */
export interface RecordList<T> {
  readonly length: number;
  at(index: number): T | undefined;
}

/** An import's records to write: StoredRecords, or views that make each record as it is written. */
export type RecordsToWrite = { readonly [K in Exclude<keyof StoredRecords, 'narrative'>]: RecordList<StoredRecords[K][number]> } & {
  readonly narrative: StoredRecords['narrative'];
};

/** A kind of record an import keeps, each in a table of its own. */
export type RecordKind = Exclude<keyof StoredRecords, 'narrative'>;

/** What an import written as it is read knows once its files are read and counted. */
export interface FilledImport {
  readonly sources: readonly SourceFile[];
  readonly notes: readonly string[];
  readonly narrative: StoredRecords['narrative'];
  readonly standardCounts: Readonly<Record<string, unknown>>;
}

/**
 * Takes a kind's records into its table, inside the import's transaction, as pieces of COPY's CSV in UTF-8 with their number of rows
 * (made by import-records.ts's recordsCsv for the version, in its columns), in order; done when `pieces` ends.
 */
export interface RecordCopier {
  copy(kind: RecordKind, pieces: AsyncIterable<{ readonly bytes: Uint8Array; readonly rows: number }>): Promise<void>;
}
