import assert from 'node:assert/strict';
import { test } from 'node:test';
import { spc } from '../../core/stats/spc/index.ts';
import type { SpcChartPoint } from './spc-chart.ts';
import { describeSpcThumbnail, spcThumbnail, THUMBNAIL_PAD, type SpcThumbnailOptions } from './spc-thumbnail.ts';
import { allElements as all, assertAccessibleSvg, descOf, inheritedAttribute as inherited, parseSvg, textOf } from './svg-contract.ts';
import { COLOUR, contrastRatio, PAGE_BACKGROUND, SPC_COLOUR } from './theme.ts';


/** Line segments ("M x1,y1 L x2,y2") drawn in a colour, dashed or not. */
function lines(svg: string, stroke: string, dashed: boolean): number[][] {
  return all(svg, 'path')
    .filter((p) => inherited(p, 'stroke') === stroke && (inherited(p, 'stroke-dasharray') !== null) === dashed)
    .map((p) => (p.getAttribute('d') ?? '').match(/-?\d+(?:\.\d+)?/g)!.map(Number));
}

/** The latest point's marker: the circle with a white outline. */
function marker(svg: string): { cx: number; cy: number; fill: string | null } {
  const found = all(svg, 'circle').filter((c) => inherited(c, 'stroke') === COLOUR.white);
  assert.equal(found.length, 1, 'one marker');
  const c = found[0]!;
  return { cx: Number(c.getAttribute('cx')), cy: Number(c.getAttribute('cy')), fill: inherited(c, 'fill') };
}

const point = (date: string, value: number | null, pointType: SpcChartPoint['pointType'] = 'common_cause'): SpcChartPoint =>
  ({ date, value, mean: 4, lpl: 1, upl: 7, pointType });

/** Four months by hand: the y axis runs from 1 (the lower limit) to 7 (the upper), with a gap in the third month. */
const handMade: SpcChartPoint[] = [
  point('2024-01', 2),
  point('2024-02', 4),
  point('2024-03', null),
  point('2024-04', 6, 'special_cause_concern'),
];
const options: SpcThumbnailOptions = { id: 'thumb', title: 'Relative likelihood of appointment, Jan 2024 to Apr 2024', unit: 'ratio' };

const months = (n: number) => Array.from({ length: n }, (_, i) => `${2023 + Math.floor((i + 3) / 12)}-${String(((i + 3) % 12) + 1).padStart(2, '0')}`);
const values = [1.5, 1.6, 1.4, 1.55, 1.45, 1.5, 1.62, 1.38, 1.5, 1.52, null, 1.48, 1.5, 1.6, 1.4, 1.55, 1.45, 1.5, 1.5, 1.45, 0.6, 0.5];
const series = spc(months(values.length).map((date, i) => ({ date, value: values[i] ?? null })), { direction: 'decrease' });

test('the thumbnail keeps the contract, with and without limits, at any size, and is deterministic', () => {
  const svg = spcThumbnail(series.points, options);
  assertAccessibleSvg(svg, 'thumb');
  assert.equal(spcThumbnail(series.points, options), svg);
  assert.equal(parseSvg(svg).getAttribute('viewBox'), '0 0 200 56');
  assertAccessibleSvg(spcThumbnail(series.points, { ...options, showLimits: false }), 'thumb');
  for (const [width, height] of [[120, 32], [600, 240], [1, 1], [Number.NaN, Infinity]] as const) {
    assertAccessibleSvg(spcThumbnail(series.points, { ...options, width, height }), 'thumb');
  }
  assert.equal(parseSvg(spcThumbnail(series.points, { ...options, width: 320, height: 80 })).getAttribute('viewBox'), '0 0 320 80');
  assert.equal(textOf(svg), '', 'no text: the description and the page say it in words');
});

test('values, mean and limits are placed where a hand calculation puts them', () => {
  const svg = spcThumbnail(handMade, options);
  // y runs from 56 − 6 = 50 at the lower limit (1) to 6 at the upper (7); x gives each of 4 months a cell of
  // (200 − 2 × 6) / 4 = 47.
  const bottom = 56 - THUMBNAIL_PAD;
  const y = (v: number) => bottom - ((v - 1) / (7 - 1)) * (bottom - THUMBNAIL_PAD);
  const x = (i: number) => THUMBNAIL_PAD + 47 * (i + 0.5);
  assert.equal(y(6), 50 - (5 / 6) * 44);
  const last = marker(svg);
  assert.equal(last.cx, 170.5);
  assert.equal(last.cx, x(3));
  const rendered = (n: number) => Math.round(n * 100) / 100; // the SVG keeps two decimals
  assert.equal(last.cy, rendered(y(6)));
  assert.equal(last.cy, 13.33);
  assert.equal(last.fill, SPC_COLOUR.concern, 'marked in the colour of its point type');
  // Mean (4) at y 28 and limits (1 and 7) at 50 and 6, across the whole width.
  assert.deepEqual(lines(svg, COLOUR.midGrey, false), [[6, 28, 194, 28]]);
  assert.deepEqual(lines(svg, COLOUR.midGrey, true).sort((a, b) => a[1]! - b[1]!), [[6, 6, 194, 6], [6, 50, 194, 50]]);
  // The values: one segment from month 1 to month 2, none across the gap.
  assert.deepEqual(lines(svg, COLOUR.darkGrey, false), [[x(0), y(2), x(1), y(4)].map(rendered)]);
});

