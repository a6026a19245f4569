import assert from 'node:assert/strict';
import { test } from 'node:test';
import { funnelPlot } from '../stats/funnel/funnel-plot.ts';
import { relativeLikelihoodFunnel } from '../stats/funnel/relative-likelihood-funnel.ts';
import { katzLogInterval } from '../stats/katz-log-interval.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { peerFunnels, positionOf, type PeerOrganisation, type PeerRatioInput, type PeerSurveyInput } from './peer-funnels.ts';

const ratio = (white: [number, number], em: [number, number], numerator: 'white' | 'ethnicMinority' = 'white'): PeerRatioInput => ({
  available: true,
  orientation: { numerator, denominator: numerator === 'white' ? 'ethnicMinority' : 'white' },
  groups: { white: { events: white[0], population: white[1] }, ethnicMinority: { events: em[0], population: em[1] } },
});
const survey = (positive: number, respondents: number): PeerSurveyInput => ({ available: true, groups: { ethnicMinority: { positive, respondents } } });
const missing = { available: false } as const;

/** A hand-built report: indicator 7's ethnic minority counts and indicator 2's appointment counts vary by organisation. */
function organisation(code: string, em7: [number, number], appoint: { white: [number, number]; em: [number, number] }, year = 2025): PeerOrganisation {
  return {
    code,
    name: `Organisation ${code}`,
    report: {
      year,
      indicators: {
        '2': ratio(appoint.white, appoint.em),
        '3': ratio([10, 1000], [13, 400], 'ethnicMinority'),
        '4': missing,
        '5': survey(Math.round(em7[1] * 0.29), em7[1]),
        '6': survey(Math.round(em7[1] * 0.28), em7[1]),
        '7': survey(em7[0], em7[1]),
        '8': survey(Math.round(em7[1] * 0.16), em7[1]),
      },
    },
  };
}

const PEERS: PeerOrganisation[] = [
  organisation('A', [200, 450], { white: [300, 1000], em: [120, 600] }),
  organisation('B', [90, 200], { white: [150, 500], em: [70, 350] }),
  organisation('C', [420, 900], { white: [600, 2000], em: [250, 1300] }),
  organisation('D', [150, 300], { white: [200, 700], em: [60, 500] }),
  organisation('E', [30, 250], { white: [100, 400], em: [40, 200] }),
];

test('survey funnels are the FunnelPlotR proportions of ethnic minority respondents', () => {
  const result = peerFunnels(2025, PEERS);
  const f7 = result.funnels['7'];
  assert.ok(f7);
  const counts = PEERS.map((p) => {
    const minority = p.report.indicators['7'].groups?.ethnicMinority;
    assert.ok(minority, `${p.code} has indicator 7 for ethnic minority staff`);
    return { group: p.code, numerator: minority.positive, denominator: minority.respondents };
  });
  const direct = funnelPlot(counts, { dataType: 'proportion' });
  assert.equal(f7.kind, 'proportion');
  assert.equal(f7.target, direct.target);
  assert.equal(f7.phi, direct.phi);
  assert.equal(f7.judgedAgainst, direct.judgedAgainst);
  for (const [i, p] of f7.points.entries()) {
    const g = direct.groups[i]!;
    assert.equal(p.value, g.value);
    assert.equal(p.x, g.denominator);
    assert.deepEqual(p.limits998, direct.judgedAgainst === 'adjusted' ? g.adjusted998 : g.limits998);
    assert.equal(p.outlier998, g.outlier, `${p.code} flag agrees with the engine at 99.8%`);
  }
  // E (12%) is far below the pooled share.
  const e = f7.points.find((p) => p.code === 'E')!;
  assert.equal(e.direction, 'below');
  assert.notEqual(e.position, 'inside95');
  assert.ok(f7.curve.length >= 2);
  for (const c of f7.curve) assert.ok(c.limits998[0] <= c.limits95[0] && c.limits95[1] <= c.limits998[1]);
});

