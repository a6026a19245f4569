/**
 * Each step of the FunnelPlotR 0.6.0 port with worked examples: the package's own tests (tests/testthat) and hand
 * calculation. The figures quoted from R were produced by the package's own functions (see fixtures/README.md).
 */
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { aggregateGroups, roundExpectedCounts } from './aggregate.ts';
import { betweenGroupVariance, dispersionRatio } from './dispersion.ts';
import { funnelPlot } from './funnel-plot.ts';
import { adjustedLimits, funnelLimitLookup, limitGrid, proportionMonotonicity, unadjustedLimits } from './limits.ts';
import { outlierDirection } from './outliers.ts';
import { quantileType7, rankAverage, roundDecimals } from './r-arithmetic.ts';
import { funnelTarget, transformedZScores } from './transform.ts';
import { truncate, winsorise } from './trim.ts';
import type { FunnelRow } from './types.ts';

function close(actual: number | undefined, expected: number, tolerance: number, message = ''): void {
  assert.ok(actual !== undefined && Math.abs(actual - expected) <= tolerance, `${message} expected ${expected}, got ${actual}`);
}

/** The data set of the package's test-funnel_plot.R and test-classes_methods.R. */
const PACKAGE_TEST_ROWS: FunnelRow[] = [
  { group: 'a', numerator: 100, denominator: 108 },
  { group: 'b', numerator: 150, denominator: 112 },
  { group: 'c', numerator: 180, denominator: 165 },
  { group: 'd', numerator: 80, denominator: 95 },
  { group: 'e', numerator: 120, denominator: 100 },
  { group: 'f', numerator: 225, denominator: 220 },
];

describe('R arithmetic', () => {
  test('round(x, 2) as R 4 rounds, ties and representation included', () => {
    assert.equal(roundDecimals(12.3456, 2), 12.35);
    assert.equal(roundDecimals(2.675, 2), 2.67); // stored as 2.67499999…
    assert.equal(roundDecimals(0.125, 2), 0.12); // an exact tie goes to the even digit
    assert.equal(roundDecimals(0.375, 2), 0.38);
    assert.equal(roundDecimals(-1.005, 2), -1); // stored as −1.00499999…
    assert.equal(roundDecimals(0, 2), 0);
  });

  test('type-7 quantiles and average ranks', () => {
    close(quantileType7([1, 2, 3, 4, 10], 0.1), 1.4, 1e-15);
    close(quantileType7([10, 4, 3, 2, 1], 0.9), 7.6, 1e-12);
    assert.equal(quantileType7([Number.NEGATIVE_INFINITY, 1, 2], 0.1), Number.NEGATIVE_INFINITY);
    assert.deepEqual(rankAverage([3, 1, 3, 2]), [3.5, 1, 3.5, 2]);
    assert.deepEqual(rankAverage([2, Number.NaN, 1]), [2, 3, 1]);
  });
});

describe('step 1–2: aggregation and SHMI rounding', () => {
  test("the package's aggregate test: rows of a group are summed", () => {
    const groups = aggregateGroups([
      { group: 'a', numerator: 100, denominator: 102 },
      { group: 'a', numerator: 150, denominator: 135 },
      { group: 'a', numerator: 180, denominator: 165 },
      { group: 'b', numerator: 89, denominator: 95 },
      { group: 'b', numerator: 120, denominator: 100 },
      { group: 'c', numerator: 225, denominator: 220 },
    ]);
    assert.equal(groups.length, 3);
    assert.deepEqual(groups.map((g) => Math.round(g.value * 1e6) / 1e6), [1.069652, 1.071795, 1.022727]);
    assert.deepEqual(groups.map((g) => [g.numerator, g.denominator]), [[430, 402], [209, 195], [225, 220]]);
  });

  test('SHMI rounds the expected count but the value keeps the unrounded one', () => {
    const [g] = roundExpectedCounts(aggregateGroups([{ group: 'x', numerator: 12, denominator: 10.456 }]));
    assert.equal(g?.denominator, 10.46);
    close(g?.value, 12 / 10.456, 1e-15);
  });
});

