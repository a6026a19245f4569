/**
 * A CSV file whose rows go straight to a record reader as they are read, so no row of the file is kept: memory holds
 * the records and one chunk of text. The file is read in chunks with synchronous reads (the command line, or an
 * import's worker thread), because the record readers pull their rows in a plain loop.
 *
 * Nothing is given up for it: the reader runs while the rows are read, and `finish` then says what the table as a
 * whole came to. Problems of the table itself (a row past the last heading, a limit) are then the file's only
 * problems, as when the table is read first; and anything the exact reading must settle (bytes that are not UTF-8,
 * a NUL, a CSV syntax error, no header) makes `finish` say 'again', and the caller reads the file the usual way
 * (read-table.ts) and throws this reading's result away.
 */
import { isAscii } from 'node:buffer';
import { createHash } from 'node:crypto';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CsvSplitter, CsvSyntaxError } from './csv-split.ts';
import type { ReadLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import { limitChecker, OverLimit } from './read-csv.ts';
import { SNIFF_HEAD_BYTES, textFromHead } from './sniff.ts';
import { isBlankRow, readDataRow, readHeaders, type StreamedTable, type TableRow } from './table.ts';

const CHUNK_BYTES = 1 << 16;

export type LazyEnd =
  | {
    readonly kind: 'read';
    readonly rows: number;
    readonly emptyRowsSkipped: number;
    /** Every record read, the header and blank rows included: the row number of the last. */
    readonly records: number;
    /** Where the records read stop when only the file's first part was read (LazyPart.until); null when all were. */
    readonly upTo: number | null;
    /** Of the whole file, whichever part was read ('' for a part read from LazyPart.from, which hashes nothing). */
    readonly sha256: string;
    readonly encoding: string;
  }
  | { readonly kind: 'problems'; readonly problems: Problem[] }
  /** Read the file the usual way instead: this reading cannot say exactly what it holds. */
  | { readonly kind: 'again' };

export interface LazyCsvTable {
  /** Its rows can be read once; sha256, encoding and emptyRowsSkipped are known only from `finish`. */
  readonly table: StreamedTable;
  /** Reads whatever the reader left, closes the file and says what the table came to. */
  finish(): LazyEnd;
}

/**
 * One part of a UTF-8 file, read on each of two threads (count-apart.ts); both bytes are the start of a record,
 * which the reading of the first part checks (a part that would end inside a quoted value is 'again').
 */
export interface LazyPart {
  /** Read the records before this byte only; the rest of the file is still hashed. A UTF-16 file is read whole. */
  readonly until?: number;
  /** Read the header row, then the records from this byte to the end, numbered from 1 there; nothing is hashed. */
  readonly from?: number;
}

class Again extends Error {}

/** The file opened and read up to its header row; null when only the usual reading can say what it holds. */
export function openLazyCsvTable(path: string, file: string, limits: ReadLimits, part: LazyPart = {}): LazyCsvTable | null {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    return null;
  }
  const reading = new Reading(fd, file, limits, part);
  try {
    if (!reading.start()) {
      reading.close();
      return null;
    }
  } catch (error) {
    reading.close();
    if (error instanceof Again) return null;
    throw error;
  }
  return reading.lazyTable();
}

class Reading {
  readonly #hash: ReturnType<typeof createHash> | null;
  readonly #problems: Problem[] = [];
  readonly #queue: TableRow[] = [];
  #check: (cells: string[]) => string[];
  readonly #splitter: CsvSplitter;
  /** One buffer for every chunk: each is hashed and decoded before the next is read into it. */
  readonly #buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  #decoder: InstanceType<typeof TextDecoder> | null = null;
  #encoding = 'utf-8';
  #utf16 = false;
  /** Every byte decoded so far was ASCII (read without the decoder, which is slower and has nothing to do for them). */
  #ascii = true;
  #position = 0;
  #row = 0;
  #headers: string[] | undefined;
  #headerRow = 0;
  #rows = 0;
  #emptyRowsSkipped = 0;
  #stopped: Problem | null = null;
  #ended = false;
  #closed = false;
  #again = false;
  #until: number | null;
  /** The first part (LazyPart.until) has been read: what follows is only hashed. */
  #partEnded = false;
  /** The file's size in bytes when it was opened. */
  #size = 0;

