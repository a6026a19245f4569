import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { chiSquareQuantile, gammaQuantile, logGamma, normalQuantile, regularisedGamma } from './distributions.ts';

/** |actual − expected| ≤ tolerance × max(1, |expected|). */
function close(actual: number, expected: number, tolerance: number, message = ''): void {
  assert.ok(Math.abs(actual - expected) <= tolerance * Math.max(1, Math.abs(expected)), `${message} expected ${expected}, got ${actual}`);
}

// Expected values are R 4.2.2's qnorm, qgamma, pgamma and lgamma, printed to 17 significant digits.
describe('normalQuantile (AS 241)', () => {
  test('matches R qnorm to 1e-9 and better', () => {
    const cases: [number, number][] = [
      [0.975, 1.95996398454005361],
      [0.999, 3.09023230616781319],
      [0.025, -1.95996398454005383],
      [1e-10, -6.3613409024040557],
      [0.3, -0.52440051270804067],
      [0.6, 0.25334710313579978],
      [1e-300, -37.04709629936120052],
      [0.9999999, 5.19933758229066179],
    ];
    for (const [p, q] of cases) close(normalQuantile(p), q, 1e-12, `p = ${p}`);
  });

  test('is symmetric and handles the ends', () => {
    assert.equal(normalQuantile(0.5), 0);
    close(normalQuantile(0.1) + normalQuantile(0.9), 0, 1e-15);
    assert.equal(normalQuantile(0), Number.NEGATIVE_INFINITY);
    assert.equal(normalQuantile(1), Number.POSITIVE_INFINITY);
    assert.ok(Number.isNaN(normalQuantile(1.5)));
  });
});

describe('logGamma', () => {
  test('matches R lgamma', () => {
    close(logGamma(0.5), 0.57236494292470008, 1e-14);
    close(logGamma(10), 12.80182748008146909, 1e-14);
    close(logGamma(3.7), 1.42807232666538808, 1e-14);
    close(logGamma(1234.5), 7550.55090107789419562, 1e-14);
    assert.equal(logGamma(1), 0);
  });
});

describe('regularisedGamma', () => {
  test('both tails match R pgamma', () => {
    const cases: [number, number, number, number][] = [
      [1, 2, 0.864664716763387298, 0.135335283236612702],
      [15, 15, 0.534346291055990408, 0.465653708944009648],
      [20, 30, 0.97812653155860918, 0.021873468441390858],
      [5100, 5000, 0.080030999156572691, 0.919969000843427254],
    ];
    for (const [a, x, lower, upper] of cases) {
      const t = regularisedGamma(a, x);
      close(t.lower, lower, 1e-13, `P(${a}, ${x})`);
      close(t.upper, upper, 1e-13, `Q(${a}, ${x})`);
    }
  });

  test('the exponential case has a closed form', () => {
    for (const x of [0.01, 0.5, 3, 20]) close(regularisedGamma(1, x).upper, Math.exp(-x), 1e-14);
  });
});

describe('gammaQuantile and chiSquareQuantile', () => {
  test('lower tail matches R qgamma(0.025, shape)', () => {
    const cases: [number, number][] = [
      [15, 8.3953861327833135],
      [0.4, 7.3283243553458484e-5],
      [1.1, 3.7082439749350549e-2],
      [2500.5, 2403.4425657628017],
      [1e5, 99381.152663744724],
    ];
    for (const [a, q] of cases) close(gammaQuantile(0.025, a) / q, 1, 1e-12, `shape ${a}`);
  });

  test('upper tail matches R qgamma(0.001, shape, lower.tail = FALSE)', () => {
    const cases: [number, number][] = [
      [16, 31.243609528544248],
      [0.4, 5.0426085884599621],
      [1.1, 7.1670388570677757],
      [2500.5, 2657.8811291335123],
      [1e5, 100980.06779195923],
    ];
    for (const [a, q] of cases) close(gammaQuantile(0.001, a, false) / q, 1, 1e-12, `shape ${a}`);
  });

  test('inverts the distribution function', () => {
    for (const a of [0.3, 2, 17.25, 400]) {
      for (const p of [0.001, 0.025, 0.5, 0.975, 0.999]) close(regularisedGamma(a, gammaQuantile(p, a)).lower, p, 1e-13);
    }
  });

  test('chi-square with 1 degree of freedom is the squared normal', () => {
    close(chiSquareQuantile(0.95, 1), 3.841458820694124, 1e-13);
    assert.equal(gammaQuantile(0, 3), 0);
    assert.equal(gammaQuantile(1, 3), Number.POSITIVE_INFINITY);
  });
});
