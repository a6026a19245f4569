/**
 * The streaming workbook reader against the whole-workbook one it replaces: the same tables and the same located
 * problems, for every kind of cell, and row by row for a large workbook written with exceljs's streaming writer.
 */
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test, type TestContext } from 'node:test';
import ExcelJS from 'exceljs';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.ts';
import { readXlsxFile } from './read-xlsx.ts';
import { readXlsxWhole } from './read-xlsx-whole.ts';
import type { RawRow } from './table.ts';
import { tempDir, writeLargeWorkbook } from './test-support.ts';
import { readWorksheetRows, type WorksheetRowsEnd } from './xlsx-rows.ts';

async function both(path: string, file: string, limits: ReadLimits = DEFAULT_READ_LIMITS) {
  const bytes = readFileSync(path);
  const whole = await readXlsxWhole(file, createHash('sha256').update(bytes).digest('hex'), bytes, limits);
  const streamed = await readXlsxFile(path, file, limits);
  const rows: RawRow[] = [];
  const end = await readWorksheetRows(path, file, limits, (row) => rows.push(row));
  return { whole, streamed, end, rows };
}

async function writeWorkbook(t: TestContext, name: string, fill: (workbook: ExcelJS.Workbook) => void, options = {}): Promise<string> {
  const path = join(tempDir(t), name);
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  await workbook.xlsx.writeFile(path, options);
  return path;
}

/** Every kind of value a cell holds, on a sheet that is not the first. */
function everyKind(workbook: ExcelJS.Workbook): void {
  workbook.addWorksheet('Notes').addRow(['not this sheet']);
  const sheet = workbook.addWorksheet('Staff');
  sheet.addRow(['', '']);
  sheet.addRow(['staff_id', 'text', 'whole', 'fraction', 'date', 'flag', 'sum', 'when', 'shared', 'rich', 'link', 'words']);
  const date = new Date(Date.UTC(2024, 2, 31));
  const master = `I${sheet.rowCount + 1}`;
  for (let i = 1; i <= 6; i += 1) {
    const r = sheet.rowCount + 1;
    sheet.addRow([
      `S${i}`, `  text ${i} `, 1000 * i, 0.1 + 0.2 * i, date, i % 2 === 0,
      { formula: `C${r}*2`, result: 2000 * i },
      { formula: `E${r}+1`, result: new Date(Date.UTC(2024, 3, i)) },
      i === 1 ? { formula: `C${r}+1`, result: 1001, shareType: 'shared', ref: `I${r}:I${r + 6}` } : { sharedFormula: master, result: 1000 * i + 1 },
      { richText: [{ text: 'Bold ', font: { bold: true } }, { text: `part ${i}` }] },
      { text: `site ${i}`, hyperlink: `https://example.org/${i}` },
      `5'10" and "quoted", <tag> & more`,
    ] as ExcelJS.CellValue[]);
    if (i === 3) sheet.addRow([]);
  }
  sheet.getColumn(5).numFmt = 'dd/mm/yyyy';
  sheet.getColumn(8).numFmt = 'yyyy-mm-dd';
  sheet.getRow(20).getCell(3).style = { font: { bold: true } };
  sheet.getRow(22).getCell(1).value = '';
}

