import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WholeNumberMap } from './whole-number-map.ts';

test('answers as a Map does for many keys, small and above 2^32, through its growth', () => {
  const map = new WholeNumberMap();
  const expected = new Map<number, number>();
  let x = 12_345;
  const next = () => {
    x = (Math.imul(x, 1_103_515_245) + 12_345) >>> 0;
    return x;
  };
  for (let i = 0; i < 60_000; i += 1) {
    // Keys as PairKeys makes them (a number in base 64 of up to eight places), some small, some repeated.
    const key = i % 5 === 0 ? i % 700 : (next() % 2 ** 21) * 2 ** 27 + (next() % 2 ** 27);
    const value = next() % 2 ** 31;
    map.set(key, value);
    expected.set(key, value);
  }
  assert.equal(map.size, expected.size);
  for (const [key, value] of expected) assert.equal(map.get(key), value, String(key));
  for (let i = 0; i < 10_000; i += 1) {
    const key = (next() % 2 ** 21) * 2 ** 27 + 1 + (next() % 2 ** 27);
    assert.equal(map.get(key), expected.get(key) ?? -1);
  }
});

test('keys alike in their low 32 bits are told apart, and a value set again is replaced', () => {
  const map = new WholeNumberMap();
  for (let high = 0; high < 5_000; high += 1) map.set(high * 2 ** 32 + 7, high);
  for (let high = 0; high < 5_000; high += 1) assert.equal(map.get(high * 2 ** 32 + 7), high);
  assert.equal(map.get(5_000 * 2 ** 32 + 7), -1);
  map.set(7, 99);
  map.set(7, 100);
  assert.equal(map.get(7), 100);
  assert.equal(map.size, 5_000);
  map.set(0, 0);
  map.set(Number.MAX_SAFE_INTEGER, 2 ** 31 - 1);
  assert.equal(map.get(0), 0);
  assert.equal(map.get(Number.MAX_SAFE_INTEGER), 2 ** 31 - 1);
});

test('refuses keys and values it cannot keep, and has nothing for a negative key', () => {
  const map = new WholeNumberMap();
  for (const key of [-1, 1.5, 2 ** 53, Number.NaN, Number.POSITIVE_INFINITY]) assert.throws(() => map.set(key, 1), RangeError, String(key));
  for (const value of [-1, 2 ** 31, 0.5]) assert.throws(() => map.set(1, value), RangeError, String(value));
  assert.equal(map.get(-1), -1);
  assert.equal(map.get(3), -1);
  assert.equal(map.size, 0);
});
