/**
 * Checks every chart must pass, shared by the chart tests: accessible name and description, no scripts, no
 * styles needing 'unsafe-inline', no external references, only palette colours, readable type and finite numbers.
 */
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import { SVG_NS } from './render.ts';
import { COLOUR, SPC_COLOUR } from './theme.ts';

interface Node {
  readonly textContent: string | null;
  getAttribute(name: string): string | null;
  getAttributeNames(): string[];
  querySelector(selectors: string): Node | null;
  querySelectorAll(selectors: string): ArrayLike<Node>;
}

/** The NHS palette and the accessible Making Data Count shades (theme.ts). */
const ALLOWED_COLOURS = new Set<string>([...Object.values(COLOUR), ...Object.values(SPC_COLOUR), 'none'].map((c) => c.toLowerCase()));

/** Parses an SVG string (as HTML would, since it will be inlined in a page) and returns its root. */
export function parseSvg(svg: string): Node {
  const { document }: { document: Node } = parseHTML(`<!doctype html><html><body>${svg}</body></html>`);
  const root = document.querySelector('svg');
  assert.ok(root, 'no <svg> element');
  return root;
}

export function textOf(svg: string): string {
  return Array.from(parseSvg(svg).querySelectorAll('text'))
    .map((t) => t.textContent ?? '')
    .join('\n');
}

export function descOf(svg: string): string {
  return parseSvg(svg).querySelector('desc')?.textContent ?? '';
}

/**
 * `fixedSize` is for icons, which have a width and height in pixels in the same proportion as their viewBox instead
 * of charts' width="100%" and no height.
 */
export function assertAccessibleSvg(svg: string, id: string, options: { readonly fixedSize?: boolean } = {}): void {
  assert.match(svg, /^<svg [^>]*>/);
  assert.ok(svg.endsWith('</svg>'), 'ends with </svg>');
  const root = parseSvg(svg);
  assert.equal(root.getAttribute('role'), 'img');
  assert.equal(root.getAttribute('xmlns'), SVG_NS);
  const viewBox = (root.getAttribute('viewBox') ?? '').split(' ').map(Number);
  assert.equal(viewBox.length, 4);
  assert.ok(viewBox.every((n) => Number.isFinite(n)) && (viewBox[2] ?? 0) > 0 && (viewBox[3] ?? 0) > 0, 'viewBox');
  if (options.fixedSize) {
    const width = Number(root.getAttribute('width'));
    const height = Number(root.getAttribute('height'));
    assert.ok(width > 0 && height > 0, 'a width and height in pixels');
    assert.ok(Math.abs(width / height - (viewBox[2] ?? 0) / (viewBox[3] ?? 1)) < 0.01, 'in proportion with the viewBox');
  } else {
    assert.equal(root.getAttribute('width'), '100%');
    assert.equal(root.getAttribute('height'), null, 'no fixed height, so it scales');
  }

  const labelledBy = (root.getAttribute('aria-labelledby') ?? '').split(' ');
  assert.deepEqual(labelledBy, [`${id}-title`, `${id}-desc`]);
  const title = root.querySelector(`title[id="${id}-title"]`);
  const desc = root.querySelector(`desc[id="${id}-desc"]`);
  assert.ok(title && (title.textContent ?? '').trim() !== '', 'non-empty <title>');
  assert.ok(desc && (desc.textContent ?? '').trim() !== '', 'non-empty <desc>');
  assert.match(svg, new RegExp(`^<svg [^>]*><title id="${id}-title">`), '<title> is the first child');

  assert.doesNotMatch(svg, /<script/i);
  assert.doesNotMatch(svg, /<style/i);
  assert.doesNotMatch(svg, /\sstyle\s*=/i);
  assert.doesNotMatch(svg, /\son[a-z]+\s*=/i, 'no event handler attributes');
  assert.doesNotMatch(svg, /href|url\(|<image|<foreignObject/i, 'no references');
  assert.equal(svg.replaceAll(SVG_NS, '').match(/https?:/gi), null, 'no URLs but the namespace');
  assert.doesNotMatch(svg.replaceAll(id, ''), /NaN|Infinity|undefined|null|currentColor/);
  assert.doesNotMatch(svg, /&(?!amp;|lt;|gt;|quot;|#\d+;)/, 'ampersands escaped');

  for (const el of [root, ...Array.from(root.querySelectorAll('*'))]) {
    for (const name of ['fill', 'stroke']) {
      const value = el.getAttribute(name);
      if (value !== null) assert.ok(ALLOWED_COLOURS.has(value.toLowerCase()), `${name}="${value}" is not in the palette`);
    }
    const size = el.getAttribute('font-size');
    if (size !== null) assert.ok(Number(size) >= 14, `font-size ${size} is below 14`);
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (/^(x|y|x1|x2|y1|y2|cx|cy|r|width|height|d|transform)$/.test(name)) {
        for (const n of value.match(/-?\d*\.?\d+(?:e[-+]?\d+)?/gi) ?? []) assert.ok(Number.isFinite(Number(n)), `${name}="${value}"`);
      }
    }
  }
}

/** An element of a parsed SVG, as the tests read it. */
export interface SvgElement {
  readonly parentElement: SvgElement | null;
  getAttribute(name: string): string | null;
  querySelectorAll(selectors: string): ArrayLike<SvgElement>;
}

/** Every element of the SVG matching the selector. */
export function allElements(svg: string, selector: string): SvgElement[] {
  return Array.from((parseSvg(svg) as unknown as SvgElement).querySelectorAll(selector));
}

/** An attribute as drawn: the element's own, or the nearest ancestor's (marks set stroke and fill on their group). */
export function inheritedAttribute(el: SvgElement, name: string): string | null {
  for (let node: SvgElement | null = el; node; node = node.parentElement) {
    const value = node.getAttribute(name);
    if (value !== null) return value;
  }
  return null;
}
