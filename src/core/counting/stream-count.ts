/**
 * Counting a folder as it is read. The large kinds of file (one row per person, application or event) are handed
 * to a standard's counter one record at a time, in the folder's reading order (staff first, then applications,
 * disciplinary, training, capability), and never kept; the small kinds (board, survey, the narrative) arrive whole
 * at the end. A stored import, which keeps its records, feeds the same counter from its arrays (countDataset), so
 * there is one counting, whichever way the records come.
 */
import type { Result } from '../problem.ts';
import type { StringNumbers } from '../util/string-numbers.ts';
import type {
  ApplicationRecord, CapabilityRecord, DisciplinaryRecord, StaffRecord, TrainingRecord, WorkforceDataset,
} from '../records.ts';

/** The kinds counted a record at a time, and their records. */
export interface StreamedRecords {
  readonly staff: StaffRecord;
  readonly applications: ApplicationRecord;
  readonly disciplinary: DisciplinaryRecord;
  readonly training: TrainingRecord;
  readonly capability: CapabilityRecord;
}

export type StreamedKind = keyof StreamedRecords;

/** In the order a folder is read. */
export const STREAMED_KINDS: readonly StreamedKind[] = ['staff', 'applications', 'disciplinary', 'training', 'capability'];

/** What is kept whole: the small kinds. */
export type KeptRecords = Pick<WorkforceDataset, 'board' | 'survey' | 'wdesSurvey' | 'wdesNarrative'>;

export interface StreamCount<C> {
  /**
   * Where this kind's records go, one at a time, or null when the standard does not count them (they are still read
   * and checked). Called when the kind's file is present, before its first record; called again if the file has to
   * be read again from its start, which starts that kind's counting afresh.
   */
  open<K extends StreamedKind>(kind: K): ((record: StreamedRecords[K]) => void) | null;
  /** The counts, once every file was read without a problem. */
  finish(kept: KeptRecords): Result<C>;
  /**
   * The kinds whose counting reads nothing of the other kinds' records, so a twin of this counter (the same
   * standard's, for the same period) may count them elsewhere, on another thread, and this counter adopt what it
   * counted (takePart, adoptPart). Absent or empty: every kind is counted here.
   */
  readonly separable?: readonly StreamedKind[];
  /** What was counted of a separable kind since it was opened, as plain data (it may cross to another thread). */
  takePart?(kind: StreamedKind): unknown;
  /** Takes what a twin counted of a separable kind (its takePart) as if this counter had counted that kind's records. */
  adoptPart?(kind: StreamedKind, part: unknown): void;
  /**
   * The table this counter numbers the staff file's staff_ids in, once the staff kind is opened (empty then). The
   * staff file's reader may number them in it for its duplicate check before handing each record on (first-rows.ts),
   * so that each id is placed in one table rather than two; the counter then finds it there. Absent: not shared.
   */
  staffIds?(): StringNumbers;
}

/** Counts a dataset whose records are all kept (a stored import's) with a standard's streaming counter. */
export function countDataset<C>(dataset: WorkforceDataset, count: StreamCount<C>): Result<C> {
  feed(count, 'staff', dataset.staff);
  feed(count, 'applications', dataset.applications);
  feed(count, 'disciplinary', dataset.disciplinary);
  feed(count, 'training', dataset.training);
  feed(count, 'capability', dataset.capability);
  return count.finish(dataset);
}

function feed<K extends StreamedKind>(count: StreamCount<unknown>, kind: K, records: readonly StreamedRecords[K][] | null): void {
  if (records === null) return;
  const add = count.open(kind);
  if (add) for (const record of records) add(record);
}
