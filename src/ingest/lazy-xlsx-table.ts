/**
 * A large workbook whose rows go straight to a record reader as they are read, as lazy-csv-table.ts does for CSV,
 * so no row of the sheet is kept. The record readers pull rows in a plain loop, and the workbook's rows come from
 * streams that need an event loop (yauzl, exceljs's XML parsing), so the workbook is read on a thread of its own
 * (lazy-xlsx-worker.ts) and its rows are taken from it in batches, this thread waiting (Atomics.wait) while none is
 * ready; that thread waits in turn while it is a few batches ahead. Used on the command line and in an import's
 * worker thread, like the lazy CSV reading.
 *
 * Nothing is given up for it: when the workbook's checks find anything (not a workbook, a zip bomb, no header) or
 * only the whole-workbook reader can be sure of it (merged cells), `openLazyXlsxTable` gives null or `finish` says
 * 'again', and the caller reads the file the usual way (read-table.ts).
 */
import { statSync } from 'node:fs';
import { MessageChannel, receiveMessageOnPort, Worker } from 'node:worker_threads';
import type { LazyCsvTable, LazyEnd } from './lazy-csv-table.ts';
import type { ReadLimits } from './limits.ts';
import type { LazyXlsxMessage, LazyXlsxWorkerData } from './lazy-xlsx-worker.ts';
import type { Problem } from './problem.ts';
import { isBlankRow, readDataRow, readHeaders, type RawRow, type StreamedTable, type TableRow } from './table.ts';

const WORKER_ENTRY = new URL('./lazy-xlsx-worker-entry.mjs', import.meta.url);

/** Smaller workbooks are read the usual way: their tables are small, and a thread takes a moment to start. */
export const LAZY_XLSX_MIN_BYTES = 1024 * 1024;

/** How long the reading thread may be silent before it is taken to have failed. */
const SILENCE_MS = 10 * 60 * 1000;

/** The workbook opened on its own thread and read up to its header row; null when the usual reading must be used. */
export function openLazyXlsxTable(path: string, file: string, limits: ReadLimits, minBytes = LAZY_XLSX_MIN_BYTES): LazyCsvTable | null {
  try {
    if (statSync(path).size < minBytes) return null;
  } catch {
    return null;
  }
  const reading = new Reading(path, file, limits);
  if (!reading.start()) {
    reading.close();
    return null;
  }
  return reading.lazyTable();
}

class Reading {
  readonly #counts = new Int32Array(new SharedArrayBuffer(8));
  readonly #port;
  readonly #worker: Worker;
  readonly #problems: Problem[] = [];
  readonly #queue: TableRow[] = [];
  #headers: string[] | undefined;
  #headerRow = 0;
  #rows = 0;
  /** The row number of the last row read. */
  #lastRow = 0;
  #emptyRowsSkipped = 0;
  #end: Extract<LazyXlsxMessage, { kind: 'end' }> | null = null;
  #again = false;
  #closed = false;

  constructor(
    path: string,
    private readonly file: string,
    limits: ReadLimits,
  ) {
    const { port1, port2 } = new MessageChannel();
    this.#port = port1;
    const workerData: LazyXlsxWorkerData = { path, file, limits, counts: this.#counts.buffer as SharedArrayBuffer, port: port2 };
    this.#worker = new Worker(WORKER_ENTRY, { workerData, transferList: [port2], execArgv: [] });
    this.#worker.unref();
  }

  /** Reads to the header row; false when the usual reading must be used. */
  start(): boolean {
    while (this.#headers === undefined && !this.#done()) this.#take();
    return this.#headers !== undefined && !this.#again;
  }

  lazyTable(): LazyCsvTable {
    const rows = this.#iterate();
    const table: StreamedTable = {
      file: this.file, sha256: '', encoding: 'xlsx', headerRow: this.#headerRow, headers: this.#headers ?? [], rows, emptyRowsSkipped: 0,
    };
    return { table, finish: () => this.#finish(rows) };
  }

  close(): void {
    if (this.#closed) return;
    this.#closed = true;
    this.#port.close();
    void this.#worker.terminate();
  }

  #done(): boolean {
    return this.#end !== null || this.#again;
  }

  *#iterate(): Generator<TableRow> {
    for (;;) {
      let i = 0;
      while (i < this.#queue.length) yield this.#queue[i++] as TableRow;
      this.#queue.length = 0;
      if (this.#done()) return;
      this.#take();
    }
  }

  #finish(rows: Generator<TableRow>): LazyEnd {
    try {
      // What the reader left is read for the table's own problems.
      while (!rows.next().done) {}
    } finally {
      this.close();
    }
    const end = this.#end;
    if (this.#again || end === null || end.end.kind === 'unsure') return { kind: 'again' };
    if (end.end.kind === 'problems') return { kind: 'problems', problems: end.end.problems };
    if (this.#headers === undefined) return { kind: 'again' };
    if (this.#problems.length > 0) return { kind: 'problems', problems: this.#problems };
    return {
      kind: 'read', rows: this.#rows, emptyRowsSkipped: this.#emptyRowsSkipped, records: this.#lastRow, upTo: null, sha256: end.sha256, encoding: 'xlsx',
    };
  }

  /** The next message from the reading thread, waited for. */
  #take(): void {
    const message = this.#receive();
    if (message.kind === 'again') this.#again = true;
    else if (message.kind === 'end') this.#end = message;
    else for (const row of message.rows) this.#record(row);
  }

  #receive(): LazyXlsxMessage {
    const since = Date.now();
    for (;;) {
      const posted = Atomics.load(this.#counts, 0);
      const received = receiveMessageOnPort(this.#port);
      if (received) {
        Atomics.add(this.#counts, 1, 1);
        Atomics.notify(this.#counts, 1);
        return received.message as LazyXlsxMessage;
      }
      if (Date.now() - since > SILENCE_MS) return { kind: 'again' };
      Atomics.wait(this.#counts, 0, posted, 1000);
    }
  }

  #record(raw: RawRow): void {
    this.#lastRow = raw.row;
    if (isBlankRow(raw)) {
      if (this.#headers !== undefined) this.#emptyRowsSkipped += 1;
      return;
    }
    if (this.#headers === undefined) {
      this.#headers = readHeaders(this.file, raw, this.#problems);
      this.#headerRow = raw.row;
      return;
    }
    this.#rows += 1;
    this.#queue.push(readDataRow(this.file, raw, this.#headers, this.#problems));
  }
}
