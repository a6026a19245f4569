import { test } from 'node:test';
import assert from 'node:assert/strict';
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
