import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spc } from '../../core/stats/spc/index.ts';
import { describeSpc, spcChart, type SpcChartOptions } from './spc-chart.ts';
import { assertAccessibleSvg, descOf, parseSvg, textOf } from './svg-contract.ts';

const months = (n: number) => Array.from({ length: n }, (_, i) => `${2023 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);
/** 20 months around 1.5, then a drop to 0.6 for the last two (below the lower limit: an improvement when lower is better). */
const values = [1.5, 1.6, 1.4, 1.55, 1.45, 1.5, 1.62, 1.38, 1.5, 1.52, null, 1.48, 1.5, 1.6, 1.4, 1.55, 1.45, 1.5, 1.5, 1.45, 0.6, 0.5];
const series = spc(months(values.length).map((date, i) => ({ date, value: values[i] ?? null })), { direction: 'decrease' });
const options: SpcChartOptions = {
  id: 'spc', title: 'Monthly relative likelihood', yLabel: 'Relative likelihood of appointment', unit: 'ratio',
  variation: series.variation, assurance: series.assurance, referenceLine: 1,
};

test('the chart keeps the contract and is deterministic', () => {
  const svg = spcChart(series.points, options);
  assertAccessibleSvg(svg, 'spc');
  assert.equal(spcChart(series.points, options), svg);
  for (const width of [320, 1200]) assertAccessibleSvg(spcChart(series.points, { ...options, width, id: `w${width}` }), `w${width}`);
  const run = spcChart(series.points.slice(0, 5), { ...options, id: 'run', showLimits: false });
  assertAccessibleSvg(run, 'run');
  assertAccessibleSvg(spcChart([], { ...options, id: 'none' }), 'none');
  assert.ok(textOf(spcChart([], options)).includes('No data'));
});

test('special-cause points differ in shape, not only colour, and the legend names the shapes', () => {
  assert.equal(series.points[21]?.pointType, 'special_cause_improvement');
  const svg = spcChart(series.points, options);
  const root = parseSvg(svg);
  // Circles for common cause; Plot draws other symbols as paths.
  const circles = root.querySelectorAll('circle').length;
  assert.ok(circles >= 15, `common-cause circles: ${circles}`);
  const text = textOf(svg);
  assert.ok(text.includes('Common cause (circle)'));
  assert.ok(text.includes('Special cause improvement (square)'));
  assert.ok(!text.includes('diamond'), 'no concern points, so no concern legend');
  assert.ok(text.includes('Mean') && text.includes('Process limits') && text.includes('Equal likelihood, 1.00'));
  assert.ok(text.includes('Month with no figure'));
  // A concern shows as a diamond with the other direction.
  const worse = spc(months(values.length).map((date, i) => ({ date, value: values[i] ?? null })), { direction: 'increase' });
  assert.ok(textOf(spcChart(worse.points, { ...options, variation: worse.variation })).includes('Special cause concern (diamond)'));
});

test('the description names the variation and assurance readings, the limits and the gaps', () => {
  const desc = descOf(spcChart(series.points, options));
  assert.match(desc, /^Relative likelihood of appointment, 22 months from Apr 2023 to Jan 2025: latest 0\.50 in Jan 2025\./);
  assert.match(desc, /Process limits \d\.\d\d to \d\.\d\d\./);
  assert.match(desc, /Variation: special cause improvement: a real change for the better, downwards\./);
  assert.match(desc, /Assurance: none, as no target is set\./);
  assert.match(desc, /No figure for Feb 2024\./);
});

test('a run chart has no limits and says why', () => {
  const few = spc(months(6).map((date, i) => ({ date, value: 20 + i })), { direction: 'increase' });
  const svg = spcChart(few.points, { ...options, unit: 'pct', yLabel: 'Appointment rate', showLimits: false, referenceLine: null });
  assert.ok(!textOf(svg).includes('Process limits'));
  assert.equal(parseSvg(svg).querySelectorAll('circle').length, 7, 'six points and the legend');
  assert.equal(
    describeSpc(few.points, { ...options, unit: 'pct', yLabel: 'Appointment rate', showLimits: false }),
    'Appointment rate, 6 months from Apr 2023 to Sep 2023: latest 25.0% in Sep 2023. Mean 22.5%. Too few months for process limits: a run chart only, with no variation or assurance reading.',
  );
});
