import assert from 'node:assert/strict';
import { test } from 'node:test';
import { linearAxis, linearSpan, ratioAxis } from './axes.ts';
import { finite, finiteInterval, formatCount, formatTick, textWidth, wrapText } from './text.ts';
import { contrastRatio, relativeLuminance } from './theme.ts';

test('ratioAxis picks the narrowest symmetric log axis that fits', () => {
  assert.deepEqual(ratioAxis([1.12, 0.91, 1.38]).domain, [1 / 1.5, 1.5]);
  assert.deepEqual(ratioAxis([1.52, 1.4, 1.65]).domain, [0.5, 2]);
  assert.deepEqual(ratioAxis([0.3, 3]).domain, [0.25, 4]);
  assert.deepEqual(ratioAxis([0, 5.2]).domain, [0.1, 10]);
  assert.deepEqual(ratioAxis([40]).domain, [0.1, 10]);
  assert.deepEqual(ratioAxis([]).domain, [1 / 1.5, 1.5]);
  assert.deepEqual(ratioAxis([Number.NaN, Infinity]).domain, [1 / 1.5, 1.5]);
  for (const values of [[1.1], [0.3, 3], [0, 40]]) {
    const axis = ratioAxis(values);
    assert.ok(axis.ticks.includes(1));
    assert.ok(axis.ticks.every((t) => t >= axis.domain[0] - 1e-9 && t <= axis.domain[1] + 1e-9));
  }
});

test('linearAxis gives round ticks from zero', () => {
  assert.deepEqual(linearAxis(34.8, 4, 100), { max: 40, ticks: [0, 10, 20, 30, 40] });
  assert.deepEqual(linearAxis(97.5, 4, 100), { max: 100, ticks: [0, 25, 50, 75, 100] });
  assert.deepEqual(linearAxis(0, 4).ticks, [0, 0.25, 0.5, 0.75, 1]);
  assert.equal(linearAxis(Number.NaN).max, 1);
});

test('linearSpan includes zero and negative values', () => {
  const span = linearSpan(-8.3, 2.1);
  assert.ok(span.min <= -8.3 && span.max >= 2.1);
  assert.ok(span.ticks.includes(0));
  assert.deepEqual(linearSpan(0, 0).ticks.length > 1, true);
});

test('text helpers', () => {
  assert.ok(textWidth('Band 8a', 16) > textWidth('Band', 16));
  assert.ok(textWidth('W', 16, true) > textWidth('W', 16));
  assert.deepEqual(wrapText('one two three', 10_000, 16), ['one two three']);
  assert.deepEqual(wrapText('one two three', textWidth('one two', 16) + 1, 16), ['one two', 'three']);
  assert.deepEqual(wrapText('likely\u00a0→', 1, 16), ['likely\u00a0→']);
  assert.deepEqual(wrapText('', 100, 16), ['']);
  assert.equal(finite(Number.NaN), null);
  assert.equal(finite(-Infinity), null);
  assert.deepEqual(finiteInterval([2, 1]), [1, 2]);
  assert.equal(finiteInterval([0, Infinity]), null);
  assert.equal(formatCount(1205), '1,205');
  assert.equal(formatCount(1234567), '1,234,567');
  assert.equal(formatTick(2 / 3), '0.67');
  assert.equal(formatTick(1), '1');
});

test('contrastRatio follows WCAG 2.2', () => {
  assert.equal(relativeLuminance('#000000'), 0);
  assert.equal(relativeLuminance('#FFFFFF'), 1);
  assert.equal(contrastRatio('#000000', '#ffffff'), 21);
  assert.equal(contrastRatio('#ffffff', '#000000'), 21, 'either order');
  assert.equal(contrastRatio('#005eb8', '#005eb8'), 1);
  // Published values: #767676 is the lightest grey with 4.5:1 on white; NHS blue is 6.4:1 (theme.ts).
  assert.equal(Number(contrastRatio('#767676', '#ffffff').toFixed(2)), 4.54);
  assert.equal(Number(contrastRatio('#777777', '#ffffff').toFixed(2)), 4.48);
  assert.equal(Number(contrastRatio('#005eb8', '#ffffff').toFixed(1)), 6.4);
  for (const bad of ['#fff', 'red', '#12345g', '']) assert.throws(() => contrastRatio(bad, '#ffffff'), RangeError, bad);
});
