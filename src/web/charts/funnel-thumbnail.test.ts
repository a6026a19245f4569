import assert from 'node:assert/strict';
import { test } from 'node:test';
import { surveyFunnel, type PeerOrganisation } from '../../core/comparisons/peer-funnels.ts';
import type { FunnelChartCurvePoint, FunnelChartPoint } from './funnel-chart.ts';
import { FUNNEL_THUMBNAIL_PAD, funnelThumbnail, type FunnelThumbnailOptions } from './funnel-thumbnail.ts';
import { allElements as all, assertAccessibleSvg, descOf, inheritedAttribute as inherited, parseSvg, textOf } from './svg-contract.ts';
import { COLOUR, contrastRatio, PAGE_BACKGROUND } from './theme.ts';


const numbers = (text: string | null): number[] => (text ?? '').match(/-?\d+(?:\.\d+)?/g)!.map(Number);

/** Lines ("M x,y L x,y …") drawn in a colour, dashed or not, each as its list of numbers. */
function lines(svg: string, stroke: string, dashed: boolean): number[][] {
  return all(svg, 'path')
    .filter((p) => inherited(p, 'stroke') === stroke && inherited(p, 'fill') !== COLOUR.darkBlue && (inherited(p, 'stroke-dasharray') !== null) === dashed)
    .map((p) => numbers(p.getAttribute('d')));
}

/** The highlighted organisation: Plot draws a diamond as a path moved into place with translate(x,y). */
function diamonds(svg: string): { x: number; y: number; d: string }[] {
  return all(svg, 'path')
    .filter((p) => inherited(p, 'fill') === COLOUR.darkBlue)
    .map((p) => {
      const [x, y] = numbers(p.getAttribute('transform'));
      return { x: x!, y: y!, d: p.getAttribute('d') ?? '' };
    });
}

const greyDots = (svg: string) => all(svg, 'circle').filter((c) => inherited(c, 'fill') === COLOUR.midGrey);

const rounded = (n: number) => Math.round(n * 100) / 100; // the SVG keeps two decimals

/**
 * By hand, on the percentage (linear) scale: the range runs from 0.1 to 0.5 (A's own 99.8% limits hold everything
 * else), drawn from y 48 (56 − 8) up to y 8, and sizes from 0 to 400 (the largest) across x 8 to 192.
 */
const curve: FunnelChartCurvePoint[] = [
  { x: 50, limits95: [0.1, 0.4], limits998: [0, 0.6] },
  { x: 400, limits95: [0.2, 0.3], limits998: [0.15, 0.35] },
];
const points: FunnelChartPoint[] = [
  { label: 'Synthetic Trust A', x: 100, value: 0.3, limits95: [0.2, 0.4], limits998: [0.1, 0.5], highlighted: true },
  { label: 'B', x: 200, value: 0.25 },
  { label: 'C', x: 400, value: 0.2 },
  { label: 'D', x: null, value: null },
];
const options: FunnelThumbnailOptions = { id: 'funnel-thumb', title: 'Indicator 7 against peers', unit: 'rate', target: 0.25, targetLabel: 'Peer figure', curve };
const pad = FUNNEL_THUMBNAIL_PAD;
const xAt = (size: number) => pad + (size / 400) * (200 - 2 * pad);
const yAt = (v: number) => 56 - pad - ((v - 0.1) / 0.4) * (56 - 2 * pad);

test('the thumbnail keeps the contract at any size, has no text and is deterministic', () => {
  const svg = funnelThumbnail(points, options);
  assertAccessibleSvg(svg, 'funnel-thumb');
  assert.equal(funnelThumbnail(points, options), svg);
  assert.equal(parseSvg(svg).getAttribute('viewBox'), '0 0 200 56');
  assert.equal(textOf(svg), '');
  for (const [width, height] of [[120, 32], [600, 240], [1, 1], [Number.NaN, Infinity]] as const) {
    assertAccessibleSvg(funnelThumbnail(points, { ...options, width, height }), 'funnel-thumb');
  }
  assert.equal(parseSvg(funnelThumbnail(points, { ...options, width: 320, height: 80 })).getAttribute('viewBox'), '0 0 320 80');
});

