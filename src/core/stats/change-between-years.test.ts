import assert from 'node:assert/strict';
import { test } from 'node:test';
import { beyondChance, proportionChange, relativeLikelihoodChange } from './change-between-years.ts';

const near = (actual: number, expected: number, tolerance: number, what: string) =>
  assert.ok(Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

test('a change in a percentage has Newcombe’s hybrid score interval (his published examples)', () => {
  // Newcombe 1998, table II, method 10: (a) 56/70 − 48/80 → 0.0524 to 0.3339; (b) 9/10 − 3/10 → 0.1705 to 0.8090.
  const a = proportionChange({ events: 48, population: 80 }, { events: 56, population: 70 })!;
  near(a.differencePp, 20, 1e-9, 'difference (a)');
  near(a.ci95[0], 5.24, 0.005, 'lower (a)');
  near(a.ci95[1], 33.39, 0.005, 'upper (a)');
  const b = proportionChange({ events: 3, population: 10 }, { events: 9, population: 10 })!;
  near(b.ci95[0], 17.05, 0.005, 'lower (b)');
  near(b.ci95[1], 80.90, 0.005, 'upper (b)');
  // A fall is the mirror image.
  const fall = proportionChange({ events: 56, population: 70 }, { events: 48, population: 80 })!;
  near(fall.ci95[0], -33.39, 0.005, 'lower of the fall');
  near(fall.ci95[1], -5.24, 0.005, 'upper of the fall');
  assert.equal(proportionChange({ events: 0, population: 0 }, { events: 1, population: 5 }), null);
});

test('a change in a relative likelihood combines the two years’ Katz standard errors', () => {
  const before = { numerator: { events: 100, population: 400 }, denominator: { events: 20, population: 100 } };
  const now = { numerator: { events: 117, population: 389 }, denominator: { events: 2, population: 10 } };
  const change = relativeLikelihoodChange(before, now)!;
  // By hand: RL 1.25 (SE √(1/100 − 1/400 + 1/20 − 1/100) = 0.21794) then 1.50386 (SE 0.63720); ratio 1.20308;
  // SE of the log ratio √(0.21794² + 0.63720²) = 0.67344; exp(ln 1.20308 ± 1.95996 × 0.67344) = 0.3214 to 4.5030.
  near(change.ratio, (117 / 389) / 0.2 / 1.25, 1e-12, 'ratio');
  near(change.ci95[0], 0.3214, 0.0001, 'lower');
  near(change.ci95[1], 4.5030, 0.0001, 'upper');
  assert.equal(beyondChance(change.ci95, 1), false);
  // Larger counts with the same rates give a narrower interval that leaves out 1.
  const scaled = (y: typeof before, k: number) => ({
    numerator: { events: y.numerator.events * k, population: y.numerator.population * k },
    denominator: { events: y.denominator.events * k, population: y.denominator.population * k },
  });
  const big = relativeLikelihoodChange(scaled(before, 20), { numerator: { events: 2340, population: 7780 }, denominator: { events: 400, population: 2000 } })!;
  assert.equal(beyondChance(big.ci95, 1), true);
  // No events in a group: no standard error, so no judgement.
  assert.equal(relativeLikelihoodChange(before, { ...now, denominator: { events: 0, population: 10 } }), null);
});

test('beyond chance means the interval leaves out no change', () => {
  assert.equal(beyondChance([0.5, 0.9], 1), true);
  assert.equal(beyondChance([0.5, 1], 1), false);
  assert.equal(beyondChance([-3, -0.1], 0), true);
  assert.equal(beyondChance([-3, 2], 0), false);
});
