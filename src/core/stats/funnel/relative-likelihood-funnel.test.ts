import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { normalQuantile } from '../distributions.ts';
import { katzStandardError } from '../katz-log-interval.ts';
import { betweenGroupVariance, dispersionRatio } from './dispersion.ts';
import { relativeLikelihoodFunnel, type RelativeLikelihoodRow } from './relative-likelihood-funnel.ts';
import { winsorise } from './trim.ts';

function close(actual: number | null | undefined, expected: number, tolerance: number, message = ''): void {
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance, `${message} expected ${expected}, got ${actual}`);
}

const row = (group: string, events: number, population: number, comparisonEvents: number, comparisonPopulation: number): RelativeLikelihoodRow => ({
  group, events, population, comparisonEvents, comparisonPopulation,
});

describe('relativeLikelihoodFunnel', () => {
  test('worked example: 117/389 against 2/10 around a national ratio of 1.5', () => {
    const result = relativeLikelihoodFunnel([row('A', 117, 389, 2, 10)], { target: 1.5, level: 95 });
    const g = result.groups[0];
    close(g?.value, 1.504, 5e-4);
    close(g?.se, 0.6372, 5e-5);
    close(g?.limits95?.[0], 1.5 * Math.exp(-normalQuantile(0.975) * katzStandardError(117, 389, 2, 10)), 1e-12);
    // biome-ignore lint/suspicious/noApproximativeNumericConstant: 0.430 is the published lower limit, not log10(e)
    close(g?.limits95?.[0], 0.430, 5e-4);
    close(g?.limits95?.[1], 5.229, 5e-4);
    assert.equal(g?.outlier, false);
    assert.equal(g?.band, 'above');
    // One organisation: no between-organisation variance to estimate.
    assert.equal(result.tau2, 0);
    assert.equal(result.targetSource, 'national');
  });

  test('the pooled target and the overdispersion steps, by hand', () => {
    const rows = [
      row('A', 300, 1000, 120, 600),
      row('B', 80, 200, 20, 100),
      row('C', 50, 500, 40, 400),
      row('D', 200, 400, 30, 300),
      row('E', 90, 300, 45, 300),
      row('F', 20, 100, 10, 60),
    ];
    const result = relativeLikelihoodFunnel(rows);
    const pooled = (740 / 2500) / (265 / 1760);
    close(result.target, pooled, 1e-12);
    assert.equal(result.targetSource, 'pooled');
    const se = rows.map((r) => katzStandardError(r.events, r.population, r.comparisonEvents, r.comparisonPopulation));
    const z = rows.map((r, i) => (Math.log(r.events / r.population / (r.comparisonEvents / r.comparisonPopulation)) - Math.log(pooled)) / (se[i] ?? 1));
    const { phi, n } = dispersionRatio(winsorise(z));
    close(result.phi, phi, 1e-12);
    close(result.tau2, betweenGroupVariance(n, phi, se), 1e-12);
    assert.ok(result.phi > 1);
    assert.equal(result.judgedAgainst, 'adjusted');
    const d = result.groups[3];
    const spread = Math.sqrt((se[3] ?? 0) ** 2 + result.tau2);
    close(d?.adjusted998?.[1], pooled * Math.exp(normalQuantile(0.999) * spread), 1e-12);
    // D (RL 5.0) is far outside its unadjusted 99.8% limits but inside the adjusted ones: with six organisations
    // this far apart, τ² is large (0.131) and the allowance for overdispersion matters.
    assert.ok((d?.limits998?.[1] ?? 99) < 5);
    assert.equal(d?.direction, null);
    assert.equal(d?.band, 'above');
  });

  test('zero events: RL 0 with the corrected SE and left out of φ; no comparison events: undefined', () => {
    const result = relativeLikelihoodFunnel([row('A', 0, 50, 10, 100), row('B', 10, 100, 0, 80), row('C', 5, 50, 10, 100)], { target: 1 });
    const [a, b] = result.groups;
    assert.equal(a?.value, 0);
    close(a?.se, katzStandardError(0.5, 51, 10.5, 101), 1e-15);
    assert.equal(a?.zScore, null);
    assert.equal(a?.limits95?.[0] !== undefined && a.limits95[0] > 0, true);
    assert.equal(b?.value, null);
    assert.equal(b?.undefinedReason, 'noDenominatorEvents');
    assert.equal(b?.outlier, null);
    assert.equal(result.n, 1);
  });

  test('identical organisations: φ = 0, nobody outside, band reported', () => {
    const result = relativeLikelihoodFunnel(Array.from({ length: 8 }, (_, i) => row(`T${i}`, 30, 100, 20, 100)));
    close(result.target, 1.5, 1e-15);
    assert.equal(result.phi, 0);
    assert.equal(result.judgedAgainst, 'unadjusted');
    assert.ok(result.groups.every((g) => g.outlier === false && g.band === 'above'));
  });
});
