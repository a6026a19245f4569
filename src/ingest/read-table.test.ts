import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { formatProblem } from './problem.ts';
import { readTable, type ReadTableResult, type Table } from './read-table.ts';
import { tempDir, writeFixture } from './test-support.ts';

function table(result: ReadTableResult): Table {
  if (!result.ok) assert.fail(`expected a table, got ${result.problems.map(formatProblem).join('; ')}`);
  return result.table;
}

function problems(result: ReadTableResult) {
  if (result.ok) assert.fail('expected problems, got a table');
  return result.problems;
}

describe('readTable: CSV encodings', () => {
  test('UTF-8 without a BOM', async (t) => {
    const path = writeFixture(tempDir(t), 'staff.csv', 'name,town\nRenée,Hôpital\n');
    const read = table(await readTable(path));
    assert.equal(read.encoding, 'utf-8');
    assert.deepEqual(read.headers, ['name', 'town']);
    assert.deepEqual(read.rows, [{ row: 2, cells: ['Renée', 'Hôpital'] }]);
  });

  test('UTF-8 with a BOM: the BOM is not part of the first heading', async (t) => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('staff_id,pay\r\nS1,£12\r\n', 'utf8')]);
    const read = table(await readTable(writeFixture(tempDir(t), 'staff.csv', bytes)));
    assert.equal(read.encoding, 'utf-8');
    assert.equal(read.headers[0], 'staff_id');
    assert.deepEqual(read.rows[0]?.cells, ['S1', '£12']);
  });

  test('Windows-1252 bytes (what Excel writes as plain CSV) decode to the right characters', async (t) => {
    // "Ren\xE9e" and "8a \x96 8b" and "\xA312": é, en dash and £ in Windows-1252, invalid as UTF-8.
    const bytes = Buffer.from([
      ...Buffer.from('name,band,pay\r\nRen'), 0xe9, ...Buffer.from('e,8a '), 0x96, ...Buffer.from(' 8b,'), 0xa3,
      ...Buffer.from('12\r\n'),
    ]);
    const read = table(await readTable(writeFixture(tempDir(t), 'staff.csv', bytes)));
    assert.equal(read.encoding, 'windows-1252');
    assert.deepEqual(read.rows[0]?.cells, ['Renée', '8a – 8b', '£12']);
  });

  test('UTF-16LE with a BOM', async (t) => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('staff_id,name\r\nS1,Zoë\r\n', 'utf16le')]);
    const read = table(await readTable(writeFixture(tempDir(t), 'staff.csv', bytes)));
    assert.equal(read.encoding, 'utf-16le');
    assert.deepEqual(read.headers, ['staff_id', 'name']);
    assert.deepEqual(read.rows[0]?.cells, ['S1', 'Zoë']);
  });

  test('UTF-16BE with a BOM', async (t) => {
    const le = Buffer.from('a,b\nx,é\n', 'utf16le');
    const be = Buffer.from(le).swap16();
    const read = table(await readTable(writeFixture(tempDir(t), 'staff.csv', Buffer.concat([Buffer.from([0xfe, 0xff]), be]))));
    assert.equal(read.encoding, 'utf-16be');
    assert.deepEqual(read.rows[0]?.cells, ['x', 'é']);
  });

  test('tab-separated UTF-16 (Excel "Unicode Text") is split on tabs', async (t) => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('staff_id\tname\r\nS1\tSmith, J\r\n', 'utf16le')]);
    const read = table(await readTable(writeFixture(tempDir(t), 'staff.csv', bytes)));
    assert.deepEqual(read.rows[0]?.cells, ['S1', 'Smith, J']);
  });

  test('sha256 is the hash of the raw bytes', async (t) => {
    const bytes = Buffer.from('a,b\n1,2\n');
    const read = table(await readTable(writeFixture(tempDir(t), 'x.csv', bytes)));
    assert.equal(read.sha256, createHash('sha256').update(bytes).digest('hex'));
    assert.equal(read.file, 'x.csv');
  });
});

