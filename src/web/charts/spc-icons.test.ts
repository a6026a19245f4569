import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Assurance, VariationIcon } from '../../core/stats/spc/index.ts';
import { assuranceReading, VARIATION_READING } from './spc-chart.ts';
import { assuranceIconSvg, DEFAULT_ICON_SIZE, MIN_ICON_SIZE, variationIconSvg } from './spc-icons.ts';
import { assertAccessibleSvg, parseSvg } from './svg-contract.ts';
import { COLOUR, contrastRatio, PAGE_BACKGROUND, SPC_COLOUR } from './theme.ts';

const VARIATIONS: readonly VariationIcon[] = [
  'common_cause', 'improvement_high', 'improvement_low', 'concern_high', 'concern_low', 'neutral_high', 'neutral_low',
];
const ASSURANCES: readonly (Assurance | null)[] = ['consistent_pass', 'consistent_fail', 'inconsistent', null];

/** linkedom elements, with the parent link the shared contract's Node leaves out. */
interface El {
  readonly tagName: string;
  readonly textContent: string | null;
  readonly parentElement: El | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<El>;
}

const root = (svg: string) => parseSvg(svg) as unknown as El;
const all = (svg: string, selector: string): El[] => Array.from(root(svg).querySelectorAll(selector));

/** An attribute as the element gets it, from itself or the nearest ancestor that sets it. */
function inherited(el: El, name: string): string | null {
  for (let node: El | null = el; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}

function idOf(svg: string): string {
  return root(svg).getAttribute('id') ?? '';
}

function titleOf(svg: string): string {
  return all(svg, 'title')[0]?.textContent ?? '';
}

/** The ring: the largest circle. */
function ring(svg: string): El {
  const circles = all(svg, 'circle').sort((a, b) => Number(b.getAttribute('r')) - Number(a.getAttribute('r')));
  assert.ok(circles[0], 'a ring');
  return circles[0];
}

function letters(svg: string): string {
  return all(svg, 'text').map((t) => t.textContent ?? '').join('');
}

const render = [
  ...VARIATIONS.map((icon) => ({ name: icon, svg: (options = {}) => variationIconSvg(icon, options) })),
  ...ASSURANCES.map((a) => ({ name: `assurance ${a}`, svg: (options = {}) => assuranceIconSvg(a, options) })),
];

test('every variation icon keeps the contract and is titled with its reading in words', () => {
  for (const icon of VARIATIONS) {
    const svg = variationIconSvg(icon);
    assertAccessibleSvg(svg, idOf(svg), { fixedSize: true });
    assert.equal(titleOf(svg), `Variation: ${VARIATION_READING[icon]}`);
    assert.equal(variationIconSvg(icon), svg, 'deterministic');
  }
});

test('every assurance icon keeps the contract and is titled with its reading in words', () => {
  for (const assurance of ASSURANCES) {
    const svg = assuranceIconSvg(assurance);
    assertAccessibleSvg(svg, idOf(svg), { fixedSize: true });
    assert.equal(titleOf(svg), `Assurance: ${assuranceReading(assurance)}`);
  }
  assert.equal(titleOf(assuranceIconSvg(null)), 'Assurance: none, as no target is set');
});

test('variation icons differ in colour, letter and the way the dots go', () => {
  const expected: Record<VariationIcon, [string, string]> = {
    common_cause: [SPC_COLOUR.commonCause, ''],
    improvement_high: [SPC_COLOUR.improvement, 'H'],
    improvement_low: [SPC_COLOUR.improvement, 'L'],
    concern_high: [SPC_COLOUR.concern, 'H'],
    concern_low: [SPC_COLOUR.concern, 'L'],
    neutral_high: [SPC_COLOUR.neutral, 'H'],
    neutral_low: [SPC_COLOUR.neutral, 'L'],
  };
  const seen = new Set<string>();
  for (const icon of VARIATIONS) {
    const svg = variationIconSvg(icon);
    const [colour, letter] = expected[icon];
    assert.equal(inherited(ring(svg), 'stroke'), colour, `${icon} ring`);
    assert.equal(letters(svg), letter, `${icon} letter`);
    if (letter !== '') {
      const text = all(svg, 'text')[0]!;
      assert.equal(inherited(text, 'fill'), colour, `${icon} letter colour`);
      // H in the upper half, L in the lower, clear of the dots.
      const y = Number(/translate\([^,]+,([^)]+)\)/.exec(text.getAttribute('transform') ?? '')?.[1]);
      assert.ok(letter === 'H' ? y < DEFAULT_ICON_SIZE / 2 : y > DEFAULT_ICON_SIZE / 2, `${icon} letter at y ${y}`);
    }
    seen.add(`${colour} ${letter}`);

    // The dots, left to right (the ring is the largest circle, so leave it out).
    const ringRadius = ring(svg).getAttribute('r');
    const dotCircles = all(svg, 'circle').filter((c) => c.getAttribute('r') !== ringRadius).sort((a, b) => Number(a.getAttribute('cx')) - Number(b.getAttribute('cx')));
    assert.equal(dotCircles.length, 5, `${icon} dots`);
    const ys = dotCircles.map((c) => Number(c.getAttribute('cy')));
    const fills = dotCircles.map((c) => inherited(c, 'fill'));
    const rise = ys[0]! - ys[4]!; // SVG y grows downwards
    if (letter === 'H') assert.ok(rise > 10, `${icon} rises`);
    if (letter === 'L') assert.ok(rise < -10, `${icon} falls`);
    if (letter === '') {
      assert.ok(Math.max(...ys) - Math.min(...ys) < 10, 'common cause is level');
      assert.deepEqual(new Set(fills), new Set([SPC_COLOUR.commonCause]), 'common cause dots are all grey');
    } else {
      assert.deepEqual(fills, [SPC_COLOUR.commonCause, SPC_COLOUR.commonCause, SPC_COLOUR.commonCause, colour, colour], `${icon} ends in its colour`);
    }
  }
  assert.equal(seen.size, VARIATIONS.length, 'no two icons share a colour and letter');
});