test('relative-likelihood funnels use the pooled target, or a national one when given', () => {
  const pooled = peerFunnels(2025, PEERS).funnels['2']!;
  const direct = relativeLikelihoodFunnel(PEERS.map((p) => {
    const g = p.report.indicators['2'].groups!;
    return { group: p.code, events: g['white']!.events, population: g['white']!.population, comparisonEvents: g['ethnicMinority']!.events, comparisonPopulation: g['ethnicMinority']!.population };
  }));
  assert.equal(pooled.target, direct.target);
  assert.equal(pooled.targetSource, 'pooled');
  assert.deepEqual(pooled.points.map((p) => p.value), direct.groups.map((g) => g.value));
  assert.deepEqual(pooled.points.map((p) => p.x), direct.groups.map((g) => g.precision));
  const national = peerFunnels(2025, PEERS, { nationalTargets: { '2': 1.5 } }).funnels['2']!;
  assert.equal(national.target, 1.5);
  assert.equal(national.targetSource, 'national');
  // Indicator 3 has the numerator the other way round (ethnic minority ÷ White): 13/400 ÷ 10/1000 = 3.25.
  assert.ok(Math.abs(peerFunnels(2025, PEERS).funnels['3']!.points[0]!.value! - 3.25) < 1e-12);
});

test('no funnel without three organisations with a figure; missing indicators are not calculable', () => {
  const result = peerFunnels(2025, PEERS);
  assert.equal(result.funnels['4'], null);
  assert.equal(result.benchmark.length, 5);
  assert.equal(result.benchmark[0]!.figures['4'].position, 'notCalculable');
  assert.equal(peerFunnels(2025, PEERS.slice(0, 2)).funnels['7'], null);
  // Another year's report is left out.
  const mixed = peerFunnels(2025, [...PEERS.slice(0, 2), organisation('Z', [100, 200], { white: [1, 10], em: [1, 10] }, 2024)]);
  assert.equal(mixed.organisations, 2);
  assert.equal(mixed.funnels['7'], null);
  // An organisation without survey data is listed, not plotted.
  const withGap: PeerOrganisation[] = [...PEERS, { code: 'F', name: 'F', report: { ...PEERS[0]!.report, indicators: { ...PEERS[0]!.report.indicators, '7': missing } } }];
  const f7 = peerFunnels(2025, withGap).funnels['7']!;
  assert.equal(f7.plotted, 5);
  assert.equal(f7.points.find((p) => p.code === 'F')!.position, 'notCalculable');
});

test('benchmark rows carry each figure and where it lies', () => {
  const result = peerFunnels(2025, PEERS);
  const row = result.benchmark.find((r) => r.code === 'E')!;
  assert.equal(row.figures['7'].value, 30 / 250);
  assert.equal(row.figures['7'].direction, 'below');
  assert.equal(positionOf(0.5, [0.4, 0.6], [0.3, 0.7]), 'inside95');
  assert.equal(positionOf(0.65, [0.4, 0.6], [0.3, 0.7]), 'between');
  assert.equal(positionOf(0.6, [0.4, 0.6], [0.3, 0.7]), 'inside95', 'on a limit is inside');
  assert.equal(positionOf(0.8, [0.4, 0.6], [0.3, 0.7]), 'outside998');
  assert.equal(positionOf(null, null, null), 'notCalculable');
});

test("each plotted figure carries its own 95% interval: Katz for ratios, Wilson for the survey", () => {
  const result = peerFunnels(2025, PEERS);
  const a2 = result.funnels['2']!.points.find((p) => p.code === 'A')!;
  // 300/1000 White against 120/600 ethnic minority: the interval every other relative likelihood in Mirror has.
  assert.deepEqual(a2.ci95, katzLogInterval(300, 1000, 120, 600));
  const a3 = result.funnels['3']!.points.find((p) => p.code === 'A')!;
  assert.deepEqual(a3.ci95, katzLogInterval(13, 400, 10, 1000), 'indicator 3 the other way round');
  const e7 = result.funnels['7']!.points.find((p) => p.code === 'E')!;
  assert.deepEqual(e7.ci95, wilsonInterval(30, 250));
  const withGap: PeerOrganisation[] = [...PEERS, { code: 'F', name: 'F', report: { ...PEERS[0]!.report, indicators: { ...PEERS[0]!.report.indicators, '7': missing } } }];
  assert.equal(peerFunnels(2025, withGap).funnels['7']!.points.find((p) => p.code === 'F')!.ci95, null);
});
