/**
 * The thread that reads an import's folder while the import's own thread writes what it has read (import-streamed.ts):
 * the folder is read as loadWorkforceFolder reads it, with the same problems, notes and sources (countWorkforceFolder,
 * each large file's records handed over as they are read), and each record is counted as it is read, by every
 * standard (everyStandardAsRead: only the kinds a standard without a streaming counter reads are kept), and posted,
 * pseudonymised, as COPY's CSV (its memory handed over) for the new version, a piece at a time in reading order, then let go. Once
 * every file is read it posts the small files' records, then the counts, or the problems found, or, if a file had
 * to be read again from its start (its rows already posted), that the import must be read the usual way instead.
 *
 * It posts at most AHEAD pieces more than the import's thread has taken, waiting on a shared counter otherwise, so a
 * database slower than the reading does not make every piece wait in memory.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { KeptRecords, StreamCount, StreamedKind } from '../core/counting/stream-count.ts';
import type { Problem } from '../core/problem.ts';
import { defaultStandards } from '../core/standards/index.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { countWorkforceFolder, type LoadFolderOptions } from '../ingest/load-folder.ts';
import { recordsCsv } from '../store/import-records.ts';
import type { FilledImport, RecordKind, RecordsToWrite } from '../store/store.ts';
import { everyStandardAsRead } from './import-counts.ts';
import { pseudonymiser } from './pseudonym.ts';
import { madeWhenAsked, narrativeOf, storedRecordMakers } from './stored-records.ts';

export interface ImportReadWorkerData {
  readonly folder: string;
  readonly options: LoadFolderOptions & { readonly year: number };
  readonly key: Uint8Array;
  readonly organisationCode: string;
  readonly importVersionId: number;
  /** One Int32: how many pieces the import's thread has taken. */
  readonly taken: SharedArrayBuffer;
}

export type ImportReadMessage =
  | { readonly kind: 'rows'; readonly table: RecordKind; readonly bytes: Uint8Array; readonly rows: number }
  | { readonly kind: 'again' }
  | { readonly kind: 'problems'; readonly problems: readonly Problem[] }
  | ({ readonly kind: 'done' } & FilledImport);

/** Records a piece. */
const PIECE_ROWS = 5_000;
/** Pieces posted and not yet taken, at most. */
const AHEAD = 32;

async function readFolder(data: ImportReadWorkerData, post: (message: ImportReadMessage) => void): Promise<void> {
  const taken = new Int32Array(data.taken);
  let posted = 0;
  const make = storedRecordMakers(pseudonymiser(data.key, data.organisationCode));
  const send = <K extends RecordKind>(table: K, records: readonly unknown[]): void => {
    if (records.length === 0) return;
    const stored = madeWhenAsked(records, make[table] as (record: unknown) => RecordsToWrite[K] extends { at(i: number): infer T | undefined } ? T : never);
    for (let seen = Atomics.load(taken, 0); posted - seen >= AHEAD; seen = Atomics.load(taken, 0)) Atomics.wait(taken, 0, seen, 100);
    posted += 1;
    post({ kind: 'rows', table, bytes: recordsCsv(table, data.importVersionId, stored as RecordsToWrite[K]), rows: records.length });
  };

  const counting = everyStandardAsRead(defaultStandards(), reportingPeriod(data.options.year));
  const opened = new Set<StreamedKind>();
  let again = false;
  let open: { kind: StreamedKind; piece: unknown[] } | null = null;
  const sendRest = (): void => {
    if (open && !again) send(open.kind, open.piece);
    open = null;
  };
  const count: StreamCount<KeptRecords> = {
    open(kind) {
      // Read again from its start: its first rows may be posted already, so the import must be read the usual way.
      if (opened.has(kind)) again = true;
      opened.add(kind);
      sendRest();
      const counted = counting.open(kind) as ((record: unknown) => void) | null;
      const reading = { kind, piece: [] as unknown[] };
      open = reading;
      return (record) => {
        counted?.(record);
        reading.piece.push(record);
        if (reading.piece.length === PIECE_ROWS && !again) {
          send(kind, reading.piece);
          reading.piece = [];
        }
      };
    },
    finish: (small) => ({ ok: true, value: small }),
  };
  const read = await countWorkforceFolder(data.folder, data.options, count);
  sendRest();
  if (again) return post({ kind: 'again' });
  if (!read.ok) return post({ kind: 'problems', problems: read.problems });
  if (!read.counted.ok) return post({ kind: 'problems', problems: read.counted.problems });
  const small = read.counted.value;
  send('board', small.board ?? []);
  send('survey', small.survey ?? []);
  send('wdesSurvey', small.wdesSurvey ?? []);
  const counted = counting.finish(small);
  if (!counted.ok) return post({ kind: 'problems', problems: counted.problems });
  post({ kind: 'done', sources: read.sources, notes: read.notes, narrative: narrativeOf(small), standardCounts: counted.value });
}

const port = parentPort;
// A piece's memory is handed over, not copied (it is the piece's own: csvBytes).
if (port) await readFolder(workerData as ImportReadWorkerData, (message) => port.postMessage(message, message.kind === 'rows' ? [message.bytes.buffer as ArrayBuffer] : []));
