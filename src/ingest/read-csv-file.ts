/**
 * A CSV file read as it streams from disk: bytes in chunks, decoded as they come, split into records (csv-split.ts)
 * and built into the table row by row (TableBuilder). Neither the file's bytes nor its text is ever held whole, so
 * memory grows with the rows kept, not with the file. The result is exactly read-csv.ts's `readCsvBytes` of the
 * whole file: the same sniffing, encoding, limits and located problems. Where that takes the whole file (bytes
 * that are not text, a CSV syntax error, UTF-8 that turns out not to be), this reader gives way to it.
 */
import { createHash } from 'node:crypto';
import { open, readFile, type FileHandle } from 'node:fs/promises';
import { CsvSplitter, CsvSyntaxError } from './csv-split.ts';
import { decodeWindows1252, type TextEncodingName } from './decode.ts';
import type { ReadLimits } from './limits.ts';
import { limitChecker, nulProblem, OverLimit, readCsvBytes } from './read-csv.ts';
import { contentProblem, SNIFF_HEAD_BYTES, sniffContent, textFromHead } from './sniff.ts';
import type { Problem } from './problem.ts';
import { TableBuilder, type ReadTableResult } from './table.ts';

const CHUNK_BYTES = 1 << 20;

/** Reads `path` as CSV; `file` is the name problems give it. Errors opening or reading the file are thrown. */
export async function readCsvFile(path: string, file: string, limits: ReadLimits): Promise<ReadTableResult> {
  const handle = await open(path, 'r');
  try {
    const head = await readAt(handle, 0, SNIFF_HEAD_BYTES);
    if (!textFromHead(head)) return wholeFile(path, file, limits);
    const encoding = byteOrderMark(head);
    const read = await readPass(handle, file, limits, encoding ?? 'utf-8');
    if (read !== 'not-utf-8') return read;
    const windows1252 = await readPass(handle, file, limits, 'windows-1252');
    if (windows1252 === 'not-utf-8') throw new Error('Windows-1252 decodes every byte');
    return windows1252;
  } catch (error) {
    if (error instanceof NeedsWholeFile) return wholeFile(path, file, limits);
    throw error;
  } finally {
    await handle.close();
  }
}

/** Something only the whole file's reading can say exactly (a NUL byte past the start, a CSV syntax error). */
class NeedsWholeFile extends Error {}

/** The reader the streaming one matches, on the whole file: sniffing first, then decoding and parsing. */
async function wholeFile(path: string, file: string, limits: ReadLimits): Promise<ReadTableResult> {
  const bytes = await readFile(path);
  const mismatch = contentProblem(file, '.csv', sniffContent(bytes));
  if (mismatch) return { ok: false, problems: [mismatch] };
  return readCsvBytes(file, createHash('sha256').update(bytes).digest('hex'), bytes, limits);
}

interface BomEncoding {
  readonly encoding: TextEncodingName;
  readonly skip: number;
}

function byteOrderMark(head: Uint8Array): BomEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return { encoding: 'utf-8', skip: 3 };
  if (head[0] === 0xff && head[1] === 0xfe) return { encoding: 'utf-16le', skip: 2 };
  if (head[0] === 0xfe && head[1] === 0xff) return { encoding: 'utf-16be', skip: 2 };
  return null;
}

/** A chunk of bytes into text, as decode.ts's `decodeText` does for the whole file. */
type Decoder = (bytes: Uint8Array, last: boolean) => string;

function decoderFor(encoding: TextEncodingName, hasBom: boolean): Decoder {
  if (encoding === 'windows-1252') return (bytes) => decodeWindows1252(bytes);
  // Without a byte-order mark, only valid UTF-8 is UTF-8 (fatal: the file is then read again as Windows-1252);
  // ignoreBOM: a byte-order mark has been cut off already, and a second one would be part of the text.
  const decoder = new TextDecoder(encoding, hasBom ? { ignoreBOM: true } : { fatal: true });
  return (bytes, last) => decoder.decode(bytes, { stream: !last });
}

/**
 * One reading of the file in `encoding` (a byte-order mark's, or UTF-8 then Windows-1252): 'not-utf-8' when UTF-8
 * was tried and the bytes are not UTF-8.
 */
async function readPass(
  handle: FileHandle, file: string, limits: ReadLimits, how: BomEncoding | 'utf-8' | 'windows-1252',
): Promise<ReadTableResult | 'not-utf-8'> {
  const encoding = typeof how === 'string' ? how : how.encoding;
  const utf16 = encoding === 'utf-16le' || encoding === 'utf-16be';
  const decode = decoderFor(encoding, typeof how !== 'string');
  const hash = createHash('sha256');
  const builder = new TableBuilder(file);
  const check = limitChecker(file, limits);
  let row = 0;
  let stopped: Problem | null = null;
  let nul = false;
  const splitter = new CsvSplitter((cells) => {
    check(cells);
    row += 1;
    builder.add({ row, cells });
  });
  /** Splits the text unless an earlier record has stopped the reading; the rest is still decoded and looked at for NUL. */
  const take = (text: string) => {
    if (utf16 && !nul && text.includes('\u0000')) nul = true;
    if (stopped !== null || nul) return;
    try {
      if (text !== '') splitter.push(text);
    } catch (error) {
      stopped = stoppedBy(error);
    }
  };
  let position = 0;
  let first = true;
  for (;;) {
    const bytes = await readAt(handle, position, CHUNK_BYTES);
    const last = bytes.length === 0;
    hash.update(bytes);
    position += bytes.length;
    // Past the sniffed start, a zero byte makes the file binary or UTF-16 without a byte-order mark, as the
    // whole file's sniffing says.
    if (!utf16 && bytes.includes(0)) throw new NeedsWholeFile();
    const skip = first && typeof how !== 'string' ? how.skip : 0;
    first = false;
    let text: string;
    try {
      text = decode(skip > 0 ? bytes.subarray(skip) : bytes, last);
    } catch (error) {
      if (encoding === 'utf-8' && error instanceof TypeError) return 'not-utf-8';
      throw error;
    }
    take(text);
    if (last) break;
  }
  if (nul) return { ok: false, problems: [nulProblem(file)] };
  if (stopped === null) {
    try {
      splitter.end();
    } catch (error) {
      stopped = stoppedBy(error);
    }
  }
  if (stopped !== null) return { ok: false, problems: [stopped] };
  return builder.result(hash.digest('hex'), encoding);
}

function stoppedBy(error: unknown): Problem {
  if (error instanceof OverLimit) return error.problem;
  if (error instanceof CsvSyntaxError) throw new NeedsWholeFile();
  throw error;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}