describe('reading a workbook as it streams', () => {
  for (const useSharedStrings of [true, false]) {
    test(`every kind of cell reads as the whole workbook read it (${useSharedStrings ? 'shared' : 'inline'} strings)`, async (t) => {
      const path = await writeWorkbook(t, 'staff.xlsx', everyKind, { useSharedStrings });
      const { whole, streamed, end, rows } = await both(path, 'staff.xlsx');
      assert.equal(end.kind, 'read', JSON.stringify(end));
      assert.ok(whole.ok, JSON.stringify(whole));
      assert.deepEqual(streamed, whole);
      assert.equal(rows.length, 22);
      assert.deepEqual(whole.table.rows[0]?.cells.slice(0, 9), ['S1', 'text 1', '1000', '0.3', '2024-03-31', 'false', '2000', '2024-04-01', '1001']);
      assert.deepEqual(whole.table.rows[1]?.cells.slice(9), ['Bold part 2', 'site 2', `5'10" and "quoted", <tag> & more`]);
    });
  }

  test('error cells and formulas showing errors are located problems, as before', async (t) => {
    const path = await writeWorkbook(t, 'staff.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('staff');
      sheet.addRow(['staff_id', 'band', 'lookup']);
      sheet.addRow(['S1', { error: '#DIV/0!' }, 'x']);
      sheet.addRow(['S2', '5', { formula: 'VLOOKUP(A3,Z:Z,1,FALSE)', result: { error: '#N/A' } }]);
    });
    const { whole, streamed, end } = await both(path, 'staff.xlsx');
    assert.equal(end.kind, 'read');
    assert.ok(!whole.ok);
    assert.deepEqual(whole.problems.map((p) => [p.row, p.column, p.value]), [[2, 'band', '#DIV/0!'], [3, 'lookup', '#N/A']]);
    assert.deepEqual(streamed, whole);
  });

  test('limits: too many rows wins over a long cell before it, as when the row count was known first', async (t) => {
    const limits: ReadLimits = { ...DEFAULT_READ_LIMITS, maxRows: 4, maxCellChars: 10 };
    const long = await writeWorkbook(t, 'staff.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('staff');
      sheet.addRow(['staff_id', 'name']);
      sheet.addRow(['S1', 'a name far too long']);
    });
    const tooLong = await both(long, 'staff.xlsx', limits);
    assert.deepEqual(tooLong.streamed, tooLong.whole);
    assert.ok(!tooLong.whole.ok);
    assert.deepEqual(tooLong.whole.problems.map((p) => [p.row, p.column]), [[2, 'name']]);
    const many = await writeWorkbook(t, 'staff.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('staff');
      sheet.addRow(['staff_id', 'name']);
      sheet.addRow(['S1', 'a name far too long']);
      sheet.getRow(5).getCell(1).value = 'S5';
    });
    const tooMany = await both(many, 'staff.xlsx', limits);
    assert.deepEqual(tooMany.streamed, tooMany.whole);
    assert.ok(!tooMany.whole.ok);
    assert.match(tooMany.whole.problems[0]?.message ?? '', /more than 4 rows|4 rows/);
  });

  test('merged cells are left to the whole-workbook reader, which reads them as their first cell', async (t) => {
    const path = await writeWorkbook(t, 'staff.xlsx', (workbook) => {
      const sheet = workbook.addWorksheet('staff');
      sheet.addRow(['staff_id', 'directorate']);
      sheet.addRow(['S1', 'Surgery']);
      sheet.addRow(['S2', '']);
      sheet.mergeCells('B2:B3');
    });
    const { whole, streamed, end } = await both(path, 'staff.xlsx');
    assert.equal(end.kind, 'unsure');
    assert.ok(whole.ok);
    assert.deepEqual(whole.table.rows[1]?.cells, ['S2', 'Surgery']);
    assert.deepEqual(streamed, whole);
  });

  test('50,000 rows written by the streaming writer come out row by row as the whole workbook read them', async (t) => {
    const dir = tempDir(t);
    const path = join(dir, 'staff.xlsx');
    await writeLargeWorkbook(path, 50_000);
    const { whole, streamed, end, rows } = await both(path, 'staff.xlsx');
    assert.deepEqual(end, { kind: 'read', rows: 50_001 } satisfies WorksheetRowsEnd);
    assert.equal(rows.length, 50_001);
    assert.deepEqual(rows[50_000], { row: 50_001, cells: ['S50000', 'Surgery 6', '2024-01-21', '7', 'C', '0.5'] });
    assert.ok(whole.ok);
    assert.equal(whole.table.rows.length, 50_000);
    assert.deepEqual(streamed, whole);
  });
});