  constructor(
    private readonly fd: number,
    private readonly file: string,
    private readonly limits: ReadLimits,
    private readonly part: LazyPart,
  ) {
    this.#hash = part.from === undefined ? createHash('sha256') : null;
    this.#until = part.until ?? null;
    this.#check = limitChecker(file, limits);
    this.#splitter = new CsvSplitter((cells, trimmed) => this.#record(cells, trimmed));
  }

  /** Sniffs the start and reads to the header row; false when the usual reading must be used. */
  start(): boolean {
    this.#size = fstatSync(this.fd).size;
    const head = Buffer.allocUnsafe(SNIFF_HEAD_BYTES);
    const length = readSync(this.fd, head, 0, head.length, 0);
    if (!textFromHead(head.subarray(0, length))) return false;
    let skip = 0;
    if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) skip = 3;
    else if (head[0] === 0xff && head[1] === 0xfe) this.#encoding = 'utf-16le';
    else if (head[0] === 0xfe && head[1] === 0xff) this.#encoding = 'utf-16be';
    this.#utf16 = this.#encoding !== 'utf-8';
    if (this.#utf16) skip = 2;
    if (this.#utf16) this.#until = null;
    // Without a byte-order mark only valid UTF-8 is UTF-8; anything else is for the usual reading (Windows-1252).
    this.#decoder = new TextDecoder(this.#encoding, skip > 0 ? { ignoreBOM: true } : { fatal: true });
    this.#pump(skip);
    while (this.#headers === undefined && !this.#ended && !this.#partEnded && this.#stopped === null) this.#pump(0);
    if (this.#headers === undefined || this.#stopped !== null) return false;
    return this.part.from === undefined || this.#restartAt(this.part.from);
  }

  /** After the header row, goes on from `from` (a record's start) as if the file began there. */
  #restartAt(from: number): boolean {
    if (this.#utf16) return false;
    this.#splitter.restart();
    this.#decoder = new TextDecoder('utf-8', { fatal: true });
    this.#ascii = true;
    this.#check = limitChecker(this.file, this.limits);
    this.#queue.length = 0;
    this.#position = from;
    this.#row = 0;
    this.#rows = 0;
    this.#emptyRowsSkipped = 0;
    this.#ended = false;
    return true;
  }

  lazyTable(): LazyCsvTable {
    const rows = this.#iterate();
    const table: StreamedTable = {
      file: this.file, sha256: '', encoding: this.#encoding, headerRow: this.#headerRow, headers: this.#headers ?? [], rows, emptyRowsSkipped: 0,
      expectedRows: () => this.#expectedRows(),
    };
    return { table, finish: () => this.#finish(rows) };
  }

  /**
   * The rows read so far, scaled by the bytes still to come against the bytes they took (from the part's start, the
   * header row's bytes among them when it is the file's), with a sixteenth more for what that leaves out.
   */
  #expectedRows(): number {
    const from = this.part.from ?? 0;
    const read = this.#position - from;
    if (read <= 0 || this.#rows === 0) return this.#rows;
    return Math.ceil(((this.#rows * ((this.#until ?? this.#size) - from)) / read) * (17 / 16));
  }

  close(): void {
    if (!this.#closed) closeSync(this.fd);
    this.#closed = true;
  }

  /** The rows in turn; a reading that must be done again ends them early (the reader's result is then thrown away). */
  *#iterate(): Generator<TableRow> {
    for (;;) {
      let i = 0;
      while (i < this.#queue.length) yield this.#queue[i++] as TableRow;
      this.#queue.length = 0;
      if (this.#ended || this.#partEnded || this.#stopped !== null) return;
      try {
        this.#pump(0);
      } catch (error) {
        if (!(error instanceof Again)) throw error;
        this.#again = true;
        return;
      }
    }
  }

  #finish(rows: Generator<TableRow>): LazyEnd {
    try {
      // What the reader left is read for the table's own problems.
      while (!rows.next().done && !this.#again) {}
      if (this.#again) return { kind: 'again' };
      // After a limit, the rest is still read: a NUL or bytes that are not UTF-8 further on change what is said.
      while (!this.#ended) this.#pump(0);
    } catch (error) {
      if (error instanceof Again) return { kind: 'again' };
      throw error;
    } finally {
      this.close();
    }
    if (this.#stopped !== null) return { kind: 'problems', problems: [this.#stopped] };
    if (this.#problems.length > 0) return { kind: 'problems', problems: this.#problems };
    return {
      kind: 'read', rows: this.#rows, emptyRowsSkipped: this.#emptyRowsSkipped, records: this.#row, upTo: this.#partEnded ? this.#until : null,
      sha256: this.#hash?.digest('hex') ?? '', encoding: this.#encoding,
    };
  }

  /** Reads, decodes and splits the next chunk (the end of the file when there is none). */
  #pump(skip: number): void {
    const bytes = this.#buffer;
    const until = this.#until;
    const want = until === null || this.#partEnded ? bytes.length : Math.min(bytes.length, until - this.#position);
    const length = readSync(this.fd, bytes, 0, want, this.#position);
    const chunk = bytes.subarray(0, length);
    this.#position += length;
    this.#hash?.update(chunk);
    const last = length === 0;
    if (this.#partEnded) {
      this.#ended = last;
      return;
    }
    if (!this.#utf16 && chunk.includes(0)) throw new Again();
    const bytesRead = skip > 0 ? chunk.subarray(skip) : chunk;
    let text: string;
    if (this.#ascii && !this.#utf16 && isAscii(bytesRead)) {
      // Every byte so far ASCII, so the decoder holds nothing back: these bytes are these characters.
      text = bytesRead.toString('latin1');
    } else {
      this.#ascii = false;
      try {
        text = (this.#decoder as InstanceType<typeof TextDecoder>).decode(bytesRead, { stream: !last });
      } catch {
        throw new Again();
      }
    }
    if (this.#utf16 && text.includes('\u0000')) throw new Again();
    if (last) this.#ended = true;
    if (this.#stopped !== null) return;
    try {
      if (text !== '') this.#splitter.push(text);
      if (last) this.#splitter.end();
    } catch (error) {
      if (error instanceof OverLimit) this.#stopped = error.problem;
      else if (error instanceof CsvSyntaxError) throw new Again();
      else throw error;
    }
    if (!last && this.#position === until) {
      // The first part must end where a record starts, after the header row (a quoted value open here: 'again').
      if (this.#stopped === null && (this.#headers === undefined || !this.#splitter.atRecordStart())) throw new Again();
      this.#partEnded = true;
    }
  }

  #record(cells: string[], trimmed: boolean): void {
    this.#check(cells);
    this.#row += 1;
    const headers = this.#headers;
    if (trimmed && headers !== undefined && cells.length === headers.length) {
      // What isBlankRow and readDataRow make of a row of trimmed strings, one to each heading: the row itself.
      if (isEmpty(cells)) this.#emptyRowsSkipped += 1;
      else {
        this.#rows += 1;
        this.#queue.push({ row: this.#row, cells });
      }
      return;
    }
    const raw = { row: this.#row, cells };
    if (isBlankRow(raw)) {
      if (this.#headers !== undefined) this.#emptyRowsSkipped += 1;
      return;
    }
    if (this.#headers === undefined) {
      this.#headers = readHeaders(this.file, raw, this.#problems);
      this.#headerRow = this.#row;
      return;
    }
    this.#rows += 1;
    this.#queue.push(readDataRow(this.file, raw, this.#headers, this.#problems));
  }
}

function isEmpty(cells: readonly string[]): boolean {
  for (let i = 0; i < cells.length; i += 1) if (cells[i] !== '') return false;
  return true;
}
