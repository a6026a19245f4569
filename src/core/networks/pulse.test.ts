import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { pulseResults, pulseState } from './pulse.ts';

const P = DEFAULT_DISCLOSURE_POLICY;

test('a question is open from its opening day to its closing day, both included', () => {
  assert.equal(pulseState('2025-05-01', '2025-05-31', '2025-04-30'), 'not-open');
  assert.equal(pulseState('2025-05-01', '2025-05-31', '2025-05-01'), 'open');
  assert.equal(pulseState('2025-05-01', '2025-05-31', '2025-05-31'), 'open');
  assert.equal(pulseState('2025-05-01', '2025-05-31', '2025-06-01'), 'closed');
});

test('nothing small is shown, and no withheld option is the total less the rest (hand-worked)', () => {
  // Yes 20, No 5, Not sure 9: total 34. No (5) is withheld; alone, 34 − 20 − 9 would give it away, so the smallest
  // other option, Not sure (9), is withheld too. Shown: Yes 20, total 34; No and Not sure together 14, neither known.
  assert.deepEqual(pulseResults([20, 5, 9], P), { options: [20, null, null], total: 34, withheld: 2 });
  // Two small options already hide each other: 30 − 20 = 10 is 3 and 7 together.
  assert.deepEqual(pulseResults([20, 3, 7], P), { options: [20, null, null], total: 30, withheld: 2 });
  // A zero is withheld only when no other option will do: 12, 4, 0 → 12 goes (zero is not chosen while 12 is there).
  assert.deepEqual(pulseResults([12, 4, 0], P), { options: [null, null, 0], total: 16, withheld: 2 });
  // Nothing small: everything shown.
  assert.deepEqual(pulseResults([8, 0, 15], P), { options: [8, 0, 15], total: 23, withheld: 0 });
});

test('fewer than eight answers in all: nothing is shown, not even the zeros', () => {
  assert.deepEqual(pulseResults([5, 0, 0], P), { options: [null, null, null], total: null, withheld: 3 });
  assert.deepEqual(pulseResults([0, 0], P), { options: [0, 0], total: 0, withheld: 0 });
});

test('in every pattern of small tallies, no option shown is 1 to 7 and never exactly one is withheld', () => {
  for (let a = 0; a < 12; a++) for (let b = 0; b < 12; b++) for (let c = 0; c < 12; c++) {
    const r = pulseResults([a, b, c], P);
    assert.ok(r.options.every((v) => v === null || v === 0 || v >= 8), `${a} ${b} ${c}`);
    if (r.total !== null) assert.notEqual(r.options.filter((v) => v === null).length, 1, `${a} ${b} ${c}`);
  }
});