describe('step 3–4: target and z-scores', () => {
  const groups = aggregateGroups(PACKAGE_TEST_ROWS);

  test('targets: 1 for standardised ratios, pooled otherwise', () => {
    assert.equal(funnelTarget(groups, 'standardisedRatio'), 1);
    close(funnelTarget(groups, 'countRatio'), 855 / 800, 1e-15);
    close(funnelTarget(aggregateGroups([{ group: 'p', numerator: 10, denominator: 100 }, { group: 'q', numerator: 30, denominator: 200 }]), 'proportion'), 40 / 300, 1e-15);
  });

  test('SHMI z-scores are √E · ln(O/E) (R: −0.799802600707036 and 3.091681294543567)', () => {
    const t = transformedZScores(groups, 'standardisedRatio', 'SHMI');
    assert.equal(t.target, 0);
    close(t.groups[0]?.z, -0.799802600707036, 1e-12);
    close(t.groups[1]?.z, 3.091681294543567, 1e-12);
    close(t.groups[0]?.s, 1 / Math.sqrt(108), 1e-15);
  });

  test('CQC z-scores are (√(O/E) − 1)·2√E (R: −0.784609690826528 for a)', () => {
    const t = transformedZScores(groups, 'standardisedRatio', 'CQC');
    close(t.groups[0]?.z, (Math.sqrt(100 / 108) - 1) * 2 * Math.sqrt(108), 1e-12);
    close(t.groups[0]?.z, -0.784609690826528, 1e-12);
  });

  test('proportion and ratio-of-counts transforms by hand', () => {
    const pr = transformedZScores(aggregateGroups([{ group: 'p', numerator: 10, denominator: 100 }, { group: 'q', numerator: 30, denominator: 200 }]), 'proportion');
    close(pr.target, Math.asin(Math.sqrt(40 / 300)), 1e-15);
    close(pr.groups[0]?.z, (Math.asin(Math.sqrt(0.1)) - pr.target) * 2 * 10, 1e-12);
    const rc = transformedZScores(groups, 'countRatio');
    const s = Math.sqrt(100 / 100.5 ** 2 + 108 / 108.5 ** 2);
    close(rc.groups[0]?.s, s, 1e-15);
    close(rc.groups[0]?.z, (Math.log(100.5 / 108.5) - Math.log(855 / 800)) / s, 1e-12);
  });

  test('a group with no events is −∞ on the SHMI scale, as in R', () => {
    const t = transformedZScores(aggregateGroups([{ group: 'z', numerator: 0, denominator: 4 }]), 'standardisedRatio');
    assert.equal(t.groups[0]?.z, Number.NEGATIVE_INFINITY);
  });
});

