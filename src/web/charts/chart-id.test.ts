import assert from 'node:assert/strict';
import { test } from 'node:test';
import { assertChartId, chartId, CHART_ID_PATTERN } from './chart-id.ts';

test('chartId makes valid, stable ids', () => {
  const id = chartId('wres2', 'Asian or Asian British');
  assert.match(id, CHART_ID_PATTERN);
  assert.match(id, /^wres2-asian-or-asian-british-[a-z0-9]{7}$/);
  assert.equal(chartId('wres2', 'Asian or Asian British'), id);
});

test('chartId keeps keys apart that slug the same', () => {
  assert.notEqual(chartId('x', 'Band 8a'), chartId('x', 'band-8a'));
  assert.notEqual(chartId('x', 'A/B'), chartId('x', 'A B'));
  assert.notEqual(chartId('a', 'b c'), chartId('a-b', 'c'));
});

test('chartId copes with awkward input', () => {
  for (const [prefix, key] of [['', ''], ['2025', 'x'], ['Ünïcödé', 'Ethnicity: “Other” & <b>'], ['x'.repeat(200), 'y'.repeat(200)]] as const) {
    const id = chartId(prefix, key);
    assert.match(id, CHART_ID_PATTERN, id);
    assert.ok(id.length <= 70, id);
  }
});

test('assertChartId rejects ids that would break selectors or references', () => {
  assert.doesNotThrow(() => assertChartId('chart-1'));
  for (const bad of ['', '1chart', 'a b', 'a"b', 'A', 'a_b', 'a:b']) assert.throws(() => assertChartId(bad), RangeError, bad);
});
