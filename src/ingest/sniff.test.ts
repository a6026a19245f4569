/**
 * Files whose content is not what their name says: each is read through the real `readTable` from a real file, and
 * the problem must name the file and say what the content is, instead of guessing at an encoding.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { Problem } from './problem.ts';
import { readTable, type ReadTableResult } from './read-table.ts';
import { tempDir, writeFixture } from './test-support.ts';

function onlyProblem(result: ReadTableResult): Problem {
  if (result.ok) assert.fail('expected a problem, got a table');
  assert.equal(result.problems.length, 1, JSON.stringify(result.problems));
  return result.problems[0]!;
}

/** A real workbook's bytes, as Excel would save them. */
async function workbookBytes(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('staff');
  sheet.addRow(['staff_id', 'ethnic_category']);
  sheet.addRow(['S1', 'A']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** A zip holding one stored (uncompressed) file, with its local header and central directory. */
function zipWith(name: string, content: string): Buffer {
  const nameBytes = Buffer.from(name);
  const data = Buffer.from(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(data.length, 22);
  local.writeUInt16LE(nameBytes.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(data.length, 24);
  central.writeUInt16LE(nameBytes.length, 28);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(46 + nameBytes.length, 12);
  end.writeUInt32LE(30 + nameBytes.length + data.length, 16);
  return Buffer.concat([local, nameBytes, data, central, nameBytes, end]);
}

/** The start of an OLE2 compound file (old Office formats) with a directory entry named `stream` further in. */
function ole2With(stream: string): Buffer {
  const bytes = Buffer.alloc(2048);
  Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]).copy(bytes, 0);
  Buffer.from(stream, 'utf16le').copy(bytes, 1024);
  return bytes;
}

async function readBytes(t: Parameters<typeof tempDir>[0], name: string, bytes: Uint8Array | string): Promise<Problem> {
  return onlyProblem(await readTable(writeFixture(tempDir(t), name, bytes)));
}

describe('readTable: a .csv whose content is not text', () => {
  test('an Excel workbook renamed .csv is named as one, not read as UTF-16', async (t) => {
    const problem = await readBytes(t, 'staff.csv', await workbookBytes());
    assert.equal(problem.file, 'staff.csv');
    assert.match(problem.message, /an Excel workbook \(\.xlsx\)/);
    assert.match(problem.message, /rename it to staff\.xlsx/);
    assert.doesNotMatch(problem.message, /UTF-16/);
  });

  test('an old Excel (.xls) workbook renamed .csv is named as one', async (t) => {
    const problem = await readBytes(t, 'staff.csv', ole2With('Workbook'));
    assert.equal(problem.file, 'staff.csv');
    assert.match(problem.message, /older Excel workbook \(\.xls\)/);
  });

  test('a password-protected workbook is named as one', async (t) => {
    const problem = await readBytes(t, 'staff.csv', ole2With('EncryptedPackage'));
    assert.match(problem.message, /password/);
  });

  test('a PDF, a gzip file and a zip that is no workbook are named', async (t) => {
    const pdf = await readBytes(t, 'staff.csv', Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(500)]));
    assert.match(pdf.message, /a PDF document/);
    const gzip = await readBytes(t, 'staff.csv', gzipSync('staff_id,ethnic_category\nS1,A\n'));
    assert.match(gzip.message, /gzip/);
    const zip = await readBytes(t, 'staff.csv', zipWith('staff/notes.txt', 'hello'));
    assert.match(zip.message, /a zip archive/);
    assert.doesNotMatch(zip.message, /Excel workbook \(\.xlsx\)/);
    const word = await readBytes(t, 'staff.csv', zipWith('word/document.xml', '<w:document/>'));
    assert.match(word.message, /a Word document/);
  });

  test('random bytes are "not a text file", not UTF-16', async (t) => {
    // Fixed bytes, so the test cannot pass or fail by chance: controls, NULs and high bytes in no pattern.
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    const problem = await readBytes(t, 'staff.csv', bytes);
    assert.equal(problem.file, 'staff.csv');
    assert.match(problem.message, /not a text file/);
    assert.doesNotMatch(problem.message, /UTF-16/);
  });

  test('bytes with control characters but no NUL are not read as Windows-1252 text', async (t) => {
    const bytes = Buffer.from(Array.from({ length: 2000 }, (_, i) => [0x01, 0x41, 0x8f, 0x1f, 0x7e, 0xfe][i % 6]!));
    const problem = await readBytes(t, 'staff.csv', bytes);
    assert.match(problem.message, /not a text file/);
  });

  test('real UTF-16 text without a byte-order mark is still recognised as UTF-16', async (t) => {
    const le = await readBytes(t, 'staff.csv', Buffer.from('staff_id,ethnic_category\r\nS1,A\r\nS2,Zoë\r\n', 'utf16le'));
    assert.match(le.message, /UTF-16 without a byte-order mark/);
    const be = await readBytes(t, 'staff.csv', Buffer.from('staff_id,name\nS1,A\n', 'utf16le').swap16());
    assert.match(be.message, /UTF-16 without a byte-order mark/);
  });

  test('ordinary CSV text with a stray control character and Windows-1252 bytes still reads', async (t) => {
    const bytes = Buffer.concat([
      Buffer.from('staff_id,directorate\r\nS1,Surgery\x0b\r\nS2,Ren'), Buffer.from([0xe9]), Buffer.from('e\r\n'),
      Buffer.from('S3,'.padEnd(200, 'x')), Buffer.from('\r\n'),
    ]);
    const result = await readTable(writeFixture(tempDir(t), 'staff.csv', bytes));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.equal(result.table.encoding, 'windows-1252');
  });

  test('a web page saved as .csv is named', async (t) => {
    const problem = await readBytes(t, 'staff.csv', '<!DOCTYPE html>\n<html><body><table><tr><td>S1</td></tr></table></body></html>\n');
    assert.match(problem.message, /web page \(HTML\)/);
  });
});

describe('readTable: a .xlsx whose content is not a workbook', () => {
  test('CSV text named .xlsx is told to be renamed .csv', async (t) => {
    const problem = await readBytes(t, 'staff.xlsx', 'staff_id,ethnic_category\r\nS1,A\r\n');
    assert.equal(problem.file, 'staff.xlsx');
    assert.match(problem.message, /holds text, not an Excel workbook/);
    assert.match(problem.message, /rename it to staff\.csv/);
  });

  test('an old .xls workbook renamed .xlsx is named as one', async (t) => {
    const problem = await readBytes(t, 'staff.xlsx', ole2With('Workbook'));
    assert.match(problem.message, /older Excel workbook \(\.xls\)/);
  });

  test('random bytes named .xlsx are neither a workbook nor text', async (t) => {
    const bytes = Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    const problem = await readBytes(t, 'staff.xlsx', bytes);
    assert.match(problem.message, /not an Excel workbook/);
    assert.match(problem.message, /not text either/);
  });

  test('a zip that is not a workbook is named', async (t) => {
    const problem = await readBytes(t, 'staff.xlsx', zipWith('word/document.xml', '<w:document/>'));
    assert.match(problem.message, /a Word document/);
  });

  test('a real workbook still reads', async (t) => {
    const result = await readTable(writeFixture(tempDir(t), 'staff.xlsx', await workbookBytes()));
    assert.ok(result.ok, JSON.stringify(!result.ok && result.problems));
    assert.deepEqual(result.table.rows[0]?.cells, ['S1', 'A']);
  });
});
