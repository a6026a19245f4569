import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.ts';
import { openLazyCsvTable, type LazyEnd, type LazyPart } from './lazy-csv-table.ts';
import { readTable } from './read-table.ts';
import { tempDir, writeFixture } from './test-support.ts';

/** Rows enough for several 1 MiB chunks. */
const MANY = Array.from({ length: 60_000 }, (_, i) => `S${i},Band ${1 + (i % 9)},note ${i}`).join('\n');

/** Opens the file lazily, reads every row as a record reader would, and says what the table came to. */
function readLazily(
  path: string, limits: ReadLimits = DEFAULT_READ_LIMITS, part: LazyPart = {},
): { opened: boolean; rows: { row: number; cells: readonly string[] }[]; end: LazyEnd | null } {
  const lazy = openLazyCsvTable(path, 'f.csv', limits, part);
  if (lazy === null) return { opened: false, rows: [], end: null };
  const rows = [...lazy.table.rows];
  return { opened: true, rows, end: lazy.finish() };
}

describe('a lazily read CSV table', () => {
  test('gives the rows, provenance and notes the usual reading gives, keeping none of them', async (t) => {
    const path = writeFixture(tempDir(t), 'f.csv', `\n id , band ,note\r\n${MANY}\n\n , \nlast,row,"quoted, value"`);
    const usual = await readTable(path, DEFAULT_READ_LIMITS, 'f.csv');
    assert.ok(usual.ok);
    const { rows, end } = readLazily(path);
    assert.deepEqual(rows, usual.table.rows);
    const { sha256, encoding, emptyRowsSkipped } = usual.table;
    const records = usual.table.rows.at(-1)?.row;
    assert.deepEqual(end, { kind: 'read', rows: usual.table.rows.length, emptyRowsSkipped, records, upTo: null, sha256, encoding });
  });

  test('characters beyond ASCII after chunks of ASCII alone, one across a chunk’s end, are read as the usual reading reads them', async (t) => {
    const head = `id,band,note\n${MANY}\n`.slice(0, 65_536 - 9);
    const text = `${head.slice(0, head.lastIndexOf('\n') + 1)}1,2,Zoë\n`;
    // é's two bytes at 65,535 and 65,536: the first chunk ends between them.
    const straddling = `${'x'.repeat(65_535 - Buffer.byteLength(text) - 7)}café\n`;
    const path = writeFixture(tempDir(t), 'f.csv', `${text}3,4,${straddling}5,6,naïve — “quoted”\n${MANY}\n`);
    const bytes = Buffer.byteLength(`${text}3,4,${straddling}`);
    assert.equal(bytes, 65_538);
    const usual = await readTable(path, DEFAULT_READ_LIMITS, 'f.csv');
    assert.ok(usual.ok);
    const { rows, end } = readLazily(path);
    assert.deepEqual(rows, usual.table.rows);
    assert.ok(rows.some(({ cells }) => cells[2] === 'naïve — “quoted”'));
    assert.ok(rows.some(({ cells }) => cells[2]?.endsWith('xcafé')));
    assert.equal(end?.kind, 'read');
  });

  test('read in two parts at a record’s start: the same rows, numbered from each part’s start, the whole file hashed by the first', async (t) => {
    const text = `id,band,note\r\n${MANY.replaceAll('\n', '\r\n')}\r\n\r\nlast,"quoted\r\nvalue",x`;
    const path = writeFixture(tempDir(t), 'f.csv', text);
    const usual = await readTable(path, DEFAULT_READ_LIMITS, 'f.csv');
    assert.ok(usual.ok);
    const until = Buffer.byteLength(text.slice(0, text.indexOf('S40000,'))); // past the first chunks
    const first = readLazily(path, DEFAULT_READ_LIMITS, { until });
    const second = readLazily(path, DEFAULT_READ_LIMITS, { from: until });
    assert.deepEqual(first.end, { kind: 'read', rows: 40_000, emptyRowsSkipped: 0, records: 40_001, upTo: until, sha256: usual.table.sha256, encoding: 'utf-8' });
    assert.deepEqual(second.end, { kind: 'read', rows: 20_001, emptyRowsSkipped: 1, records: 20_002, upTo: null, sha256: '', encoding: 'utf-8' });
    const renumbered = second.rows.map(({ row, cells }) => ({ row: row + 40_001, cells }));
    assert.deepEqual([...first.rows, ...renumbered], usual.table.rows);
  });

  test('a first part that would end inside a quoted value is left to the usual reading', async (t) => {
    const text = `id,band,note\n${MANY}\n1,"a value\nacross lines",3\n${MANY}\n`;
    const path = writeFixture(tempDir(t), 'f.csv', text);
    const until = Buffer.byteLength(text.slice(0, text.indexOf('across lines')));
    assert.equal(text[text.indexOf('across lines') - 1], '\n', 'a line’s start');
    assert.deepEqual(readLazily(path, DEFAULT_READ_LIMITS, { until }).end, { kind: 'again' });
    // A UTF-16 file is not split: its first part is the whole file.
    const utf16 = writeFixture(tempDir(t), 'g.csv', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id,band\r\n1,2\r\n3,4\r\n', 'utf16le')]));
    const whole = readLazily(utf16, DEFAULT_READ_LIMITS, { until: 12 });
    assert.equal(whole.rows.length, 2);
    assert.equal(whole.end?.kind === 'read' && whole.end.upTo, null);
  });

  test('a reader that reads no row (a missing column) still learns of the table\'s own problems', async (t) => {
    const path = writeFixture(tempDir(t), 'f.csv', `id,band,note\n${MANY}\n1,2,3,4\n`);
    const usual = await readTable(path, DEFAULT_READ_LIMITS, 'f.csv');
    assert.equal(usual.ok, false);
    const lazy = openLazyCsvTable(path, 'f.csv', DEFAULT_READ_LIMITS);
    assert.ok(lazy);
    assert.deepEqual(lazy.finish(), { kind: 'problems', problems: usual.ok ? [] : usual.problems });
  });

  test('a limit stops the rows where the usual reading stops, with its problem', async (t) => {
    const path = writeFixture(tempDir(t), 'f.csv', `id,band,note\n${MANY}\n`);
    const limits = { ...DEFAULT_READ_LIMITS, maxRows: 55_000 }; // past the first chunk
    const usual = await readTable(path, limits, 'f.csv');
    const { rows, end } = readLazily(path, limits);
    assert.equal(rows.length, 54_999);
    assert.deepEqual(end, { kind: 'problems', problems: usual.ok ? [] : usual.problems });
  });

  test('what only the usual reading settles exactly is left to it', async (t) => {
    const dir = tempDir(t);
    const cases = {
      windows1252: Buffer.concat([Buffer.from(`id,band,note\n${MANY}\n`), Buffer.from([0x31, 0x2c, 0x96, 0x2c, 0x33, 0x0a])]),
      // Not UTF-8 only as the first chunk ends: a lead byte with ASCII after it.
      leadByteAtChunkEnd: Buffer.concat([Buffer.from(`id,band,note\n${MANY}\n`).subarray(0, 65_535), Buffer.from([0xc3]), Buffer.from(`\n${MANY}\n`)]),
      nul: Buffer.concat([Buffer.from(`id,band,note\n${MANY}\n`), Buffer.from([0x31, 0x00, 0x0a])]),
      syntax: Buffer.from(`id,band,note\n${MANY}\n1,"x" y,3\n`),
      noHeader: Buffer.from('\n\n'),
    };
    for (const [name, bytes] of Object.entries(cases)) {
      const { opened, end } = readLazily(writeFixture(dir, `${name}.csv`, bytes));
      assert.ok(!opened || end?.kind === 'again', `${name}: ${JSON.stringify(end)}`);
    }
    // And a PDF named .csv is not opened at all.
    assert.equal(readLazily(writeFixture(dir, 'pdf.csv', '%PDF-1.4')).opened, false);
  });
});

describe('a lazily read CSV table’s estimate of its rows', () => {
  test('is near the rows to come once its first chunk is read, a little over rather than under, for a whole file and for a part', (t) => {
    const text = `id,band,note\n${MANY}\n`;
    const path = writeFixture(tempDir(t), 'f.csv', text);
    const estimate = (part: LazyPart): { estimate: number; rows: number } => {
      const lazy = openLazyCsvTable(path, 'f.csv', DEFAULT_READ_LIMITS, part);
      assert.ok(lazy);
      const rows = lazy.table.rows[Symbol.iterator]();
      rows.next();
      const estimate = lazy.table.expectedRows?.() ?? -1;
      let count = 1;
      while (!rows.next().done) count += 1;
      lazy.finish();
      return { estimate, rows: count };
    };
    const whole = estimate({});
    assert.equal(whole.rows, 60_000);
    // The first chunk's rows are shorter than the file's last (S1 against S59999), so it is over by more than the sixteenth.
    assert.ok(whole.estimate >= 60_000 && whole.estimate <= 75_000, `estimate ${whole.estimate}`);
    const from = Buffer.byteLength(`id,band,note\n${MANY.split('\n').slice(0, 40_000).join('\n')}\n`);
    const second = estimate({ from });
    assert.equal(second.rows, 20_000);
    assert.ok(second.estimate >= 20_000 && second.estimate <= 22_500, `estimate ${second.estimate}`);
    const first = estimate({ until: from });
    assert.equal(first.rows, 40_000);
    assert.ok(first.estimate >= 40_000 && first.estimate <= 50_000, `estimate ${first.estimate}`);
  });
});
