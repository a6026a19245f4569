/** The rule functions, on the package's own test vectors (tests/testthat/test-ptd_calculate_point_type.R) and more. */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Tri } from '../missing-logic.ts';
import { partOfRun } from './part-of-run.ts';
import { checkRuleSettings, PLOT_THE_DOTS_RULES } from './settings.ts';
import { shiftEnds } from './shift.ts';
import { trendEnds } from './trend.ts';
import { partOfTwoInThree, twoInThree } from './two-in-three.ts';

const rep = <T>(x: T, n: number): T[] => Array<T>(n).fill(x);
const tri = (xs: readonly number[]): Tri[] => xs.map((x) => x !== 0);
const num = (xs: readonly Tri[]): (number | null)[] => xs.map((x) => (x === null ? null : x ? 1 : 0));

describe('shift: points on one side of the mean (ptd_seven_point_one_side_mean)', () => {
  test("the package's cases", () => {
    assert.deepEqual(shiftEnds([], 7), []);
    assert.deepEqual(shiftEnds(rep(1, 6), 7), rep(0, 6));
    assert.deepEqual(shiftEnds([...rep(1, 6), -1], 7), rep(0, 7));
    assert.deepEqual(shiftEnds([...rep(1, 8), -1], 7), [0, 0, 0, 0, 0, 0, 1, 1, 0]);
    assert.deepEqual(shiftEnds([...rep(-1, 8), 1], 7), [0, 0, 0, 0, 0, 0, 1, 1, 0]);
  });

  test('a point exactly on the mean breaks the run', () => {
    assert.deepEqual(shiftEnds([1, 1, 1, 0, 1, 1, 1, 1], 7), rep(0, 8));
    assert.deepEqual(shiftEnds(rep(0, 9), 7), rep(0, 9));
  });

  test('a missing side is unknown unless a known point breaks the run', () => {
    assert.deepEqual(shiftEnds([1, 1, 1, null, 1, 1, 1], 7), [0, 0, 0, null, 0, 0, null]);
    assert.deepEqual(shiftEnds([1, -1, 1, null, 1, 1, 1], 7), [0, 0, 0, null, 0, 0, 0]);
  });

  test('the length is a setting', () => {
    assert.deepEqual(shiftEnds([1, 1, 1, 1, 1, 1], 6), [0, 0, 0, 0, 0, 1]);
  });
});

describe('part of a run (ptd_part_of_seven_trend)', () => {
  test("the package's cases", () => {
    assert.deepEqual(partOfRun([], 7), []);
    assert.deepEqual(num(partOfRun(rep(0, 6), 7)), rep(0, 6));
    assert.deepEqual(num(partOfRun([...rep(0, 6), 1, 0], 7)), [...rep(1, 7), 0]);
    assert.deepEqual(num(partOfRun([...rep(0, 7), 1, 0], 7)), [0, ...rep(1, 7), 0]);
    assert.deepEqual(num(partOfRun([...rep(0, 6), -1, 0], 7)), [...rep(1, 7), 0]);
    assert.deepEqual(num(partOfRun([...rep(0, 7), -1, 0], 7)), [0, ...rep(1, 7), 0]);
  });

  test('unknown marks stay unknown unless a known end covers the point', () => {
    assert.deepEqual(partOfRun([0, null, 0], 2), [null, null, false]);
    assert.deepEqual(partOfRun([0, null, 1], 2), [null, true, true]);
  });
});

describe('trend: strictly rising or falling points (ptd_seven_point_trend)', () => {
  test("the package's cases", () => {
    assert.deepEqual(trendEnds([], 7), []);
    assert.deepEqual(trendEnds([1, 2, 3, 4, 5, 6], 7), rep(0, 6));
    assert.deepEqual(trendEnds([1, 2, 3, 3, 4, 5, 6], 7), rep(0, 7));
    assert.deepEqual(trendEnds([1, 2, 3, 4, 5, 6, 7], 7), [0, 0, 0, 0, 0, 0, 1]);
    assert.deepEqual(trendEnds([2, 1, 2, 3, 4, 5, 6, 7, 3], 7), [0, 0, 0, 0, 0, 0, 0, 1, 0]);
    assert.deepEqual(trendEnds([7, 6, 5, 4, 3, 2, 1], 7), [0, 0, 0, 0, 0, 0, -1]);
    assert.deepEqual(trendEnds([2, 7, 6, 5, 4, 3, 2, 1, 3], 7), [0, 0, 0, 0, 0, 0, 0, -1, 0]);
  });

  test('a window that only a missing value could complete is undecided (the package stops with an error there)', () => {
    assert.deepEqual(trendEnds([1, 2, 3, null, 5, 6, 7], 7), [0, 0, 0, 0, 0, 0, null]);
    assert.deepEqual(trendEnds([7, 6, 5, null, 3, 2, 1], 7), [0, 0, 0, 0, 0, 0, null]);
    // A step the wrong way decides it, missing value or not.
    assert.deepEqual(trendEnds([1, 2, 1, null, 5, 6, 7], 7), rep(0, 7));
  });

  test('the length is a setting (PowerBI-SPC uses 5)', () => {
    assert.deepEqual(trendEnds([1, 2, 3, 4, 5], 5), [0, 0, 0, 0, 1]);
  });
});

