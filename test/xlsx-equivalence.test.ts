/**
 * The same trust as CSV and as Excel workbooks gives the same report: Excel is read as faithfully as CSV, including
 * real date cells and number cells.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { wresFromFolder } from '../src/services/wres-from-folder.ts';

const root = mkdtempSync(join(tmpdir(), 'mirror-xlsx-'));
after(() => rmSync(root, { recursive: true, force: true }));

/** Writes a CSV's rows to a workbook, turning ISO dates into date cells and whole numbers into number cells. */
async function csvToXlsx(csvPath: string, xlsxPath: string, sheetName: string): Promise<void> {
  const rows: string[][] = parse(readFileSync(csvPath, 'utf8'));
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName);
  for (const row of rows) {
    sheet.addRow(row.map((cell) => {
      if (/^\d{4}-\d{2}-\d{2}$/.test(cell)) return new Date(`${cell}T00:00:00Z`);
      if (/^\d+$/.test(cell) && !cell.startsWith('0') && cell.length < 10) return Number(cell);
      return cell;
    }));
  }
  await workbook.xlsx.writeFile(xlsxPath);
}

test('a trust read from .xlsx files gives the same figures as from .csv', async () => {
  const csvFolder = join(root, 'csv', '2025');
  const xlsxFolder = join(root, 'xlsx', '2025');
  await writeSyntheticTrust(csvFolder, { year: 2025, seed: 11, staff: 500 });
  await writeSyntheticTrust(xlsxFolder, { year: 2025, seed: 11, staff: 500 });
  for (const kind of ['staff', 'applications', 'disciplinary', 'training', 'board', 'survey', 'capability']) {
    await csvToXlsx(join(csvFolder, `${kind}.csv`), join(xlsxFolder, `${kind}.xlsx`), kind);
    rmSync(join(xlsxFolder, `${kind}.csv`));
  }
  const fromCsv = await wresFromFolder(csvFolder, { year: 2025, previousFolder: null });
  const fromXlsx = await wresFromFolder(xlsxFolder, { year: 2025, previousFolder: null });
  assert.ok(fromCsv.ok && fromXlsx.ok, JSON.stringify(!fromXlsx.ok && fromXlsx.problems.slice(0, 3)));
  assert.deepEqual(fromXlsx.report.indicators, fromCsv.report.indicators);
  assert.deepEqual(fromXlsx.report.sources.map((s) => s.encoding), Array(7).fill('xlsx'));
});
