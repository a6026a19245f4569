/**
 * What a file's bytes are, whatever its name says. A workbook renamed .csv, a PDF or random bytes must be named for
 * what they are, not decoded as some text encoding and then reported as a puzzle about UTF-16 or missing columns.
 * Nothing here guesses an import: a file whose content does not fit its extension is a problem, with what to do.
 *
 * Known formats are recognised by their signatures ("magic numbers"); zip and OLE2 containers (new and old Office
 * files) by the names of the parts inside, which both formats store uncompressed.
 */
import type { Problem } from './problem.ts';

export type Content =
  /** Text, or empty: read as CSV. */
  | { readonly kind: 'text' }
  /** Text in UTF-16 with no byte-order mark: NUL in every other byte. */
  | { readonly kind: 'utf16WithoutBom' }
  /** A zip holding an Excel workbook (.xlsx or .xlsm). */
  | { readonly kind: 'workbook' }
  /** A zip whose parts name no format known here. */
  | { readonly kind: 'zip' }
  /** A format known by name that Mirror does not read. */
  | { readonly kind: 'named'; readonly what: string; readonly advice: string }
  /** Neither text nor a known format. */
  | { readonly kind: 'binary' };

const SAVE_AS = 'open it in Excel and save it as "Excel Workbook (.xlsx)" or "CSV UTF-8 (Comma delimited)"';
const NOT_A_TABLE = 'workforce files must be tables saved as .xlsx or CSV';
const EXTRACT = 'extract it and import the .csv or .xlsx files inside';

const named = (what: string, advice: string): Content => ({ kind: 'named', what, advice });

/** File signatures, checked at the start of the file. Zip and OLE2 are looked into further. */
const SIGNATURES: readonly { readonly bytes: readonly number[]; readonly content: (bytes: Buffer) => Content }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], content: zipContent },
  { bytes: [0x50, 0x4b, 0x05, 0x06], content: () => named('an empty zip archive', NOT_A_TABLE) },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1], content: ole2Content },
  { bytes: [...'%PDF-'].map((c) => c.charCodeAt(0)), content: () => named('a PDF document', `a PDF cannot be read as a table; export the data from its source as .xlsx or CSV`) },
  { bytes: [0x1f, 0x8b], content: () => named('a gzip-compressed file', 'decompress it and import the file inside') },
  { bytes: [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c], content: () => named('a 7-Zip archive', EXTRACT) },
  { bytes: [0x52, 0x61, 0x72, 0x21, 0x1a, 0x07], content: () => named('a RAR archive', EXTRACT) },
  { bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], content: () => named('an image (PNG)', NOT_A_TABLE) },
  { bytes: [0xff, 0xd8, 0xff], content: () => named('an image (JPEG)', NOT_A_TABLE) },
];

/** Zip parts that say what an Office or OpenDocument file is; the first found wins. */
const ZIP_PARTS: readonly { readonly part: string; readonly content: Content }[] = [
  { part: 'xl/workbook.xml', content: { kind: 'workbook' } },
  { part: 'xl/workbook.bin', content: named('an Excel binary workbook (.xlsb)', SAVE_AS) },
  { part: 'application/vnd.oasis.opendocument.spreadsheet', content: named('an OpenDocument spreadsheet (.ods)', SAVE_AS.replace('Excel', 'Excel or LibreOffice')) },
  { part: 'word/document.xml', content: named('a Word document (.docx)', NOT_A_TABLE) },
  { part: 'ppt/presentation.xml', content: named('a PowerPoint presentation (.pptx)', NOT_A_TABLE) },
];

/** OLE2 stream names (UTF-16LE in the directory); an encrypted .xlsx is an OLE2 file holding "EncryptedPackage". */
const OLE2_STREAMS: readonly { readonly stream: string; readonly content: Content }[] = [
  {
    stream: 'EncryptedPackage',
    content: named(
      'a password-protected (encrypted) Office file',
      'open it in Excel, remove the password (File, Info, Protect Workbook, Encrypt with Password) and save it again',
    ),
  },
  { stream: 'Workbook', content: named('an older Excel workbook (.xls)', SAVE_AS) },
  { stream: 'Book', content: named('an older Excel workbook (.xls)', SAVE_AS) },
  { stream: 'WordDocument', content: named('a Word document (.doc)', NOT_A_TABLE) },
  { stream: 'PowerPoint Document', content: named('a PowerPoint presentation (.ppt)', NOT_A_TABLE) },
];

/** How much of the start of a file is examined for the UTF-16 pattern and for control characters. */
const UTF16_SAMPLE_BYTES = 4096;
const CONTROL_SAMPLE_BYTES = 65536;
/** Text has at most a stray control character; more than 1 byte in 100 means it is not text. */
const MAX_CONTROL_SHARE = 0.01;

export function sniffContent(input: Uint8Array): Content {
  const bytes = Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  for (const signature of SIGNATURES) {
    if (signature.bytes.every((byte, i) => bytes[i] === byte)) return signature.content(bytes);
  }
  return sniffText(bytes, bytes.includes(0));
}

/** How many bytes from the start of a file `sniffHead` needs. */
export const SNIFF_HEAD_BYTES = CONTROL_SAMPLE_BYTES;

/**
 * Whether `sniffContent` would say 'text' of a file, judged from its first SNIFF_HEAD_BYTES bytes, for a reader that
 * streams the rest: true when they start no known format and show no sign of anything but text. False means: sniff
 * the whole file, as a streaming reader also must when a NUL byte turns up further on.
 */
export function textFromHead(head: Uint8Array): boolean {
  const bytes = Buffer.from(head.buffer, head.byteOffset, head.byteLength);
  if (SIGNATURES.some((signature) => signature.bytes.every((byte, i) => bytes[i] === byte))) return false;
  return sniffText(bytes, bytes.includes(0)).kind === 'text';
}

