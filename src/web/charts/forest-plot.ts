/**
 * Forest plot of relative likelihoods: one row per comparison (the headline, each ethnic group, each staff group
 * or band), each a point with its 95% interval on a log scale, so that 0.5 and 2 — equally large differences in
 * opposite directions — sit equally far from 1. A vertical line marks equal likelihood (1) and the non-adverse
 * range (0.80 to 1.25) is shaded and named in a legend. Every point carries its value in words, and rows without a
 * figure (withheld for disclosure control, or not calculable) are still listed, saying so, so the set of rows
 * matches the table that follows the chart. Values and intervals beyond the axis (0, or above 10) end in an arrow.
 */
import type * as Plot from '@observablehq/plot';
import { ratioAxis } from './axes.ts';
import { arrows, boxes, dots, lineStep, segments, texts, type Segment, type TextItem } from './marks.ts';
import { chartWidth, positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { finite, finiteInterval, formatRatio, formatTick, textWidth, wrapText } from './text.ts';
import { COLOUR, DEFAULT_WIDTH, FONT, PAD } from './theme.ts';

export interface ForestRow {
  readonly label: string;
  /** Relative likelihood; null when withheld or not calculable. */
  readonly value: number | null;
  readonly ci95: readonly [number, number] | null;
  /**
   * For a row without a value, the words shown in its place ("withheld", "not calculable"; the default is
   * "not calculable"). For a row with a value, a short qualifier shown after the label ("small numbers").
   */
  readonly note?: string;
}

export interface ForestPlotOptions extends ChartOptions {
  /** Words under the axis; default "Relative likelihood (log scale)". */
  readonly axisLabel?: string;
  /** What a value below 1 means, shown under the left end of the axis, e.g. "Ethnic minority applicants more likely". */
  readonly belowOneLabel?: string;
  /** What a value above 1 means, shown under the right end of the axis, e.g. "White applicants more likely". */
  readonly aboveOneLabel?: string;
  /** Range to shade; default [0.8, 1.25], NHS England's non-adverse range; null for none. */
  readonly range?: readonly [number, number] | null;
  /** Name of the shaded range in the legend; default "Non-adverse range". */
  readonly rangeLabel?: string;
}

export const NON_ADVERSE: readonly [number, number] = [0.8, 1.25];

interface Cleaned {
  readonly label: string;
  readonly value: number | null;
  readonly ci95: [number, number] | null;
  readonly note: string | null;
}

function clean(row: ForestRow): Cleaned {
  const value = finite(row.value);
  const ci = finiteInterval(row.ci95);
  return {
    label: row.label.trim() === '' ? '(no label)' : row.label.trim(),
    value: value !== null && value >= 0 ? value : null,
    ci95: ci && ci[0] >= 0 ? ci : null,
    note: row.note?.trim() || null,
  };
}

function missingText(row: Cleaned): string {
  return row.note ?? 'not calculable';
}

function intervalText(ci: readonly [number, number] | null): string {
  return ci ? ` (95% interval ${formatRatio(ci[0])} to ${formatRatio(ci[1])})` : '';
}

/** One or two sentences stating the finding in numbers. */
export function describeForest(rows: readonly ForestRow[], range: readonly [number, number] | null = NON_ADVERSE): string {
  const cleaned = rows.map(clean);
  const known = cleaned.filter((r) => r.value !== null);
  const missing = cleaned.length - known.length;
  if (cleaned.length === 0) return 'No data.';
  if (cleaned.length <= 3) {
    return `${cleaned
      .map((r) => (r.value === null ? `${r.label}: ${missingText(r)}` : `${r.label} ${formatRatio(r.value)}${intervalText(r.ci95)}`))
      .join('; ')}.`;
  }
  if (known.length === 0) return `None of the ${cleaned.length} relative likelihoods can be shown: each is withheld or not calculable.`;
  const sorted = [...known].sort((a, b) => (a.value ?? 0) - (b.value ?? 0));
  const low = sorted[0]!;
  const high = sorted[sorted.length - 1]!;
  const parts = [
    `${known.length} relative likelihoods, from ${formatRatio(low.value ?? 0)} (${low.label}) to ${formatRatio(high.value ?? 0)} (${high.label}).`,
  ];
  const extra: string[] = [];
  if (range) {
    const inside = known.filter((r) => (r.value ?? 0) >= range[0] && (r.value ?? 0) <= range[1]).length;
    extra.push(`${inside} within ${formatRatio(range[0])} to ${formatRatio(range[1])}`);
  }
  if (missing > 0) extra.push(`${missing} withheld or not calculable`);
  if (extra.length > 0) parts.push(`${extra.join('; ')}.`.replace(/^./, (c) => c.toUpperCase()));
  return parts.join(' ');
}

const LABEL_LINE = lineStep(FONT.label);
const SMALL_LINE = lineStep(FONT.small);
const CAP = 6;
const POINT_R = 6;
const ARROW_R = 5;
/** Distance from an arrowhead's centre to its tip, for Plot's triangle at r = ARROW_R. */
const ARROW_TIP = ARROW_R * 1.56;
/** Room kept beside the axis ends for arrowheads and half a tick label. */
const END_ROOM = 18;

type Placement = 'right' | 'left' | 'labelLine';

export function forestPlot(rows: readonly ForestRow[], options: ForestPlotOptions): string {
  const width = chartWidth(options.width, DEFAULT_WIDTH);
  const range = options.range === undefined ? NON_ADVERSE : options.range;
  const text = { id: options.id, title: options.title, description: options.description ?? describeForest(rows, range) };
  if (rows.length === 0) return renderMessage(text, width, 'No data');

  const cleaned = rows.map(clean);
  const axis = ratioAxis(cleaned.flatMap((r) => [...(r.value === null ? [] : [r.value]), ...(r.ci95 ?? [])]));
  const [d0, d1] = axis.domain;
  const left = PAD + END_ROOM;
  const right = width - PAD - END_ROOM;
  const x = positionScale({ type: 'log', domain: [d0, d1], range: [left, right] });
  const px = (v: number) => (v <= d0 ? left : v >= d1 ? right : x(v));

  const marks: Plot.Markish[] = [];
  const labelItems: TextItem[] = [];
  const valueRight: TextItem[] = [];
  const valueLeft: TextItem[] = [];
  const valueOnLabelLine: TextItem[] = [];
  const missingItems: TextItem[] = [];
  const intervals: Segment[] = [];
  const caps: Segment[] = [];
  const arrowsLeft: { x: number; y: number }[] = [];
  const arrowsRight: { x: number; y: number }[] = [];
  const points: { x: number; y: number }[] = [];
  const pointsLeft: { x: number; y: number }[] = [];
  const pointsRight: { x: number; y: number }[] = [];

  // Header: the label of the line at 1.
  const equalX = x(1);
  const equalText = 'Equal likelihood';
  const equalW = textWidth(equalText, FONT.small);
  const headerItems: TextItem[] = [
    { x: Math.min(width - PAD - equalW / 2, Math.max(PAD + equalW / 2, equalX)), y: PAD, text: equalText },
  ];
  const rowsTop = PAD + SMALL_LINE + 6;

  let y = rowsTop;
  for (const row of cleaned) {
    const top = y + 4;
    // Where the value goes: right of the interval, else left of it, else at the end of the label line.
    let placement: Placement = 'right';
    const valueText = row.value === null ? '' : formatRatio(row.value);
    const valueW = textWidth(valueText, FONT.label, true);
    let extentLeft = 0;
    let extentRight = 0;
    if (row.value !== null) {
      const lo = row.ci95 ? Math.min(row.ci95[0], row.value) : row.value;
      const hi = row.ci95 ? Math.max(row.ci95[1], row.value) : row.value;
      extentLeft = px(lo) - (lo < d0 ? ARROW_TIP : row.ci95 ? 0 : POINT_R) - 8;
      extentRight = px(hi) + (hi > d1 ? ARROW_TIP : row.ci95 ? 0 : POINT_R) + 8;
      if (extentRight + valueW <= width - PAD) placement = 'right';
      else if (extentLeft - valueW >= PAD) placement = 'left';
      else placement = 'labelLine';
    }
    const labelText = row.value !== null && row.note ? `${row.label} (${row.note})` : row.label;
    const labelRoom = width - 2 * PAD - (placement === 'labelLine' ? valueW + 12 : 0);
    const lines = wrapText(labelText, labelRoom, FONT.label);
    labelItems.push({ x: PAD, y: top, text: lines.join('\n') });
    const cy = top + lines.length * LABEL_LINE + 14;

    if (row.value === null) {
      missingItems.push({ x: left, y: cy, text: missingText(row) });
    } else {
      if (row.ci95) {
        const [lo, hi] = row.ci95;
        const x1 = lo < d0 ? left : px(lo);
        const x2 = hi > d1 ? right : px(hi);
        intervals.push({ x1: lo < d0 ? x1 - ARROW_TIP + 2 : x1, y1: cy, x2: hi > d1 ? x2 + ARROW_TIP - 2 : x2, y2: cy });
        if (lo < d0) arrowsLeft.push({ x: left - ARROW_TIP / 2, y: cy });
        else caps.push({ x1, y1: cy - CAP, x2: x1, y2: cy + CAP });
        if (hi > d1) arrowsRight.push({ x: right + ARROW_TIP / 2, y: cy });
        else caps.push({ x1: x2, y1: cy - CAP, x2, y2: cy + CAP });
      }
      const v = row.value;
      if (v < d0) pointsLeft.push({ x: left - ARROW_TIP / 2, y: cy });
      else if (v > d1) pointsRight.push({ x: right + ARROW_TIP / 2, y: cy });
      else points.push({ x: x(v), y: cy });
      if (placement === 'right') valueRight.push({ x: extentRight, y: cy, text: valueText });
      else if (placement === 'left') valueLeft.push({ x: extentLeft, y: cy, text: valueText });
      else valueOnLabelLine.push({ x: width - PAD, y: top, text: valueText });
    }
    y = cy + 16;
  }
  const rowsBottom = y;

  // Axis.
  const axisY = rowsBottom + 2;
  const tickItems: TextItem[] = axis.ticks.map((t) => ({ x: x(t), y: axisY + CAP + 3, text: formatTick(t) }));
  let below = axisY + CAP + 3 + SMALL_LINE + 6;
  const axisLabel = options.axisLabel ?? 'Relative likelihood (log scale)';
  const axisLabelLines = wrapText(axisLabel, width - 2 * PAD, FONT.small);
  const axisLabelItem: TextItem = { x: width / 2, y: below, text: axisLabelLines.join('\n') };
  below += axisLabelLines.length * SMALL_LINE + 8;

  // Direction words under the two ends of the axis.
  const directionLeft: TextItem[] = [];
  const directionRight: TextItem[] = [];
  if (options.belowOneLabel || options.aboveOneLabel) {
    const half = (width - 2 * PAD - 16) / 2;
    const leftLines = options.belowOneLabel ? wrapText(`←\u00a0${options.belowOneLabel}`, half, FONT.small) : [];
    const rightLines = options.aboveOneLabel ? wrapText(`${options.aboveOneLabel}\u00a0→`, half, FONT.small) : [];
    if (leftLines.length > 0) directionLeft.push({ x: PAD, y: below, text: leftLines.join('\n') });
    if (rightLines.length > 0) directionRight.push({ x: width - PAD, y: below, text: rightLines.join('\n') });
    below += Math.max(leftLines.length, rightLines.length) * SMALL_LINE + 8;
  }

  // Legend for the shaded range.
  const legendMarks: Plot.Markish[] = [];
  if (range) {
    const rangeText = `${options.rangeLabel ?? 'Non-adverse range'}, ${formatRatio(range[0])} to ${formatRatio(range[1])}`;
    const lines = wrapText(rangeText, width - 2 * PAD - 28, FONT.small);
    legendMarks.push(
      boxes([{ x1: PAD, y1: below + 1, x2: PAD + 20, y2: below + 15 }], { fill: COLOUR.paleGrey, stroke: COLOUR.midGrey, dash: '3,2' }),
      texts([{ x: PAD + 28, y: below, text: lines.join('\n') }], { lineAnchor: 'top', fontSize: FONT.small }),
    );
    below += lines.length * SMALL_LINE + 4;
  }
  const height = below + PAD;

  // Behind everything: gridlines, the shaded range and its edges.
  const gridTop = rowsTop;
  if (range) {
    const r0 = Math.max(d0, Math.min(range[0], range[1]));
    const r1 = Math.min(d1, Math.max(range[0], range[1]));
    if (r1 > r0) {
      marks.push(
        boxes([{ x1: x(r0), y1: gridTop, x2: x(r1), y2: axisY }], { fill: COLOUR.paleGrey }),
        segments(
          [r0, r1].map((r) => ({ x1: x(r), y1: gridTop, x2: x(r), y2: axisY })),
          { stroke: COLOUR.midGrey, dash: '4,3' },
        ),
      );
    }
  }
  marks.push(
    segments(
      axis.ticks.filter((t) => t !== 1 && !(range && (t === range[0] || t === range[1]))).map((t) => ({ x1: x(t), y1: gridTop, x2: x(t), y2: axisY })),
      { stroke: COLOUR.paleGrey },
    ),
    segments([{ x1: equalX, y1: rowsTop - 4, x2: equalX, y2: axisY }], { stroke: COLOUR.ink, width: 1.5 }),
    // Axis line and ticks.
    segments([{ x1: left, y1: axisY, x2: right, y2: axisY }], { stroke: COLOUR.ink }),
    segments(axis.ticks.map((t) => ({ x1: x(t), y1: axisY, x2: x(t), y2: axisY + CAP })), { stroke: COLOUR.ink }),
    texts(tickItems, { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts([axisLabelItem], { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    texts(directionLeft, { anchor: 'start', lineAnchor: 'top', fontSize: FONT.small }),
    texts(directionRight, { anchor: 'end', lineAnchor: 'top', fontSize: FONT.small }),
    ...legendMarks,
    texts(headerItems, { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    // Rows.
    texts(labelItems, { anchor: 'start', lineAnchor: 'top' }),
    segments(intervals, { stroke: COLOUR.ink, width: 2 }),
    segments(caps, { stroke: COLOUR.ink, width: 2 }),
    arrows(arrowsLeft, 'left', COLOUR.ink, ARROW_R),
    arrows(arrowsRight, 'right', COLOUR.ink, ARROW_R),
    dots(points, { fill: COLOUR.blue, r: POINT_R, stroke: COLOUR.white, strokeWidth: 1.5 }),
    arrows(pointsLeft, 'left', COLOUR.blue, ARROW_R + 2),
    arrows(pointsRight, 'right', COLOUR.blue, ARROW_R + 2),
    texts(valueRight, { anchor: 'start', bold: true }),
    texts(valueLeft, { anchor: 'end', bold: true }),
    texts(valueOnLabelLine, { anchor: 'end', lineAnchor: 'top', bold: true }),
    texts(missingItems, { anchor: 'start', italic: true, fill: COLOUR.darkGrey }),
  );

  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
