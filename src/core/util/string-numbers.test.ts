import { test } from 'node:test';
import assert from 'node:assert/strict';
import { StringNumbers } from './string-numbers.ts';

test('StringNumbers numbers strings as a Map of first-come numbers would, across growth, for strings alike and unlike', () => {
  const numbers = new StringNumbers();
  const map = new Map<string, number>();
  for (let round = 0; round < 2; round += 1) {
    for (let i = 0; i < 30_000; i += 1) {
      for (const text of [`S${String(i).padStart(6, '0')}`, `S${i}`, `${i}`, i % 7 === 0 ? '' : `é${i * 31}`]) {
        assert.equal(numbers.numberOf(text), map.get(text) ?? -1, text);
        if (!map.has(text)) map.set(text, map.size);
        assert.equal(numbers.add(text), map.get(text), text);
        assert.equal(numbers.size, map.size);
      }
    }
  }
  assert.equal(numbers.numberOf('not added'), -1);
});
