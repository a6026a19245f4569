/** R's three-valued logic, as the rules use it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { all, and, any, asNumber, eq, ge, gt, lt, not, or, sign, sum } from './missing-logic.ts';

test('comparisons with NA or NaN are NA', () => {
  assert.equal(gt(2, 1), true);
  assert.equal(lt(2, null), null);
  assert.equal(ge(1, 1), true);
  assert.equal(eq(1, Number.NaN), null);
  assert.equal(sign(null), null);
  assert.equal(sign(-0), 0);
  assert.equal(Object.is(sign(-0), -0), false);
});

test('and, or and not follow R (Kleene logic)', () => {
  assert.equal(and(null, false), false);
  assert.equal(and(null, true), null);
  assert.equal(or(null, true), true);
  assert.equal(or(null, false), null);
  assert.equal(not(null), null);
});

test('all, any and sum follow R', () => {
  assert.equal(all([]), true);
  assert.equal(all([true, null]), null);
  assert.equal(all([false, null]), false);
  assert.equal(any([]), false);
  assert.equal(any([null, true]), true);
  assert.equal(any([null, false]), null);
  assert.equal(sum([1, 2, null]), null);
  assert.equal(sum([]), 0);
  assert.deepEqual([true, false, null].map(asNumber), [1, 0, null]);
});
