import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WRES_3, WRES_7 } from '../../wres/definitions.ts';
import { type AnnualSeries, evaluateAnnual, evaluateIntervention, poolPeers, rateDifferenceInDifferences, ratioDifferenceInDifferences, yearsAround } from './index.ts';

const near = (actual: number | null | undefined, expected: number, tolerance: number, what: string) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) <= tolerance, `${what}: ${actual} is not within ${tolerance} of ${expected}`);

test('difference in differences of rates, worked by hand', () => {
  // Here 30 of 100 then 45 of 100 (+15 points); peers 300 of 1,000 then 330 of 1,000 (+3 points) → +12.0 points.
  // Variance 0.45·0.55/100 + 0.3·0.7/100 + 0.33·0.67/1000 + 0.3·0.7/1000 = 0.002475 + 0.0021 + 0.0002211 + 0.00021
  // = 0.0050061; SE 0.0707538; 12 ∓ 1.959964 × 7.07538 = −1.8675 to +25.8675 points.
  const did = rateDifferenceInDifferences(
    { before: { events: 30, population: 100 }, after: { events: 45, population: 100 } },
    { before: { events: 300, population: 1000 }, after: { events: 330, population: 1000 } },
  )!;
  near(did.estimate, 12, 1e-9, 'estimate');
  near(did.standardError, Math.sqrt(0.0050061), 1e-12, 'SE');
  near(did.ci95[0], -1.8675, 0.0001, 'lower');
  near(did.ci95[1], 25.8675, 0.0001, 'upper');
  near(did.changeWith, 15, 1e-9, 'change here');
  near(did.changeWithout, 3, 1e-9, 'change among peers');
  assert.equal(did.noChange, 0);
  assert.equal(rateDifferenceInDifferences({ before: { events: 0, population: 0 }, after: { events: 1, population: 10 } }, { before: { events: 1, population: 10 }, after: { events: 1, population: 10 } }), null);
});

test('difference in differences of relative likelihoods, on the log scale, worked by hand', () => {
  // Here RL 2.0 (20/200 against 20/400) then 1.0 (10/200 against 20/400); peers RL 2.0 then 1.8.
  // ln(1.0/2.0) − ln(1.8/2.0) = −0.693147 + 0.105361 = −0.587787 → 0.5556.
  // Katz variances: 1/20 − 1/200 + 1/20 − 1/400 = 0.0925; 1/10 − 1/200 + 1/20 − 1/400 = 0.1425;
  // 1/100 − 1/1000 + 1/100 − 1/2000 = 0.0185; 1/90 − 1/1000 + 1/100 − 1/2000 = 0.0196111; sum 0.2731111, SE 0.5226003.
  // exp(−0.587787 ∓ 1.959964 × 0.5226003) = 0.19948 to 1.54727.
  const year = (a: number, n1: number, b: number, n2: number) => ({ numerator: { events: a, population: n1 }, denominator: { events: b, population: n2 } });
  const did = ratioDifferenceInDifferences({ before: year(20, 200, 20, 400), after: year(10, 200, 20, 400) }, { before: year(100, 1000, 100, 2000), after: year(90, 1000, 100, 2000) })!;
  near(did.estimate, 5 / 9, 1e-12, 'estimate');
  near(did.standardError, Math.sqrt(0.2731111111111111), 1e-12, 'SE');
  near(did.ci95[0], 0.19948, 0.00001, 'lower');
  near(did.ci95[1], 1.54727, 0.00001, 'upper');
  near(did.changeWith, 0.5, 1e-12, 'change here');
  near(did.changeWithout, 0.9, 1e-12, 'change among peers');
  assert.equal(did.noChange, 1);
  assert.equal(ratioDifferenceInDifferences({ before: year(0, 200, 20, 400), after: year(10, 200, 20, 400) }, { before: year(100, 1000, 100, 2000), after: year(90, 1000, 100, 2000) }), null);
});

