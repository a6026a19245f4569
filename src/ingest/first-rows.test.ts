import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StringNumbers } from '../core/util/string-numbers.ts';
import { FirstRows } from './first-rows.ts';

test('FirstRows answers as a Map of first rows would, across growth, for ids alike and unlike', () => {
  const firstRows = new FirstRows();
  const map = new Map<string, number>();
  let row = 1;
  for (let round = 0; round < 3; round += 1) {
    for (let i = 0; i < 20_000; i += 1) {
      for (const id of [`S${String(i).padStart(6, '0')}`, `S${i}`, `${i}`, i % 7 === 0 ? '' : `é${i * 31}`]) {
        row += 1;
        const expected = map.get(id);
        if (expected === undefined) map.set(id, row);
        assert.equal(firstRows.firstRow(id, row), expected, `${id} on row ${row}`);
      }
    }
  }
});

test('FirstRows numbers ids in a table it is given, which another then finds them in, and starts afresh for ids it had from elsewhere', () => {
  const shared = new StringNumbers();
  // An id the table held before this file: seen here for the first time when it comes.
  assert.equal(shared.add('X0'), 0);
  const firstRows = new FirstRows(shared);
  firstRows.reserve(1_000);
  assert.equal(firstRows.firstRow('S1', 2), undefined);
  assert.equal(firstRows.firstRow('S2', 3), undefined);
  // The counter sharing the table finds the reader's ids with the reader's numbers, adding nothing.
  assert.equal(shared.add('S2'), 2);
  assert.equal(shared.size, 3);
  assert.equal(firstRows.firstRow('S1', 4), 2);
  assert.equal(firstRows.firstRow('X0', 5), undefined);
  assert.equal(firstRows.firstRow('X0', 6), 5);
  assert.equal(firstRows.firstRow('S3', 7), undefined);
  assert.equal(firstRows.firstRow('S3', 8), 7);
  assert.equal(firstRows.firstRow('S2', 9), 3);
});

test('FirstRows finds a repeat however far into a run of increasing ids it comes, and after it as before', () => {
  const firstRows = new FirstRows();
  firstRows.reserve(10);
  for (let i = 0; i < 5_000; i += 1) assert.equal(firstRows.firstRow(`S${String(i).padStart(5, '0')}`, i + 2), undefined);
  // The first id not greater than the one before: a repeat of the very first, then of the last.
  assert.equal(firstRows.firstRow('S00000', 9_000), 2);
  assert.equal(firstRows.firstRow('S04999', 9_001), 5_001);
  // Increasing again, and new ids below the last: none seen before; their repeats found.
  assert.equal(firstRows.firstRow('S05000', 9_002), undefined);
  assert.equal(firstRows.firstRow('R1', 9_003), undefined);
  assert.equal(firstRows.firstRow('R1', 9_004), 9_003);
  assert.equal(firstRows.firstRow('S05000', 9_005), 9_002);
  assert.equal(firstRows.firstRow('S02500', 9_006), 2_502);
  // An id equal to the one before is not greater: a repeat at once.
  const again = new FirstRows();
  assert.equal(again.firstRow('A', 2), undefined);
  assert.equal(again.firstRow('A', 3), 2);
  // Ids in decreasing order: each new.
  const down = new FirstRows();
  for (let i = 9; i >= 0; i -= 1) assert.equal(down.firstRow(`D${i}`, 20 - i), undefined);
  assert.equal(down.firstRow('D9', 30), 11);
});
