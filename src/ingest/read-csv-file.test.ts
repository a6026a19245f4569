import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.ts';
import { readCsvBytes } from './read-csv.ts';
import { readCsvFile } from './read-csv-file.ts';
import { contentProblem, sniffContent } from './sniff.ts';
import { tempDir, writeFixture } from './test-support.ts';
import type { ReadTableResult } from './table.ts';

/** What reading the whole file at once gives: sniffing, then decoding and parsing it all (the reference). */
function wholeFileResult(bytes: Buffer, limits: ReadLimits): ReadTableResult {
  const mismatch = contentProblem('f.csv', '.csv', sniffContent(bytes));
  if (mismatch) return { ok: false, problems: [mismatch] };
  return readCsvBytes('f.csv', createHash('sha256').update(bytes).digest('hex'), bytes, limits);
}

/** Rows enough to run past the streaming reader's 1 MiB chunks, so what happens at their edges is seen. */
const MANY = Array.from({ length: 40_000 }, (_, i) => `S${i},Band ${1 + (i % 9)},café ${i}`).join('\r\n');

const CASES: Readonly<Record<string, Buffer>> = {
  'UTF-8 without a byte-order mark, é split across chunk edges': Buffer.from(`id,band,note\r\n${MANY}\r\n`, 'utf8'),
  'UTF-8 with a byte-order mark': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`id,band,note\n${MANY}\n`, 'utf8')]),
  'UTF-16LE with a byte-order mark': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`id\tband\tnote\r\n${MANY.replaceAll(',', '\t')}`, 'utf16le')]),
  'UTF-16BE with a byte-order mark': Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(`id,band\n1,2\n`, 'utf16le').swap16()]),
  'Windows-1252 whose first byte that is not UTF-8 comes after the first chunk': Buffer.concat([
    Buffer.from(`id,band,note\n${MANY}\n`, 'latin1'),
    Buffer.from([0x39, 0x2c, 0x92, 0x2c, 0x80, 0x0a]),
  ]),
  'a NUL byte after the sniffed start': Buffer.concat([Buffer.from(`id,band,note\n${MANY}\n`, 'utf8'), Buffer.from([0x41, 0x00, 0x0a])]),
  'a NUL in UTF-16 text': Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,band\n1,\u0000\n', 'utf16le')]),
  'an unclosed quote near the end of a large file': Buffer.from(`id,band,note\n${MANY}\n1,"open\n2,3,4\n`, 'utf8'),
  'text after a closing quote': Buffer.from(`id,band\n1,"x" y\n`, 'utf8'),
  'quoted values over several lines, ragged rows and blank rows': Buffer.from('id,note\r\n1,"a\r\nb"\r\n\r\n , \r\n2,x,y\r\n3\r\n', 'utf8'),
  'semicolons after blank lines': Buffer.from('\n \n a ; b \n1;2\n', 'utf8'),
  'a PDF named .csv': Buffer.from('%PDF-1.4 ...', 'latin1'),
  'an empty file': Buffer.alloc(0),
};

describe('readCsvFile streams to exactly what reading the whole file gives', () => {
  for (const [name, bytes] of Object.entries(CASES)) {
    test(name, async (t) => {
      const path = writeFixture(tempDir(t), 'f.csv', bytes);
      assert.deepEqual(await readCsvFile(path, 'f.csv', DEFAULT_READ_LIMITS), wholeFileResult(bytes, DEFAULT_READ_LIMITS));
    });
  }

  test('the row and cell limits stop it where they stop the whole file', async (t) => {
    const bytes = CASES['UTF-8 without a byte-order mark, é split across chunk edges'] as Buffer;
    const path = writeFixture(tempDir(t), 'f.csv', bytes);
    for (const limits of [{ ...DEFAULT_READ_LIMITS, maxRows: 30_000 }, { ...DEFAULT_READ_LIMITS, maxCellChars: 9 }]) {
      const streamed = await readCsvFile(path, 'f.csv', limits);
      assert.equal(streamed.ok, false);
      assert.deepEqual(streamed, wholeFileResult(bytes, limits));
    }
  });
});