describe('step 5: winsorising and truncating', () => {
  test('winsorise at the 10% and 90% quantiles', () => {
    assert.deepEqual(winsorise([-3, -1, 0, 1, 2, 9]), [-2, -1, 0, 1, 2, 5.5]);
  });

  test("CQC with trim_by 0.05 (the package's test): only b and d move (R: 2.973890779537954, −1.399936074921339)", () => {
    const z = transformedZScores(aggregateGroups(PACKAGE_TEST_ROWS), 'standardisedRatio', 'CQC').groups.map((g) => g.z);
    const w = winsorise(z, 0.05);
    close(w[1], 2.973890779537954, 1e-12);
    close(w[3], -1.399936074921339, 1e-12);
    assert.deepEqual([w[0], w[2], w[4], w[5]], [z[0], z[2], z[4], z[5]]);
  });

  test('SHMI truncation keeps bands 1 to 8 of 10', () => {
    // The package's six groups fall in bands 2, 8, 5, 1, 7, 4: all kept.
    const six = transformedZScores(aggregateGroups(PACKAGE_TEST_ROWS), 'standardisedRatio').groups.map((g) => g.z);
    assert.deepEqual(truncate(six).map(Number.isNaN), [false, false, false, false, false, false]);
    // With 20 groups ranks 1 and 2 fall in band ⌊10r/21⌋ = 0 and ranks 19 and 20 in band 9: 16 are kept.
    const twenty = Array.from({ length: 20 }, (_, i) => i - 10);
    const kept = truncate(twenty);
    assert.deepEqual([0, 1, 2, 17, 18, 19].map((i) => Number.isNaN(kept[i] ?? 0)), [true, true, false, false, true, true]);
    assert.equal(kept.filter((v) => !Number.isNaN(v)).length, 16);
    // A group with no events (z = −∞) ranks lowest and is truncated away when there are 10 or more groups.
    assert.ok(Number.isNaN(truncate([Number.NEGATIVE_INFINITY, ...twenty.slice(1)])[0] ?? 0));
  });
});

describe('step 6–7: φ and τ²', () => {
  test("the package's test value φ = 2.948033 and τ² = 0.0194775", () => {
    const t = transformedZScores(aggregateGroups(PACKAGE_TEST_ROWS), 'standardisedRatio');
    const { phi, n } = dispersionRatio(truncate(t.groups.map((g) => g.z)));
    assert.equal(n, 6);
    assert.equal(Math.round(phi * 1e6) / 1e6, 2.948033);
    const tau2 = betweenGroupVariance(n, phi, t.groups.map((g) => g.s));
    close(tau2, 0.0194775305780216, 1e-12);
    // By hand: w = E, Σw = 800, Σw² = 118858.
    close(tau2, (6 * phi - 5) / (800 - 118858 / 800), 1e-12);
  });

  test('τ² is 0 when n·φ < n − 1, and positive for (n − 1)/n ≤ φ ≤ 1 (the package tests n·φ, not φ)', () => {
    assert.equal(betweenGroupVariance(10, 0.89, [0.1, 0.2]), 0);
    assert.ok(betweenGroupVariance(10, 0.95, Array.from({ length: 10 }, (_, i) => 0.05 + i / 100)) > 0);
    assert.equal(betweenGroupVariance(0, Number.NaN, []), 0);
  });

  test('φ is 0 when every group is on target; one group gives a non-finite τ², as in R', () => {
    assert.deepEqual(dispersionRatio([0, 0, 0]), { phi: 0, n: 3 });
    // One group: Σw − Σw²/Σw = 0, so τ² = 0/0 (R: NaN) — here with the proportion s of a denominator of 80.
    assert.ok(Number.isNaN(betweenGroupVariance(1, 0, [1 / (2 * Math.sqrt(80))])));
  });
});

