/**
 * A folder read on two cores: while the folder's own thread reads the staff file and the rest, a thread of its own
 * (count-apart-worker.ts) reads the end of the training file and counts the applications file.
 *
 * - Applications are counted apart from everything else (no other kind's records are needed: the counter's
 *   `separable` kinds, core/counting/stream-count.ts), so the other thread reads the file with the same reader,
 *   limits and context into a twin of the standard's counter, and sends back what it counted, the file's problems
 *   and its provenance; the folder's thread adopts them where it would have read the file, so problems, notes and
 *   sources come out in the same order as when it reads the file itself.
 * - The training file is split at a record's start, chosen so both threads finish together (`trainingSplit`): the
 *   folder's thread reads the part before it into the counter as usual; the other thread reads the part after it
 *   with the same reader into compact records (training-part.ts), which the folder's thread then gives the counter
 *   in file order, their rows numbered from the file's start. Whenever either part cannot be sure of what it read (a
 *   problem in either, a limit, a part that would end inside a quoted value), the folder's thread reads the whole
 *   file again, so its problems are exactly those of reading it on one thread.
 *
 * Only CSV files big enough to be worth a thread's start, read with their canonical headings, on a machine with more
 * than one core, are read so; otherwise, or when the other thread says a file must be read the usual way, it is read
 * as before.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StreamCount } from '../core/counting/stream-count.ts';
import type { ApplicationsApart, CountApartMessage, CountApartWorkerData, TrainingApart } from './count-apart-worker.ts';
import type { TrainingPiece } from './training-part.ts';
import type { ReadLimits } from './limits.ts';
import type { ReadContext } from './value-limits.ts';

const WORKER_ENTRY = new URL('./count-apart-worker-entry.mjs', import.meta.url);

/** The standard (by its id in core/standards/stream-counters.ts) and year whose counter the other thread makes a twin of. */
export interface TwinCounter {
  readonly standard: string;
  readonly year: number;
  /** The smallest file read apart; COUNT_APART_MIN_BYTES unless given (tests read small files so). */
  readonly minBytes?: number;
  /** Where to split the training file (the next record's start from this byte) instead of `trainingSplit`'s choice (tests). */
  readonly trainingAt?: number;
}

/** Smaller files are read on the folder's thread: a thread takes longer to start than they take to read. */
export const COUNT_APART_MIN_BYTES = 4 * 1024 * 1024;

/** A kind's file in the folder, as count-apart may read it. */
export interface ApartSource {
  readonly path: string;
  readonly file: string;
  readonly mapping: unknown;
}

export interface CountApartRequest {
  readonly staff: ApartSource | null;
  readonly applications: ApartSource | null;
  readonly training: ApartSource | null;
  readonly limits: ReadLimits;
  readonly context: ReadContext;
  readonly twin: TwinCounter;
  readonly count: StreamCount<unknown>;
}

/** What the other thread reads of a folder, or null when every file is to be read the usual way. */
export function startCountingApart(request: CountApartRequest): CountingApart | null {
  const { limits, context, twin, count } = request;
  // With one core, a second thread only adds its start and its own warming up.
  if (availableParallelism() < 2) return null;
  const minBytes = twin.minBytes ?? COUNT_APART_MIN_BYTES;
  const applications = count.separable?.includes('applications') && count.adoptPart ? readable(request.applications, minBytes) : null;
  const training = readable(request.training, minBytes);
  const from = training ? trainingSplit(request, training, applications, twin.trainingAt) : null;
  if (!applications && from === null) return null;
  const workerData: CountApartWorkerData = {
    limits, context, standard: twin.standard, year: twin.year,
    applications: applications && { path: applications.source.path, file: applications.source.file },
    training: training && from !== null ? { path: training.source.path, file: training.source.file, from } : null,
  };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_ENTRY, { workerData, execArgv: [] });
  } catch {
    // No thread to be had (the process's limit, say): the files are read the usual way.
    return null;
  }
  return new CountingApart(worker, workerData);
}

interface Readable {
  readonly source: ApartSource;
  readonly bytes: number;
}

/** A CSV file with its canonical headings and at least `minBytes`, with its size; otherwise null. */
function readable(source: ApartSource | null, minBytes: number): Readable | null {
  if (source === null || source.mapping !== undefined || extname(source.file).toLowerCase() !== '.csv') return null;
  const bytes = sizeOf(source.path);
  return bytes >= minBytes && bytes > 0 ? { source, bytes } : null;
}

/** The file's size in bytes; 0 when it cannot be read (its reading then says why). */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch {
    return 0;
  }
}

/**
 * What reading costs on the demonstration data at 200,000 and 1.5 million staff, two threads reading at once on two
 * cores, in nanoseconds a byte: the staff file; the applications file; the training file read into the counter here,
 * read into compact records there, and those records given to the counter here. And the other thread's start, in
 * nanoseconds, before it reads its first byte. Measured on 7 December 2026, then scaled by how much less each file's
 * reading took after that day's later changes and checked by when each thread finished (README "Performance").
 */
