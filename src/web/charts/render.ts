/**
 * Runs Observable Plot on the server (with linkedom standing in for the browser's document) and turns its output
 * into a standalone, deterministic, accessible SVG string that works under a strict Content-Security-Policy:
 *
 * - the root gets role="img", aria-labelledby pointing at a <title> and <desc> inserted as its first children,
 *   a viewBox and width="100%" (no fixed height, so it scales with its container and keeps its aspect ratio), or,
 *   for an icon, a fixed width and height in pixels;
 * - Plot's <style> element and any style="" attribute are removed (presentation attributes are kept), and
 *   currentColor is replaced with NHS black so the chart does not depend on the page's CSS colour;
 * - Plot's own ARIA labels on inner groups are dropped: inside role="img" they are not exposed anyway;
 * - coordinates are rounded to two decimals so output is compact and stable.
 */
import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import { assertChartId } from './chart-id.ts';
import { COLOUR, FONT, FONT_FAMILY, MAX_WIDTH, MIN_WIDTH } from './theme.ts';

export const SVG_NS = 'http://www.w3.org/2000/svg';

/** The parts of the (linkedom) DOM this module uses; Plot's own typings leave DOM types unresolved without lib.dom. */
interface SvgElement {
  readonly tagName: string;
  readonly outerHTML: string;
  textContent: string | null;
  getAttributeNames(): string[];
  getAttribute(name: string): string | null;
  setAttribute(name: string, value: string): void;
  removeAttribute(name: string): void;
  querySelectorAll(selectors: string): ArrayLike<SvgElement>;
  prepend(...nodes: SvgElement[]): void;
  remove(): void;
}

interface SvgDocument {
  createElementNS(namespace: string, qualifiedName: string): SvgElement;
}

let sharedDocument: SvgDocument | null = null;

function serverDocument(): SvgDocument {
  if (!sharedDocument) {
    const window: { document: SvgDocument } = parseHTML('<!doctype html><html><head></head><body></body></html>');
    sharedDocument = window.document;
  }
  return sharedDocument;
}

/** What every chart needs to be accessible: a page-unique id, a short name and a text alternative. */
export interface ChartText {
  readonly id: string;
  readonly title: string;
  readonly description: string;
}

export interface PlotFrame {
  readonly width: number;
  readonly height: number;
  readonly marginTop: number;
  readonly marginRight: number;
  readonly marginBottom: number;
  readonly marginLeft: number;
  readonly x: Plot.ScaleOptions;
  readonly y: Plot.ScaleOptions;
}

/** Options every chart accepts. */
export interface ChartOptions {
  /** Unique on the page, e.g. from chartId(); the <title> and <desc> ids are derived from it. */
  readonly id: string;
  /** Short name of the chart (its accessible name); the page shows its own heading. */
  readonly title: string;
  /** Text alternative stating the main finding in numbers; generated from the data when omitted. */
  readonly description?: string;
  /** viewBox width in user units (default 480). Text sizes are fixed in these units, so narrower is larger. */
  readonly width?: number;
}

/**
 * A fixed size in CSS pixels, for icons: they sit beside text at one size and should not grow with their container
 * as charts do.
 */
export interface DisplaySize {
  readonly width: number;
  readonly height: number;
}

export function chartWidth(width: number | undefined, fallback: number): number {
  const w = typeof width === 'number' && Number.isFinite(width) ? width : fallback;
  return Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, w)));
}

/** Attributes holding coordinates, whose numbers are rounded. */
const GEOMETRY = new Set(['d', 'transform', 'x', 'y', 'x1', 'x2', 'y1', 'y2', 'cx', 'cy', 'r', 'width', 'height', 'points', 'dx', 'dy', 'viewBox']);

function roundNumbers(value: string): string {
  return value.replace(/-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/gi, (n) => {
    const rounded = Math.round(Number(n) * 100) / 100;
    return Number.isFinite(rounded) ? String(Object.is(rounded, -0) ? 0 : rounded) : n;
  });
}

