import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { FigureCount } from '../act/headline.ts';
import type { PublicFigure } from '../publish/report.ts';
import { findIndicator, ROLLUP_INDICATORS, regionSlug } from './indicators.ts';
import { pooledFigure, rollupIndicator, type RollupOrganisation } from './rollup.ts';

const close = (actual: number | null | undefined, expected: number, digits = 4) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < 10 ** -digits, `${actual} ≈ ${expected}`);

function figure(standard: string, indicator: string, counts: FigureCount[], status: PublicFigure['status'] = 'shown'): PublicFigure {
  return {
    year: 2025, standard, indicator, title: 't', kind: null, status, value: null, ci95: null,
    counts: status === 'shown' ? counts : [], smallNumbers: false, statement: null, note: null,
  };
}

function org(code: string, figures: PublicFigure[]): RollupOrganisation {
  return { code, name: `Trust ${code}`, synthetic: false, figures };
}

const survey = (events: number, population: number) => [{ group: 'ethnicMinority', events, population }];
const ratio = (a: number, n1: number, b: number, n2: number) => [{ group: 'white', events: a, population: n1 }, { group: 'ethnicMinority', events: b, population: n2 }];

describe('the pooled figure', () => {
  test('a relative likelihood from the summed counts, with the Katz interval of the sums (worked by hand)', () => {
    // A: 20 of 100 and 10 of 100; B: 30 of 200 and 20 of 100. Σ: 50 of 300 and 30 of 200.
    // RL = (50/300) ÷ (30/200) = 1.1111; SE = √(1/50 − 1/300 + 1/30 − 1/200) = √0.045 = 0.21213;
    // 95% interval exp(ln 1.1111 ± 1.959964 × 0.21213) = 0.7331 to 1.6839.
    const pooled = pooledFigure('ratio', [ratio(20, 100, 10, 100), ratio(30, 200, 20, 100)])!;
    assert.deepEqual(pooled.counts.map((c) => [c.group, c.events, c.population]), [['white', 50, 300], ['ethnicMinority', 30, 200]]);
    close(pooled.value, 1.1111);
    close(pooled.ci95?.[0], 0.7331);
    close(pooled.ci95?.[1], 1.6839);
    assert.equal(pooled.organisations, 2);
  });

  test('a percentage from the summed counts, with the Wilson interval of the sums (worked by hand)', () => {
    // 30 of 100 and 50 of 300: 80 of 400 = 20%; Wilson 95%: 16.37% to 24.20%.
    const pooled = pooledFigure('proportion', [survey(30, 100), survey(50, 300)])!;
    close(pooled.value, 0.2);
    close(pooled.ci95?.[0], 0.16374);
    close(pooled.ci95?.[1], 0.24197);
  });

  test('no organisations, no pooled figure', () => {
    assert.equal(pooledFigure('ratio', []), null);
  });
});

