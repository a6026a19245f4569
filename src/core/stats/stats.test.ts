import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, publishableCount } from './disclosure.ts';
import { katzLogInterval, katzStandardError } from './katz-log-interval.ts';
import { Z_95 } from './normal.ts';
import { excludesOne, groupRate, relativeLikelihood, withinRange } from './relative-likelihood.ts';
import { wilsonInterval } from './wilson-interval.ts';

function close(actual: number | undefined, expected: number, tolerance: number, message?: string): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${message ?? ''} expected ${expected}, got ${actual}`);
}

describe('wilsonInterval', () => {
  test('worked examples: 117 of 389 and 2 of 10', () => {
    const a = wilsonInterval(117, 389)!;
    close(a[0], 0.2573, 5e-5);
    close(a[1], 0.3481, 5e-5);
    const b = wilsonInterval(2, 10)!;
    close(b[0], 0.0567, 5e-5);
    close(b[1], 0.5098, 5e-5);
  });

  test('matches the closed form computed independently', () => {
    // p = 0.5, n = 100: centre 0.5, half = z·√(0.0025 + z²/40000)/(1 + z²/100)
    const z = Z_95;
    const half = (z * Math.sqrt(0.25 / 100 + (z * z) / 40000)) / (1 + (z * z) / 100);
    const ci = wilsonInterval(50, 100)!;
    close(ci[0], 0.5 - half, 1e-12);
    close(ci[1], 0.5 + half, 1e-12);
  });

  test('stays inside 0 to 1 at the extremes and is null for an empty population', () => {
    const zero = wilsonInterval(0, 20)!;
    assert.equal(zero[0], 0);
    close(zero[1], 0.1611, 5e-5);
    const all = wilsonInterval(20, 20)!;
    close(all[0], 0.8389, 5e-5);
    assert.equal(all[1], 1);
    assert.equal(wilsonInterval(0, 0), null);
  });
});

describe('katzLogInterval', () => {
  test('worked example: 117 of 389 against 2 of 10', () => {
    close(katzStandardError(117, 389, 2, 10), 0.6372, 5e-5);
    const ci = katzLogInterval(117, 389, 2, 10)!;
    close(ci[0], 0.431, 5e-4);
    close(ci[1], 5.243, 5e-4);
  });

  test('zero events in the numerator group: lower limit 0, upper from the corrected table', () => {
    // corrected: 0.5 of 101 against 10.5 of 201; RL = (0.5/101)/(10.5/201) = 0.094766...
    const rl = 0.5 / 101 / (10.5 / 201);
    const se = Math.sqrt(1 / 0.5 - 1 / 101 + 1 / 10.5 - 1 / 201);
    const ci = katzLogInterval(0, 100, 10, 200)!;
    assert.equal(ci[0], 0);
    close(ci[1], Math.exp(Math.log(rl) + Z_95 * se), 1e-12);
  });

  test('undefined when the comparison group has no events or either population is empty', () => {
    assert.equal(katzLogInterval(5, 100, 0, 100), null);
    assert.equal(katzLogInterval(5, 0, 5, 100), null);
    assert.equal(katzLogInterval(5, 100, 5, 0), null);
  });
});

describe('relativeLikelihood', () => {
  test('value, interval and group rates from counts', () => {
    const estimate = relativeLikelihood({ events: 117, population: 389 }, { events: 2, population: 10 });
    close(estimate.value!, 117 / 389 / 0.2, 1e-12);
    assert.equal(estimate.undefinedReason, null);
    assert.equal(excludesOne(estimate.ci95), false);
    assert.deepEqual(groupRate({ events: 2, population: 10 }).rate, 0.2);
  });

  test('zero events in the numerator group gives 0, in the denominator group gives null with a reason', () => {
    assert.equal(relativeLikelihood({ events: 0, population: 50 }, { events: 5, population: 50 }).value, 0);
    const undefinedRatio = relativeLikelihood({ events: 5, population: 50 }, { events: 0, population: 50 });
    assert.equal(undefinedRatio.value, null);
    assert.equal(undefinedRatio.ci95, null);
    assert.equal(undefinedRatio.undefinedReason, 'noDenominatorEvents');
    assert.equal(relativeLikelihood({ events: 0, population: 0 }, { events: 5, population: 50 }).undefinedReason, 'noNumeratorPopulation');
    assert.equal(relativeLikelihood({ events: 1, population: 5 }, { events: 0, population: 0 }).undefinedReason, 'noDenominatorPopulation');
    assert.equal(groupRate({ events: 0, population: 0 }).rate, null);
  });

  test('the non-adverse range is 0.80 to 1.25 inclusive', () => {
    assert.equal(withinRange(0.8), true);
    assert.equal(withinRange(1.25), true);
    assert.equal(withinRange(0.7999), false);
    assert.equal(withinRange(1.2501), false);
    assert.equal(withinRange(null), null);
  });
});

describe('disclosure control', () => {
  test('counts of 1 to 7 are disclosive by default, 0 and 8 are not', () => {
    assert.deepEqual([0, 1, 7, 8].map((n) => isDisclosive(n, DEFAULT_DISCLOSURE_POLICY)), [false, true, true, false]);
  });

  test('publishable counts follow the NHS Digital rule', () => {
    assert.deepEqual([0, 1, 6, 7, 8, 12, 13, 102].map((n) => publishableCount(n)), [0, '*', '*', '*', 10, 10, 15, 100]);
  });
});
