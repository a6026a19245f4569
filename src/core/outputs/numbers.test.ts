import assert from 'node:assert/strict';
import { test } from 'node:test';
import { count, NO_FIGURE } from './numbers.ts';

test('count writes whole numbers as toLocaleString("en-GB") does', () => {
  const samples = [0, 1, -1, 7, 12, 123, 999, 1000, -1000, 1001, 9999, 10_000, 99_999, 100_000, 123_456, 999_999, 1_000_000,
    -1_234_567, 12_345_678, 2 ** 31, -(2 ** 31), Number.MAX_SAFE_INTEGER, Number.MIN_SAFE_INTEGER];
  let x = 1;
  for (let i = 0; i < 20_000; i += 1) {
    x = (x * 1_103_515_245 + 12_345) % 2 ** 31;
    samples.push(x % 10 ** (1 + (i % 16)) * (i % 3 === 0 ? -1 : 1));
  }
  for (const n of samples) assert.equal(count(n), n.toLocaleString('en-GB'), String(n));
  assert.equal(count(1_234_567), '1,234,567');
});

test('count leaves fractions, -0, unsafe integers and non-numbers to toLocaleString, and has a dash for no figure', () => {
  for (const n of [-0, 0.5, 1234.5678, -0.0001, 2 ** 53, 1e21, Number.NaN, Number.POSITIVE_INFINITY]) assert.equal(count(n), n.toLocaleString('en-GB'), String(n));
  assert.equal(count(null), NO_FIGURE);
  assert.equal(count(undefined), NO_FIGURE);
});
