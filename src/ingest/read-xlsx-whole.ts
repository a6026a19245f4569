/**
 * An Excel workbook read whole by exceljs (`workbook.xlsx.load`): every sheet and every cell in memory at once. This
 * was how every workbook was read; now the streaming reader (xlsx-rows.ts) reads them row by row, and this one reads
 * only the workbooks it cannot be sure of (merged cells, rows out of order, a part it does not expect), so that what
 * they say is what it always said. What a workbook unpacks to has been measured first (zip-guard.ts).
 */
import type ExcelJS from 'exceljs';
import { normaliseHeader } from './columns.ts';
import { tooManyRowsProblem, type ReadLimits } from './limits.ts';
import { buildTable, type RawRow, type ReadTableResult } from './table.ts';
import { CellLengthCheck, NOT_A_WORKBOOK, rowTexts } from './xlsx-cells.ts';

/** The workbook in `bytes`, whose unpacked size has already been checked. */
export async function readXlsxWhole(file: string, sha256: string, bytes: Uint8Array, limits: ReadLimits): Promise<ReadTableResult> {
  const { default: Excel } = await import('exceljs'); // loaded only when a workbook is read
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it actually reads.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    return { ok: false, problems: [{ file, message: NOT_A_WORKBOOK }] };
  }
  const sheet = chooseWorksheet(workbook.worksheets, file);
  if (!sheet) return { ok: false, problems: [{ file, message: 'the workbook has no worksheets' }] };
  if (sheet.rowCount > limits.maxRows) return { ok: false, problems: [tooManyRowsProblem(file, limits)] };
  const rows: RawRow[] = [];
  const check = new CellLengthCheck(file, limits);
  for (let r = 1; r <= sheet.rowCount; r += 1) {
    const cells = rowTexts(sheet.getRow(r));
    const problem = check.check(r, cells);
    if (problem) return { ok: false, problems: [problem] };
    rows.push({ row: r, cells });
  }
  return buildTable({ file, sha256, encoding: 'xlsx', rows });
}

/** The sheet named like the file ("staff" in staff.xlsx) if there is one, otherwise the first. */
export function chooseWorksheet<S extends { readonly name: string }>(sheets: readonly S[], file: string): S | undefined {
  const kind = normaliseHeader(file.replace(/\.[^.]*$/, ''));
  return sheets.find((sheet) => normaliseHeader(sheet.name) === kind) ?? sheets[0];
}