/** `sniffContent` past the signatures; `containsNul` is whether the whole file holds a zero byte. */
function sniffText(bytes: Buffer, containsNul: boolean): Content {
  // A UTF-16 byte-order mark: text, with a NUL in every other byte.
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return { kind: 'text' };
  if (containsNul) return looksLikeUtf16(bytes) ? { kind: 'utf16WithoutBom' } : { kind: 'binary' };
  if (controlShare(bytes.subarray(0, CONTROL_SAMPLE_BYTES)) > MAX_CONTROL_SHARE) return { kind: 'binary' };
  return markupContent(bytes) ?? { kind: 'text' };
}

function zipContent(bytes: Buffer): Content {
  return ZIP_PARTS.find(({ part }) => bytes.includes(part, 0, 'latin1'))?.content ?? { kind: 'zip' };
}

function ole2Content(bytes: Buffer): Content {
  const found = OLE2_STREAMS.find(({ stream }) => bytes.includes(`${stream}\u0000`, 0, 'utf16le'));
  return found?.content ?? named('an older Microsoft Office file', SAVE_AS);
}

/** ASCII-range UTF-16: the high byte of almost every character is 0, so NULs fill one of the two byte positions. */
function looksLikeUtf16(bytes: Buffer): boolean {
  const sample = bytes.subarray(0, UTF16_SAMPLE_BYTES);
  const pairs = Math.floor(sample.length / 2);
  if (pairs < 2) return false;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < pairs * 2; i += 2) {
    if (sample[i] === 0) evenZeros += 1;
    if (sample[i + 1] === 0) oddZeros += 1;
  }
  const mostly = (n: number) => n >= pairs * 0.6;
  const rarely = (n: number) => n <= pairs * 0.05;
  return (mostly(oddZeros) && rarely(evenZeros)) || (mostly(evenZeros) && rarely(oddZeros));
}

/** Bytes below 0x20 other than tab, line feed, form feed, carriage return and the old end-of-file mark (0x1A). */
function controlShare(sample: Buffer): number {
  if (sample.length === 0) return 0;
  let controls = 0;
  // An index, not for…of: a Buffer's iterator made an object a byte until optimised (4.5 MB for a small folder's files).
  for (let i = 0; i < sample.length; i += 1) {
    const byte = sample[i] as number;
    if ((byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0c && byte !== 0x0d && byte !== 0x1a) || byte === 0x7f) controls += 1;
  }
  return controls / sample.length;
}

/** Web pages and XML files, which reporting systems often save under a spreadsheet's name. */
function markupContent(bytes: Buffer): Content | null {
  const start = bytes.subarray(0, 4096).toString('latin1').replace(/^\u00ef\u00bb\u00bf/, '').trimStart().toLowerCase();
  if (!start.startsWith('<')) return null;
  if (start.startsWith('<!doctype html') || start.startsWith('<html') || start.startsWith('<table')) {
    return named('a web page (HTML)', 'export the data from its source as CSV or .xlsx, or open the page in Excel and save it as .xlsx');
  }
  if (!start.startsWith('<?xml')) return null;
  if (start.includes('urn:schemas-microsoft-com:office:spreadsheet') || start.includes('excel.sheet')) {
    return named('an Excel 2003 XML spreadsheet', SAVE_AS);
  }
  return named('an XML file', 'export the data as CSV or .xlsx');
}

// ---------------------------------------------------------------- problems

export const UTF16_WITHOUT_BOM_MESSAGE =
  'the file contains NUL characters, so it is probably UTF-16 without a byte-order mark; ' +
  'save it from Excel as "CSV UTF-8 (Comma delimited)"';

/**
 * The problem with reading `file` (named with `extension`, ".csv" or ".xlsx") given its content, or null when the
 * content fits the name. A zip that names no known format is left to the workbook reader to try.
 */
export function contentProblem(file: string, extension: string, content: Content): Problem | null {
  const stem = file.slice(0, file.length - extension.length);
  const message = extension === '.csv' ? csvMismatch(stem, content) : xlsxMismatch(stem, content);
  return message === null ? null : { file, message };
}

function csvMismatch(stem: string, content: Content): string | null {
  switch (content.kind) {
    case 'text':
      return null;
    case 'utf16WithoutBom':
      return UTF16_WITHOUT_BOM_MESSAGE;
    case 'workbook':
      return `this is an Excel workbook (.xlsx) with a .csv name, so it is not read as CSV; rename it to ${stem}.xlsx, or ${SAVE_AS.replace('"Excel Workbook (.xlsx)" or ', '')}`;
    case 'zip':
      return `this is a zip archive, not CSV text; ${EXTRACT}`;
    case 'named':
      return `this is ${content.what}, not CSV text; ${content.advice}`;
    case 'binary':
      return (
        'this is not a text file (it holds bytes that CSV text never contains), so it cannot be read as CSV; ' +
        'it may be another kind of file renamed .csv: export the data again as "CSV UTF-8 (Comma delimited)" or .xlsx'
      );
  }
}

function xlsxMismatch(stem: string, content: Content): string | null {
  switch (content.kind) {
    case 'workbook':
    case 'zip':
      return null;
    case 'text':
    case 'utf16WithoutBom':
      return `the file is named .xlsx but holds text, not an Excel workbook; if it is CSV, rename it to ${stem}.csv`;
    case 'named':
      return `this is ${content.what}, not an Excel workbook (.xlsx); ${content.advice}`;
    case 'binary':
      return 'this is not an Excel workbook (.xlsx), and not text either; the file may be damaged, or another kind of file renamed .xlsx';
  }
}