test('assurance icons differ in colour and letter; only "no target" lacks the target line', () => {
  const expected: [Assurance | null, string, string][] = [
    ['consistent_pass', SPC_COLOUR.improvement, 'P'],
    ['consistent_fail', SPC_COLOUR.concern, 'F'],
    ['inconsistent', SPC_COLOUR.commonCause, '?'],
    [null, SPC_COLOUR.commonCause, '\u2014'],
  ];
  for (const [assurance, colour, letter] of expected) {
    const svg = assuranceIconSvg(assurance);
    assert.equal(inherited(ring(svg), 'stroke'), colour, `${assurance} ring`);
    assert.equal(letters(svg), letter);
    assert.equal(inherited(all(svg, 'text')[0]!, 'fill'), colour);
    const targetLines = all(svg, 'path').filter((p) => inherited(p, 'stroke') === SPC_COLOUR.target);
    assert.equal(targetLines.length, assurance === null ? 0 : 1, `${assurance} target line`);
    if (assurance !== null) assert.ok(inherited(targetLines[0]!, 'stroke-dasharray'), 'the target line is dashed');
  }
});

test('every colour pair meets WCAG 2.2 AA: 3:1 for graphics, 4.5:1 for letters', () => {
  for (const { name, svg: draw } of render) {
    const svg = draw();
    // Everything inside the ring sits on its white disc; the ring itself also borders the page.
    assert.equal(inherited(ring(svg), 'fill'), COLOUR.white, `${name}: the disc is white`);
    const ringColour = inherited(ring(svg), 'stroke')!;
    for (const background of [COLOUR.white, PAGE_BACKGROUND]) {
      assert.ok(contrastRatio(ringColour, background) >= 3, `${name}: ring ${ringColour} on ${background}`);
    }
    for (const el of all(svg, 'circle, path')) {
      for (const attribute of ['fill', 'stroke']) {
        const colour = inherited(el, attribute);
        if (colour === null || colour === 'none' || colour === COLOUR.white) continue;
        const ratio = contrastRatio(colour, COLOUR.white);
        assert.ok(ratio >= 3, `${name}: ${attribute} ${colour} on white is ${ratio.toFixed(2)}:1`);
      }
    }
    for (const text of all(svg, 'text')) {
      const colour = inherited(text, 'fill')!;
      const ratio = contrastRatio(colour, COLOUR.white);
      assert.ok(ratio >= 4.5, `${name}: letter ${colour} on white is ${ratio.toFixed(2)}:1`);
    }
  }
});

test('the Making Data Count shades keep AA where the originals do not', () => {
  for (const kind of ['commonCause', 'improvement', 'concern', 'neutral'] as const) {
    for (const background of [COLOUR.white, PAGE_BACKGROUND]) {
      const ratio = contrastRatio(SPC_COLOUR[kind], background);
      assert.ok(ratio >= 4.5, `${kind} ${SPC_COLOUR[kind]} on ${background} is ${ratio.toFixed(2)}:1`);
    }
  }
  assert.ok(contrastRatio(SPC_COLOUR.target, PAGE_BACKGROUND) >= 3, 'target line');
  // Why the shades were needed: MDC's own grey, light blue and orange.
  assert.ok(contrastRatio('#a6a6a6', COLOUR.white) < 3);
  assert.ok(contrastRatio('#00b0f0', COLOUR.white) < 3);
  assert.ok(contrastRatio('#e46c0a', COLOUR.white) < 4.5);
});

test('ids: one per icon by default, the caller\'s when given, so one icon can appear twice', () => {
  const ids = render.map(({ svg }) => idOf(svg()));
  assert.equal(new Set(ids).size, ids.length);
  const first = variationIconSvg('concern_high', { id: 'variation-rl' });
  const second = variationIconSvg('concern_high', { id: 'variation-rate' });
  assertAccessibleSvg(first, 'variation-rl', { fixedSize: true });
  assertAccessibleSvg(second, 'variation-rate', { fixedSize: true });
  assert.throws(() => assuranceIconSvg(null, { id: 'Not valid' }), RangeError);
});

test('size: pixels, never so small that the letter drops below 14px', () => {
  const sizeOf = (svg: string) => [root(svg).getAttribute('width'), root(svg).getAttribute('height'), root(svg).getAttribute('viewBox')];
  assert.deepEqual(sizeOf(variationIconSvg('improvement_high')), [String(DEFAULT_ICON_SIZE), String(DEFAULT_ICON_SIZE), `0 0 ${DEFAULT_ICON_SIZE} ${DEFAULT_ICON_SIZE}`]);
  assert.deepEqual(sizeOf(assuranceIconSvg('consistent_pass', { size: 100 })), ['100', '100', '0 0 100 100']);
  for (const size of [1, 20, Number.NaN]) {
    const svg = variationIconSvg('improvement_low', { size });
    const expected = Number.isNaN(size) ? DEFAULT_ICON_SIZE : MIN_ICON_SIZE;
    assert.equal(root(svg).getAttribute('width'), String(expected), `size ${size}`);
    // The contract checks every font-size is 14 or more; at the smallest size a viewBox unit is a pixel.
    assertAccessibleSvg(svg, idOf(svg), { fixedSize: true });
  }
  for (const { svg } of render) {
    for (const text of all(svg({ size: MIN_ICON_SIZE }), 'text')) assert.ok(Number(inherited(text, 'font-size')) >= 14);
  }
});
