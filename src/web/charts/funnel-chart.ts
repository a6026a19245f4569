/**
 * Funnel plot comparing organisations (Spiegelhalter 2005): each organisation is a point, its size (respondents,
 * or the precision of a relative likelihood) across and its figure up; a line marks the target (the peer or national
 * figure) and the 95% and 99.8% limits fan out around it, narrowing as organisations get larger. A figure outside
 * the limits is further from the target than chance would explain. The highlighted organisation is drawn as a larger
 * diamond with its name and figure beside it (shape and words, not colour alone); the others are small circles. The
 * two limits are told apart by line pattern (dashed 95%, solid 99.8%) and named in a legend. Percentages use a linear
 * scale; relative likelihoods a log scale, so 0.5 and 2 are equally far from 1. Limits beyond the plotted range are
 * cut off at its edge (limitRuns, shared with the thumbnail).
 */
import type * as Plot from '@observablehq/plot';
import { linearAxis, ratioAxis } from './axes.ts';
import { dots, lineStep, polylines, segments, texts, type Point, type TextItem } from './marks.ts';
import { chartWidth, positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { finite, formatCount, formatPct, formatRatio, formatTick, textWidth, wrapText } from './text.ts';
import { COLOUR, DEFAULT_WIDTH, FONT, PAD } from './theme.ts';

export interface FunnelChartPoint {
  readonly label: string;
  /** Horizontal position: respondents, or precision for relative likelihoods. */
  readonly x: number | null;
  /** Proportion 0–1 ('rate') or relative likelihood ('ratio'); null when not calculable. */
  readonly value: number | null;
  readonly limits95?: readonly [number, number] | null;
  readonly limits998?: readonly [number, number] | null;
  readonly highlighted?: boolean;
}

export interface FunnelChartCurvePoint {
  readonly x: number;
  readonly limits95: readonly [number, number];
  readonly limits998: readonly [number, number];
}

export interface FunnelChartOptions extends ChartOptions {
  /** 'rate' for proportions 0–1 shown as percentages (linear scale), 'ratio' for relative likelihoods (log scale). */
  readonly unit: 'rate' | 'ratio';
  readonly target: number;
  /** Legend words for the target line, e.g. "Peer figure"; the value is added. */
  readonly targetLabel?: string;
  readonly curve: readonly FunnelChartCurvePoint[];
  /** Words under the horizontal axis, e.g. "Ethnic minority respondents". */
  readonly xLabel: string;
  /** Words above the vertical axis, e.g. "Percentage". */
  readonly yLabel: string;
}

/**
 * One limit along the curve as runs of points in pixel coordinates, cut off where it leaves the plotted range: each
 * straight piece between two curve points is cut where it crosses the edge, so a limit that runs beyond the range
 * ends at the edge rather than short of it. The cut is worked out in the scale's own terms (logarithms on a log
 * scale), in which the drawn piece is straight. On a log scale a limit of 0 or below has no position and breaks the line.
 */
export function limitRuns(
  curve: readonly FunnelChartCurvePoint[],
  pick: (c: FunnelChartCurvePoint) => number,
  scales: { readonly x: (v: number) => number; readonly y: (v: number) => number; readonly yDomain: readonly [number, number]; readonly log: boolean },
): Point[][] {
  const { x, y, yDomain, log } = scales;
  const t = (v: number) => (log ? Math.log(v) : v);
  const fromT = (u: number) => (log ? Math.exp(u) : u);
  const lo = t(yDomain[0]);
  const hi = t(yDomain[1]);
  const usable = (c: FunnelChartCurvePoint) => {
    const v = pick(c);
    return Number.isFinite(c.x) && c.x > 0 && Number.isFinite(v) && (!log || v > 0);
  };
  const runs: Point[][] = [];
  let run: Point[] = [];
  const close = () => {
    if (run.length >= 2) runs.push(run);
    run = [];
  };
  for (let i = 0; i + 1 < curve.length; i++) {
    const a = curve[i]!;
    const b = curve[i + 1]!;
    if (!usable(a) || !usable(b)) {
      close();
      continue;
    }
    const ta = t(pick(a));
    const tb = t(pick(b));
    // The part of the piece inside the range, as fractions of the way from a to b.
    let from = 0;
    let to = 1;
    if (ta !== tb) {
      const atLo = (lo - ta) / (tb - ta);
      const atHi = (hi - ta) / (tb - ta);
      from = Math.max(0, Math.min(atLo, atHi));
      to = Math.min(1, Math.max(atLo, atHi));
    } else if (ta < lo || ta > hi) {
      from = 1;
      to = 0;
    }
    if (from > to) {
      close();
      continue;
    }
    const at = (s: number): Point => ({ x: x(a.x + (b.x - a.x) * s), y: y(fromT(ta + (tb - ta) * s)) });
    if (from > 0) close();
    if (run.length === 0) run.push(at(from));
    run.push(at(to));
    if (to < 1) close();
  }
  close();
  return runs;
}

type Position = 'inside95' | 'between' | 'outside998' | 'unknown';

function formatValue(value: number, unit: 'rate' | 'ratio'): string {
  return unit === 'rate' ? formatPct(value * 100) : formatRatio(value);
}

function positionOf(p: FunnelChartPoint): { position: Position; side: 'above' | 'below' | null } {
  const v = finite(p.value);
  if (v === null || !p.limits95 || !p.limits998) return { position: 'unknown', side: null };
  const side = v > p.limits95[1] ? 'above' : v < p.limits95[0] ? 'below' : null;
  if (v > p.limits998[1] || v < p.limits998[0]) return { position: 'outside998', side };
  return { position: side ? 'between' : 'inside95', side };
}

/** The finding in words: how many organisations, the target, where the highlighted one lies, and how many are outside. */
export function describeFunnel(points: readonly FunnelChartPoint[], options: Pick<FunnelChartOptions, 'unit' | 'target' | 'targetLabel'>): string {
  const known = points.filter((p) => finite(p.value) !== null && finite(p.x) !== null);
  if (known.length === 0 || finite(options.target) === null) return 'No data.';
  const fmt = (v: number) => formatValue(v, options.unit);
  const parts = [`${known.length} organisations; ${(options.targetLabel ?? 'target').toLowerCase()} ${fmt(options.target)}.`];
  const highlighted = points.find((p) => p.highlighted);
  if (highlighted) {
    const v = finite(highlighted.value);
    if (v === null) parts.push(`${highlighted.label}: not calculable.`);
    else {
      const { position, side } = positionOf(highlighted);
      const where = position === 'inside95' ? 'inside the 95% limits'
        : position === 'between' ? `${side} the 95% limits but inside the 99.8% limits`
        : position === 'outside998' ? `${side} the 99.8% limits`
        : 'with no limits';
      parts.push(`${highlighted.label} ${fmt(v)}, ${where}.`);
    }
  }
  const outside = known.filter((p) => positionOf(p).position === 'outside998').length;
  const between = known.filter((p) => positionOf(p).position === 'between').length;
  parts.push(`${outside} outside the 99.8% limits; ${between} between the 95% and 99.8% limits.`);
  return parts.join(' ');
}

const SMALL_LINE = lineStep(FONT.small);
const POINT_R = 4;
const HIGHLIGHT_R = 8;
const TICK = 5;

/** A round linear span around lo to hi, within [0, 1] for proportions. */
function rateSpan(lo: number, hi: number): { min: number; max: number; ticks: number[] } {
  const extent = Math.max(hi - lo, 0.02);
  const raw = extent / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const min = Math.max(0, Math.floor(lo / step + 1e-9) * step);
  const max = Math.min(1, Math.ceil(hi / step - 1e-9) * step);
  const ticks: number[] = [];
  for (let v = min; v <= max + step * 1e-9; v += step) ticks.push(Number(v.toPrecision(12)));
  return { min: Number(min.toPrecision(12)), max: Number(max.toPrecision(12)), ticks };
}

/** The points that can be drawn: a size above 0 and a finite figure, above 0 for a ratio (log scale). */
export function plottable(points: readonly FunnelChartPoint[], unit: 'rate' | 'ratio'): (FunnelChartPoint & { x: number; value: number })[] {
  return points.flatMap((p) => {
    const x = finite(p.x);
    const v = finite(p.value);
    return x !== null && x > 0 && v !== null && (unit === 'rate' || v > 0) ? [{ ...p, x, value: v }] : [];
  });
}

export function funnelChart(points: readonly FunnelChartPoint[], options: FunnelChartOptions): string {
  const width = chartWidth(options.width, DEFAULT_WIDTH);
  const text = { id: options.id, title: options.title, description: options.description ?? describeFunnel(points, options) };
  const known = plottable(points, options.unit);
  const target = finite(options.target);
  if (known.length === 0 || target === null) return renderMessage(text, width, 'No data');
  const ratio = options.unit === 'ratio';
  const fmt = (v: number) => formatValue(v, options.unit);

  // Vertical range: every point, the target and the limits over the organisations' own sizes.
  const minX = Math.min(...known.map((p) => p.x));
  const relevant = options.curve.filter((c) => c.x >= minX * 0.999);
  const ys = [target, ...known.map((p) => p.value), ...relevant.flatMap((c) => [...c.limits95, ...c.limits998])].filter((v) => Number.isFinite(v));
  let yDomain: [number, number];
  let yTicks: readonly number[];
  if (ratio) {
    const axis = ratioAxis(ys.filter((v) => v > 0));
    yDomain = [axis.domain[0], axis.domain[1]];
    yTicks = axis.ticks;
  } else {
    const span = rateSpan(Math.min(...ys), Math.max(...ys));
    yDomain = [span.min, span.max];
    yTicks = span.ticks;
  }
  const xAxis = linearAxis(Math.max(...known.map((p) => p.x), ...options.curve.map((c) => c.x)), 4);

  // Frame.
  const tickLabels = yTicks.map((t) => (ratio ? formatTick(t) : `${formatTick(t * 100)}%`));
  const left = PAD + Math.max(...tickLabels.map((t) => textWidth(t, FONT.small))) + TICK + 4;
  const right = width - PAD - 24;
  const yLabelLines = wrapText(options.yLabel, width - 2 * PAD, FONT.small);
  const top = PAD + yLabelLines.length * SMALL_LINE + 10;
  const plotHeight = Math.round((right - left) * 0.75);
  const bottom = top + plotHeight;
  const x = positionScale({ type: 'linear', domain: [0, xAxis.max], range: [left, right] });
  const y = positionScale({ type: ratio ? 'log' : 'linear', domain: yDomain, range: [bottom, top] });
  const inY = (v: number) => Number.isFinite(v) && v >= yDomain[0] - 1e-12 && v <= yDomain[1] + 1e-12 && (!ratio || v > 0);

  // Limit curves, cut off at the edges of the plotted range.
  const scales = { x, y, yDomain, log: ratio };
  const limit95 = [limitRuns(options.curve, (c) => c.limits95[0], scales), limitRuns(options.curve, (c) => c.limits95[1], scales)].flat();
  const limit998 = [limitRuns(options.curve, (c) => c.limits998[0], scales), limitRuns(options.curve, (c) => c.limits998[1], scales)].flat();

  // Axes.
  const xTickItems: TextItem[] = xAxis.ticks.map((t) => ({ x: x(t), y: bottom + TICK + 3, text: formatCount(t) }));
  let below = bottom + TICK + 3 + SMALL_LINE + 6;
  const xLabelLines = wrapText(options.xLabel, width - 2 * PAD, FONT.small);
  const xLabelItem: TextItem = { x: (left + right) / 2, y: below, text: xLabelLines.join('\n') };
  below += xLabelLines.length * SMALL_LINE + 10;
  const yTickItems: TextItem[] = yTicks.map((t, i) => ({ x: left - TICK - 3, y: y(t), text: tickLabels[i]! }));

  // Points.
  const others: Point[] = [];
  const highlighted: Point[] = [];
  const labels: { start: TextItem[]; end: TextItem[] } = { start: [], end: [] };
  for (const p of known) {
    const px = x(p.x);
    const py = y(Math.min(yDomain[1], Math.max(yDomain[0], p.value)));
    if (p.highlighted) {
      highlighted.push({ x: px, y: py });
      // Beside the diamond, on whichever side has room, wrapped onto more lines when neither side has enough.
      const label = `${p.label}: ${fmt(p.value)}`;
      const roomRight = width - PAD - (px + HIGHLIGHT_R + 6);
      const roomLeft = px - HIGHLIGHT_R - 6 - PAD;
      const fullWidth = textWidth(label, FONT.small, true);
      const toRight = fullWidth <= roomRight || (fullWidth > roomLeft && roomRight >= roomLeft);
      const lines = wrapText(label, toRight ? roomRight : roomLeft, FONT.small, true).join('\n');
      if (toRight) labels.start.push({ x: px + HIGHLIGHT_R + 6, y: py, text: lines });
      else labels.end.push({ x: px - HIGHLIGHT_R - 6, y: py, text: lines });
    } else {
      others.push({ x: px, y: py });
    }
  }

  // Legend: one entry a line, each with its own mark.
  const legend: Plot.Markish[] = [];
  const entries: { draw: (cy: number) => Plot.Markish; text: string }[] = [
    { draw: (cy) => segments([{ x1: PAD, y1: cy, x2: PAD + 24, y2: cy }], { stroke: COLOUR.darkPink, width: 2 }), text: `${options.targetLabel ?? 'Target'}, ${fmt(target)}` },
    { draw: (cy) => segments([{ x1: PAD, y1: cy, x2: PAD + 24, y2: cy }], { stroke: COLOUR.darkGrey, width: 1.5, dash: '5,4' }), text: '95% limits' },
    { draw: (cy) => segments([{ x1: PAD, y1: cy, x2: PAD + 24, y2: cy }], { stroke: COLOUR.ink, width: 1.5 }), text: '99.8% limits' },
  ];
  const highlightedPoint = known.find((p) => p.highlighted);
  if (highlightedPoint) {
    entries.push({ draw: (cy) => dots([{ x: PAD + 12, y: cy }], { fill: COLOUR.darkBlue, r: HIGHLIGHT_R - 2, symbol: 'diamond', stroke: COLOUR.white, strokeWidth: 1.5 }), text: highlightedPoint.label });
  }
  entries.push({ draw: (cy) => dots([{ x: PAD + 12, y: cy }], { fill: COLOUR.blue, r: POINT_R, stroke: COLOUR.white, strokeWidth: 1 }), text: highlightedPoint ? 'Other organisations' : 'Organisations' });
  for (const entry of entries) {
    const lines = wrapText(entry.text, width - 2 * PAD - 32, FONT.small);
    legend.push(entry.draw(below + SMALL_LINE / 2), texts([{ x: PAD + 32, y: below, text: lines.join('\n') }], { lineAnchor: 'top', fontSize: FONT.small }));
    below += lines.length * SMALL_LINE + 4;
  }
  const height = below + PAD;

  const targetY = inY(target) ? [{ x1: left, y1: y(target), x2: right, y2: y(target) }] : [];
  const marks: Plot.Markish[] = [
    segments(yTicks.map((t) => ({ x1: left, y1: y(t), x2: right, y2: y(t) })), { stroke: COLOUR.paleGrey }),
    segments([{ x1: left, y1: bottom, x2: right, y2: bottom }, { x1: left, y1: top, x2: left, y2: bottom }], { stroke: COLOUR.ink }),
    segments(xAxis.ticks.map((t) => ({ x1: x(t), y1: bottom, x2: x(t), y2: bottom + TICK })), { stroke: COLOUR.ink }),
    segments(yTicks.map((t) => ({ x1: left - TICK, y1: y(t), x2: left, y2: y(t) })), { stroke: COLOUR.ink }),
    texts(xTickItems, { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts(yTickItems, { anchor: 'end', fontSize: FONT.small }),
    texts([{ x: PAD, y: PAD, text: yLabelLines.join('\n') }], { anchor: 'start', lineAnchor: 'top', fontSize: FONT.small }),
    texts([xLabelItem], { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    polylines(limit998, { stroke: COLOUR.ink, width: 1.5 }),
    polylines(limit95, { stroke: COLOUR.darkGrey, width: 1.5, dash: '5,4' }),
    segments(targetY, { stroke: COLOUR.darkPink, width: 2 }),
    dots(others, { fill: COLOUR.blue, r: POINT_R, stroke: COLOUR.white, strokeWidth: 1 }),
    dots(highlighted, { fill: COLOUR.darkBlue, r: HIGHLIGHT_R, symbol: 'diamond', stroke: COLOUR.white, strokeWidth: 1.5 }),
    texts(labels.start, { anchor: 'start', bold: true, fontSize: FONT.small }),
    texts(labels.end, { anchor: 'end', bold: true, fontSize: FONT.small }),
    ...legend,
  ];
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