describe('steps 8–9: limits', () => {
  test("the package's Poisson limits test (x = 15, 20, 30)", () => {
    const expected = [
      [0.5596924, 1.649348, 0.386265, 2.082907],
      [0.610826, 1.544419, 0.4479107, 1.902094],
      [0.6746958, 1.427562, 0.5289724, 1.702771],
    ];
    [15, 20, 30].forEach((x, i) => {
      const l = unadjustedLimits(x, 'standardisedRatio', 'SHMI', 1);
      const [ll95, ul95, ll99, ul99] = expected[i] ?? [];
      close(l.limits95[0], ll95 ?? 0, 5e-8, `ll95 at ${x}`);
      close(l.limits95[1], ul95 ?? 0, 5e-7, `ul95 at ${x}`);
      close(l.limits998[0], ll99 ?? 0, 5e-8, `ll998 at ${x}`);
      close(l.limits998[1], ul99 ?? 0, 5e-7, `ul998 at ${x}`);
    });
  });

  test('adjusted limits for each type by hand', () => {
    const shmi = adjustedLimits(100, 'standardisedRatio', 'SHMI', 1, 0.02);
    close(shmi.limits95[0], Math.exp(-1.959964 * Math.sqrt(0.03)), 1e-15);
    close(shmi.limits95[1], 1.404211201768752, 1e-12);
    const cqc = adjustedLimits(100, 'standardisedRatio', 'CQC', 1, 0.02);
    close(cqc.limits998[1], 1 + 3.090232 * Math.sqrt(0.0025 + 0.02), 1e-15);
    const rc = adjustedLimits(100, 'countRatio', 'SHMI', 2, 0.01);
    close(rc.limits95[0], Math.exp(Math.log(2) - 1.959964 * Math.sqrt(0.0025 + 0.01)), 1e-15);
    const pr = adjustedLimits(100, 'proportion', 'SHMI', 0.3, 0);
    close(pr.limits95[1], Math.sin(Math.asin(Math.sqrt(0.3)) + 1.959964 * 0.05) ** 2, 1e-15);
  });

  test('the grid has 1,000 points from 3 (or 1.1) to the largest denominator rounded up, plus the denominators', () => {
    const grid = limitGrid([50, 120], 'proportion');
    assert.equal(grid.length, 1001);
    assert.equal(grid[0], 3);
    assert.equal(grid.at(-1), 120);
    close(grid[1], 3 + 117 / 999, 1e-15);
    assert.ok(grid.includes(50));
    const sr = limitGrid([10.5], 'standardisedRatio');
    assert.equal(sr[0], 1.1);
    assert.equal(sr.at(-1), 11);
    assert.ok(sr.includes(10.5));
    assert.deepEqual(limitGrid([3, 3], 'countRatio'), [3]);
  });

  test('proportion limits that turn back are reset against the next grid point', () => {
    const here = adjustedLimits(3, 'proportion', 'SHMI', 0.5, 0);
    const next = adjustedLimits(3 + 117 / 999, 'proportion', 'SHMI', 0.5, 0);
    const fixed = proportionMonotonicity(here, next);
    close(here.limits998[0], 0.011336451037011789, 1e-15);
    assert.deepEqual(fixed.limits998, [0, 1]);
    assert.deepEqual(fixed.limits95, here.limits95);
    assert.deepEqual(proportionMonotonicity(here, undefined), here);
    // The lookup table applies it along the whole grid: lower limits never fall as the denominator grows.
    const lookup = funnelLimitLookup([50, 120], { dataType: 'proportion', srMethod: 'SHMI', target: 0.5, tau2: 0 });
    assert.equal(lookup.length, 1001);
    assert.equal(lookup[0]?.unadjusted.limits998[0], 0);
  });
});

describe('step 10: outliers', () => {
  // The package's test-outliers_func.R: values against fixed limits.
  const values = [1, 0.95, 1.05, 0.8, 1.2, 0.6, 1.4, 0.4, 1.6, 0];
  const flags = (limits: [number, number]) => values.map((v) => (outlierDirection(v, limits) === null ? 0 : 1));
  test('95% unadjusted, 95% adjusted, 99.8% unadjusted, 99.8% adjusted', () => {
    assert.deepEqual(flags([0.9, 1.1]), [0, 0, 0, 1, 1, 1, 1, 1, 1, 1]);
    assert.deepEqual(flags([0.79, 1.21]), [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]);
    assert.deepEqual(flags([0.59, 1.41]), [0, 0, 0, 0, 0, 0, 0, 1, 1, 1]);
    assert.deepEqual(flags([0.38, 1.62]), [0, 0, 0, 0, 0, 0, 0, 0, 0, 1]);
  });

  test('a value on a limit is inside; the side is reported; NaN is undecided', () => {
    assert.equal(outlierDirection(1.1, [0.9, 1.1]), null);
    assert.equal(outlierDirection(1.2, [0.9, 1.1]), 'above');
    assert.equal(outlierDirection(0.8, [0.9, 1.1]), 'below');
    assert.equal(outlierDirection(Number.NaN, [0.9, 1.1]), undefined);
  });
});