describe('readTable: CSV structure', () => {
  test('CRLF, LF and CR line endings give the same table', async (t) => {
    const dir = tempDir(t);
    for (const eol of ['\r\n', '\n', '\r']) {
      const read = table(await readTable(writeFixture(dir, 'f.csv', ['a,b', '1,2', '3,4', ''].join(eol))));
      assert.deepEqual(read.rows, [{ row: 2, cells: ['1', '2'] }, { row: 3, cells: ['3', '4'] }], JSON.stringify(eol));
    }
  });

  test('cells are trimmed', async (t) => {
    const read = table(await readTable(writeFixture(tempDir(t), 'f.csv', ' a , b \n  1 , " two " \n')));
    assert.deepEqual(read.headers, ['a', 'b']);
    assert.deepEqual(read.rows[0]?.cells, ['1', 'two']);
  });

  test('quoted values with commas and line breaks are one row each, numbered as Excel shows them', async (t) => {
    const content = 'id,note\r\n1,"Smith, J"\r\n2,"first line\r\nsecond line"\r\n3,"a ""quoted"" word"\r\n';
    const read = table(await readTable(writeFixture(tempDir(t), 'f.csv', content)));
    assert.deepEqual(read.rows, [
      { row: 2, cells: ['1', 'Smith, J'] },
      { row: 3, cells: ['2', 'first line\r\nsecond line'] },
      { row: 4, cells: ['3', 'a "quoted" word'] },
    ]);
  });

  test('empty rows are skipped and counted, and later rows keep their spreadsheet numbers', async (t) => {
    const content = 'a,b\n1,2\n\n,\n3,4\n,\n , \n';
    const read = table(await readTable(writeFixture(tempDir(t), 'f.csv', content)));
    assert.deepEqual(read.rows, [{ row: 2, cells: ['1', '2'] }, { row: 5, cells: ['3', '4'] }]);
    assert.equal(read.emptyRowsSkipped, 4);
  });

  test('the header is the first non-empty row', async (t) => {
    const read = table(await readTable(writeFixture(tempDir(t), 'f.csv', '\n,\na,b\n1,2\n')));
    assert.equal(read.headerRow, 3);
    assert.deepEqual(read.headers, ['a', 'b']);
    assert.deepEqual(read.rows, [{ row: 4, cells: ['1', '2'] }]);
  });

  test('short rows are padded; extra empty cells and trailing blank headings are ignored', async (t) => {
    const read = table(await readTable(writeFixture(tempDir(t), 'f.csv', 'a,b,c,,\n1\n1,2,3,,\n')));
    assert.deepEqual(read.headers, ['a', 'b', 'c']);
    assert.deepEqual(read.rows, [{ row: 2, cells: ['1', '', ''] }, { row: 3, cells: ['1', '2', '3'] }]);
  });

  test('a row with values beyond the last heading is a problem naming the row', async (t) => {
    const content = 'id,name,band\n1,Smith,5\n2,Jones, A,6\n3,Brown,7\n4,Lee,5,x\n';
    const found = problems(await readTable(writeFixture(tempDir(t), 'staff.csv', content)));
    assert.deepEqual(
      found.map((p) => [p.row, p.value]),
      [[3, '6'], [5, 'x']],
    );
    assert.match(formatProblem(found[0]!), /^staff\.csv, row 3, value "6": the row has values beyond the last column heading/);
  });

  test('an unclosed quote is a problem naming the row where it starts, not a stack trace', async (t) => {
    const content = 'id,name\n1,Smith\n2,"Jones\n3,Brown\n';
    const found = problems(await readTable(writeFixture(tempDir(t), 'staff.csv', content)));
    assert.equal(found.length, 1);
    assert.equal(found[0]?.file, 'staff.csv');
    assert.equal(found[0]?.row, 3);
    assert.match(found[0]?.message ?? '', /never closed/);
  });

  test('text after a closing quote is a problem naming its row', async (t) => {
    const found = problems(await readTable(writeFixture(tempDir(t), 'f.csv', 'id,name\n1,"Smith" J\n')));
    assert.equal(found[0]?.row, 2);
    assert.match(found[0]?.message ?? '', /closing quote/);
  });

  test('a stray quote inside an unquoted value is kept as text, as Excel does', async (t) => {
    const read = table(await readTable(writeFixture(tempDir(t), 'f.csv', 'id,height\n1,5\'10"\n')));
    assert.deepEqual(read.rows[0]?.cells, ['1', '5\'10"']);
  });

  test('an empty file is a problem', async (t) => {
    const found = problems(await readTable(writeFixture(tempDir(t), 'staff.csv', '\r\n\r\n')));
    assert.match(found[0]?.message ?? '', /empty/);
  });
});

