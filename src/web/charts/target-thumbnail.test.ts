import assert from 'node:assert/strict';
import { test } from 'node:test';
import { modelEmployerTargets, type TargetYearInput } from '../../core/targets/model-employer.ts';
import { allElements as all, assertAccessibleSvg, descOf, inheritedAttribute as inherited, parseSvg, textOf } from './svg-contract.ts';
import { describeTargetThumbnail, TARGET_THUMBNAIL_PAD, targetThumbnail, type TargetThumbnailInput, type TargetThumbnailOptions } from './target-thumbnail.ts';
import { COLOUR, contrastRatio, PAGE_BACKGROUND } from './theme.ts';


/** Straight lines ("M x1,y1 L x2,y2") in a colour and width, as [x1, y1, x2, y2]. */
function lines(svg: string, stroke: string, width: number): number[][] {
  return all(svg, 'path')
    .filter((p) => inherited(p, 'stroke') === stroke && Number(inherited(p, 'stroke-width') ?? 1) === width)
    .map((p) => (p.getAttribute('d') ?? '').match(/-?\d+(?:\.\d+)?/g)!.map(Number));
}

function dot(svg: string): { cx: number; cy: number } {
  const found = all(svg, 'circle');
  assert.equal(found.length, 1, 'one dot');
  assert.equal(inherited(found[0]!, 'fill'), COLOUR.blue);
  return { cx: Number(found[0]!.getAttribute('cx')), cy: Number(found[0]!.getAttribute('cy')) };
}

const reading = (pct: number | null, ci95: [number, number] | null, trajectoryPct: number | null, goalPct: number, horizon = 2035): TargetThumbnailInput => ({
  goalPct,
  current: { trajectoryPct, actual: { pct, ci95 } },
  trajectory: [{ year: horizon - 10, pct: 10 }, { year: horizon - 5, pct: 15 }, { year: horizon, pct: goalPct }],
});

/**
 * By hand: 20% (15% to 25%), trajectory 16%, goal 32%. The largest is 32, and linearAxis(32, 4) steps by 10 (32 ÷ 4
 * = 8, rounded up to a step of 1, 2, 2.5, 5 or 10) to 40, so x = 8 + v ÷ 40 × 184 = 8 + 4.6v. The row is halfway
 * between the top (8) and the axis (48), at 28; the trajectory tick reaches 0.22 × 40 = 8.8 above and below it.
 */
const handMade = reading(20, [15, 25], 16, 32);
const options: TargetThumbnailOptions = { id: 'target-thumb', title: 'Band 8a: ethnic minority share against its target' };
const pad = TARGET_THUMBNAIL_PAD;
const x = (v: number) => 8 + 4.6 * v;
const rounded = (n: number) => Math.round(n * 100) / 100;

test('the thumbnail keeps the contract at any size, has no text and is deterministic', () => {
  const svg = targetThumbnail(handMade, options);
  assertAccessibleSvg(svg, 'target-thumb');
  assert.equal(targetThumbnail(handMade, options), svg);
  assert.equal(parseSvg(svg).getAttribute('viewBox'), '0 0 200 56');
  assert.equal(textOf(svg), '');
  for (const [width, height] of [[120, 32], [600, 240], [1, 1], [Number.NaN, Infinity]] as const) {
    assertAccessibleSvg(targetThumbnail(handMade, { ...options, width, height }), 'target-thumb');
  }
  assert.equal(parseSvg(targetThumbnail(handMade, { ...options, width: 320, height: 80 })).getAttribute('viewBox'), '0 0 320 80');
});

test('share, interval, trajectory and goal are where a hand calculation puts them, each a different shape', () => {
  const svg = targetThumbnail(handMade, options);
  assert.equal(pad, 8);
  assert.deepEqual(dot(svg), { cx: 100, cy: 28 });
  assert.equal(x(20), 100);
  assert.deepEqual(lines(svg, COLOUR.ink, 3), [[x(15), 28, x(25), 28].map(rounded)], 'the interval: a horizontal bar');
  assert.deepEqual(lines(svg, COLOUR.darkPink, 3), [[x(16), 19.2, x(16), 36.8].map(rounded)], 'the trajectory point: a short tick');
  assert.deepEqual(lines(svg, COLOUR.ink, 2), [[x(32), 8, x(32), 48].map(rounded)], 'the goal: a line from top to bottom');
  // The axis and its ticks at 0, 10, 20, 30 and 40.
  const axis = lines(svg, COLOUR.midGrey, 1);
  assert.deepEqual(axis[0], [8, 48, 192, 48]);
  assert.deepEqual(axis.slice(1).map((d) => d[0]), [0, 10, 20, 30, 40].map(x).map(rounded));
});