describe('two in three near a limit (ptd_two_in_three, ptd_part_of_two_in_three)', () => {
  const all1 = (n: number) => rep(1, n);

  test("the package's cases: same side", () => {
    assert.deepEqual(twoInThree([], [], 3, 2), []);
    assert.deepEqual(num(twoInThree(tri([0, 0, 0]), [0, 0, 0], 3, 2)), [0, 0, 0]);
    for (const close of [[1, 0, 1], [0, 1, 1], [1, 1, 0]]) assert.deepEqual(num(twoInThree(tri(close), all1(3), 3, 2)), [1, 1, 1]);
    assert.deepEqual(num(twoInThree(tri([0, 0, 1, 0, 1, 0, 0]), all1(7), 3, 2)), [0, 0, 1, 1, 1, 0, 0]);
    assert.deepEqual(num(twoInThree(tri([0, 0, 1, 1, 0, 0, 0]), all1(7), 3, 2)), [0, 1, 1, 1, 1, 0, 0]);
  });

  test("the package's cases: opposite sides never fire (issue #143)", () => {
    for (const close of [[1, 0, 1], [0, 1, 1], [1, 1, 0]]) assert.deepEqual(num(twoInThree(tri(close), [1, -1, 1], 3, 2)), [0, 0, 0]);
    assert.deepEqual(num(twoInThree(tri([0, 0, 1, 0, 1, 0, 0]), [1, -1, 1, -1, 1, -1, 1], 3, 2)), rep(0, 7));
    assert.deepEqual(num(twoInThree(tri([0, 0, 1, 1, 0, 0, 0]), [-1, 1, -1, 1, -1, 1, -1], 3, 2)), rep(0, 7));
  });

  test("the package's cases: only the points near the limit are highlighted", () => {
    const part = (close: number[]) => num(partOfTwoInThree(twoInThree(tri(close), all1(close.length), 3, 2), tri(close)));
    assert.deepEqual(part([1, 0, 1]), [1, 0, 1]);
    assert.deepEqual(part([0, 1, 1]), [0, 1, 1]);
    assert.deepEqual(part([1, 1, 0]), [1, 1, 0]);
    assert.deepEqual(part([0, 0, 1, 0, 1, 0, 0]), [0, 0, 1, 0, 1, 0, 0]);
    assert.deepEqual(part([1, 0, 0, 1]), [0, 0, 0, 0]);
    assert.deepEqual(part([1, 0, 0, 1, 1]), [0, 0, 0, 1, 1]);
  });

  test('a point on the mean in the window stops it firing', () => {
    assert.deepEqual(num(twoInThree(tri([1, 0, 1]), [1, 0, 1], 3, 2)), [0, 0, 0]);
  });

  test('missing values make a window unknown, which never highlights a point', () => {
    const flags = twoInThree([true, null, true], [1, null, 1], 3, 2);
    assert.deepEqual(flags, [null, null, null]);
    assert.deepEqual(partOfTwoInThree(flags, [true, null, true]), [null, null, null]);
  });

  test('window and count are settings', () => {
    assert.deepEqual(num(twoInThree(tri([1, 0, 0, 1]), all1(4), 4, 2)), [1, 1, 1, 1]);
    assert.deepEqual(num(twoInThree(tri([1, 0, 1]), all1(3), 3, 3)), [0, 0, 0]);
  });
});

describe('rule settings', () => {
  test("defaults are the package's", () => {
    assert.deepEqual({ ...PLOT_THE_DOTS_RULES }, { trendLength: 7, shiftLength: 7, twoInThreeWindow: 3, twoInThreeCount: 2 });
    assert.doesNotThrow(() => checkRuleSettings(PLOT_THE_DOTS_RULES));
  });

  test('nonsense lengths are refused', () => {
    assert.throws(() => checkRuleSettings({ ...PLOT_THE_DOTS_RULES, trendLength: 1 }), RangeError);
    assert.throws(() => checkRuleSettings({ ...PLOT_THE_DOTS_RULES, shiftLength: 2.5 }), RangeError);
    assert.throws(() => checkRuleSettings({ ...PLOT_THE_DOTS_RULES, twoInThreeCount: 4 }), RangeError);
  });
});
