import assert from 'node:assert/strict';
import { test } from 'node:test';
import { describeForest, forestPlot, type ForestRow } from './forest-plot.ts';
import { descOf, parseSvg, textOf } from './svg-contract.ts';

const rows: ForestRow[] = [
  { label: 'Asian or Asian British', value: 1.52, ci95: [1.4, 1.65] },
  { label: 'Black or Black British', value: 0.8, ci95: [0.5, 1.2], note: 'small numbers' },
  { label: 'Mixed', value: null, ci95: null, note: 'withheld' },
  { label: 'Other ethnic groups (including Chinese)', value: null, ci95: null },
];

/** Triangles rotated to point left (270) or right (90): arrowheads for values beyond the axis. */
function arrowheads(svg: string): { left: number; right: number } {
  return { left: svg.match(/rotate\(270\)/g)?.length ?? 0, right: svg.match(/rotate\(90\)/g)?.length ?? 0 };
}

test('each row is listed with its value, or with why it has none', () => {
  const svg = forestPlot(rows, { id: 'f', title: 'Relative likelihood of appointment' });
  const text = textOf(svg);
  for (const expected of ['Asian or Asian British', '1.52', 'Black or Black British (small numbers)', '0.80', 'Mixed', 'withheld', 'Other ethnic groups (including Chinese)', 'not calculable']) {
    assert.ok(text.includes(expected), expected);
  }
  assert.equal(parseSvg(svg).querySelectorAll('circle').length, 2, 'a point for each known value');
});

test('the line at 1 and the shaded range are labelled', () => {
  const text = textOf(forestPlot(rows, { id: 'f', title: 'T' }));
  assert.ok(text.includes('Equal likelihood'));
  assert.ok(text.includes('Non-adverse range, 0.80 to 1.25'));
  assert.ok(text.includes('Relative likelihood (log scale)'));
  const none = textOf(forestPlot(rows, { id: 'f', title: 'T', range: null }));
  assert.ok(!none.includes('Non-adverse'));
  const custom = textOf(forestPlot(rows, { id: 'f', title: 'T', range: [0.9, 1.1], rangeLabel: 'Target' }));
  assert.ok(custom.includes('Target, 0.90 to 1.10'));
});

test('direction labels say what each side of 1 means', () => {
  const text = textOf(forestPlot(rows, {
    id: 'f', title: 'T', belowOneLabel: 'Ethnic minority applicants more likely', aboveOneLabel: 'White applicants more likely',
  }));
  assert.match(text, /←\u00a0Ethnic minority/);
  assert.match(text, /likely\u00a0→/);
});

test('the description states the values and intervals', () => {
  assert.equal(
    descOf(forestPlot(rows.slice(0, 3), { id: 'f', title: 'T' })),
    'Asian or Asian British 1.52 (95% interval 1.40 to 1.65); Black or Black British 0.80 (95% interval 0.50 to 1.20); Mixed: withheld.',
  );
  assert.equal(
    describeForest([...rows, { label: 'Band 5', value: 1.1, ci95: [0.9, 1.3] }]),
    '3 relative likelihoods, from 0.80 (Black or Black British) to 1.52 (Asian or Asian British). 2 within 0.80 to 1.25; 2 withheld or not calculable.',
  );
  assert.equal(describeForest([]), 'No data.');
  assert.match(describeForest(Array.from({ length: 4 }, (_, i) => ({ label: `R${i}`, value: null, ci95: null }))), /None of the 4/);
});

test('a single headline row', () => {
  const svg = forestPlot([{ label: 'Relative likelihood', value: 1.12, ci95: [0.91, 1.38] }], { id: 'f', title: 'T' });
  assert.equal(descOf(svg), 'Relative likelihood 1.12 (95% interval 0.91 to 1.38).');
  assert.ok(textOf(svg).includes('1.12'));
  // A narrow axis is chosen: 0.67 to 1.5.
  assert.ok(textOf(svg).includes('0.67'));
  assert.deepEqual(arrowheads(svg), { left: 0, right: 0 });
});

test('values and intervals beyond the axis are drawn as arrowheads', () => {
  const zero = forestPlot([{ label: 'Zero', value: 0, ci95: [0, 18.37] }], { id: 'f', title: 'T' });
  // Interval runs off both ends; the value itself is off the left end.
  assert.deepEqual(arrowheads(zero), { left: 2, right: 1 });
  assert.ok(textOf(zero).includes('0.00'));
  assert.match(descOf(zero), /Zero 0\.00 \(95% interval 0\.00 to 18\.37\)/);

  const forty = forestPlot([{ label: 'Forty', value: 40, ci95: [12, 133] }], { id: 'f', title: 'T' });
  assert.deepEqual(arrowheads(forty), { left: 0, right: 2 });
  assert.ok(textOf(forty).includes('40.00'));
  assert.equal(parseSvg(forty).querySelectorAll('circle').length, 0);
});

test('a long label wraps rather than running off the chart', () => {
  const label = 'A very long label that will not fit on one line at the narrowest width the charts allow';
  const svg = forestPlot([{ label, value: 1.3, ci95: [1.1, 1.5] }], { id: 'f', title: 'T', width: 320 });
  assert.ok(parseSvg(svg).querySelectorAll('tspan').length >= 2);
});