const NS_A_BYTE = { staff: 29, applications: 24, training: 16, trainingThere: 17.5, trainingGiven: 5 } as const;
const NS_TO_START = 120e6;
/**
 * The least time the split must save the folder's thread: below it, a split costs more than it gains (at 20,000
 * staff, splitting 4.6 MB of training made the whole run 0.1 s slower, the thread's start and warming up unpaid).
 */
const NS_WORTH_SAVING = 150e6;

/**
 * The byte the training file's second part starts at (a line's start), so that the folder's thread (staff, then
 * the first part, then the second part's records) and the other (the second part, then applications) finish
 * together; null when the split would save too little or the file has no line start where it could be split.
 */
function trainingSplit(
  request: Pick<CountApartRequest, 'staff'>, training: Readable, applications: Readable | null, at?: number,
): number | null {
  let target = at;
  if (target === undefined) {
    // A CSV staff file is read on the folder's thread, mapped or not (a workbook's rows come from a thread of its own).
    const staffBytes = request.staff && extname(request.staff.file).toLowerCase() === '.csv' ? sizeOf(request.staff.path) : 0;
    const { staff, applications: perApplication, training: here, trainingThere: there, trainingGiven: given } = NS_A_BYTE;
    const other = NS_TO_START + perApplication * (applications?.bytes ?? 0);
    // staff·staffBytes + here·S + given·(T − S) = start + applications·A + there·(T − S)
    target = (other + (there - given) * training.bytes - staff * staffBytes) / (here - given + there);
    target = Math.max(0, Math.min(Math.round(target), training.bytes));
    if ((here - given) * (training.bytes - target) < NS_WORTH_SAVING) return null;
  }
  return lineStartFrom(training.source.path, target, training.bytes);
}

/** The start of the first line that begins after `from` (within 64 KiB of it), before the file's end; or null. */
function lineStartFrom(path: string, from: number, size: number): number | null {
  const window = Buffer.allocUnsafe(1 << 16);
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  try {
    const length = readSync(fd, window, 0, window.length, from);
    const newline = window.subarray(0, length).indexOf(10);
    const start = newline === -1 ? null : from + newline + 1;
    return start !== null && start < size ? start : null;
  } finally {
    closeSync(fd);
  }
}

type Outcomes = { applications: ApplicationsApart; training: TrainingApart };

export class CountingApart {
  readonly #outcomes: { [J in keyof Outcomes]?: Promise<Outcomes[J]> } = {};
  /** The training file's second part, as far as it has come, not yet taken. */
  readonly #trainingPieces: TrainingPiece[] = [];
  /** Where the training file's second part starts, when the other thread reads it. */
  readonly trainingFrom: number | null;

  constructor(
    private readonly worker: Worker,
    data: Pick<CountApartWorkerData, 'applications' | 'training'>,
  ) {
    this.trainingFrom = data.training?.from ?? null;
    const pending = new Map<string, { resolve(outcome: unknown): void; reject(error: Error): void; file: string }>();
    for (const job of ['training', 'applications'] as const) {
      const file = data[job]?.file;
      if (file === undefined) continue;
      const outcome = new Promise<unknown>((resolve, reject) => pending.set(job, { resolve, reject, file }));
      // An outcome may never be asked for when reading the folder's other files fails first.
      outcome.catch(() => {});
      (this.#outcomes as Record<string, Promise<unknown>>)[job] = outcome;
    }
    const fail = (why: string): void => {
      for (const { reject, file } of pending.values()) {
        // Nothing of the error itself is passed on: its message could quote a value from the file.
        reject(new Error(`${file} could not be counted on its own thread (${why}); run again, or report this if it persists`));
      }
      pending.clear();
    };
    worker.on('message', (message: CountApartMessage) => {
      if (message.job === 'training-piece') {
        this.#trainingPieces.push(message.piece);
        return;
      }
      for (const [job, { resolve }] of pending) {
        if (message.job !== job && message.job !== 'every') continue;
        resolve(message.outcome);
        pending.delete(job);
      }
    });
    worker.once('error', (error) => fail(error instanceof Error ? error.name : 'it failed'));
    worker.once('exit', (code) => fail(`it stopped with code ${code} before it finished`));
  }

  /** What the other thread read of the applications file: its problems or its reader's result, with what it counted; or 'again'. */
  applications(): Promise<ApplicationsApart> | null {
    return this.#outcomes.applications ?? null;
  }

  /** What the other thread read of the training file from `trainingFrom` (its records are `nextTrainingPiece`'s), or 'again'. */
  training(): Promise<TrainingApart> | null {
    return this.#outcomes.training ?? null;
  }

  /** The next piece of the training file's second part, in order, taken (all have come once `training` is settled). */
  nextTrainingPiece(): TrainingPiece | undefined {
    return this.#trainingPieces.shift();
  }

  /** Stops the other thread when its outcome is no longer wanted. */
  stop(): void {
    void this.worker.terminate();
  }
}