describe('an indicator across organisations', () => {
  const indicator = findIndicator('wres', '8')!;
  // Seven organisations of 400 respondents; the pooled figure is 580 of 2,800 = 20.714%.
  const sizes: [string, number][] = [['A', 80], ['B', 80], ['C', 80], ['D', 80], ['E', 78], ['F', 82], ['G', 100]];
  const organisations = [
    ...sizes.map(([code, events]) => org(code, [figure('wres', '8', survey(events, 400))])),
    org('H', [figure('wres', '8', survey(5, 40))]), // 5 is a count of 1 to 7: withheld, left out of the pool
    org('I', [figure('wres', '8', [], 'withheld')]),
    org('J', []),
  ];
  const result = rollupIndicator(indicator, organisations);

  test('withheld and missing figures are neither shown, pooled nor plotted', () => {
    assert.equal(result.shown, 7);
    assert.equal(result.withheld, 2);
    assert.equal(result.unavailable, 1);
    assert.equal(result.pooled!.counts[0]!.events, 580);
    assert.equal(result.pooled!.counts[0]!.population, 2800);
    const h = result.rows.find((r) => r.code === 'H')!;
    assert.equal(h.status, 'withheld');
    assert.deepEqual(h.counts, []);
    assert.equal(h.value, null);
    assert.equal(result.funnel!.points.some((p) => p.code === 'H'), false);
  });

  test('the league table runs from the highest figure to the lowest, withheld rows after', () => {
    assert.deepEqual(result.rows.map((r) => r.code), ['G', 'F', 'A', 'B', 'C', 'D', 'E', 'H', 'I', 'J']);
  });

  test('the funnel is centred on the pooled figure and classifies by its limits (worked by hand)', () => {
    // θ = 0.207143; arcsine limits at 400: sin²(asin √θ ± z ÷ (2√400)): 95% 0.16890 to 0.24820, 99.8% 0.14826 to 0.27300.
    // The organisations vary no more than chance (φ ≤ 1 once winsorised), so these unadjusted limits judge.
    const funnel = result.funnel!;
    close(funnel.target, 580 / 2800);
    assert.equal(funnel.judgedAgainst, 'unadjusted');
    const g = result.rows.find((r) => r.code === 'G')!;
    close(g.limits95?.[1], 0.24820);
    close(g.limits998?.[1], 0.27300);
    // G: 100 of 400 = 25%, above the 95% limit but inside the 99.8% one.
    assert.equal(g.position, 'between');
    assert.equal(g.direction, 'above');
    assert.ok(result.rows.filter((r) => r.code !== 'G' && r.status === 'shown').every((r) => r.position === 'inside95'));
    assert.deepEqual(result.distinguishable, {
      plotted: 7, outside998: { above: 0, below: 0 }, between: { above: 1, below: 0 }, inside95: 6, neighbourPairs: 6, overlappingPairs: 6,
    });
  });

  test('each organisation keeps its own counts and Wilson interval', () => {
    const a = result.rows.find((r) => r.code === 'A')!;
    close(a.value, 0.2);
    close(a.ci95?.[0], 0.16374);
    assert.deepEqual(a.counts, survey(80, 400));
  });

  test('fewer than three organisations with a figure: a pooled figure but no funnel', () => {
    const two = rollupIndicator(indicator, organisations.slice(0, 2));
    assert.equal(two.funnel, null);
    assert.equal(two.distinguishable, null);
    assert.equal(two.pooled!.organisations, 2);
  });

  test('a ratio indicator is pooled and plotted from both groups’ counts', () => {
    const wres2 = findIndicator('wres', '2')!;
    const orgs = [[20, 100, 10, 100], [30, 200, 20, 100], [40, 200, 40, 200], [25, 100, 25, 100]].map((c, i) => org(`R${i}`, [figure('wres', '2', ratio(...(c as [number, number, number, number])))]));
    const r = rollupIndicator(wres2, orgs);
    close(r.pooled!.value, (115 / 600) / (95 / 500));
    close(r.funnel!.target, (115 / 600) / (95 / 500));
    assert.equal(r.rows[0]!.code, 'R0'); // 2.00, the highest
    close(r.rows[0]!.value, 2);
  });
});

describe('the indicators and regions', () => {
  test('WRES 1–8 and WDES 1–8 (with 4a in three), never a board gap', () => {
    assert.deepEqual(ROLLUP_INDICATORS.filter((i) => i.standard === 'wres').map((i) => i.id), ['1', '2', '3', '4', '5', '6', '7', '8']);
    assert.equal(ROLLUP_INDICATORS.filter((i) => i.standard === 'wdes').length, 11);
    assert.equal(findIndicator('wres', '9'), null);
  });

  test('a region’s address', () => {
    assert.equal(regionSlug('North East and Yorkshire'), 'north-east-and-yorkshire');
    assert.equal(regionSlug('  London '), 'london');
  });
});
