/**
 * One worksheet of an Excel workbook read row by row as it streams from the file, so that memory holds the
 * workbook's shared strings and styles (which every row may point into, so they are read first and kept) and one
 * row, never the sheet. exceljs's streaming `WorkbookReader` is not used as it is: it reads the zip's parts in the
 * order they are stored (Excel stores sheets before shared strings and styles, so it copies each sheet to a
 * temporary file first), cannot choose a sheet by name before reading it, and makes different values of some cells
 * than the whole-workbook reader did (a formula showing #N/A becomes NaN, a date from a formula a serial number).
 *
 * So the zip is opened by its directory (yauzl), its parts read in the order needed (workbook, relationships,
 * styles, shared strings, then the chosen sheet), and each row of the sheet is parsed by exceljs's own row and cell
 * parsers and made into exceljs's own Row, exactly as `workbook.xlsx.load` does, so every cell's value (dates,
 * numbers, formula results, rich text, errors) is what it always was.
 *
 * What only the whole sheet can settle is left to the whole-workbook reader (read-xlsx-whole.ts): merged cells (a
 * merged cell reads as the value of the range's first cell, and the merges are listed after the rows), rows out of
 * order, and a workbook whose parts are not where Excel puts them. Then the result is 'unsure'.
 */
import { createRequire } from 'node:module';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { tooManyRowsProblem, type ReadLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import type { RawRow } from './table.ts';
import { chooseWorksheet } from './read-xlsx-whole.ts';
import { CellLengthCheck, rowTexts } from './xlsx-cells.ts';

export type WorksheetRowsEnd =
  /** Every row was given; `rows` is the last row number (blank rows included), as Excel numbers them. */
  | { readonly kind: 'read'; readonly rows: number }
  /** The sheet is over a limit or the workbook cannot be read: these are the file's only problems. */
  | { readonly kind: 'problems'; readonly problems: Problem[] }
  /** Only the whole-workbook reader can say exactly what this workbook holds. */
  | { readonly kind: 'unsure'; readonly why: string };

/** Rows are given in order from row 1, blank rows included; `onRow` stops being called once a limit is passed. */
export type RowSink = (row: RawRow) => void;

interface SaxNode {
  readonly name: string;
  readonly attributes: Record<string, string>;
}
type SaxEvent = { eventType: 'opentag'; value: SaxNode } | { eventType: 'text'; value: string } | { eventType: 'closetag'; value: SaxNode };
interface Xform<M> {
  parseStream(stream: Readable): Promise<M>;
}
interface RowModel {
  number: number;
  cells: unknown[];
}
interface RowXform {
  model: RowModel;
  parseOpen(node: SaxNode): boolean;
  parseText(text: string): void;
  parseClose(name: string): boolean;
  reconcile(model: RowModel, options: object): void;
}
interface ExcelRow {
  model: RowModel;
  readonly cellCount: number;
  getCell(c: number): { readonly value: unknown };
}
interface SheetEntry {
  readonly name: string;
  readonly rId: string;
}
interface Relationship {
  readonly Id: string;
  readonly Target: string;
}

/** The parts of exceljs that `workbook.xlsx.load` reads with; loaded only when a workbook is read. */
function exceljsParts() {
  const require = createRequire(import.meta.url);
  const lib = (path: string) => require(`exceljs/lib/${path}`);
  return {
    WorkbookXform: lib('xlsx/xform/book/workbook-xform.js') as new () => Xform<{ sheets?: SheetEntry[]; properties?: { date1904?: boolean } }>,
    RelationshipsXform: lib('xlsx/xform/core/relationships-xform.js') as new () => Xform<Relationship[]>,
    StylesXform: lib('xlsx/xform/style/styles-xform.js') as new () => Xform<unknown>,
    SharedStringsXform: lib('xlsx/xform/strings/shared-strings-xform.js') as new () => Xform<unknown>,
    RowXform: lib('xlsx/xform/sheet/row-xform.js') as new () => RowXform,
    Row: lib('doc/row.js') as new (worksheet: unknown, number: number) => ExcelRow,
    Workbook: lib('doc/workbook.js') as new () => { addWorksheet(name: string): unknown },
    parseSax: lib('utils/parse-sax.js') as (stream: Readable) => AsyncIterable<SaxEvent[]>,
  };
}

class Unsure extends Error {}

/** An error thrown by the row sink, passed on as it is. */
class SinkError extends Error {}

/** Reads the sheet named like the file (or else the first) of the workbook at `path`, giving each row to `onRow`. */
export async function readWorksheetRows(path: string, file: string, limits: ReadLimits, onRow: RowSink): Promise<WorksheetRowsEnd> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: false });
  } catch {
    return { kind: 'unsure', why: 'not a zip' };
  }
  try {
    return await readOpenWorkbook(zip, file, limits, onRow);
  } catch (error) {
    if (error instanceof SinkError) throw error.cause;
    // A damaged part (XML that does not parse, a zip entry that does not inflate) is left to the whole-workbook
    // reader too, so that it is reported as it always was.
    return { kind: 'unsure', why: error instanceof Error ? error.message : String(error) };
  } finally {
    zip.close();
  }
}

