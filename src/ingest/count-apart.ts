/**
 * Counting the applications file on a thread of its own (count-apart-worker.ts) while the folder's own thread reads
 * the staff file and the rest, so a folder is read on two cores. Applications are counted apart from everything else
 * (no other kind's records are needed: the counter's `separable` kinds, core/counting/stream-count.ts), so the
 * other thread reads the file with the same reader, limits and context into a twin of the standard's counter, and
 * sends back what it counted, the file's problems and its provenance; the folder's thread adopts them where it would
 * have read the file, so problems, notes and sources come out in the same order as when it reads the file itself.
 *
 * Only a CSV file big enough to be worth a thread's start, read with its canonical headings, on a machine with more
 * than one core, is counted apart; otherwise, or when the other thread says the file must be read the usual way,
 * it is read as before.
 */
import { statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { extname } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StreamCount } from '../core/counting/stream-count.ts';
import type { CountApartMessage, CountApartWorkerData } from './count-apart-worker.ts';
import type { ReadLimits } from './limits.ts';
import type { ReadContext } from './value-limits.ts';

const WORKER_ENTRY = new URL('./count-apart-worker-entry.mjs', import.meta.url);

/** The standard (by its id in core/standards/stream-counters.ts) and year whose counter the other thread makes a twin of. */
export interface TwinCounter {
  readonly standard: string;
  readonly year: number;
  /** The smallest applications file counted apart; COUNT_APART_MIN_BYTES unless given (tests count small files so). */
  readonly minBytes?: number;
}

/** Smaller applications files are read on the folder's thread: a thread takes longer to start than they take to read. */
export const COUNT_APART_MIN_BYTES = 4 * 1024 * 1024;

export interface CountApartRequest {
  readonly path: string;
  readonly file: string;
  readonly mapping: unknown;
  readonly limits: ReadLimits;
  readonly context: ReadContext;
  readonly twin: TwinCounter;
  readonly count: StreamCount<unknown>;
}

/** The applications file being counted on its own thread, or null when it is to be read the usual way. */
export function startCountingApart(request: CountApartRequest): CountingApart | null {
  const { path, file, mapping, limits, context, twin, count } = request;
  if (mapping !== undefined || extname(file).toLowerCase() !== '.csv') return null;
  if (!count.separable?.includes('applications') || !count.adoptPart) return null;
  // With one core, a second thread only adds its start and its own warming up.
  if (availableParallelism() < 2) return null;
  try {
    if (statSync(path).size < (twin.minBytes ?? COUNT_APART_MIN_BYTES)) return null;
  } catch {
    return null;
  }
  const workerData: CountApartWorkerData = { path, file, limits, context, standard: twin.standard, year: twin.year };
  let worker: Worker;
  try {
    worker = new Worker(WORKER_ENTRY, { workerData, execArgv: [] });
  } catch {
    // No thread to be had (the process's limit, say): the file is read the usual way.
    return null;
  }
  return new CountingApart(worker, file);
}

export class CountingApart {
  readonly #outcome: Promise<CountApartMessage>;

  constructor(
    private readonly worker: Worker,
    file: string,
  ) {
    this.#outcome = new Promise((resolve, reject) => {
      let settled = false;
      const fail = (why: string): void => {
        if (settled) return;
        settled = true;
        // Nothing of the error itself is passed on: its message could quote a value from the file.
        reject(new Error(`${file} could not be counted on its own thread (${why}); run again, or report this if it persists`));
      };
      worker.once('message', (message: CountApartMessage) => {
        settled = true;
        resolve(message);
      });
      worker.once('error', (error) => fail(error instanceof Error ? error.name : 'it failed'));
      worker.once('exit', (code) => fail(`it stopped with code ${code} before it finished`));
    });
    // The outcome may never be asked for when reading the folder's other files fails first.
    this.#outcome.catch(() => {});
  }

  /** What the other thread read: the file's problems or its reader's result, with what it counted; or 'again'. */
  outcome(): Promise<CountApartMessage> {
    return this.#outcome;
  }

  /** Stops the other thread when its outcome is no longer wanted. */
  stop(): void {
    void this.worker.terminate();
  }
}
