/**
 * A run chart of one measure over reporting years — a relative likelihood, a percentage or a rate — so that a
 * change can be judged against year-to-year noise: each year's value is a point with its 95% interval, consecutive
 * known values are joined by a line (the line breaks at a year with no figure, which is marked in words), and an
 * optional reference range (e.g. the non-adverse range 0.80 to 1.25) and reference line (e.g. 1, equal likelihood)
 * are drawn behind. Relative likelihoods use a log scale by default so that 0.5 and 2 are equally far from 1.
 * An optional trajectory (e.g. a Model Employer-style path from a baseline to a goal) is drawn as a dashed line and
 * may run beyond the last year with a figure, to its horizon.
 */
import type * as Plot from '@observablehq/plot';
import { linearAxis, linearSpan, ratioAxis } from './axes.ts';
import { arrows, boxes, dots, lineStep, segments, texts, type Point, type Segment, type TextItem } from './marks.ts';
import { chartWidth, positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { finite, finiteInterval, formatPct, formatRatio, formatTick, textWidth, wrapText } from './text.ts';
import { COLOUR, DEFAULT_WIDTH, FONT, PAD } from './theme.ts';

export interface TrendPoint {
  /** Reporting year, e.g. 2025 for the year to 31 March 2025. */
  readonly year: number;
  readonly value: number | null;
  readonly ci95: readonly [number, number] | null;
}

/** Relative likelihood, percentage (0–100), rate (0–1, shown as a percentage) or percentage points (may be negative). */
export type TrendUnit = 'ratio' | 'pct' | 'rate' | 'pp';

export interface TrendChartOptions extends ChartOptions {
  /** What is measured, shown above the chart's y axis, e.g. "Relative likelihood of appointment". */
  readonly yLabel: string;
  /** 'ratio' for relative likelihoods, 'pct' for 0–100, 'rate' for 0–1 (shown as percentages), 'pp' for a difference in percentage points. */
  readonly unit: TrendUnit;
  /** Default 'log' for ratios and 'linear' otherwise. */
  readonly scale?: 'linear' | 'log';
  /** A range to shade, in the unit of the values, e.g. [0.8, 1.25]. */
  readonly referenceBand?: readonly [number, number] | null;
  /** Legend text for the shaded range; default "Reference range". The numbers are added. */
  readonly referenceBandLabel?: string;
  /** A value to mark with a line, e.g. 1. */
  readonly referenceLine?: number | null;
  /** Legend text for the reference line; default "Equal likelihood" for ratios, otherwise "Reference". The value is added. */
  readonly referenceLineLabel?: string;
  /** How a year is written on the axis and in the description; default the number ("2025"). */
  readonly formatYear?: (year: number) => string;
  /** A path to compare the values with, in the unit of the values, drawn dashed; its years widen the axis. */
  readonly trajectory?: TrendTrajectory | null;
}

export interface TrendTrajectory {
  /** Legend text, e.g. "Trajectory to the goal". */
  readonly label: string;
  readonly points: readonly { readonly year: number; readonly value: number }[];
}

/** The trajectory's finite points in display units, in year order. */
function cleanTrajectory(trajectory: TrendTrajectory | null | undefined, unit: TrendUnit): { year: number; value: number }[] {
  const k = displayScale(unit);
  return (trajectory?.points ?? [])
    .filter((p) => Number.isInteger(p.year) && finite(p.value) !== null)
    .map((p) => ({ year: p.year, value: p.value * k }))
    .sort((a, b) => a.year - b.year);
}

interface Cleaned {
  readonly year: number;
  /** In display units: percentages for 'rate'. */
  readonly value: number | null;
  readonly ci: [number, number] | null;
}

function displayScale(unit: TrendUnit): number {
  return unit === 'rate' ? 100 : 1;
}

function cleanPoints(points: readonly TrendPoint[], unit: TrendUnit): Cleaned[] {
  const byYear = new Map<number, Cleaned>();
  const k = displayScale(unit);
  for (const p of points) {
    const year = finite(p.year);
    if (year === null || !Number.isInteger(year)) continue;
    const value = finite(p.value);
    const ci = finiteInterval(p.ci95);
    const signed = unit === 'pp';
    byYear.set(year, {
      year,
      value: value !== null && (signed || value >= 0) ? value * k : null,
      ci: ci && (signed || ci[0] >= 0) ? [ci[0] * k, ci[1] * k] : null,
    });
  }
  return [...byYear.values()].sort((a, b) => a.year - b.year);
}

/** A difference in points, signed: "+4.2", "−8.3" (with a true minus sign). */
function formatPoints(v: number): string {
  const text = Math.abs(v).toFixed(1);
  return Number(text) === 0 ? '0.0' : `${v < 0 ? '\u2212' : '+'}${text}`;
}

function formatter(unit: TrendUnit): (v: number) => string {
  return unit === 'ratio' ? formatRatio : unit === 'pp' ? formatPoints : formatPct;
}

/** In sentences, points are spelt out. */
function sentenceFormatter(unit: TrendUnit): (v: number) => string {
  return unit === 'pp' ? (v) => `${formatPoints(v)} percentage points` : formatter(unit);
}

/** First and latest values with intervals, and the years with no figure. */
export function describeTrend(points: readonly TrendPoint[], options: Pick<TrendChartOptions, 'yLabel' | 'unit' | 'formatYear' | 'trajectory'>): string {
  const cleaned = cleanPoints(points, options.unit);
  const year = options.formatYear ?? String;
  const fmt = sentenceFormatter(options.unit);
  const known = cleaned.filter((p) => p.value !== null);
  if (cleaned.length === 0) return 'No data.';
  const missing = cleaned.filter((p) => p.value === null).map((p) => year(p.year));
  const missingText = missing.length > 0 ? `No figure for ${missing.join(', ')}.` : '';
  if (known.length === 0) return `${options.yLabel}: no figures for ${missing.join(', ')}.`;
  const describe = (p: Cleaned) =>
    `${fmt(p.value ?? 0)} in ${year(p.year)}${p.ci ? ` (95% interval ${fmt(p.ci[0])} to ${fmt(p.ci[1])})` : ''}`;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const main = known.length === 1
    ? `${options.yLabel}: ${describe(first)}.`
    : `${options.yLabel}: ${describe(first)}, and ${describe(last)}.`;
  const path = cleanTrajectory(options.trajectory, options.unit);
  const pathText = path.length > 1 && options.trajectory
    ? `${options.trajectory.label}: ${fmt(path[0]!.value)} in ${year(path[0]!.year)} to ${fmt(path[path.length - 1]!.value)} in ${year(path[path.length - 1]!.year)}.`
    : '';
  return [main, missingText, pathText].filter(Boolean).join(' ');
}

const SMALL_LINE = lineStep(FONT.small);
const PLOT_HEIGHT = 220;
const CAP = 6;
const TICK = 6;
const ARROW_R = 5;
const ARROW_TIP = ARROW_R * 1.56;

export function trendChart(points: readonly TrendPoint[], options: TrendChartOptions): string {
  const width = chartWidth(options.width, DEFAULT_WIDTH);
  const text = { id: options.id, title: options.title, description: options.description ?? describeTrend(points, options) };
  const cleaned = cleanPoints(points, options.unit);
  if (cleaned.length === 0) return renderMessage(text, width, 'No data');

  const k = displayScale(options.unit);
  const fmt = formatter(options.unit);
  const yearText = options.formatYear ?? String;
  const band = finiteInterval(options.referenceBand);
  const bandShown = band ? ([band[0] * k, band[1] * k] as const) : null;
  const lineValue = finite(options.referenceLine);
  const lineShown = lineValue === null ? null : lineValue * k;
  const logScale = (options.scale ?? (options.unit === 'ratio' ? 'log' : 'linear')) === 'log';
  const trajectory = cleanTrajectory(options.trajectory, options.unit);

  // Y domain and ticks.
  const all = [
    ...cleaned.flatMap((p) => [...(p.value === null ? [] : [p.value]), ...(p.ci ?? [])]),
    ...(bandShown ?? []),
    ...(lineShown === null ? [] : [lineShown]),
    ...trajectory.map((p) => p.value),
  ];
  let yDomain: [number, number];
  let yTicks: readonly number[];
  if (logScale) {
    const axis = ratioAxis(all);
    yDomain = [axis.domain[0], axis.domain[1]];
    yTicks = axis.ticks;
  } else if (options.unit === 'pp') {
    const span = linearSpan(Math.min(...all), Math.max(...all));
    yDomain = [span.min, span.max];
    yTicks = span.ticks;
  } else {
    const axis = linearAxis(Math.max(...all, 0), 5, options.unit === 'ratio' ? undefined : 100);
    yDomain = [0, axis.max];
    yTicks = axis.ticks;
  }
  const tickText = (v: number) =>
    options.unit === 'ratio' ? formatTick(v) : options.unit === 'pp' ? formatTick(v).replace('-', '\u2212') : `${formatTick(v)}%`;

  // Frame.
  const titleLines = wrapText(options.yLabel, width - 2 * PAD, FONT.small, true);
  const plotTop = PAD + titleLines.length * SMALL_LINE + 16;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const left = PAD + Math.max(...yTicks.map((t) => textWidth(tickText(t), FONT.small))) + 10;
  const firstYear = Math.min(cleaned[0]!.year, ...trajectory.map((p) => p.year));
  const lastYear = Math.max(cleaned[cleaned.length - 1]!.year, ...trajectory.map((p) => p.year));
  const yearW = Math.max(...[...cleaned, ...trajectory].map((p) => textWidth(yearText(p.year), FONT.small)));
  const right = width - PAD - Math.max(yearW / 2, 12);
  const x = positionScale({ type: 'linear', domain: [firstYear - 0.5, lastYear + 0.5], range: [left, right] });
  const yScale = positionScale({ type: logScale ? 'log' : 'linear', domain: yDomain, range: [plotBottom, plotTop] });
  const y = (v: number) => (v <= yDomain[0] ? plotBottom : v >= yDomain[1] ? plotTop : yScale(v));
  const clippedLow = (v: number) => v < yDomain[0] || (logScale && v <= 0);
  const clippedHigh = (v: number) => v > yDomain[1];

  // Year ticks: every year if the labels fit, otherwise every 2nd, 5th or 10th.
  const perYear = lastYear > firstYear ? (right - left) / (lastYear - firstYear + 1) : right - left;
  const step = [1, 2, 5, 10, 20, 50].find((s) => s * perYear >= yearW + 10) ?? 100;
  // Counting back from the latest year, so that it is always labelled.
  const yearTicks: number[] = [];
  for (let yr = lastYear; yr >= firstYear; yr -= step) yearTicks.unshift(yr);

  // Points, whiskers, line.
  const whiskers: Segment[] = [];
  const caps: Segment[] = [];
  const up: Point[] = [];
  const down: Point[] = [];
  const pointMarks: Point[] = [];
  const pointsUp: Point[] = [];
  const pointsDown: Point[] = [];
  const path: Segment[] = [];
  const missing: TextItem[] = [];
  const valueAbove: TextItem[] = [];
  const valueBelow: TextItem[] = [];
  const known = cleaned.filter((p) => p.value !== null);
  const labelW = Math.max(0, ...known.map((p) => textWidth(fmt(p.value ?? 0), FONT.small, true)));
  const labelEvery = perYear >= labelW + 6;
  const missingFits = perYear >= textWidth('no figure', FONT.small) + 6;
  let previous: Point | null = null;
  for (const p of cleaned) {
    const px = x(p.year);
    if (p.value === null) {
      missing.push({ x: px, y: plotBottom - 8, text: 'no figure' });
      previous = null;
      continue;
    }
    let top = y(p.value);
    let bottom = y(p.value);
    if (p.ci) {
      const [lo, hi] = p.ci;
      const y1 = y(lo);
      const y2 = y(hi);
      whiskers.push({ x1: px, y1: clippedLow(lo) ? y1 + ARROW_TIP - 2 : y1, x2: px, y2: clippedHigh(hi) ? y2 - ARROW_TIP + 2 : y2 });
      if (clippedLow(lo)) down.push({ x: px, y: plotBottom + ARROW_TIP / 2 });
      else caps.push({ x1: px - CAP, y1, x2: px + CAP, y2: y1 });
      if (clippedHigh(hi)) up.push({ x: px, y: plotTop - ARROW_TIP / 2 });
      else caps.push({ x1: px - CAP, y1: y2, x2: px + CAP, y2 });
      top = Math.min(top, clippedHigh(hi) ? plotTop - ARROW_TIP * 1.5 : y2);
      bottom = Math.max(bottom, clippedLow(lo) ? plotBottom + ARROW_TIP * 1.5 : y1);
    }
    // The line joins consecutive values that are on the axis; a value beyond it is an arrow, and breaks the line.
    const point: Point = { x: px, y: y(p.value) };
    if (clippedLow(p.value)) {
      pointsDown.push({ x: px, y: plotBottom + ARROW_TIP / 2 });
      previous = null;
    } else if (clippedHigh(p.value)) {
      pointsUp.push({ x: px, y: plotTop - ARROW_TIP / 2 });
      previous = null;
    } else {
      pointMarks.push(point);
      if (previous) path.push({ x1: previous.x, y1: previous.y, x2: point.x, y2: point.y });
      previous = point;
    }
    if (labelEvery || p === known[known.length - 1]) {
      const label = { x: px, text: fmt(p.value) };
      if (top - 6 - SMALL_LINE >= PAD + titleLines.length * SMALL_LINE) valueAbove.push({ ...label, y: top - 6 });
      else valueBelow.push({ ...label, y: bottom + 6 });
    }
  }

  // Below the plot: year labels and the legend for the shaded range.
  const axisY = plotBottom + (down.length + pointsDown.length > 0 ? ARROW_TIP * 1.5 : 0);
  let below = axisY + TICK + 3 + SMALL_LINE + 8;
  const legend: Plot.Markish[] = [];
  const lineOnAxis = lineShown !== null && lineShown >= yDomain[0] && lineShown <= yDomain[1];
  if (lineShown !== null && lineOnAxis) {
    const lineText = `${options.referenceLineLabel ?? (options.unit === 'ratio' ? 'Equal likelihood' : 'Reference')}, ${fmt(lineShown)}`;
    const lines = wrapText(lineText, width - 2 * PAD - 28, FONT.small);
    legend.push(
      segments([{ x1: PAD, y1: below + 8, x2: PAD + 20, y2: below + 8 }], { stroke: COLOUR.ink, width: 1.5 }),
      texts([{ x: PAD + 28, y: below, text: lines.join('\n') }], { lineAnchor: 'top', fontSize: FONT.small }),
    );
    below += lines.length * SMALL_LINE + 6;
  }
  if (trajectory.length > 1 && options.trajectory) {
    const lines = wrapText(options.trajectory.label, width - 2 * PAD - 28, FONT.small);
    legend.push(
      segments([{ x1: PAD, y1: below + 8, x2: PAD + 20, y2: below + 8 }], { stroke: COLOUR.darkPink, width: 2, dash: '6,4' }),
      texts([{ x: PAD + 28, y: below, text: lines.join('\n') }], { lineAnchor: 'top', fontSize: FONT.small }),
    );
    below += lines.length * SMALL_LINE + 6;
  }
  if (bandShown) {
    const bandText = `${options.referenceBandLabel ?? 'Reference range'}, ${fmt(bandShown[0])} to ${fmt(bandShown[1])}`;
    const lines = wrapText(bandText, width - 2 * PAD - 28, FONT.small);
    legend.push(
      boxes([{ x1: PAD, y1: below + 1, x2: PAD + 20, y2: below + 15 }], { fill: COLOUR.paleGrey, stroke: COLOUR.midGrey, dash: '3,2' }),
      texts([{ x: PAD + 28, y: below, text: lines.join('\n') }], { lineAnchor: 'top', fontSize: FONT.small }),
    );
    below += lines.length * SMALL_LINE + 4;
  }
  const height = below + PAD - 6;

  const marks: Plot.Markish[] = [
    texts([{ x: PAD, y: PAD, text: titleLines.join('\n') }], { anchor: 'start', lineAnchor: 'top', fontSize: FONT.small, bold: true }),
    segments(yTicks.map((t) => ({ x1: left, y1: y(t), x2: right, y2: y(t) })), { stroke: COLOUR.paleGrey }),
  ];
  if (bandShown) {
    const b0 = Math.max(yDomain[0], bandShown[0]);
    const b1 = Math.min(yDomain[1], bandShown[1]);
    if (b1 > b0) {
      marks.push(
        boxes([{ x1: left, y1: y(b1), x2: right, y2: y(b0) }], { fill: COLOUR.paleGrey }),
        segments([b0, b1].map((b) => ({ x1: left, y1: y(b), x2: right, y2: y(b) })), { stroke: COLOUR.midGrey, dash: '4,3' }),
      );
    }
  }
  if (lineShown !== null && lineOnAxis) {
    marks.push(segments([{ x1: left, y1: y(lineShown), x2: right, y2: y(lineShown) }], { stroke: COLOUR.ink, width: 1.5 }));
  }
  marks.push(
    // Axes.
    segments([{ x1: left, y1: axisY, x2: right, y2: axisY }], { stroke: COLOUR.ink }),
    segments([{ x1: left, y1: plotTop, x2: left, y2: axisY }], { stroke: COLOUR.ink }),
    segments(yearTicks.map((yr) => ({ x1: x(yr), y1: axisY, x2: x(yr), y2: axisY + TICK })), { stroke: COLOUR.ink }),
    texts(yearTicks.map((yr) => ({ x: x(yr), y: axisY + TICK + 3, text: yearText(yr) })), { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    segments(yTicks.map((t) => ({ x1: left - TICK, y1: y(t), x2: left, y2: y(t) })), { stroke: COLOUR.ink }),
    texts(yTicks.map((t) => ({ x: left - TICK - 3, y: y(t), text: tickText(t) })), { anchor: 'end', fontSize: FONT.small }),
    // Data, over the trajectory.
    segments(
      trajectory.slice(1).map((p, i) => ({ x1: x(trajectory[i]!.year), y1: y(trajectory[i]!.value), x2: x(p.year), y2: y(p.value) })),
      { stroke: COLOUR.darkPink, width: 2, dash: '6,4' },
    ),
    segments(path, { stroke: COLOUR.blue, width: 2.5, cap: 'round' }),
    segments(whiskers, { stroke: COLOUR.ink, width: 2 }),
    segments(caps, { stroke: COLOUR.ink, width: 2 }),
    arrows(up, 'up', COLOUR.ink, ARROW_R),
    arrows(down, 'down', COLOUR.ink, ARROW_R),
    dots(pointMarks, { fill: COLOUR.blue, r: 5.5, stroke: COLOUR.white, strokeWidth: 1.5 }),
    arrows(pointsUp, 'up', COLOUR.blue, ARROW_R + 2),
    arrows(pointsDown, 'down', COLOUR.blue, ARROW_R + 2),
    texts(valueAbove, { anchor: 'middle', lineAnchor: 'bottom', fontSize: FONT.small, bold: true }),
    texts(valueBelow, { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small, bold: true }),
    missingFits
      ? texts(missing, { anchor: 'middle', lineAnchor: 'bottom', fontSize: FONT.small, italic: true, fill: COLOUR.darkGrey })
      : texts(missing, { anchor: 'start', fontSize: FONT.small, italic: true, fill: COLOUR.darkGrey, rotate: -90 }),
    ...legend,
  );
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