test('the diamond, the dots and the target are where a hand calculation puts them', () => {
  const svg = funnelThumbnail(points, options);
  assert.equal(xAt(100), 54);
  assert.equal(rounded(yAt(0.3)), 28);
  const found = diamonds(svg);
  assert.equal(found.length, 1, 'one diamond');
  assert.deepEqual({ x: found[0]!.x, y: found[0]!.y }, { x: 54, y: 28 });
  assert.match(found[0]!.d, /^M0,-\d/, 'a diamond: its first corner straight above its centre');
  assert.deepEqual(greyDots(svg).map((c) => [Number(c.getAttribute('cx')), Number(c.getAttribute('cy'))]), [[xAt(200), yAt(0.25)], [xAt(400), yAt(0.2)]].map((p) => p.map(rounded)));
  assert.equal(all(svg, 'circle').length, 2, 'D has no figure and is not drawn');
  // The target, 25%, across the whole width at y 48 − 0.15 ÷ 0.4 × 40 = 33.
  assert.deepEqual(lines(svg, COLOUR.darkPink, false), [[8, 33, 192, 33]]);
});

test('limits beyond the range are cut off at its edge, where a hand calculation says they cross it', () => {
  const svg = funnelThumbnail(points, options);
  const solid = lines(svg, COLOUR.ink, false);
  assert.equal(solid.length, 2, 'upper and lower 99.8% limits');
  // Upper 99.8% limit: 0.6 at size 50 down to 0.35 at 400. It crosses 0.5 two fifths of the way (0.1 ÷ 0.25), at
  // size 50 + 0.4 × 350 = 190, and is drawn from there: x 8 + 190 ÷ 400 × 184 = 95.4 at the top edge (y 8).
  const upper = solid.find((d) => d[1] === pad)!;
  assert.ok(upper, JSON.stringify(solid));
  assert.deepEqual(upper, [95.4, 8, xAt(400), yAt(0.35)].map(rounded));
  // Lower 99.8% limit: 0 up to 0.15 crosses 0.1 two thirds of the way, at size 50 + 350 × 2/3 = 283.33, on the bottom edge.
  const lower = solid.find((d) => d[1] === 56 - pad)!;
  assert.deepEqual(lower, [rounded(xAt(50 + (350 * 2) / 3)), 48, xAt(400), yAt(0.15)].map(rounded));
  // The 95% limits (dashed) lie wholly inside the range: from size 50 to 400, end to end.
  const dashed = lines(svg, COLOUR.darkGrey, true).sort((a, b) => a[1]! - b[1]!);
  assert.deepEqual(dashed, [[xAt(50), yAt(0.4), xAt(400), yAt(0.3)], [xAt(50), yAt(0.1), xAt(400), yAt(0.2)]].map((d) => d.map(rounded)));
  for (const d of [...solid, ...dashed]) {
    for (let i = 1; i < d.length; i += 2) assert.ok(d[i]! >= pad && d[i]! <= 56 - pad, `y ${d[i]} is inside the picture`);
  }
});

