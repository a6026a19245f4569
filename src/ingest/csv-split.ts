/**
 * Splitting CSV text into records as it streams in, with the same result as csv-parse given read-csv.ts's options
 * (ADR 0010). Most lines of a workforce extract hold no quote at all: such a line is one record, split on the
 * delimiter and trimmed, which is what csv-parse makes of it, only many times faster. A line with a quote is handed
 * to csv-parse itself, with the lines after it while a quoted value stays open. When csv-parse finds an error, the
 * splitter stops with `CsvSyntaxError` and the caller reads the whole file with csv-parse again, so the located
 * problem is exactly the one it gives (csv-split.test.ts compares the two on many awkward files).
 */
import { parse } from 'csv-parse/sync';
import { csvParseOptions } from './read-csv.ts';

/** The text was not valid CSV here; the caller finds out exactly where with csv-parse. */
export class CsvSyntaxError extends Error {}

/** A quoted value open over more than this many characters goes to csv-parse whole, rather than line by line. */
const MAX_PENDING_CHARS = 1 << 16;

const LF = 10;
const CR = 13;

export class CsvSplitter {
  /** `trimmed`: every cell is a string already trimmed (a line with no quote), as readDataRow would make it. */
  readonly #onRecord: (cells: string[], trimmed: boolean) => void;
  #delimiter: string | null = null;
  /** Text not yet split: the start of an incomplete line (or, before the delimiter is known, the lines so far). */
  #rest = '';
  /** A record with a quoted value still open: its text so far, line breaks included. */
  #pending: string | null = null;

  constructor(onRecord: (cells: string[], trimmed: boolean) => void) {
    this.#onRecord = onRecord;
  }

  /** True when every record so far has been passed on: no line or quoted value is left open. */
  atRecordStart(): boolean {
    return this.#delimiter !== null && this.#rest === '' && this.#pending === null;
  }