test('small shares get a shorter scale, so they are not squashed; a shared scale can be asked for', () => {
  // 2% (0.8% to 5%), trajectory 4%, goal 12%: linearAxis(12, 4) steps by 5 to 15, so x = 8 + v ÷ 15 × 184.
  const small = targetThumbnail(reading(2, [0.8, 5], 4, 12), options);
  assert.equal(dot(small).cx, rounded(8 + (2 / 15) * 184));
  assert.deepEqual(lines(small, COLOUR.ink, 2)[0]![0], rounded(8 + (12 / 15) * 184));
  // On 0 to 100%, as every band would be with scaleMax 100: x = 8 + 1.84v.
  const whole = targetThumbnail(handMade, { ...options, scaleMax: 100 });
  assert.equal(dot(whole).cx, rounded(8 + 1.84 * 20));
  assert.deepEqual(lines(whole, COLOUR.ink, 2)[0]![0], rounded(8 + 1.84 * 32));
  // A scaleMax below the figures does not cut them off.
  assert.equal(targetThumbnail(handMade, { ...options, scaleMax: 5 }), targetThumbnail(handMade, options));
  // An interval running past the goal widens the scale: 25% to 55% goes to 60.
  assert.equal(dot(targetThumbnail(reading(40, [25, 55], 16, 32), options)).cx, rounded(8 + (40 / 60) * 184));
});

test('different readings give different pictures', () => {
  const base = targetThumbnail(handMade, options);
  assert.notEqual(targetThumbnail(reading(22, [15, 25], 16, 32), options), base);
  assert.notEqual(targetThumbnail(reading(20, [14, 26], 16, 32), options), base);
  assert.notEqual(targetThumbnail(reading(20, [15, 25], 18, 32), options), base);
  assert.notEqual(targetThumbnail(reading(20, [15, 25], 16, 34), options), base);
  // Without an interval there is no bar; without a trajectory point no tick.
  const bare = targetThumbnail(reading(20, null, null, 32), options);
  assertAccessibleSvg(bare, 'target-thumb');
  assert.deepEqual(lines(bare, COLOUR.ink, 3), []);
  assert.deepEqual(lines(bare, COLOUR.darkPink, 3), []);
  assert.equal(dot(bare).cx, 100);
});

test('the description says the share, its interval, the trajectory point and the goal', () => {
  assert.equal(
    descOf(targetThumbnail(reading(18.7, [13.6, 25.2], 15.3, 28.7), options)),
    '18.7% (95% interval 13.6% to 25.2%); trajectory 15.3% this year; goal 28.7% by 2035.',
  );
  assert.equal(describeTargetThumbnail(reading(20, null, null, 32, 2030)), '20.0%; goal 32.0% by 2030.');
  assert.equal(describeTargetThumbnail({ ...handMade, trajectory: [] }), '20.0% (95% interval 15.0% to 25.0%); trajectory 16.0% this year; goal 32.0%.');
  assert.equal(describeTargetThumbnail(reading(null, null, 15, 28.7)), 'Nobody in the band this year. Trajectory 15.0% this year; goal 28.7% by 2035.');
  assert.equal(targetThumbnail(handMade, { ...options, description: 'Given.' }).includes('<desc id="target-thumb-desc">Given.</desc>'), true);
});

test('a band with nobody in it gives a message', () => {
  const svg = targetThumbnail(reading(null, null, 15, 28.7), options);
  assertAccessibleSvg(svg, 'target-thumb');
  assert.equal(textOf(svg), 'Nobody in the band');
  assert.equal(all(svg, 'path, circle').length, 0);
  assert.equal(parseSvg(svg).getAttribute('viewBox'), '0 0 200 56');
  assert.equal(textOf(targetThumbnail(reading(null, null, 15, 28.7), { ...options, width: 120 })), 'No staff', 'shorter where the words would not fit');
});

test('a band from the core targets can be passed as it is', () => {
  const year = (y: number, em8a: number): TargetYearInput => ({
    year: y,
    indicators: { '1': { overall: { total: 10000, ethnicMinority: { count: 2000 } }, rows: [{ cluster: 'clinical', row: 'Band 8a', total: 100, ethnicMinority: { count: em8a } }] } },
  });
  const result = modelEmployerTargets([year(2020, 10), year(2025, 15)]);
  assert.ok(result.ok);
  const band8a = result.value.bands.find((b) => b.band === 'Band 8a')!;
  // 15 of 100 is 15.0% (9.3% to 23.3%); halfway from 10% in 2020 to the goal of 20% in 2030 is 15.0%.
  assert.equal(describeTargetThumbnail(band8a), '15.0% (95% interval 9.3% to 23.3%); trajectory 15.0% this year; goal 20.0% by 2030.');
  assertAccessibleSvg(targetThumbnail(band8a, options), 'target-thumb');
  const vsm = result.value.bands.find((b) => b.band === 'VSM')!;
  assert.equal(textOf(targetThumbnail(vsm, options)), 'Nobody in the band');
});

test('every colour drawn has 3:1 on white and on the page background', () => {
  const drawn = new Set<string>();
  for (const el of all(targetThumbnail(handMade, options), 'path, circle')) {
    for (const name of ['fill', 'stroke']) {
      const colour = inherited(el, name);
      if (colour !== null && colour !== 'none' && colour !== COLOUR.white) drawn.add(colour);
    }
  }
  assert.ok([COLOUR.blue, COLOUR.ink, COLOUR.darkPink, COLOUR.midGrey].every((c) => drawn.has(c)), [...drawn].join(' '));
  for (const colour of drawn) {
    for (const background of [COLOUR.white, PAGE_BACKGROUND]) {
      assert.ok(contrastRatio(colour, background) >= 3, `${colour} on ${background} is ${contrastRatio(colour, background).toFixed(2)}:1`);
    }
  }
});
