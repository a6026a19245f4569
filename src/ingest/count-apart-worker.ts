/**
 * The thread that reads for count-apart.ts, with the same lazy CSV reading, readers, limits and context as the
 * folder's own thread: first the training file's second part, into compact records (training-part.ts) posted piece
 * by piece as they are read, then the applications file, into a twin of the standard's counter. It posts what each
 * file came to as a message of its own, as plain data.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ApplicationRecord } from '../core/records.ts';
import { streamCounter } from '../core/standards/stream-counters.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { readApplications } from './applications.ts';
import { openLazyCsvTable } from './lazy-csv-table.ts';
import { type LazyRead, readLazily } from './lazy-read.ts';
import type { ReadLimits } from './limits.ts';
import type { ReadRecordsResult } from './row-reader.ts';
import { readTraining } from './training.ts';
import { type TrainingPiece, TrainingPartCollector, transferable } from './training-part.ts';
import type { ReadContext } from './value-limits.ts';

export interface CountApartWorkerData {
  readonly limits: ReadLimits;
  readonly context: ReadContext;
  readonly standard: string;
  readonly year: number;
  readonly applications: { readonly path: string; readonly file: string } | null;
  /** The training file, read from `from` (a record's start) to its end. */
  readonly training: { readonly path: string; readonly file: string; readonly from: number } | null;
}

type ApplicationsRead = LazyRead<ReadRecordsResult<ApplicationRecord>>;

/** The applications file's problems, or its reader's result with what the twin counted (`part`); or 'again'. */
export type ApplicationsApart =
  | Exclude<ApplicationsRead, { kind: 'read' }>
  | (Extract<ApplicationsRead, { kind: 'read' }> & { readonly part: unknown });

/** The training file's second part, read without a problem and every record posted: its rows and records; otherwise 'again'. */
export type TrainingApart =
  | {
    readonly kind: 'read';
    readonly rows: number;
    readonly emptyRowsSkipped: number;
    /** Every record of the part, blank rows included. */
    readonly records: number;
  }
  | { readonly kind: 'again' };

export type CountApartMessage =
  | { readonly job: 'applications'; readonly outcome: ApplicationsApart }
  /** Records of the training file's second part, in order, before its outcome. */
  | { readonly job: 'training-piece'; readonly piece: TrainingPiece }
  | { readonly job: 'training'; readonly outcome: TrainingApart }
  /** The thread could not even start (count-apart-worker-entry.mjs): every file is read the usual way. */
  | { readonly job: 'every'; readonly outcome: { readonly kind: 'again' } };

function applicationsApart(data: CountApartWorkerData, path: string, file: string): ApplicationsApart {
  const count = streamCounter(data.standard)?.(reportingPeriod(data.year));
  if (!count?.takePart) return { kind: 'again' };
  const lazy = openLazyCsvTable(path, file, data.limits);
  if (!lazy) return { kind: 'again' };
  const add = count.open('applications') ?? ((): void => {});
  const outcome = readLazily(lazy, undefined, (table) => readApplications(table, data.context, add));
  if (outcome.kind !== 'read') return outcome;
  return { ...outcome, part: count.takePart('applications') };
}

function trainingApart(data: CountApartWorkerData, path: string, file: string, from: number): TrainingApart {
  const lazy = openLazyCsvTable(path, file, data.limits, { from });
  if (!lazy) return { kind: 'again' };
  const collector = new TrainingPartCollector((piece) => {
    const message: CountApartMessage = { job: 'training-piece', piece };
    parentPort?.postMessage(message, [transferable(piece)]);
  });
  const outcome = readLazily(lazy, undefined, (table) => readTraining(table, data.context, collector.add));
  if (outcome.kind !== 'read' || !outcome.result.ok || !collector.end()) return { kind: 'again' };
  const { rows, emptyRowsSkipped } = outcome.read;
  return { kind: 'read', rows, emptyRowsSkipped, records: outcome.extent.records };
}

const data = workerData as CountApartWorkerData;
if (data.training) {
  const outcome = trainingApart(data, data.training.path, data.training.file, data.training.from);
  const message: CountApartMessage = { job: 'training', outcome };
  parentPort?.postMessage(message);
}
if (data.applications) {
  const message: CountApartMessage = { job: 'applications', outcome: applicationsApart(data, data.applications.path, data.applications.file) };
  parentPort?.postMessage(message);
}
