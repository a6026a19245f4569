import assert from 'node:assert/strict';
import { test } from 'node:test';
import { csvBytes, type RowSource } from './bulk-writes.ts';

/** A table of the given rows, each row's values as they are. */
function rowsOf(columns: readonly string[], rows: readonly (readonly unknown[])[]): RowSource {
  return {
    length: rows.length, columns,
    put: (index, into, at) => (rows[index] ?? []).forEach((value, c) => {
      into[at + c] = value;
    }),
  };
}

test('COPY\'s CSV: texts quoted with their quotes doubled, nulls empty, booleans t and f, numbers and dates as they are', () => {
  const csv = csvBytes(rowsOf(['a', 'b', 'c', 'd', 'e'], [
    ['Smith, "J"', null, true, 1.5, new Date('2025-03-31T00:00:00Z')],
    ['', undefined, false, 12345678901234567890n, 'Caf\u00e9 \u{1F469}\u{1F3FE}'],
  ]), 0, 2);
  assert.equal(csv.toString('utf8'), '"Smith, ""J""",,t,1.5,2025-03-31T00:00:00.000Z\n"",,f,12345678901234567890,"Caf\u00e9 \u{1F469}\u{1F3FE}"\n');
});

test('values of any length are written whole, however near the end of the piece\'s buffer they fall', () => {
  const long = 10n ** 200n + 7n;
  const text = '\u00e9"'.repeat(30_000);
  // Short rows ("1") that fill the first buffer (64 KiB) to within 40 to 240 bytes of its end, then long values.
  for (let ones = 32_648; ones <= 32_748; ones += 4) {
    const rows = [...Array.from({ length: ones }, () => [1]), [long], [text], [Number.MIN_VALUE]];
    const csv = csvBytes(rowsOf(['v'], rows), 0, rows.length).toString('utf8');
    assert.equal(csv, `${'1\n'.repeat(ones)}${long}\n"${'\u00e9""'.repeat(30_000)}"\n5e-324\n`, `after ${ones} rows`);
  }
});