test('the description gives the highlighted figure, the target and where it lies, from its own limits', () => {
  assert.equal(
    descOf(funnelThumbnail(points, options)),
    '3 organisations; peer figure 25.0%. Synthetic Trust A 30.0%, inside the 95% limits. 0 outside the 99.8% limits; 0 between the 95% and 99.8% limits.',
  );
  const moved = (value: number) => points.map((p) => (p.highlighted ? { ...p, value } : p));
  assert.match(descOf(funnelThumbnail(moved(0.45), options)), /Synthetic Trust A 45\.0%, above the 95% limits but inside the 99\.8% limits\. 0 outside the 99\.8% limits; 1 between/);
  assert.match(descOf(funnelThumbnail(moved(0.15), options)), /Synthetic Trust A 15\.0%, below the 95% limits but inside the 99\.8% limits\./);
  assert.match(descOf(funnelThumbnail(moved(0.05), options)), /Synthetic Trust A 5\.0%, below the 99\.8% limits\. 1 outside the 99\.8% limits; 0 between/);
  // Judged against its own limits, not against what is drawn: here its 99.8% limits run beyond the range.
  const wide = points.map((p) => (p.highlighted ? { ...p, value: 0.6, limits998: [0, 0.9] as const } : p));
  assert.match(descOf(funnelThumbnail(wide, options)), /Synthetic Trust A 60\.0%, above the 95% limits but inside the 99\.8% limits\./);
  const none = points.map((p) => (p.highlighted ? { ...p, value: null } : p));
  assert.match(descOf(funnelThumbnail(none, options)), /^2 organisations; peer figure 25\.0%\. Synthetic Trust A: not calculable\./);
  assert.equal(diamonds(funnelThumbnail(none, options)).length, 0);
  assert.equal(funnelThumbnail(points, { ...options, description: 'Given.' }).includes('<desc id="funnel-thumb-desc">Given.</desc>'), true);
});

test('relative likelihoods on a log scale: positions by hand, and a figure beyond 10 drawn at the edge', () => {
  const ratioCurve: FunnelChartCurvePoint[] = [
    { x: 5, limits95: [0.4, 2.5], limits998: [0.2, 5] },
    { x: 20, limits95: [0.8, 1.25], limits998: [0.5, 2] },
  ];
  const ratioPoints: FunnelChartPoint[] = [
    { label: 'Synthetic Trust R', x: 10, value: 2, limits95: [0.8, 1.25], limits998: [0.5, 4], highlighted: true },
    { label: 'S', x: 20, value: 1 },
  ];
  const ratioOptions: FunnelThumbnailOptions = { ...options, unit: 'ratio', target: 1, targetLabel: 'National figure', curve: ratioCurve };
  const svg = funnelThumbnail(ratioPoints, ratioOptions);
  assertAccessibleSvg(svg, 'funnel-thumb');
  // From 0.5 to 4 in logarithms (a factor of 8): 2 is two thirds of the way up, at 48 − 2/3 × 40; 1 a third.
  const y = (v: number) => 48 - (Math.log(v / 0.5) / Math.log(8)) * 40;
  assert.deepEqual(diamonds(svg).map(({ x, y: dy }) => [x, dy]), [[8 + (10 / 20) * 184, rounded(y(2))]]);
  assert.equal(rounded(y(2)), 21.33);
  assert.deepEqual(lines(svg, COLOUR.darkPink, false), [[8, rounded(y(1)), 192, rounded(y(1))]]);
  assert.equal(
    descOf(svg),
    '2 organisations; national figure 1.00. Synthetic Trust R 2.00, above the 95% limits but inside the 99.8% limits. 0 outside the 99.8% limits; 1 between the 95% and 99.8% limits.',
  );
  // A ratio of 20 is beyond the widest axis (0.1 to 10): drawn on the top edge, described as it is.
  const far = funnelThumbnail(ratioPoints.map((p) => (p.highlighted ? { ...p, value: 20 } : p)), ratioOptions);
  assertAccessibleSvg(far, 'funnel-thumb');
  assert.equal(diamonds(far)[0]!.y, pad);
  assert.match(descOf(far), /Synthetic Trust R 20\.00, above the 99\.8% limits\./);
  // A ratio of 0 cannot go on a log scale: not drawn.
  assert.equal(greyDots(funnelThumbnail([...ratioPoints, { label: 'Z', x: 8, value: 0 }], ratioOptions)).length, 1);
});

