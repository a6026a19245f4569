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

test('StringNumbers.reserve keeps every number and makes room without changing what is numbered', () => {
  const numbers = new StringNumbers();
  const map = new Map<string, number>();
  const add = (text: string) => {
    if (!map.has(text)) map.set(text, map.size);
    assert.equal(numbers.add(text), map.get(text), text);
  };
  for (let i = 0; i < 5_000; i += 1) add(`A${i}`);
  numbers.reserve(100_000);
  // Already added, still found with their numbers after the table was made larger.
  for (let i = 0; i < 5_000; i += 1) assert.equal(numbers.numberOf(`A${i}`), i);
  for (let i = 0; i < 120_000; i += 1) add(i % 3 === 0 ? `A${i}` : `B${i}`);
  // Reserving less than is held, or an estimate past the most it trusts, changes nothing that can be seen.
  numbers.reserve(10);
  numbers.reserve(Number.MAX_SAFE_INTEGER);
  for (const [text, number] of map) assert.equal(numbers.numberOf(text), number, text);
  assert.equal(numbers.size, map.size);
  assert.equal(numbers.numberOf('C1'), -1);
});

test('StringNumbers answers as a Map would through a long increasing run, the same id twice in turn, a look-up, and disorder after', () => {
  for (const breakBy of ['lookup', 'smaller', 'repeat'] as const) {
    const numbers = new StringNumbers();
    const map = new Map<string, number>();
    const add = (text: string) => {
      if (!map.has(text)) map.set(text, map.size);
      assert.equal(numbers.add(text), map.get(text), `${breakBy}: ${text}`);
    };
    numbers.reserve(50_000);
    for (let i = 0; i < 40_000; i += 1) {
      const id = `S${String(i * 3).padStart(7, '0')}`;
      add(id);
      // A reader and a counter sharing the table add each id in turn.
      add(id);
    }
    if (breakBy === 'lookup') assert.equal(numbers.numberOf('S0000030'), 10);
    if (breakBy === 'smaller') add('A1');
    if (breakBy === 'repeat') add('S0000000');
    for (let i = 0; i < 20_000; i += 1) add(i % 2 === 0 ? `S${String(i * 3 + 1).padStart(7, '0')}` : `S${String(i * 3).padStart(7, '0')}`);
    for (const [text, number] of map) assert.equal(numbers.numberOf(text), number, `${breakBy}: ${text}`);
    assert.equal(numbers.size, map.size);
    assert.equal(numbers.numberOf('S0000002'), -1);
  }
  // Looked for before anything was added, and a run of one.
  const empty = new StringNumbers();
  assert.equal(empty.numberOf('x'), -1);
  assert.equal(empty.add('b'), 0);
  assert.equal(empty.add('a'), 1);
  assert.equal(empty.numberOf('b'), 0);
});