describe('funnelPlot end to end', () => {
  test("the package's test data, SHMI defaults: φ, τ² and the adjusted limits R gives", () => {
    const result = funnelPlot(PACKAGE_TEST_ROWS, { dataType: 'standardisedRatio' });
    close(result.phi, 2.94803317510236, 1e-12);
    close(result.tau2, 0.0194775305780216, 1e-12);
    assert.equal(result.judgedAgainst, 'adjusted');
    const b = result.groups.find((g) => g.group === 'b');
    close(b?.adjusted998[0], 0.594026648977396, 1e-12);
    close(b?.adjusted998[1], 1.6834261589467, 1e-12);
    close(b?.limits95[0], 0.8233969065407, 1e-12);
    // As the package's test asserts: group e's unadjusted 95% lower limit is above its adjusted one.
    const e = result.groups.find((g) => g.group === 'e');
    assert.ok((e?.limits95[0] ?? 0) > (e?.adjusted95[0] ?? 1));
    close(e?.adjusted95[0], 0.714261137816791, 1e-12);
    assert.deepEqual(result.groups.map((g) => g.outlier), [false, false, false, false, false, false]);
  });

  test('CQC with trim 0.05 at 95% (R: φ 2.74678261151236, τ² 0.00440597597932009, b and e outliers)', () => {
    const result = funnelPlot(PACKAGE_TEST_ROWS, { dataType: 'standardisedRatio', srMethod: 'CQC', trimBy: 0.05, level: 95 });
    close(result.phi, 2.74678261151236, 1e-12);
    close(result.tau2, 0.00440597597932009, 1e-12);
    assert.deepEqual(result.groups.filter((g) => g.outlier).map((g) => g.group), ['b', 'e']);
    close(result.groups[0]?.adjusted95[0], 0.839321309796657, 1e-12);
    assert.deepEqual(result.groups.map((g) => g.trimmed), ['kept', 'winsorised', 'kept', 'winsorised', 'kept', 'kept']);
  });

  test('without the overdispersion allowance φ and τ² are 0 and the unadjusted limits judge', () => {
    const result = funnelPlot(PACKAGE_TEST_ROWS, { dataType: 'standardisedRatio', adjustForOverdispersion: false, level: 95 });
    assert.equal(result.phi, 0);
    assert.equal(result.tau2, 0);
    assert.equal(result.judgedAgainst, 'unadjusted');
    // b (1.339) is above its exact Poisson 95% upper limit 1.203.
    assert.deepEqual(result.groups.filter((g) => g.outlier).map((g) => `${g.group} ${g.direction}`), ['b above']);
    close(result.groups[0]?.adjusted95[0], Math.exp(-1.959964 / Math.sqrt(108)), 1e-15);
  });

  test('when φ ≤ 1 the unadjusted limits judge even if τ² > 0', () => {
    const rows = Array.from({ length: 15 }, (_, i) => ({ group: `g${i}`, numerator: Math.round(0.2 * 50 * (i + 1)), denominator: 50 * (i + 1) }));
    const result = funnelPlot(rows, { dataType: 'proportion' });
    assert.equal(result.phi, 0);
    assert.equal(result.judgedAgainst, 'unadjusted');
  });

  // Issue 9, item 12. FunnelPlotR 0.6.0 judges against the limits it draws, adjusted first (outliers_func): with the
  // defaults it stops drawing the adjusted ones when φ ≤ 1, but not when the unadjusted ones are asked for too; and
  // with neither drawn nothing is an outlier. Expected outliers from the package itself (R 4.2.2, commit 9020d49).
  test('which limits judge when φ ≤ 1: the ones the package draws, for each draw_adjusted and draw_unadjusted', () => {
    // φ = 0.00745524736776251. a (0.2) and b (3.4) at E = 5: exact Poisson 99.8% limits 0.148 to 3.291, the
    // log-normal ones with τ² = 0 are 0.251 to 3.983, so a is out only on the second and b only on the first.
    const observed = [1, 17, 20, 41, 59, 80, 101, 119, 150, 200];
    const expected = [5, 5, 20, 40, 60, 80, 100, 120, 150, 200];
    const rows = observed.map((numerator, i) => ({ group: 'abcdefghij'[i]!, numerator, denominator: expected[i]! }));
    const outliers = (options: { adjustForOverdispersion?: boolean; drawUnadjusted?: boolean }, level: 95 | 99.8) => {
      const result = funnelPlot(rows, { dataType: 'standardisedRatio', level, ...options });
      return `${result.judgedAgainst}: ${result.groups.filter((g) => g.outlier).map((g) => g.group).join(' ')}`;
    };
    close(funnelPlot(rows, { dataType: 'standardisedRatio' }).phi, 0.00745524736776251, 1e-12);
    assert.equal(outliers({}, 99.8), 'unadjusted: b');
    assert.equal(outliers({ drawUnadjusted: true }, 99.8), 'adjusted: a');
    assert.equal(outliers({ adjustForOverdispersion: false, drawUnadjusted: true }, 99.8), 'unadjusted: b');
    assert.equal(outliers({ adjustForOverdispersion: false }, 99.8), 'unadjusted: b'); // Mirror's default for drawUnadjusted
    assert.equal(outliers({ adjustForOverdispersion: false, drawUnadjusted: false }, 99.8), 'none: ');
    assert.equal(outliers({}, 95), 'unadjusted: a b');
    assert.equal(outliers({ drawUnadjusted: true }, 95), 'adjusted: a b');
    assert.equal(outliers({ adjustForOverdispersion: false, drawUnadjusted: false }, 95), 'none: ');
    const none = funnelPlot(rows, { dataType: 'standardisedRatio', adjustForOverdispersion: false, drawUnadjusted: false });
    assert.ok(none.groups.every((g) => g.outlier === false && g.direction === null));
  });

  test('edge cases: all identical, one group, zero numerators', () => {
    const identical = funnelPlot(Array.from({ length: 10 }, (_, i) => ({ group: `g${i}`, numerator: 30, denominator: 100 })), { dataType: 'proportion' });
    assert.equal(identical.phi, 0);
    assert.equal(identical.tau2, 0);
    close(identical.target, 0.3, 1e-15);
    assert.ok(identical.groups.every((g) => g.outlier === false));

    const one = funnelPlot([{ group: 'only', numerator: 12, denominator: 80 }], { dataType: 'proportion' });
    assert.equal(one.phi, 0);
    assert.ok(Number.isNaN(one.tau2)); // R: NaN, and NA adjusted limits
    assert.equal(one.judgedAgainst, 'unadjusted');
    close(one.groups[0]?.limits95[0], 0.0807490299404909, 1e-12);
    assert.equal(one.groups[0]?.outlier, false);

    // A zero observed count among few SHMI groups is not truncated: φ and τ² are infinite, as in R.
    const zero = funnelPlot(
      [{ group: 'a', numerator: 0, denominator: 2 }, { group: 'b', numerator: 5, denominator: 4 }, { group: 'c', numerator: 9, denominator: 10 }],
      { dataType: 'standardisedRatio' },
    );
    assert.equal(zero.phi, Number.POSITIVE_INFINITY);
    assert.equal(zero.tau2, Number.POSITIVE_INFINITY);
    assert.deepEqual(zero.groups[0]?.adjusted998, [0, Number.POSITIVE_INFINITY]);
    assert.equal(zero.groups[0]?.value, 0);
    assert.ok(zero.groups.every((g) => g.outlier === false));
  });
});
