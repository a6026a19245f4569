/** The contract every chart keeps, over ordinary, empty, missing, single and extreme inputs. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { forestPlot, type ForestRow } from './forest-plot.ts';
import { rateComparison, type RateGroup } from './rate-comparison.ts';
import { representationByBand, type BandShare } from './representation-by-band.ts';
import { assertAccessibleSvg, descOf, textOf } from './svg-contract.ts';
import { trendChart, type TrendPoint } from './trend-chart.ts';

const forestCases: Record<string, ForestRow[]> = {
  typical: [
    { label: 'Asian or Asian British', value: 1.52, ci95: [1.4, 1.65] },
    { label: 'Black or Black British', value: 0.8, ci95: [0.5, 1.2] },
    { label: 'Mixed', value: null, ci95: null, note: 'withheld' },
    { label: 'Other ethnic groups (including Chinese)', value: null, ci95: null },
  ],
  empty: [],
  single: [{ label: 'All ethnic minority applicants', value: 1.12, ci95: [0.91, 1.38] }],
  allNull: [{ label: 'A', value: null, ci95: null, note: 'withheld' }],
  extreme: [
    { label: 'Ratio 0', value: 0, ci95: [0, 18.37] },
    { label: 'Ratio 40', value: 40, ci95: [12, 133] },
    { label: 'Tiny', value: 0.001, ci95: [0.0001, 0.01] },
    { label: 'Interval only on one side', value: 9.9, ci95: [0.05, 9.95] },
    { label: 'Not finite', value: Number.NaN, ci95: [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY] },
    { label: 'Negative', value: -1, ci95: [-2, 3] },
    { label: 'No interval', value: 2.5, ci95: null },
  ],
  awkwardLabels: [
    { label: '<script>alert(1)</script> & "quotes"', value: 1, ci95: [0.9, 1.1] },
    { label: 'A very long label that will not fit on one line at the narrowest width the charts allow, so it wraps', value: 1.3, ci95: [1.1, 1.5] },
    { label: '', value: 1.1, ci95: [1, 1.2] },
  ],
};

const rateCases: Record<string, RateGroup[]> = {
  typical: [
    { label: 'White applicants', value: 0.301, ci95: [0.257, 0.348] },
    { label: 'Ethnic minority applicants', value: 0.198, ci95: [0.15, 0.256] },
    { label: 'Applicants whose ethnicity is unknown', value: 0.05, ci95: [0.01, 0.2] },
  ],
  empty: [],
  single: [{ label: 'White staff', value: 0.27, ci95: [0.25, 0.29] }],
  allNull: [{ label: 'White staff', value: null, ci95: null }, { label: 'Ethnic minority staff', value: null, ci95: null }],
  extreme: [
    { label: 'None', value: 0, ci95: [0, 0.1837] },
    { label: 'All', value: 1, ci95: [0.9, 1] },
    { label: 'Broken', value: Number.NaN, ci95: [Number.NaN, 1] },
  ],
};

const bandCases: Record<string, { rows: BandShare[]; workforce: { count: number; total: number } }> = {
  typical: {
    rows: [
      { group: 'Non-clinical', label: 'Band 2', count: 40, total: 310 },
      { group: 'Non-clinical', label: 'Band 8a', count: 50, total: 205 },
      { group: 'Clinical', label: 'Band 5', count: 410, total: 890 },
      { group: 'Clinical', label: 'Band 9', count: 0, total: 0 },
      { group: 'Medical and dental', label: 'Consultants', count: 120, total: 260 },
    ],
    workforce: { count: 620, total: 1665 },
  },
  empty: { rows: [], workforce: { count: 0, total: 0 } },
  single: { rows: [{ label: 'Band 5', count: 50, total: 205 }], workforce: { count: 50, total: 205 } },
  allNull: { rows: [{ label: 'Band 9', count: 0, total: 0 }], workforce: { count: 10, total: 100 } },
  extreme: {
    rows: [
      { label: 'Nobody', count: 0, total: 12 },
      { label: 'Everybody', count: 1205, total: 1205 },
      { label: 'Broken', count: Number.NaN, total: Number.POSITIVE_INFINITY },
    ],
    workforce: { count: 1205, total: 1217 },
  },
};

const trendCases: Record<string, TrendPoint[]> = {
  typical: [
    { year: 2021, value: 1.61, ci95: [1.3, 2] },
    { year: 2022, value: null, ci95: null },
    { year: 2023, value: 1.3, ci95: [1.05, 1.6] },
    { year: 2024, value: 1.12, ci95: [0.91, 1.38] },
    { year: 2025, value: 0.95, ci95: [0.78, 1.16] },
  ],
  empty: [],
  single: [{ year: 2025, value: 1.2, ci95: [0.9, 1.5] }],
  allNull: [{ year: 2024, value: null, ci95: null }, { year: 2025, value: null, ci95: null }],
  extreme: [
    { year: 2000, value: 0, ci95: [0, 18.37] },
    { year: 2001, value: 40, ci95: [3, 400] },
    { year: 2002.5, value: 1, ci95: [1, 1] },
    { year: Number.NaN, value: 1, ci95: null },
    { year: 2030, value: Number.POSITIVE_INFINITY, ci95: [Number.NaN, 2] },
    ...Array.from({ length: 20 }, (_, i) => ({ year: 2003 + i, value: 1 + i / 10, ci95: [0.5 + i / 10, 1.5 + i / 10] as [number, number] })),
  ],
};

type Render = (id: string) => string;

function allCharts(): { name: string; render: Render }[] {
  const charts: { name: string; render: Render }[] = [];
  for (const [name, rows] of Object.entries(forestCases)) {
    charts.push({ name: `forest ${name}`, render: (id) => forestPlot(rows, { id, title: 'Relative likelihood' }) });
  }
  for (const [name, groups] of Object.entries(rateCases)) {
    charts.push({ name: `rates ${name}`, render: (id) => rateComparison(groups, { id, title: 'Appointment rates', unit: 'rate' }) });
  }
  for (const [name, c] of Object.entries(bandCases)) {
    charts.push({ name: `bands ${name}`, render: (id) => representationByBand(c.rows, { id, title: 'By band', workforce: c.workforce }) });
  }
  for (const [name, points] of Object.entries(trendCases)) {
    for (const unit of ['ratio', 'pct', 'rate', 'pp'] as const) {
      charts.push({
        name: `trend ${name} ${unit}`,
        render: (id) =>
          trendChart(points, { id, title: 'Trend', yLabel: 'Measure', unit, referenceBand: [0.8, 1.25], referenceLine: 1 }),
      });
    }
  }
  return charts;
}

test('every chart is an accessible, self-contained, CSP-safe SVG', () => {
  for (const { name, render } of allCharts()) {
    const id = `chart-${name.replace(/\W+/g, '-').toLowerCase()}`;
    try {
      assertAccessibleSvg(render(id), id);
    } catch (error) {
      assert.fail(`${name}: ${(error as Error).message}`);
    }
  }
});

test('every chart is deterministic, even with other charts drawn in between', () => {
  const charts = allCharts();
  const first = charts.map((c) => c.render('chart-x'));
  const second = [...charts].reverse().map((c) => c.render('chart-x')).reverse();
  for (const [i, c] of charts.entries()) assert.equal(second[i], first[i], c.name);
});

test('ids inside a chart all derive from its own id', () => {
  for (const { name, render } of allCharts()) {
    const ids = [...render('mine').matchAll(/\sid="([^"]*)"/g)].map((m) => m[1]);
    assert.deepEqual(ids, ['mine', 'mine-title', 'mine-desc'], name);
  }
});

test('empty input says "No data"', () => {
  const charts = [
    forestPlot([], { id: 'a', title: 'T' }),
    rateComparison([], { id: 'b', title: 'T', unit: 'pct' }),
    representationByBand([], { id: 'c', title: 'T', workforce: { count: 0, total: 0 } }),
    representationByBand([{ label: 'Band 9', count: 0, total: 0 }], { id: 'd', title: 'T', workforce: { count: 1, total: 2 } }),
    trendChart([], { id: 'e', title: 'T', yLabel: 'Y', unit: 'ratio' }),
  ];
  for (const svg of charts) {
    assert.equal(textOf(svg), 'No data');
    assert.equal(descOf(svg), 'No data.');
  }
});

test('a description given by the page replaces the generated one', () => {
  const svg = forestPlot(forestCases['single']!, { id: 'a', title: 'T', description: 'Custom & <b>words</b>.' });
  assert.equal(descOf(svg), 'Custom & <b>words</b>.');
  assert.match(svg, /Custom &amp; &lt;b&gt;words&lt;\/b&gt;\./);
});

test('labels are escaped, not interpreted', () => {
  const svg = forestPlot(forestCases['awkwardLabels']!, { id: 'a', title: '<script>' });
  assert.doesNotMatch(svg, /<script/);
  assert.match(svg, /&lt;script&gt;alert\(1\)&lt;\/script&gt; &amp; "quotes"/);
});

test('an invalid id or an empty title is a programming error', () => {
  assert.throws(() => forestPlot([], { id: 'has space', title: 'T' }), RangeError);
  assert.throws(() => rateComparison([], { id: 'ok', title: '  ', unit: 'pct' }), RangeError);
});

test('the width option changes the viewBox and is kept within limits', () => {
  const rows = forestCases['typical']!;
  assert.match(forestPlot(rows, { id: 'a', title: 'T' }), /viewBox="0 0 400 /);
  assert.match(forestPlot(rows, { id: 'a', title: 'T', width: 640 }), /viewBox="0 0 640 /);
  assert.match(forestPlot(rows, { id: 'a', title: 'T', width: 10 }), /viewBox="0 0 320 /);
  assert.match(forestPlot(rows, { id: 'a', title: 'T', width: Number.NaN }), /viewBox="0 0 400 /);
});
