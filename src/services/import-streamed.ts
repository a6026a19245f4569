/**
 * An import written as it is read (issue 15, imports at national scale and speed): on PostgreSQL, a thread of its own
 * reads and checks the folder and posts each piece of records, pseudonymised, as COPY's CSV in UTF-8
 * (import-read-worker.ts), while this thread copies the pieces into the import's transaction, so the database takes
 * in one file's rows while the next is read. The files' problems, the counts and what is stored are the same as when
 * the folder is read first (import-service.ts): the reading thread reads with the same code, counts every standard
 * as it reads (import-counts.ts, everyStandardAsRead, which gives the counts countEveryStandard gives of every record
 * kept), and the import stays one transaction, rolled back if any file or count has a problem.
 */
import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/problem.ts';
import type { LoadFolderOptions } from '../ingest/load-folder.ts';
import type { FilledImport, ImportVersion, NewImportHead, RecordCopier, RecordKind, Store } from '../store/store.ts';
import type { ImportReadMessage, ImportReadWorkerData } from './import-read-worker.ts';

const WORKER_ENTRY = new URL('./import-read-worker-entry.mjs', import.meta.url);

export type StreamedImportResult =
  | { readonly ok: true; readonly version: ImportVersion }
  | { readonly ok: false; readonly problems: readonly Problem[] }
  /** The folder must be read the usual way: nothing was written. */
  | { readonly ok: 'again' };

export interface StreamedImportOptions {
  readonly head: NewImportHead;
  readonly load: LoadFolderOptions & { readonly year: number };
  readonly key: Uint8Array;
  readonly onWritten?: (rows: number) => void;
}

class FoundProblems extends Error {
  constructor(readonly problems: readonly Problem[]) {
    super('The files have problems.');
  }
}

class ReadAgain extends Error {}

export async function importWhileReading(store: Store, folder: string, options: StreamedImportOptions): Promise<StreamedImportResult> {
  try {
    const version = await store.imports.createStreamed(
      options.head,
      (importVersionId, copier) => readAndCopy(copier, {
        folder, options: options.load, key: options.key, organisationCode: options.head.organisation.code, importVersionId,
        taken: new SharedArrayBuffer(4),
      }),
      { onProgress: (written) => options.onWritten?.(written) },
    );
    return { ok: true, version };
  } catch (error) {
    if (error instanceof FoundProblems) return { ok: false, problems: error.problems };
    if (error instanceof ReadAgain) return { ok: 'again' };
    throw error;
  }
}

/** Copies each table's pieces as the reading thread posts them; what it knows at the end, or throws to roll back. */
async function readAndCopy(copier: RecordCopier, data: ImportReadWorkerData): Promise<FilledImport> {
  const taken = new Int32Array(data.taken);
  let worker: Worker;
  try {
    worker = new Worker(WORKER_ENTRY, { workerData: data, execArgv: [] });
  } catch {
    throw new ReadAgain();
  }
  const messages = new Channel<ImportReadMessage>();
  worker.on('message', (message: ImportReadMessage) => messages.push(message));
  // Nothing of an error is passed on from the thread's message: it could quote a value from the files.
  worker.on('error', () => messages.fail(new Error('The thread reading the import\'s files failed.')));
  // Whatever it posted before it stopped is taken first; if that was not the end, copyAsPosted says so.
  worker.on('exit', () => messages.end());
  try {
    return await copyAsPosted(copier, messages, () => {
      Atomics.add(taken, 0, 1);
      Atomics.notify(taken, 0);
    });
  } finally {
    await worker.terminate();
  }
}

/**
 * Copies each table's pieces as the reading thread posts them (`messages`, which fails if the thread does), telling
 * `took` of each piece taken; what the thread knew at the end, or throws, with no COPY left open, to roll back.
 */
export async function copyAsPosted(copier: RecordCopier, messages: Channel<ImportReadMessage>, took: () => void): Promise<FilledImport> {
  let table = null as OpenTable | null;
  const endTable = async (): Promise<void> => {
    if (!table) return;
    const ended = table;
    table = null;
    ended.pieces.end();
    await ended.copied;
  };
  try {
    for await (const message of messages) {
      if (message.kind === 'rows') {
        if (table?.kind !== message.table) {
          await endTable();
          const pieces = new Channel<{ bytes: Uint8Array; rows: number }>(took);
          const copied = copier.copy(message.table, pieces);
          // A failed COPY stops the reading: the loop learns of it at once, not when the table ends.
          copied.catch((error: unknown) => messages.fail(error));
          table = { kind: message.table, pieces, copied };
        }
        table.pieces.push({ bytes: message.bytes, rows: message.rows });
        continue;
      }
      await endTable();
      if (message.kind === 'again') throw new ReadAgain();
      if (message.kind === 'problems') throw new FoundProblems(message.problems);
      return { sources: message.sources, notes: message.notes, narrative: message.narrative, standardCounts: message.standardCounts };
    }
    throw new Error('The thread reading the import\'s files stopped before it finished.');
  } finally {
    // A COPY left open would hold the connection, and the rollback after it, for ever: it is failed and let end.
    const open = table as OpenTable | null;
    if (open) {
      open.pieces.fail(new Error('The import stopped before its rows were all read.'));
      await open.copied.catch(() => {});
    }
  }
}

interface OpenTable {
  readonly kind: RecordKind;
  readonly pieces: Channel<{ bytes: Uint8Array; rows: number }>;
  readonly copied: Promise<void>;
}

/** Items pushed by one side and taken in order by an async loop on the other; `onTake` is told of each item taken. */
export class Channel<T> implements AsyncIterable<T> {
  readonly #items: T[] = [];
  #head = 0;
  #ended = false;
  #failed: { error: unknown } | null = null;
  #waiting: { resolve: (result: IteratorResult<T>) => void; reject: (error: unknown) => void } | null = null;

  constructor(private readonly onTake?: () => void) {}

  push(item: T): void {
    if (this.#ended || this.#failed) return;
    const waiting = this.#waiting;
    if (waiting) {
      this.#waiting = null;
      this.onTake?.();
      waiting.resolve({ value: item, done: false });
    } else {
      this.#items.push(item);
    }
  }

  end(): void {
    this.#ended = true;
    this.#settleWaiting();
  }

  fail(error: unknown): void {
    if (this.#failed) return;
    this.#failed = { error };
    this.#settleWaiting();
  }

  #settleWaiting(): void {
    const waiting = this.#waiting;
    // Someone waits only when nothing is left to take.
    if (!waiting) return;
    this.#waiting = null;
    if (this.#failed) waiting.reject(this.#failed.error);
    else waiting.resolve({ value: undefined, done: true });
  }

  [Symbol.asyncIterator](): AsyncIterator<T> {
    return {
      next: () => {
        if (this.#failed) return Promise.reject(this.#failed.error);
        if (this.#head < this.#items.length) {
          const item = this.#items[this.#head] as T;
          this.#items[this.#head] = undefined as T;
          this.#head += 1;
          if (this.#head > 1024 && this.#head * 2 > this.#items.length) {
            this.#items.splice(0, this.#head);
            this.#head = 0;
          }
          this.onTake?.();
          return Promise.resolve({ value: item, done: false });
        }
        if (this.#ended) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve, reject) => {
          this.#waiting = { resolve, reject };
        });
      },
    };
  }
}
