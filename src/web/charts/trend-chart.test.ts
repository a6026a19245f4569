import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeTrend, trendChart, type TrendPoint } from './trend-chart.ts';
import { descOf, parseSvg, textOf } from './svg-contract.ts';

const ratios: TrendPoint[] = [
  { year: 2021, value: 1.61, ci95: [1.3, 2] },
  { year: 2022, value: null, ci95: null },
  { year: 2023, value: 1.3, ci95: [1.05, 1.6] },
  { year: 2024, value: 1.12, ci95: [0.91, 1.38] },
  { year: 2025, value: 0.95, ci95: [0.78, 1.16] },
];
const options = { id: 't', title: 'Trend', yLabel: 'Relative likelihood of appointment', unit: 'ratio' as const };

/** Line segments joining points: paths in the blue line group. */
function lineSegments(svg: string): number {
  return parseSvg(svg).querySelectorAll('g[stroke="#005eb8"][stroke-width="2.5"] path').length;
}

test('known values are joined, and the line breaks at a year with no figure', () => {
  const svg = trendChart(ratios, options);
  assert.equal(lineSegments(svg), 2, '2023–2024 and 2024–2025');
  const text = textOf(svg);
  assert.ok(text.includes('no figure'));
  for (const year of ['2021', '2022', '2023', '2024', '2025']) assert.ok(text.includes(year), year);
});

test('a single point has no line', () => {
  const svg = trendChart([{ year: 2025, value: 27.1, ci95: [25, 29.3] }], { ...options, unit: 'pct', yLabel: 'Staff experiencing harassment' });
  assert.equal(lineSegments(svg), 0);
  assert.equal(parseSvg(svg).querySelectorAll('circle').length, 1);
  assert.ok(textOf(svg).includes('27.1%'));
  assert.equal(descOf(svg), 'Staff experiencing harassment: 27.1% in 2025 (95% interval 25.0% to 29.3%).');
});

test('the years on the axis are whole years, thinned when crowded, always ending at the latest', () => {
  const many = Array.from({ length: 30 }, (_, i) => ({ year: 1996 + i, value: 1 + (i % 5) / 10, ci95: null }));
  const svg = trendChart(many, { ...options, width: 320 });
  const years = textOf(svg).split('\n').filter((t) => /^\d{4}$/.test(t)).map(Number);
  assert.ok(years.length >= 3 && years.length < 30, String(years));
  assert.equal(years[years.length - 1], 2025);
  assert.doesNotMatch(textOf(svg), /\d{4}\.\d/);
});

test('the reference range and line appear in the legend with their values', () => {
  const text = textOf(trendChart(ratios, { ...options, referenceBand: [0.8, 1.25], referenceBandLabel: 'Non-adverse range', referenceLine: 1 }));
  assert.ok(text.includes('Non-adverse range, 0.80 to 1.25'));
  assert.ok(text.includes('Equal likelihood, 1.00'));
});

test('the description gives the first and latest values and the missing years', () => {
  assert.equal(
    describeTrend(ratios, options),
    'Relative likelihood of appointment: 1.61 in 2021 (95% interval 1.30 to 2.00), and 0.95 in 2025 (95% interval 0.78 to 1.16). No figure for 2022.',
  );
  assert.equal(describeTrend([{ year: 2025, value: null, ci95: null }], options), 'Relative likelihood of appointment: no figures for 2025.');
  assert.equal(
    describeTrend([{ year: 2024, value: 0.25, ci95: null }, { year: 2025, value: 0.3, ci95: [0.2, 0.4] }], { ...options, unit: 'rate', yLabel: 'Rate', formatYear: (y) => `${y - 1}/${String(y).slice(2)}` }),
    'Rate: 25.0% in 2023/24, and 30.0% in 2024/25 (95% interval 20.0% to 40.0%).',
  );
});

test('percentage-point differences may be negative', () => {
  const svg = trendChart(
    [{ year: 2024, value: -8.3, ci95: null }, { year: 2025, value: 2.1, ci95: null }],
    { id: 't', title: 'T', yLabel: 'Board minus workforce', unit: 'pp', referenceLine: 0, referenceLineLabel: 'Same as the workforce' },
  );
  const text = textOf(svg);
  assert.ok(text.includes('\u22128.3') && text.includes('+2.1'));
  assert.ok(text.includes('Same as the workforce, 0.0'));
  assert.equal(descOf(svg), 'Board minus workforce: \u22128.3 percentage points in 2024, and +2.1 percentage points in 2025.');
});

test('values beyond a ratio axis are arrowheads and break the line', () => {
  const svg = trendChart(
    [{ year: 2023, value: 0, ci95: [0, 18.37] }, { year: 2024, value: 40, ci95: [3, 400] }, { year: 2025, value: 2, ci95: [1, 4] }],
    options,
  );
  assert.equal(lineSegments(svg), 0);
  assert.equal(parseSvg(svg).querySelectorAll('circle').length, 1);
  assert.ok((svg.match(/rotate\(180\)/g)?.length ?? 0) >= 2, 'pointing down');
});

test('a trajectory is drawn dashed to its horizon, beyond the last year with a figure, and described', () => {
  const shares: TrendPoint[] = [{ year: 2024, value: 10, ci95: [8, 12.4] }, { year: 2025, value: 11.5, ci95: [9.3, 14.1] }];
  const trajectory = { label: 'Trajectory to the goal', points: [2024, 2025, 2026, 2027, 2028].map((year) => ({ year, value: 10 + 2.5 * (year - 2024) })) };
  const svg = trendChart(shares, { ...options, unit: 'pct', yLabel: 'Ethnic minority share of Band 8a', referenceLine: 20, referenceLineLabel: 'Goal', trajectory });
  const dashed = parseSvg(svg).querySelectorAll('g[stroke="#7C2855"][stroke-dasharray="6,4"] path');
  // Four steps between five years, and one more short line in the legend.
  assert.equal(dashed.length, 5);
  const text = textOf(svg);
  for (const year of ['2024', '2026', '2028']) assert.ok(text.includes(year), year);
  assert.ok(text.includes('Trajectory to the goal'));
  assert.ok(text.includes('Goal, 20.0%'));
  assert.doesNotMatch(text, /no figure/, 'years on the trajectory alone are not missing figures');
  assert.equal(
    descOf(svg),
    'Ethnic minority share of Band 8a: 10.0% in 2024 (95% interval 8.0% to 12.4%), and 11.5% in 2025 (95% interval 9.3% to 14.1%). Trajectory to the goal: 10.0% in 2024 to 20.0% in 2028.',
  );
});