function checkText(text: ChartText): void {
  assertChartId(text.id);
  if (text.title.trim() === '') throw new RangeError('A chart needs a non-empty title');
  if (text.description.trim() === '') throw new RangeError('A chart needs a non-empty description');
}

function finish(svg: SvgElement, doc: SvgDocument, text: ChartText, width: number, height: number, display?: DisplaySize): string {
  for (const style of Array.from(svg.querySelectorAll('style'))) style.remove();
  // Plot only emits <title> for a title channel, which the charts never use; these would compete with ours.
  for (const stray of Array.from(svg.querySelectorAll('title, desc, script, foreignObject'))) stray.remove();
  for (const el of Array.from(svg.querySelectorAll('*'))) {
    for (const name of el.getAttributeNames()) {
      const value = el.getAttribute(name) ?? '';
      if (name === 'style' || name === 'class' || name.startsWith('aria-') || name.startsWith('on')) {
        el.removeAttribute(name);
      } else if (value === 'currentColor') {
        el.setAttribute(name, COLOUR.ink);
      } else if (GEOMETRY.has(name)) {
        el.setAttribute(name, roundNumbers(value));
      }
    }
  }
  for (const name of svg.getAttributeNames()) svg.removeAttribute(name);
  const attributes: [string, string][] = [
    ['xmlns', SVG_NS],
    ['id', text.id],
    ['class', 'mirror-chart-svg'],
    ['role', 'img'],
    ['aria-labelledby', `${text.id}-title ${text.id}-desc`],
    ['viewBox', `0 0 ${width} ${roundNumbers(String(height))}`],
    ...(display
      ? ([['width', roundNumbers(String(display.width))], ['height', roundNumbers(String(display.height))]] as [string, string][])
      : ([['width', '100%']] as [string, string][])),
    ['font-family', FONT_FAMILY],
    ['font-size', String(FONT.label)],
    ['text-anchor', 'middle'],
    ['fill', COLOUR.ink],
  ];
  // linkedom puts each new attribute first, so set them in reverse to read in this order.
  for (const [name, value] of [...attributes].reverse()) svg.setAttribute(name, value);
  const title = doc.createElementNS(SVG_NS, 'title');
  title.setAttribute('id', `${text.id}-title`);
  title.textContent = text.title.trim();
  const desc = doc.createElementNS(SVG_NS, 'desc');
  desc.setAttribute('id', `${text.id}-desc`);
  desc.textContent = text.description.trim();
  svg.prepend(title, desc);
  return svg.outerHTML;
}

/** Renders marks with Plot and returns the finished SVG string; it scales with its container unless `display` is given. */
export function renderChart(text: ChartText, frame: PlotFrame, marks: readonly Plot.Markish[], display?: DisplaySize): string {
  checkText(text);
  const doc = serverDocument();
  const svg: SvgElement = Plot.plot({
    document: doc,
    width: frame.width,
    height: frame.height,
    marginTop: frame.marginTop,
    marginRight: frame.marginRight,
    marginBottom: frame.marginBottom,
    marginLeft: frame.marginLeft,
    x: { ...frame.x, axis: null },
    y: { ...frame.y, axis: null },
    marks: [...marks],
  });
  return finish(svg, doc, text, frame.width, frame.height, display);
}

/** A chart with nothing to plot: the same accessible frame, saying so in words. */
export function renderMessage(text: ChartText, width: number, message: string, height = 64): string {
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    [Plot.text([message], { x: width / 2, y: height / 2, text: (d: string) => d, fontSize: FONT.label, fill: COLOUR.darkGrey })],
  );
}

/** A position function for a scale, the same one Plot uses to draw the marks. */
export function positionScale(options: Plot.ScaleOptions): (value: number) => number {
  const scale = Plot.scale({ x: options });
  return (value: number) => {
    const position: unknown = scale.apply(value);
    if (typeof position !== 'number' || !Number.isFinite(position)) {
      throw new RangeError(`Value ${value} has no finite position on the scale`);
    }
    return position;
  };
}
