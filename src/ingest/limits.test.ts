import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { writeZipBomb } from '../../test/support/zip-bomb.ts';
import { DEFAULT_READ_LIMITS, MEGABYTE, readLimitsFromEnv, type ReadLimits } from './limits.ts';
import { readTable, type ReadTableResult } from './read-table.ts';
import { tempDir, writeFixture } from './test-support.ts';

const SMALL: ReadLimits = { maxRows: 5, maxCellChars: 50, maxUnpackedBytes: 2 * MEGABYTE };

function problems(result: ReadTableResult) {
  if (result.ok) assert.fail('expected problems, got a table');
  return result.problems;
}

function rowsCsv(count: number): string {
  return ['staff_id,band', ...Array.from({ length: count }, (_, i) => `S${i},5`)].join('\n');
}

async function writeWorkbook(path: string, rows: string[][]): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('staff');
  for (const row of rows) sheet.addRow(row);
  await workbook.xlsx.writeFile(path);
}

describe('limits from the environment', () => {
  test('unset or blank settings give the defaults; megabytes are turned into bytes', () => {
    assert.deepEqual(readLimitsFromEnv({}), DEFAULT_READ_LIMITS);
    assert.deepEqual(readLimitsFromEnv({ MIRROR_MAX_ROWS: ' ', MIRROR_MAX_CELL_CHARS: '2000', MIRROR_MAX_UNPACKED_MB: '300' }), {
      maxRows: DEFAULT_READ_LIMITS.maxRows, maxCellChars: 2000, maxUnpackedBytes: 300 * MEGABYTE,
    });
    assert.equal(readLimitsFromEnv({ MIRROR_MAX_ROWS: '2,000,000' }).maxRows, 2_000_000);
  });

  test('a setting that is not a whole number of at least 1 stops with its name', () => {
    assert.throws(() => readLimitsFromEnv({ MIRROR_MAX_ROWS: 'lots' }), /MIRROR_MAX_ROWS must be a whole number/);
    assert.throws(() => readLimitsFromEnv({ MIRROR_MAX_UNPACKED_MB: '0' }), /MIRROR_MAX_UNPACKED_MB/);
    assert.throws(() => readLimitsFromEnv({ MIRROR_MAX_CELL_CHARS: '1.5' }), /MIRROR_MAX_CELL_CHARS/);
  });
});

describe('limits while reading a CSV file', () => {
  test('a file with more rows than the limit is refused, naming the limit and its setting', async (t) => {
    const dir = tempDir(t);
    assert.ok((await readTable(writeFixture(dir, 'staff.csv', rowsCsv(4)), SMALL)).ok, 'five rows with the header are within the limit');
    const found = problems(await readTable(writeFixture(dir, 'applications.csv', rowsCsv(50)), SMALL));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.file, 'applications.csv');
    assert.equal(found[0]?.row, 6);
    assert.match(found[0]?.message ?? '', /more than 5 rows/);
    assert.match(found[0]?.message ?? '', /MIRROR_MAX_ROWS/);
  });

  test('a cell longer than the limit is located by row and column, and its value is not repeated whole', async (t) => {
    const long = 'x'.repeat(5000);
    const found = problems(await readTable(writeFixture(tempDir(t), 'staff.csv', `staff_id,band\nS1,5\nS2,"${long}"\n`), SMALL));
    assert.equal(found.length, 1);
    assert.deepEqual([found[0]?.file, found[0]?.row, found[0]?.column], ['staff.csv', 3, 'band']);
    assert.match(found[0]?.message ?? '', /5,000 characters, more than the 50/);
    assert.match(found[0]?.message ?? '', /MIRROR_MAX_CELL_CHARS/);
    assert.equal(found[0]?.value, `${'x'.repeat(40)}… (5,000 characters)`, 'shown by its start and length, as every long value is');
  });
});

describe('limits while reading an Excel workbook', () => {
  test('a zip bomb is refused by its unpacked size, naming the limit and its setting', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    const bomb = await writeZipBomb(path, { unpackedBytes: 64 * MEGABYTE });
    assert.ok(bomb.onDisk < 200_000, `the bomb is small on disk (${bomb.onDisk} bytes)`);
    const found = problems(await readTable(path, SMALL));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.file, 'staff.xlsx');
    assert.match(found[0]?.message ?? '', /unpacks to more than 2 MB/);
    assert.match(found[0]?.message ?? '', /MIRROR_MAX_UNPACKED_MB/);
  });

  test('a bomb that understates its size is refused too: the bytes are counted as they unpack', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeZipBomb(path, { unpackedBytes: 64 * MEGABYTE, declaredSize: 1000 });
    const found = problems(await readTable(path, SMALL));
    assert.equal(found.length, 1);
    assert.match(found[0]?.message ?? '', /unpacks to more than 2 MB|could not be opened as an Excel workbook/);
  });

  test('a padded workbook under the limit reads as usual', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeZipBomb(path, { unpackedBytes: MEGABYTE });
    const read = await readTable(path, SMALL);
    assert.ok(read.ok);
    assert.deepEqual(read.table.headers, ['staff_id']);
  });

  test('a sheet with more rows than the limit is refused, naming the limit and its setting', async (t) => {
    const dir = tempDir(t);
    await writeWorkbook(join(dir, 'staff.xlsx'), [['staff_id', 'band'], ...Array.from({ length: 20 }, (_, i) => [`S${i}`, '5'])]);
    const found = problems(await readTable(join(dir, 'staff.xlsx'), SMALL));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.row, 6);
    assert.match(found[0]?.message ?? '', /more than 5 rows.*MIRROR_MAX_ROWS/);
  });

  test('a cell longer than the limit is located by row and column', async (t) => {
    const dir = tempDir(t);
    await writeWorkbook(join(dir, 'staff.xlsx'), [['staff_id', 'band'], ['S1', 'y'.repeat(51)]]);
    const found = problems(await readTable(join(dir, 'staff.xlsx'), SMALL));
    assert.deepEqual(found.map((p) => [p.row, p.column]), [[2, 'band']]);
    assert.match(found[0]?.message ?? '', /51 characters.*MIRROR_MAX_CELL_CHARS/);
  });
});
