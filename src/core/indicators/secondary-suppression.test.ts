import assert from 'node:assert/strict';
import { test } from 'node:test';
import { groupRate } from '../stats/relative-likelihood.ts';
import type { RatioBreakdownRow } from './evaluate-ratio.ts';
import { protectSums, SECONDARY_REASON } from './secondary-suppression.ts';

function row(key: string, population: number, suppressed = false): RatioBreakdownRow {
  const side = { label: key, ...groupRate({ events: Math.floor(population / 2), population }) };
  return {
    key, label: key, suppressed, suppressionReason: suppressed ? 'small' : null,
    numerator: suppressed ? null : side, denominator: suppressed ? null : side, value: suppressed ? null : 1, ci95: null,
    undefinedReason: null, undefinedExplanation: null, withinNonAdverseRange: null, significant: null, smallNumbers: false,
  };
}

test('one withheld row in a sum takes the smallest non-empty other row with it', () => {
  const rows = new Map([['a', row('a', 40)], ['b', row('b', 20)], ['c', row('c', 5, true)], ['d', row('d', 0)], ['e', row('e', 90)]]);
  const result = protectSums(rows, [['a', 'b', 'c', 'd', 'e']]);
  assert.equal(result.get('b')!.suppressed, true);
  assert.equal(result.get('b')!.suppressionReason, SECONDARY_REASON);
  assert.equal(result.get('b')!.numerator, null);
  assert.equal(result.get('a')!.suppressed, false);
  assert.equal(result.get('d')!.suppressed, false);
  assert.equal(result.get('e')!.suppressed, false);
});

test('two or no withheld rows need nothing more; chained sums are followed until stable', () => {
  const none = new Map([['a', row('a', 40)], ['b', row('b', 20)]]);
  assert.equal([...protectSums(none, [['a', 'b']]).values()].filter((r) => r.suppressed).length, 0);
  const two = new Map([['a', row('a', 40, true)], ['b', row('b', 20, true)], ['c', row('c', 9)]]);
  assert.equal(protectSums(two, [['a', 'b', 'c']]).get('c')!.suppressed, false);
  // A published total is p + q, and p = x + y. q alone withheld in [p, q] forces p; p then stands alone withheld in
  // [p, x, y], which forces the smaller of x and y.
  const chained = new Map([['p', row('p', 30)], ['q', row('q', 6, true)], ['x', row('x', 10)], ['y', row('y', 20)]]);
  const result = protectSums(chained, [['p', 'q'], ['p', 'x', 'y']]);
  assert.equal(result.get('p')!.suppressed, true);
  assert.equal(result.get('x')!.suppressed, true);
  assert.equal(result.get('y')!.suppressed, false);
});
