/**
 * The thread that reads a large workbook for lazy-xlsx-table.ts: the file's checks, then its rows as they stream
 * (xlsx-rows.ts), posted in batches. The reading thread takes them without waiting on its event loop (it reads in
 * a plain loop), so every message is followed by a count in shared memory it can wait on; and this thread waits
 * whenever it is BATCHES_AHEAD batches ahead, so no more than that many are ever held.
 */
import { type MessagePort, workerData } from 'node:worker_threads';
import type { ReadLimits } from './limits.ts';
import { checkWorkbookFile } from './read-xlsx.ts';
import type { RawRow } from './table.ts';
import { readWorksheetRows, type WorksheetRowsEnd } from './xlsx-rows.ts';

export interface LazyXlsxWorkerData {
  readonly path: string;
  readonly file: string;
  readonly limits: ReadLimits;
  /** Int32 [batches posted, batches taken]. */
  readonly counts: SharedArrayBuffer;
  readonly port: MessagePort;
}

export type LazyXlsxMessage =
  | { readonly kind: 'rows'; readonly rows: RawRow[] }
  | { readonly kind: 'end'; readonly end: WorksheetRowsEnd; readonly sha256: string }
  /** The file's checks found a problem, or the reading failed: the usual reading says what. */
  | { readonly kind: 'again' };

const BATCH_ROWS = 2000;
const BATCHES_AHEAD = 4;

const { path, file, limits, counts: buffer, port } = workerData as LazyXlsxWorkerData;
const counts = new Int32Array(buffer);
let posted = 0;

function post(message: LazyXlsxMessage): void {
  port.postMessage(message);
  posted += 1;
  Atomics.store(counts, 0, posted);
  Atomics.notify(counts, 0);
}

/** How long rows may wait untaken before the reading thread is taken to have gone (it then reads the usual way). */
const UNTAKEN_MS = 10 * 60 * 1000;

class Abandoned extends Error {}

function waitForRoom(): void {
  const since = Date.now();
  for (;;) {
    const taken = Atomics.load(counts, 1);
    if (posted - taken < BATCHES_AHEAD) return;
    if (Date.now() - since > UNTAKEN_MS) throw new Abandoned('no rows taken');
    Atomics.wait(counts, 1, taken, 1000);
  }
}

try {
  const checked = await checkWorkbookFile(path, file, limits);
  if (!checked.ok) {
    post({ kind: 'again' });
  } else {
    let batch: RawRow[] = [];
    const end = await readWorksheetRows(path, file, limits, (row) => {
      batch.push(row);
      if (batch.length < BATCH_ROWS) return;
      post({ kind: 'rows', rows: batch });
      batch = [];
      waitForRoom();
    });
    if (batch.length > 0) post({ kind: 'rows', rows: batch });
    post({ kind: 'end', end, sha256: checked.sha256 });
  }
} catch {
  post({ kind: 'again' });
}
port.close();
