import assert from 'node:assert/strict';
import { test } from 'node:test';
import { surveyFunnel, type PeerOrganisation } from '../../core/comparisons/peer-funnels.ts';
import { describeFunnel, funnelChart, limitRuns, type FunnelChartCurvePoint, type FunnelChartOptions, type FunnelChartPoint } from './funnel-chart.ts';
import { assertAccessibleSvg, descOf, parseSvg, textOf } from './svg-contract.ts';

const curve: FunnelChartCurvePoint[] = [100, 200, 400, 800].map((x) => {
  const s95 = 1.96 * Math.sqrt(0.25 * 0.75 / x);
  const s998 = 3.09 * Math.sqrt(0.25 * 0.75 / x);
  return { x, limits95: [0.25 - s95, 0.25 + s95], limits998: [0.25 - s998, 0.25 + s998] };
});
const limitsAt = (x: number) => {
  const s = Math.sqrt(0.25 * 0.75 / x);
  return { limits95: [0.25 - 1.96 * s, 0.25 + 1.96 * s] as const, limits998: [0.25 - 3.09 * s, 0.25 + 3.09 * s] as const };
};
const points: FunnelChartPoint[] = [
  { label: 'Synthetic Trust A', x: 150, value: 0.26, ...limitsAt(150), highlighted: true },
  { label: 'B', x: 300, value: 0.24, ...limitsAt(300) },
  { label: 'C', x: 700, value: 0.33, ...limitsAt(700) },
  { label: 'D', x: 420, value: 0.2, ...limitsAt(420) },
  { label: 'E', x: null, value: null },
];
const options: FunnelChartOptions = {
  id: 'funnel-7', title: 'Indicator 7 funnel', unit: 'rate', target: 0.25, targetLabel: 'Peer figure', curve,
  xLabel: 'Ethnic minority respondents', yLabel: 'Percentage answering yes',
};

test('the funnel keeps the chart contract and is deterministic', () => {
  const svg = funnelChart(points, options);
  assertAccessibleSvg(svg, 'funnel-7');
  assert.equal(funnelChart(points, options), svg);
  assert.doesNotMatch(svg, /\sstyle\s*=/);
});

test('points, target, both limits and the highlighted organisation are drawn and named', () => {
  const svg = funnelChart(points, options);
  const root = parseSvg(svg);
  assert.equal(root.querySelectorAll('circle').length, 3 + 1, 'three other organisations and the legend circle');
  const text = textOf(svg);
  for (const expected of ['Peer figure, 25.0%', '95% limits', '99.8% limits', 'Synthetic Trust A: 26.0%', 'Other organisations', 'Ethnic minority respondents', 'Percentage answering yes']) {
    assert.ok(text.includes(expected), expected);
  }
  assert.match(svg, /stroke-dasharray="5,4"/, 'the 95% limits are dashed');
});

test('the description says where the highlighted organisation lies', () => {
  assert.equal(
    descOf(funnelChart(points, options)),
    '4 organisations; peer figure 25.0%. Synthetic Trust A 26.0%, inside the 95% limits. 1 outside the 99.8% limits; 1 between the 95% and 99.8% limits.',
  );
  const high = points.map((p) => (p.label === 'D' ? { ...p, highlighted: true } : { ...p, highlighted: false }));
  assert.match(describeFunnel(high, options), /D 20\.0%, below the 95% limits but inside the 99\.8% limits\./);
  const none = [{ label: 'X', x: 10, value: null, highlighted: true }, ...points.slice(1)];
  assert.match(describeFunnel(none, options), /X: not calculable\./);
});

test('empty and unusable input gives a labelled message', () => {
  const svg = funnelChart([], options);
  assertAccessibleSvg(svg, 'funnel-7');
  assert.ok(textOf(svg).includes('No data'));
  assert.equal(descOf(svg), 'No data.');
  assertAccessibleSvg(funnelChart([{ label: 'A', x: Number.NaN, value: 0.2 }], options), 'funnel-7');
});