describe('readTable: unreadable files', () => {
  test('a missing file is a problem', async (t) => {
    const found = problems(await readTable(join(tempDir(t), 'staff.csv')));
    assert.deepEqual(found, [{ file: 'staff.csv', message: 'the file could not be read (it does not exist)' }]);
  });

  test('other file types are problems with a hint', async (t) => {
    const dir = tempDir(t);
    const xls = problems(await readTable(writeFixture(dir, 'staff.xls', 'x')));
    assert.match(xls[0]?.message ?? '', /\.xls.*save it as \.xlsx or CSV/);
    const json = problems(await readTable(writeFixture(dir, 'staff.json', '{}')));
    assert.match(json[0]?.message ?? '', /only \.csv and \.xlsx/);
  });

  test('a damaged .xlsx (a zip that cannot be opened as a workbook) is a problem', async (t) => {
    const bytes = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(200, 0x41)]);
    const found = problems(await readTable(writeFixture(tempDir(t), 'staff.xlsx', bytes)));
    assert.match(found[0]?.message ?? '', /could not be opened as an Excel workbook/);
  });
});

describe('readTable: Excel workbooks', () => {
  async function writeWorkbook(path: string, fill: (workbook: ExcelJS.Workbook) => void): Promise<void> {
    const workbook = new ExcelJS.Workbook();
    fill(workbook);
    await workbook.xlsx.writeFile(path);
  }

  test('cells read as the text a person would type', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeWorkbook(path, (workbook) => {
      const sheet = workbook.addWorksheet('Sheet1');
      sheet.addRow(['Staff ID', 'Start Date', 'FTE', 'Hours', 'Bank', 'Name', 'Pay', 'Link']);
      sheet.addRow([
        'S1',
        new Date(Date.UTC(2024, 3, 1)),
        1,
        0.1 + 0.2,
        false,
        { richText: [{ text: 'Ren' }, { font: { bold: true }, text: 'ée' }] },
        { formula: 'C2*12.5', result: 12.5 },
        { text: 'policy', hyperlink: 'https://example.org' },
      ]);
      sheet.addRow([' S2 ', new Date(Date.UTC(2023, 11, 31)), 0.8, 37.5, true, 'Zoë', 10, '']);
    });
    const read = table(await readTable(path));
    assert.equal(read.encoding, 'xlsx');
    assert.deepEqual(read.headers, ['Staff ID', 'Start Date', 'FTE', 'Hours', 'Bank', 'Name', 'Pay', 'Link']);
    assert.deepEqual(read.rows, [
      { row: 2, cells: ['S1', '2024-04-01', '1', '0.3', 'false', 'Renée', '12.5', 'policy'] },
      { row: 3, cells: ['S2', '2023-12-31', '0.8', '37.5', 'true', 'Zoë', '10', ''] },
    ]);
  });

  test('row numbers are Excel row numbers; the header is the first non-empty row; empty rows are counted', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeWorkbook(path, (workbook) => {
      const sheet = workbook.addWorksheet('Data');
      sheet.getCell('A3').value = 'id';
      sheet.getCell('B3').value = 'band';
      sheet.getCell('A4').value = 'S1';
      sheet.getCell('B4').value = 5;
      sheet.getCell('A6').value = 'S2';
      sheet.getCell('B6').value = '8a';
    });
    const read = table(await readTable(path));
    assert.equal(read.headerRow, 3);
    assert.deepEqual(read.rows, [{ row: 4, cells: ['S1', '5'] }, { row: 6, cells: ['S2', '8a'] }]);
    assert.equal(read.emptyRowsSkipped, 1);
  });

  test('a sheet named like the file is used in preference to the first', async (t) => {
    const path = join(tempDir(t), 'Staff.xlsx');
    await writeWorkbook(path, (workbook) => {
      workbook.addWorksheet('Notes').addRow(['read me first']);
      const staff = workbook.addWorksheet('STAFF');
      staff.addRow(['staff_id']);
      staff.addRow(['S1']);
    });
    const read = table(await readTable(path));
    assert.deepEqual(read.headers, ['staff_id']);
  });

  test('error cells are problems at their row and column', async (t) => {
    const path = join(tempDir(t), 'staff.xlsx');
    await writeWorkbook(path, (workbook) => {
      const sheet = workbook.addWorksheet('staff');
      sheet.addRow(['staff_id', 'fte']);
      sheet.addRow(['S1', { formula: '1/0', result: { error: '#DIV/0!' } }]);
      sheet.addRow(['S2', { error: '#N/A' }]);
    });
    const found = problems(await readTable(path));
    assert.deepEqual(
      found.map((p) => [p.row, p.column, p.value]),
      [[2, 'fte', '#DIV/0!'], [3, 'fte', '#N/A']],
    );
  });
});
