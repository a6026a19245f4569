import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEFAULT_READ_LIMITS, type ReadLimits } from './limits.ts';
import { openLazyCsvTable, type LazyEnd } from './lazy-csv-table.ts';
import { readTable } from './read-table.ts';
import { tempDir, writeFixture } from './test-support.ts';

/** Rows enough for several 1 MiB chunks. */
const MANY = Array.from({ length: 60_000 }, (_, i) => `S${i},Band ${1 + (i % 9)},note ${i}`).join('\n');

/** Opens the file lazily, reads every row as a record reader would, and says what the table came to. */
function readLazily(path: string, limits: ReadLimits = DEFAULT_READ_LIMITS): { opened: boolean; rows: unknown[]; end: LazyEnd | null } {
  const lazy = openLazyCsvTable(path, 'f.csv', limits);
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
    assert.deepEqual(end, { kind: 'read', rows: usual.table.rows.length, emptyRowsSkipped, sha256, encoding });
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