test('a missing value breaks the line, and a value between gaps still shows', () => {
  const gappy = [point('2024-01', 3), point('2024-02', null), point('2024-03', 5), point('2024-04', null), point('2024-05', 2), point('2024-06', 3)];
  const svg = spcThumbnail(gappy, options);
  assertAccessibleSvg(svg, 'thumb');
  assert.equal(lines(svg, COLOUR.darkGrey, false).length, 1, 'only May to June is joined');
  const lone = all(svg, 'circle').filter((c) => inherited(c, 'fill') === COLOUR.darkGrey);
  assert.equal(lone.length, 2, 'January and March, each between gaps, get a small dot');
  assert.match(descOf(svg), /No figure for 2 months\.$/);
});

test('without limits there are no limit lines and no reading of the latest point', () => {
  const svg = spcThumbnail(handMade, { ...options, showLimits: false });
  assert.equal(lines(svg, COLOUR.midGrey, true).length, 0);
  assert.equal(marker(svg).fill, SPC_COLOUR.commonCause, 'a run chart calls nothing special cause');
  assert.match(descOf(svg), /Too few months for process limits, so no reading of variation\./);
  assert.doesNotMatch(descOf(svg), /Process limits \d/);
});

test('one point, no figures and no data each give a clear picture', () => {
  const one = spcThumbnail([point('2024-04', 1.2)], options);
  assertAccessibleSvg(one, 'thumb');
  assert.equal(marker(one).cx, 100, 'in the middle');
  assert.equal(descOf(one), '1 month, Apr 2024: one figure, 1.20 in Apr 2024. Mean 4.00. Process limits 1.00 to 7.00. Latest reading: common cause.');

  const flat = spcThumbnail([{ date: '2024-04', value: 3, mean: null, lpl: null, upl: null, pointType: 'common_cause' }], options);
  assertAccessibleSvg(flat, 'thumb');
  assert.equal(marker(flat).cy, 28, 'a single number sits in the middle');

  const missing = spcThumbnail([point('2024-01', null), point('2024-02', null), point('2024-03', null)], options);
  assertAccessibleSvg(missing, 'thumb');
  assert.equal(textOf(missing), 'No figures');
  assert.equal(descOf(missing), 'No figures in 3 months from Jan 2024 to Mar 2024.');
  assert.equal(all(missing, 'path').length, 0);

  const none = spcThumbnail([], options);
  assertAccessibleSvg(none, 'thumb');
  assert.equal(textOf(none), 'No data');
  assert.equal(descOf(none), 'No data.');
});

test('the description gives the first and latest values, the mean, the limits and the latest reading', () => {
  assert.equal(
    describeSpcThumbnail(series.points, options),
    `22 months from Apr 2023 to Jan 2025: 1.50 in Apr 2023, latest 0.50 in Jan 2025. Mean ${series.points[21]!.mean!.toFixed(2)}. ` +
      `Process limits ${series.points[21]!.lpl!.toFixed(2)} to ${series.points[21]!.upl!.toFixed(2)}. ` +
      'Latest reading: special cause improvement. No figure for 1 month.',
  );
  assert.equal(marker(spcThumbnail(series.points, options)).fill, SPC_COLOUR.improvement);
  const rates = handMade.map((p) => ({ ...p, value: p.value === null ? null : p.value * 10 }));
  assert.match(describeSpcThumbnail(rates, { unit: 'pct' }), /^4 months from Jan 2024 to Apr 2024: 20\.0% in Jan 2024, latest 60\.0% in Apr 2024\. Mean 4\.0%\./);
  assert.equal(spcThumbnail(series.points, { ...options, description: 'Given.' }).includes('<desc id="thumb-desc">Given.</desc>'), true);
});

test('every colour drawn has 3:1 on white and on the page background', () => {
  const drawn = new Set<string>();
  for (const svg of [spcThumbnail(series.points, options), spcThumbnail(handMade, options)]) {
    for (const el of all(svg, 'path, circle')) {
      for (const name of ['fill', 'stroke']) {
        const colour = inherited(el, name);
        if (colour !== null && colour !== 'none' && colour !== COLOUR.white) drawn.add(colour);
      }
    }
  }
  assert.ok(drawn.size >= 4, [...drawn].join(' '));
  for (const colour of drawn) {
    for (const background of [COLOUR.white, PAGE_BACKGROUND]) {
      assert.ok(contrastRatio(colour, background) >= 3, `${colour} on ${background} is ${contrastRatio(colour, background).toFixed(2)}:1`);
    }
  }
});