test('relative likelihoods on a log scale, from the core funnel', () => {
  const org = (code: string, positive: number, respondents: number): PeerOrganisation => ({
    code, name: code, report: { year: 2025, indicators: {
      '2': { available: false }, '3': { available: false }, '4': { available: false }, '5': { available: false }, '6': { available: false },
      '7': { available: true, groups: { ethnicMinority: { positive, respondents } } }, '8': { available: false },
    } },
  });
  const funnel = surveyFunnel('7', [org('A', 40, 100), org('B', 300, 700), org('C', 90, 200), org('D', 10, 150)])!;
  const svg = funnelChart(funnel.points.map((p) => ({ label: p.name, x: p.x, value: p.value, limits95: p.limits95, limits998: p.limits998, highlighted: p.code === 'A' })),
    { ...options, target: funnel.target, curve: funnel.curve });
  assertAccessibleSvg(svg, 'funnel-7');
  const ratioSvg = funnelChart(
    [{ label: 'R', x: 20, value: 1.6, limits95: [0.9, 1.7], limits998: [0.7, 2.2], highlighted: true }, { label: 'S', x: 60, value: 1.1 }, { label: 'T', x: 5, value: 0.01 }],
    { ...options, id: 'funnel-2', unit: 'ratio', target: 1.2, targetLabel: 'National figure', curve: [{ x: 5, limits95: [0.5, 2.9], limits998: [0.3, 4.8] }, { x: 60, limits95: [0.93, 1.55], limits998: [0.8, 1.8] }] },
  );
  assertAccessibleSvg(ratioSvg, 'funnel-2');
  assert.ok(textOf(ratioSvg).includes('R: 1.60'));
  assert.ok(textOf(ratioSvg).includes('National figure, 1.20'));
});

test('a long name beside the highlighted point wraps rather than running off the chart', () => {
  const svg = funnelChart(
    [{ label: 'Synthetic Region NHS Trust 02 with a long name', x: 400, value: 0.26, highlighted: true }, { label: 'B', x: 800, value: 0.25 }],
    { ...options, width: 320 },
  );
  assertAccessibleSvg(svg, 'funnel-7');
  assert.ok(parseSvg(svg).querySelectorAll('tspan').length >= 2);
});

test('a limit beyond the plotted range is cut off where it crosses the edge', () => {
  const curve2: FunnelChartCurvePoint[] = [
    { x: 1, limits95: [-1, 3], limits998: [0.25, 4] },
    { x: 3, limits95: [0.5, 1], limits998: [0.5, 1] },
    { x: 5, limits95: [0.5, 1], limits998: [0.5, 1] },
  ];
  // Linear: x ↦ 10x, y ↦ 100 − 10y over 0 to 2. The upper 95% limit falls from 3 to 1 between x 1 and 3, so it
  // crosses 2 halfway, at x 2: pixel (20, 80), then runs on to (30, 90) and (50, 90).
  const linear = { x: (v: number) => 10 * v, y: (v: number) => 100 - 10 * v, yDomain: [0, 2] as const, log: false };
  assert.deepEqual(limitRuns(curve2, (c) => c.limits95[1], linear), [[{ x: 20, y: 80 }, { x: 30, y: 90 }, { x: 50, y: 90 }]]);
  // The lower one rises from −1 to 0.5: it crosses 0 two thirds of the way from x 1 to x 3, at x 1 + 2 × 2/3.
  const lower = limitRuns(curve2, (c) => c.limits95[0], linear);
  assert.equal(lower.length, 1);
  assert.ok(Math.abs(lower[0]![0]!.x - 10 * (1 + (2 * 2) / 3)) < 1e-9 && Math.abs(lower[0]![0]!.y - 100) < 1e-9, JSON.stringify(lower));
  // Log over 0.5 to 2: the upper 99.8% limit falls from 4 to 1; in logarithms it reaches 2 halfway, at x 2.
  const log = { x: (v: number) => 10 * v, y: (v: number) => -Math.log2(v), yDomain: [0.5, 2] as const, log: true };
  const upper = limitRuns(curve2, (c) => c.limits998[1], log);
  assert.equal(upper.length, 1);
  assert.ok(Math.abs(upper[0]![0]!.x - 20) < 1e-9 && Math.abs(upper[0]![0]!.y + 1) < 1e-9, JSON.stringify(upper));
  // A limit wholly outside draws nothing; one that leaves and comes back is two runs.
  assert.deepEqual(limitRuns(curve2, () => 5, linear), []);
  const inOut: FunnelChartCurvePoint[] = [1, 2, 3].map((x) => ({ x, limits95: [0, x === 2 ? 4 : 1], limits998: [0, 1] }));
  assert.equal(limitRuns(inOut, (c) => c.limits95[1], linear).length, 2);
});