test('the years either side of the start leave out the year the start falls in', () => {
  assert.deepEqual(yearsAround('2024-01-15', [2022, 2023, 2024, 2025, 2026]), { before: 2023, after: 2026 });
  assert.deepEqual(yearsAround('2024-04-01', [2023, 2024, 2025]), { before: 2024, after: 2025 });
  assert.deepEqual(yearsAround('2024-06-01', [2024, 2025]), { before: 2024, after: null });
  assert.deepEqual(yearsAround('2020-06-01', [2024, 2025]), { before: null, after: 2025 });
});

test('peers are pooled, and the change here is read against theirs', () => {
  const rate = (years: [number, number, number][]): AnnualSeries => ({ measure: 'rate', years: years.map(([year, events, population]) => ({ year, counts: { events, population } })) });
  // Two peers, 100 of 500 and 200 of 500 in 2024 (300 of 1,000), 150 of 500 and 180 of 500 in 2026 (330 of 1,000);
  // the second has no 2023, so 2023 is left out of the pool.
  const pooled = poolPeers([rate([[2023, 1, 10], [2024, 100, 500], [2026, 150, 500]]), rate([[2024, 200, 500], [2026, 180, 500]])])!;
  assert.deepEqual(pooled, rate([[2024, 300, 1000], [2026, 330, 1000]]));
  assert.equal(poolPeers([]), null);
  // The start, 1 June 2024, falls in reporting year 2025, which is neither before nor after.
  const own = rate([[2024, 30, 100], [2025, 40, 100], [2026, 45, 100]]);
  const a = evaluateAnnual(own, '2024-06-01', 'increase', pooled);
  assert.equal(a.before?.year, 2024);
  assert.equal(a.after?.year, 2026);
  assert.equal(a.reading, 'improvement', '30 of 100 to 45 of 100 is more than chance');
  near(a.differenceInDifferences?.estimate, 12, 1e-9, 'difference in differences');
  assert.equal(a.didReading, 'no-change');
  const e = evaluateIntervention({ definition: WRES_7, measure: 'rate', start: '2024-06-01', annual: own, peers: pooled });
  assert.equal(e.verdict, 'consistent-with-intervention');
  assert.equal(
    e.sentences[2],
    "Where it did not happen, the figure changed by a similar amount: the difference in differences, +12.0 points (95% interval −1.9 to +25.9; their change +3.0 points), is within what chance alone could give, so the change here may not be the intervention's.",
  );
  // Peers without one of the years: no comparison, said so.
  const partial = evaluateAnnual(own, '2024-06-01', 'increase', rate([[2024, 300, 1000]]));
  assert.equal(partial.differenceInDifferences, null);
  assert.equal(partial.didReading, 'no-figure');
  // Relative likelihoods: the disciplinary ratio falls from 2.0 to 1.0 here, from 2.0 to 1.8 among peers.
  const rl = (rows: [number, number, number, number, number][]): AnnualSeries => ({
    measure: 'relativeLikelihood',
    years: rows.map(([year, a1, n1, b, n2]) => ({ year, counts: { numerator: { events: a1, population: n1 }, denominator: { events: b, population: n2 } } })),
  });
  const r = evaluateIntervention({
    definition: WRES_3,
    measure: 'relativeLikelihood',
    start: '2024-04-01',
    annual: rl([[2024, 20, 200, 20, 400], [2025, 10, 200, 20, 400]]),
    peers: rl([[2024, 100, 1000, 100, 2000], [2025, 90, 1000, 100, 2000]]),
  });
  assert.equal(r.direction, 'decrease', 'from 2.0, lower is better');
  near(r.annual?.differenceInDifferences?.estimate, 5 / 9, 1e-12, 'ratio of ratios');
  assert.equal(r.annual?.didReading, 'no-change');
  assert.throws(() => evaluateAnnual(own, '2024-06-01', 'increase', rl([[2024, 1, 2, 1, 2]])), RangeError);
});
