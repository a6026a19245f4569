import assert from 'node:assert/strict';
import { cpSync, readFileSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import type { LazyEnd } from './lazy-csv-table.ts';
import { LAZY_XLSX_MIN_BYTES, openLazyXlsxTable } from './lazy-xlsx-table.ts';
import { loadWorkforceFolder } from './load-folder.ts';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.ts';
import { readTable } from './read-table.ts';
import { tempDir, writeFixture, writeLargeWorkbook } from './test-support.ts';

/** Opens the workbook lazily (whatever its size), reads every row as a record reader would, and says what it came to. */
function readLazily(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): { rows: unknown[]; end: LazyEnd | null } {
  const lazy = openLazyXlsxTable(path, 'staff.xlsx', limits, 0);
  if (lazy === null) return { rows: [], end: null };
  const rows = [...lazy.table.rows];
  return { rows, end: lazy.finish() };
}

describe('a lazily read workbook', () => {
  test('gives the rows, provenance and notes the usual reading gives, taken from its own thread', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeLargeWorkbook(path, 30_000);
    const usual = await readTable(path, DEFAULT_READ_LIMITS);
    assert.ok(usual.ok);
    const { rows, end } = readLazily(path);
    assert.equal(rows.length, 30_000);
    assert.deepEqual(rows, usual.table.rows);
    const { sha256, encoding, emptyRowsSkipped } = usual.table;
    const records = usual.table.rows.at(-1)?.row;
    assert.deepEqual(end, { kind: 'read', rows: 30_000, emptyRowsSkipped, records, upTo: null, sha256, encoding });
  });

  test('a limit gives its problem, as the usual reading does; a reader that reads no row still learns of it', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeLargeWorkbook(path, 10_000);
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 9_000 };
    const usual = await readTable(path, limits);
    assert.ok(!usual.ok);
    assert.deepEqual(readLazily(path, limits).end, { kind: 'problems', problems: usual.problems });
    const lazy = openLazyXlsxTable(path, 'staff.xlsx', limits, 0);
    assert.ok(lazy);
    assert.deepEqual(lazy.finish(), { kind: 'problems', problems: usual.problems });
  });

  test('merged cells, and a file that is not a workbook, are read again the usual way; small workbooks are not opened', async (t) => {
    const dir = tempDir(t);
    const merged = join(dir, 'staff.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('staff');
    sheet.addRows([['staff_id', 'directorate'], ['S1', 'Surgery'], ['S2', '']]);
    sheet.mergeCells('B2:B3');
    await workbook.xlsx.writeFile(merged);
    assert.equal(readLazily(merged).end?.kind, 'again');
    assert.equal(openLazyXlsxTable(merged, 'staff.xlsx', DEFAULT_READ_LIMITS), null);
    const text = writeFixture(dir, 'text.xlsx', 'staff_id,band\nS1,5\n');
    assert.equal(openLazyXlsxTable(text, 'text.xlsx', DEFAULT_READ_LIMITS, 0), null);
  });

  test('a folder whose large staff file is a workbook loads the records its CSV gives', async (t) => {
    const dir = tempDir(t);
    const csvFolder = join(dir, 'csv');
    const xlsxFolder = join(dir, 'xlsx');
    await writeSyntheticTrust(csvFolder, { year: 2025, seed: 5, staff: 30_000, applications: 2_000 });
    cpSync(csvFolder, xlsxFolder, { recursive: true });
    const rows: string[][] = parse(readFileSync(join(csvFolder, 'staff.csv'), 'utf8'));
    const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: join(xlsxFolder, 'staff.xlsx'), useSharedStrings: true });
    const sheet = workbook.addWorksheet('staff');
    for (const row of rows) sheet.addRow(row).commit();
    sheet.commit();
    await workbook.commit();
    rmSync(join(xlsxFolder, 'staff.csv'));
    assert.ok(statSync(join(xlsxFolder, 'staff.xlsx')).size >= LAZY_XLSX_MIN_BYTES, 'large enough to be read lazily');
    const fromCsv = await loadWorkforceFolder(csvFolder, { year: 2025 });
    const fromXlsx = await loadWorkforceFolder(xlsxFolder, { year: 2025 });
    assert.ok(fromCsv.ok && fromXlsx.ok);
    assert.equal(fromXlsx.dataset.staff.length, rows.length - 1);
    const asCsv = JSON.parse(JSON.stringify(fromXlsx.dataset.staff).replaceAll('"staff.xlsx"', '"staff.csv"'));
    assert.deepEqual(asCsv, JSON.parse(JSON.stringify(fromCsv.dataset.staff)));
    assert.deepEqual(fromXlsx.notes, fromCsv.notes);
  });
});