test('different figures give different pictures, and a lone figure is not stretched to fill the height', () => {
  const base = funnelThumbnail(points, options);
  assert.notEqual(funnelThumbnail(points.map((p) => (p.highlighted ? { ...p, value: 0.35 } : p)), options), base);
  assert.notEqual(funnelThumbnail(points, { ...options, target: 0.3 }), base);
  assert.notEqual(funnelThumbnail(points.map((p) => ({ ...p, highlighted: p.label === 'B' })), options), base);
  // One organisation at 26% against a target of 25%, with no limits: the range is widened to 2 points around the
  // middle (24.5% to 26.5%), so the diamond is at 48 − 0.015 ÷ 0.02 × 40 = 18 and the target at 48 − 10 = 38.
  const lone = funnelThumbnail([{ label: 'A', x: 50, value: 0.26, highlighted: true }], { ...options, curve: [] });
  assertAccessibleSvg(lone, 'funnel-thumb');
  assert.equal(diamonds(lone)[0]!.y, 18);
  assert.deepEqual(lines(lone, COLOUR.darkPink, false), [[8, 38, 192, 38]]);
});

test('no organisations, none with a figure, or no target give a message', () => {
  for (const svg of [
    funnelThumbnail([], options),
    funnelThumbnail([{ label: 'D', x: null, value: null, highlighted: true }], options),
    funnelThumbnail(points, { ...options, target: Number.NaN }),
  ]) {
    assertAccessibleSvg(svg, 'funnel-thumb');
    assert.equal(textOf(svg), 'No data');
    assert.equal(parseSvg(svg).getAttribute('viewBox'), '0 0 200 56');
    assert.equal(all(svg, 'path, circle').length, 0);
  }
  assert.equal(descOf(funnelThumbnail([], options)), 'No data.');
  assert.equal(descOf(funnelThumbnail(points, { ...options, target: Number.NaN })), 'No data.');
});

test('the core funnel can be passed as it is given to the full chart', () => {
  const org = (code: string, positive: number, respondents: number): PeerOrganisation => ({
    code, name: code, report: { year: 2025, indicators: {
      '2': { available: false }, '3': { available: false }, '4': { available: false }, '5': { available: false }, '6': { available: false },
      '7': { available: true, groups: { ethnicMinority: { positive, respondents } } }, '8': { available: false },
    } },
  });
  const funnel = surveyFunnel('7', [org('A', 40, 100), org('B', 300, 700), org('C', 90, 200), org('D', 10, 150)])!;
  const svg = funnelThumbnail(
    funnel.points.map((p) => ({ label: p.name, x: p.x, value: p.value, limits95: p.limits95, limits998: p.limits998, highlighted: p.code === 'D' })),
    { ...options, target: funnel.target, curve: funnel.curve },
  );
  assertAccessibleSvg(svg, 'funnel-thumb');
  assert.equal(diamonds(svg).length, 1);
  assert.equal(greyDots(svg).length, 3);
  const d = funnel.points.find((p) => p.code === 'D')!;
  assert.match(descOf(svg), new RegExp(`D 6\\.7%, below the ${d.position === 'outside998' ? '99\\.8% limits' : '95% limits but inside'}`));
});

test('every colour drawn has 3:1 on white and on the page background', () => {
  const drawn = new Set<string>();
  for (const el of all(funnelThumbnail(points, options), 'path, circle')) {
    for (const name of ['fill', 'stroke']) {
      const colour = inherited(el, name);
      if (colour !== null && colour !== 'none' && colour !== COLOUR.white) drawn.add(colour);
    }
  }
  assert.deepEqual([...drawn].sort(), [COLOUR.darkBlue, COLOUR.darkGrey, COLOUR.darkPink, COLOUR.ink, COLOUR.midGrey].sort());
  for (const colour of drawn) {
    for (const background of [COLOUR.white, PAGE_BACKGROUND]) {
      assert.ok(contrastRatio(colour, background) >= 3, `${colour} on ${background} is ${contrastRatio(colour, background).toFixed(2)}:1`);
    }
  }
});
