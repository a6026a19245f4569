/**
 * Excel workbooks: one worksheet read as strings, row numbers as Excel shows them. Cell values are written the way
 * a person would type them into a CSV: dates as YYYY-MM-DD, whole numbers without ".0", formulas as their result.
 *
 * exceljs unpacks the whole workbook into memory, so what it unpacks to is measured first (zip-guard.ts) and a
 * workbook over the limit is never given to it; rows and cell lengths are checked before and while rows are read.
 */
import type ExcelJS from 'exceljs';
import { normaliseHeader } from './columns.ts';
import { cellTooLongProblem, tooManyRowsProblem, unpacksTooLargeProblem, type ReadLimits } from './limits.ts';
import { buildTable, columnLetter, type RawCell, type RawRow, type ReadTableResult } from './table.ts';
import { checkUnpackedSize } from './zip-guard.ts';

const NOT_A_WORKBOOK = 'the file could not be opened as an Excel workbook (.xlsx); it may be damaged or another format';

export async function readXlsxBytes(file: string, sha256: string, bytes: Uint8Array, limits: ReadLimits): Promise<ReadTableResult> {
  const size = await checkUnpackedSize(bytes, limits.maxUnpackedBytes);
  if (size === 'over') return { ok: false, problems: [unpacksTooLargeProblem(file, limits)] };
  if (size === 'not-a-zip') return { ok: false, problems: [{ file, message: NOT_A_WORKBOOK }] };
  const { default: Excel } = await import('exceljs'); // loaded only when a workbook is read
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it actually reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return { ok: false, problems: [{ file, message: NOT_A_WORKBOOK }] };
  }
  const sheet = chooseWorksheet(workbook, file);
  if (!sheet) return { ok: false, problems: [{ file, message: 'the workbook has no worksheets' }] };
  if (sheet.rowCount > limits.maxRows) return { ok: false, problems: [tooManyRowsProblem(file, limits)] };
  const rows = readRows(sheet, file, limits);
  return Array.isArray(rows) ? buildTable({ file, sha256, encoding: 'xlsx', rows }) : rows;
}

/** The sheet named like the file ("staff" in staff.xlsx) if there is one, otherwise the first. */
function chooseWorksheet(workbook: ExcelJS.Workbook, file: string): ExcelJS.Worksheet | undefined {
  const kind = normaliseHeader(file.replace(/\.[^.]*$/, ''));
  return workbook.worksheets.find((sheet) => normaliseHeader(sheet.name) === kind) ?? workbook.worksheets[0];
}

/** Every row as text, or a problem at the first cell over the length limit. */
function readRows(sheet: ExcelJS.Worksheet, file: string, limits: ReadLimits): RawRow[] | ReadTableResult {
  const rows: RawRow[] = [];
  let headers: readonly RawCell[] | undefined;
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const row = sheet.getRow(r);
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) {
      const text = cellText(row.getCell(c).value);
      if (typeof text === 'string' && text.length > limits.maxCellChars) {
        const heading = headers?.[c - 1];
        const column = typeof heading === 'string' && heading.trim() !== '' ? heading.trim() : columnLetter(c - 1);
        return { ok: false, problems: [cellTooLongProblem(file, r, column, text, limits)] };
      }
      cells.push(text);
    }
    if (headers === undefined && cells.some((cell) => typeof cell !== 'string' || cell.trim() !== '')) headers = cells;
    rows.push({ row: r, cells });
  }
  return rows;
}

/** A cell's value as text; formula results, hyperlinks and rich text are unwrapped to what the cell shows. */
export function cellText(value: unknown): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: 'invalid date' } : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return objectCellText(value as Record<string, unknown>);
  return String(value);
}

function objectCellText(value: Record<string, unknown>): RawCell {
  if ('error' in value) return { error: String(value['error']) };
  if (Array.isArray(value['richText'])) {
    return value['richText'].map((run: unknown) => String((run as { text?: unknown }).text ?? '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value['result']);
  if ('hyperlink' in value || 'text' in value) return cellText(value['text']);
  return String(value);
}

/**
 * Whole numbers as integers; other numbers rounded to 15 significant digits, as Excel displays them, so 0.1 + 0.2
 * reads "0.3" rather than "0.30000000000000004".
 */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}