async function readOpenWorkbook(zip: yauzl.ZipFile, file: string, limits: ReadLimits, onRow: RowSink): Promise<WorksheetRowsEnd> {
  const entries = await listEntries(zip);
  const part = async <M>(name: string, xform: Xform<M>): Promise<M> => {
    const entry = entries.get(name);
    if (!entry) throw new Unsure(`no ${name}`);
    return xform.parseStream(await zip.openReadStreamPromise(entry));
  };
  const parts = exceljsParts();
  const workbook = await part('xl/workbook.xml', new parts.WorkbookXform());
  const rels = await part('xl/_rels/workbook.xml.rels', new parts.RelationshipsXform());
  // As exceljs: a sheet is a workbook sheet whose relationship points at a part named like xl/worksheets/sheet1.xml.
  const sheets = (workbook.sheets ?? []).flatMap((sheet) => {
    const rel = rels.find((r) => r.Id === sheet.rId);
    const target = rel && `xl/${rel.Target.replace(/^(\s|\/xl\/)+/, '')}`;
    return target && entries.has(target) && /xl\/worksheets\/sheet\d+[.]xml/.test(target) ? [{ name: sheet.name, target }] : [];
  });
  const sheet = chooseWorksheet(sheets, file);
  if (!sheet) throw new Unsure('no worksheet found');
  const styles = new parts.StylesXform();
  await part('xl/styles.xml', styles);
  // As exceljs: without shared strings, a cell that points into them keeps the number it points with.
  const sharedStrings = entries.has('xl/sharedStrings.xml') ? new parts.SharedStringsXform() : undefined;
  if (sharedStrings) await part('xl/sharedStrings.xml', sharedStrings);
  const sheetXml = await zip.openReadStreamPromise(entries.get(sheet.target) as yauzl.Entry);
  const options = { styles, sharedStrings, date1904: workbook.properties?.date1904, hyperlinkMap: {}, formulae: {} };
  return readSheet(parts, sheetXml, options, file, limits, onRow);
}

/**
 * The sheet's rows in order. Every row is read to the end, even past a limit: what comes later (more rows than the
 * limit, a merged range, a damaged part) decides what is said, as when the whole workbook was read first.
 */
async function readSheet(
  parts: ReturnType<typeof exceljsParts>, xml: Readable, options: object, file: string, limits: ReadLimits, onRow: RowSink,
): Promise<WorksheetRowsEnd> {
  const worksheet = new parts.Workbook().addWorksheet('sheet');
  const rowXform = new parts.RowXform();
  const check = new CellLengthCheck(file, limits);
  let inRows = false;
  let inRow = false;
  let last = 0;
  let tooLong: Problem | null = null;
  let tooMany = false;
  const rowRead = () => {
    const model = rowXform.model;
    rowXform.reconcile(model, options);
    const number = model.number;
    if (!Number.isInteger(number) || number <= last) throw new Unsure('rows out of order');
    if (number > limits.maxRows) tooMany = true;
    if (tooMany || tooLong) {
      last = number;
      return;
    }
    while (last + 1 < number) give({ row: ++last, cells: [] });
    const row = new parts.Row(worksheet, number);
    row.model = model;
    const cells = rowTexts(row);
    last = number;
    tooLong = check.check(number, cells);
    if (!tooLong) give({ row: number, cells });
  };
  const give = (row: RawRow) => {
    try {
      onRow(row);
    } catch (error) {
      throw new SinkError('the row sink failed', { cause: error });
    }
  };
  for await (const events of parts.parseSax(xml)) {
    for (const event of events) {
      if (inRow) {
        if (event.eventType === 'opentag') rowXform.parseOpen(event.value);
        else if (event.eventType === 'text') rowXform.parseText(event.value);
        else if (!rowXform.parseClose(event.value.name)) {
          inRow = false;
          rowRead();
        }
      } else if (event.eventType === 'opentag') {
        if (event.value.name === 'sheetData') inRows = true;
        else if (event.value.name === 'row' && inRows) inRow = rowXform.parseOpen(event.value);
        else if (event.value.name === 'mergeCell') throw new Unsure('merged cells');
      } else if (event.eventType === 'closetag' && event.value.name === 'sheetData') {
        inRows = false;
      }
    }
  }
  if (tooMany) return { kind: 'problems', problems: [tooManyRowsProblem(file, limits)] };
  if (tooLong) return { kind: 'problems', problems: [tooLong] };
  return { kind: 'read', rows: last };
}

/** The zip's parts by name, from its central directory. */
function listEntries(zip: yauzl.ZipFile): Promise<Map<string, yauzl.Entry>> {
  return new Promise((resolve, reject) => {
    const entries = new Map<string, yauzl.Entry>();
    zip.on('entry', (entry: yauzl.Entry) => {
      entries.set(entry.fileName, entry);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', reject);
    zip.readEntry();
  });
}
