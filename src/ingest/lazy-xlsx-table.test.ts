import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { LazyEnd } from './lazy-csv-table.ts';
import { openLazyXlsxTable } from './lazy-xlsx-table.ts';
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
    assert.deepEqual(end, { kind: 'read', rows: 30_000, emptyRowsSkipped, sha256, encoding });
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
});
