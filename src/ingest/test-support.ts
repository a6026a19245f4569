/**
 * Helpers for the ingest tests: each test writes its own small files into a fresh temporary folder, removed when
 * the test ends, so fixtures sit next to the expectations that depend on them.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestContext } from 'node:test';
import ExcelJS from 'exceljs';
import { readTable } from './read-table.ts';
import type { Table } from './table.ts';

export function tempDir(t: TestContext): string {
  const dir = mkdtempSync(join(tmpdir(), 'mirror-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function writeFixture(dir: string, name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

/** Writes `content` as a CSV file and reads it back as a table, failing the test if it cannot be read. */
export async function csvTable(t: TestContext, content: string, name = 'file.csv'): Promise<Table> {
  const result = await readTable(writeFixture(tempDir(t), name, content));
  if (!result.ok) assert.fail(`expected ${name} to read: ${JSON.stringify(result.problems)}`);
  return result.table;
}

/** Joins lines with CRLF as Excel writes them. */
export function csv(...lines: string[]): string {
  return `${lines.join('\r\n')}\r\n`;
}

/** A staff-like sheet of `count` rows, written row by row with exceljs's streaming writer (as the bench does). */
export async function writeLargeWorkbook(path: string, count: number): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ filename: path, useSharedStrings: true, useStyles: true });
  const sheet = workbook.addWorksheet('staff');
  sheet.getColumn(3).numFmt = 'yyyy-mm-dd';
  sheet.addRow(['staff_id', 'directorate', 'start_date', 'band', 'ethnic_category', 'fte']).commit();
  for (let i = 1; i <= count; i += 1) {
    sheet.addRow([`S${i}`, `Surgery ${i % 7}`, new Date(Date.UTC(2024, 0, 1 + (i % 28))), 5 + (i % 3), 'ABC'[i % 3], i % 2 === 0 ? 0.5 : 1]).commit();
  }
  sheet.commit();
  await workbook.commit();
}