  /**
   * Goes on from another place in the file, a record's start, with the delimiter found so far (count-apart.ts reads
   * the end of a file so, on another thread, after the header row); what was left open here is forgotten.
   */
  restart(): void {
    if (this.#delimiter === null) throw new Error('the delimiter is not known yet');
    this.#rest = '';
    this.#pending = null;
  }

  /** Splits `text`, the next piece of the file; records are passed on as they are completed. */
  push(text: string): void {
    if (this.#delimiter === null) {
      this.#rest += text;
      const delimiter = delimiterOnceKnown(this.#rest, false);
      if (delimiter === null) return;
      this.#delimiter = delimiter;
      const buffered = this.#rest;
      this.#rest = '';
      this.#split(buffered, false);
      return;
    }
    this.#split(text, false);
  }

  /** The end of the file. */
  end(): void {
    if (this.#delimiter === null) {
      this.#delimiter = delimiterOnceKnown(this.#rest, true) ?? ',';
      const buffered = this.#rest;
      this.#rest = '';
      this.#split(buffered, true);
      return;
    }
    this.#split('', true);
  }

  #split(text: string, final: boolean): void {
    const lf = this.#rest === '' ? -1 : text.indexOf('\n');
    if (lf !== -1 && lf + 1 < text.length) {
      // The line left open is finished on its own, the rest of this piece split where it is: joined to the whole
      // piece, it would be copied whole (V8 makes a joined string flat before searching it), a second copy of the
      // file read. Splitting the two in turn is splitting their join.
      this.#splitPiece(text.slice(0, lf + 1), false);
      this.#splitPiece(text.slice(lf + 1), final);
      return;
    }
    this.#splitPiece(text, final);
  }

  #splitPiece(text: string, final: boolean): void {
    const s = this.#rest === '' ? text : this.#rest + text;
    const length = s.length;
    let pos = 0;
    // Where the next LF, CR and quote are, found once each and looked for again only when passed.
    let lf = s.indexOf('\n');
    let cr = s.indexOf('\r');
    let quote = s.indexOf('"');
    for (;;) {
      if (lf !== -1 && lf < pos) lf = s.indexOf('\n', pos);
      if (cr !== -1 && cr < pos) cr = s.indexOf('\r', pos);
      const end = lf === -1 ? cr : cr === -1 ? lf : Math.min(lf, cr);
      if (end === -1) break;
      let next = end + 1;
      if (s.charCodeAt(end) === CR) {
        // A CR at the end of this piece may be the first half of a CRLF.
        if (end + 1 === length && !final) break;
        if (s.charCodeAt(end + 1) === LF) next = end + 2;
      }
      if (quote !== -1 && quote < pos) quote = s.indexOf('"', pos);
      const quoted = quote !== -1 && quote < end;
      if (this.#pending !== null || quoted) this.#quoted(s.slice(pos, end), s.slice(end, next));
      else this.#plain(s, pos, end);
      pos = next;
    }
    this.#rest = pos === 0 ? s : s.slice(pos);
    if (!final) return;
    const last = this.#rest;
    this.#rest = '';
    if (this.#pending !== null) this.#quoted(last, null);
    else if (last.includes('"')) this.#quoted(last, null);
    // As csv-parse does, a last line with no line break that trims to nothing (and has no delimiter) is no record.
    else if (last.trim() !== '' || last.includes(this.#delimiter as string)) this.#plain(last, 0, last.length);
  }

  /** A line with no quote, and none open: one record, its cells cut straight from the text and trimmed. */
  #plain(s: string, start: number, end: number): void {
    const delimiter = this.#delimiter as string;
    const cells: string[] = [];
    let at = start;
    for (;;) {
      let next = s.indexOf(delimiter, at);
      if (next === -1 || next > end) next = end;
      cells.push(trimmed(s, at, next));
      if (next === end) break;
      at = next + delimiter.length;
    }
    this.#onRecord(cells, true);
  }

  /** A line with a quote, or inside a quoted value; `lineBreak` is null at the end of the file. */
  #quoted(line: string, lineBreak: string | null): void {
    if (this.#pending === null) {
      const cells = splitQuotedLine(line, this.#delimiter as string);
      if (cells !== null) {
        this.#onRecord(cells, false);
        return;
      }
    }
    const text = this.#pending === null ? line : this.#pending + line;
    let records: string[][];
    try {
      records = parse(text, csvParseOptions(this.#delimiter as string));
    } catch (error) {
      const code = (error as { code?: unknown } | null)?.code;
      if (code !== 'CSV_QUOTE_NOT_CLOSED' || lineBreak === null || text.length > MAX_PENDING_CHARS) throw new CsvSyntaxError(String(code));
      this.#pending = text + lineBreak;
      return;
    }
    this.#pending = null;
    for (const record of records) this.#onRecord(record, false);
  }
}

/** s.slice(start, end).trim(), without trimming where the value starts and ends with a printable ASCII character. */
function trimmed(s: string, start: number, end: number): string {
  if (start === end) return '';
  const first = s.charCodeAt(start);
  const last = s.charCodeAt(end - 1);
  const value = s.slice(start, end);
  return first > 32 && first < 127 && last > 32 && last < 127 ? value : value.trim();
}

/**
 * One line whose quoted values are all plain ("Smith, J", "a ""quoted"" word"), split as csv-parse splits it; null
 * for anything else (a quote inside an unquoted value, text after a closing quote, a value still open at the end of
 * the line, whitespace other than spaces and tabs beside a quote), which csv-parse itself then reads. Exporters that
 * quote every value write nothing but such lines.
 */
export function splitQuotedLine(line: string, delimiter: string): string[] | null {
  const cells: string[] = [];
  const length = line.length;
  const blank = (code: number) => code === 32 || (code === 9 && delimiter !== '\t');
  let at = 0;
  for (;;) {
    let start = at;
    while (start < length && blank(line.charCodeAt(start))) start += 1;
    if (line.charCodeAt(start) !== 34) {
      const next = line.indexOf(delimiter, at);
      const field = line.slice(at, next === -1 ? length : next);
      if (field.includes('"')) return null;
      cells.push(field.trim());
      if (next === -1) return cells;
      at = next + delimiter.length;
      continue;
    }
    let value = '';
    let from = start + 1;
    for (;;) {
      const quote = line.indexOf('"', from);
      if (quote === -1) return null;
      if (line.charCodeAt(quote + 1) === 34) {
        value += line.slice(from, quote + 1);
        from = quote + 2;
        continue;
      }
      value += line.slice(from, quote);
      from = quote + 1;
      break;
    }
    while (from < length && blank(line.charCodeAt(from))) from += 1;
    cells.push(value);
    if (from === length) return cells;
    if (!line.startsWith(delimiter, from)) return null;
    at = from + delimiter.length;
  }
}

/**
 * The delimiter as read-csv.ts's `detectDelimiter` chooses it from the first non-blank line, once the text holds
 * that line whole (or the file has ended); null while it may still change.
 */
function delimiterOnceKnown(text: string, final: boolean): string | null {
  const lines = text.split(/\r\n|\n|\r/);
  // The last piece may be a line still arriving; a CR at the very end may become a CRLF, which splits the same.
  const complete = final ? lines : lines.slice(0, -1);
  const first = complete.find((line) => line.trim() !== '');
  if (first === undefined) return final ? ',' : null;
  if (first.includes(',')) return ',';
  if (first.includes('\t')) return '\t';
  if (first.includes(';')) return ';';
  return ',';
}
