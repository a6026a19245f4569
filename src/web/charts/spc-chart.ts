/**
 * A Making Data Count statistical process control (XmR) chart of one series, drawn from what `spc()` returns: the
 * values joined by a line (broken where a value is missing, which is marked with a tick on the axis), the mean and
 * the process limits of each point's phase, and a marker for each point whose **shape** as well as colour says what
 * it is: a circle for common cause, a square for special cause improvement, a diamond for special cause concern and
 * a triangle (pointing up or down) for a special cause with no better direction. With `showLimits: false` (too few
 * points for limits) it is a run chart: values and mean only, every point a circle. The description names the
 * variation and assurance readings in words.
 */
import type * as Plot from '@observablehq/plot';
import type { Assurance, PointType, VariationIcon } from '../../core/stats/spc/index.ts';
import { linearSpan } from './axes.ts';
import { dots, lineStep, segments, texts, type Point, type Segment } from './marks.ts';
import { chartWidth, positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { finite, formatCount, formatPct, formatPer1000, formatRatio, formatTick, textWidth, wrapText } from './text.ts';
import { COLOUR, DEFAULT_WIDTH, FONT, PAD } from './theme.ts';

export interface SpcChartPoint {
  /** YYYY-MM or YYYY-MM-DD. */
  readonly date: string;
  readonly value: number | null;
  readonly mean: number | null;
  readonly lpl: number | null;
  readonly upl: number | null;
  readonly pointType: PointType;
}

/** Relative likelihood (two decimals), a percentage already in 0–100, or a rate per 1,000 people. */
/** 'count': a number of things a month (reports), written whole, with one decimal for a mean or limit. */
export type SpcUnit = 'ratio' | 'pct' | 'per1000' | 'count';

export interface SpcChartOptions extends ChartOptions {
  /** What is measured, shown above the y axis. */
  readonly yLabel: string;
  readonly unit: SpcUnit;
  /** From `spc()`; read out in the description. */
  readonly variation: VariationIcon | null;
  readonly assurance: Assurance | null;
  /** False for a run chart (too few points for limits): no limits, no special-cause markers. Default true. */
  readonly showLimits?: boolean;
  /** A value to mark with a line, e.g. 1 for equal likelihood. */
  readonly referenceLine?: number | null;
  readonly referenceLineLabel?: string;
  /** How a date is written on the axis and in the description; default "Apr 2024" for 2024-04. */
  readonly formatDate?: (date: string) => string;
}

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "2024-04" or "2024-04-15" → "Apr 2024"; anything else as given. */
export function formatMonth(date: string): string {
  const match = /^(\d{4})-(\d{2})/.exec(date);
  const month = match ? MONTHS[Number(match[2]) - 1] : undefined;
  return match && month ? `${month} ${match[1]}` : date;
}

/** The variation icons in plain words. */
export const VARIATION_READING: Readonly<Record<VariationIcon, string>> = {
  common_cause: 'common cause variation: the latest month is within what this process usually shows, with no sign of a real change',
  improvement_high: 'special cause improvement: a real change for the better, upwards',
  improvement_low: 'special cause improvement: a real change for the better, downwards',
  concern_high: 'special cause concern: a real change for the worse, upwards',
  concern_low: 'special cause concern: a real change for the worse, downwards',
  neutral_high: 'special cause variation upwards, where neither direction is better',
  neutral_low: 'special cause variation downwards, where neither direction is better',
};

/** The assurance readings in plain words; null is "no target". */
export function assuranceReading(assurance: Assurance | null): string {
  switch (assurance) {
    case 'consistent_pass': return 'the target will consistently be met';
    case 'consistent_fail': return 'the target will consistently not be met';
    case 'inconsistent': return 'the target may or may not be met';
    default: return 'none, as no target is set';
  }
}

/** Point types in words, for legends and tables. */
export const POINT_TYPE_LABEL: Readonly<Record<PointType, string>> = {
  common_cause: 'Common cause',
  special_cause_improvement: 'Special cause improvement',
  special_cause_concern: 'Special cause concern',
  special_cause_neutral_high: 'Special cause (high)',
  special_cause_neutral_low: 'Special cause (low)',
};

interface Marker {
  readonly symbol: 'circle' | 'square' | 'diamond' | 'triangle';
  readonly fill: string;
  readonly rotate?: number;
  readonly r: number;
  /** Legend text. */
  readonly label: string;
}

const MARKERS: Readonly<Record<PointType, Marker>> = {
  common_cause: { symbol: 'circle', fill: COLOUR.darkGrey, r: 4.5, label: 'Common cause (circle)' },
  special_cause_improvement: { symbol: 'square', fill: COLOUR.blue, r: 6, label: 'Special cause improvement (square)' },
  special_cause_concern: { symbol: 'diamond', fill: COLOUR.darkPink, r: 7, label: 'Special cause concern (diamond)' },
  special_cause_neutral_high: { symbol: 'triangle', fill: COLOUR.darkBlue, r: 6, label: 'Special cause, high (triangle up)' },
  special_cause_neutral_low: { symbol: 'triangle', fill: COLOUR.darkBlue, rotate: 180, r: 6, label: 'Special cause, low (triangle down)' },
};

const POINT_ORDER: readonly PointType[] = [
  'common_cause', 'special_cause_improvement', 'special_cause_concern', 'special_cause_neutral_high', 'special_cause_neutral_low',
];

/** How a value of the unit is written, in the chart, its description and the table beside it. */
export function formatSpcValue(unit: SpcUnit): (v: number) => string {
  if (unit === 'count') return (v) => (Number.isInteger(v) ? formatCount(v) : v.toFixed(1));
  return unit === 'ratio' ? formatRatio : unit === 'pct' ? formatPct : formatPer1000;
}

/** Non-finite numbers become missing; without limits, every point is common cause (a run chart). */
export function cleanSpcPoints(points: readonly SpcChartPoint[], showLimits: boolean): SpcChartPoint[] {
  return points.map((p) => ({
    date: p.date,
    value: finite(p.value),
    mean: finite(p.mean),
    lpl: showLimits ? finite(p.lpl) : null,
    upl: showLimits ? finite(p.upl) : null,
    pointType: showLimits && p.value !== null ? p.pointType : 'common_cause',
  }));
}

/** The number of values, the span, mean and limits of the latest point, the latest value, the readings and the gaps. */
export function describeSpc(points: readonly SpcChartPoint[], options: Omit<SpcChartOptions, 'id' | 'title'>): string {
  const showLimits = options.showLimits ?? true;
  const cleaned = cleanSpcPoints(points, showLimits);
  if (cleaned.length === 0) return 'No data.';
  const date = options.formatDate ?? formatMonth;
  const fmt = formatSpcValue(options.unit);
  const known = cleaned.filter((p) => p.value !== null);
  const missing = cleaned.filter((p) => p.value === null).map((p) => date(p.date));
  const span = `${cleaned.length} month${cleaned.length === 1 ? '' : 's'} from ${date(cleaned[0]!.date)} to ${date(cleaned[cleaned.length - 1]!.date)}`;
  if (known.length === 0) return `${options.yLabel}: no figures in ${span}.`;
  const last = known[known.length - 1]!;
  const parts = [`${options.yLabel}, ${span}: latest ${fmt(last.value ?? 0)} in ${date(last.date)}.`];
  if (last.mean !== null) parts.push(`Mean ${fmt(last.mean)}.`);
  if (!showLimits) {
    parts.push('Too few months for process limits: a run chart only, with no variation or assurance reading.');
  } else {
    if (last.lpl !== null && last.upl !== null) parts.push(`Process limits ${fmt(last.lpl)} to ${fmt(last.upl)}.`);
    const special = known.filter((p) => p.pointType !== 'common_cause').length;
    parts.push(`${special} month${special === 1 ? '' : 's'} with special cause variation.`);
    parts.push(`Variation: ${options.variation ? VARIATION_READING[options.variation] : 'none'}.`);
    parts.push(`Assurance: ${assuranceReading(options.assurance)}.`);
  }
  if (missing.length > 0) parts.push(`No figure for ${missing.join(', ')}.`);
  return parts.join(' ');
}

const SMALL_LINE = lineStep(FONT.small);
const PLOT_HEIGHT = 220;
const TICK = 6;

export function spcChart(points: readonly SpcChartPoint[], options: SpcChartOptions): string {
  const width = chartWidth(options.width, DEFAULT_WIDTH);
  const text = { id: options.id, title: options.title, description: options.description ?? describeSpc(points, options) };
  const showLimits = options.showLimits ?? true;
  const cleaned = cleanSpcPoints(points, showLimits);
  if (cleaned.length === 0) return renderMessage(text, width, 'No data');
  const date = options.formatDate ?? formatMonth;
  const reference = finite(options.referenceLine);

  // Y axis: every value, mean, limit and the reference line.
  const all = [
    ...cleaned.flatMap((p) => [p.value, p.mean, p.lpl, p.upl].filter((v): v is number => v !== null)),
    ...(reference === null ? [] : [reference]),
  ];
  const span = linearSpan(Math.min(...all, 0), Math.max(...all, 0));
  const yTicks = span.ticks;
  const tickText = (v: number) => `${formatTick(v).replace('-', '\u2212')}${options.unit === 'pct' ? '%' : ''}`;

  // Frame.
  const titleLines = wrapText(options.yLabel, width - 2 * PAD, FONT.small, true);
  const plotTop = PAD + titleLines.length * SMALL_LINE + 12;
  const plotBottom = plotTop + PLOT_HEIGHT;
  const left = PAD + Math.max(...yTicks.map((t) => textWidth(tickText(t), FONT.small))) + 10;
  const labelW = Math.max(...cleaned.map((p) => textWidth(date(p.date), FONT.small)));
  const right = width - PAD - Math.max(labelW / 2 - 6, 6);
  const n = cleaned.length;
  const cell = (right - left) / n;
  const x = (i: number) => left + cell * (i + 0.5);
  const y = positionScale({ type: 'linear', domain: [span.min, span.max], range: [plotBottom, plotTop] });

  // Date labels: every month if they fit, otherwise every 2nd, 3rd, 6th or 12th, always including the latest.
  const step = [1, 2, 3, 4, 6, 12, 24, 60].find((s) => s * cell >= labelW + 8) ?? 120;
  const labelled: number[] = [];
  for (let i = n - 1; i >= 0; i -= step) labelled.unshift(i);

  // Data: centre line and limits per point's cell (so phases step), the value line, markers, gap ticks.
  const meanSegs: Segment[] = [];
  const limitSegs: Segment[] = [];
  const path: Segment[] = [];
  const gaps: Segment[] = [];
  const byType = new Map<PointType, Point[]>();
  let previous: Point | null = null;
  cleaned.forEach((p, i) => {
    const x1 = left + cell * i;
    const x2 = x1 + cell;
    if (p.mean !== null) meanSegs.push({ x1, y1: y(p.mean), x2, y2: y(p.mean) });
    for (const limit of [p.lpl, p.upl]) if (limit !== null) limitSegs.push({ x1, y1: y(limit), x2, y2: y(limit) });
    if (p.value === null) {
      gaps.push({ x1: x(i), y1: plotBottom - 10, x2: x(i), y2: plotBottom });
      previous = null;
      return;
    }
    const point = { x: x(i), y: y(p.value) };
    if (previous) path.push({ x1: previous.x, y1: previous.y, x2: point.x, y2: point.y });
    previous = point;
    const list = byType.get(p.pointType) ?? [];
    list.push(point);
    byType.set(p.pointType, list);
  });

  // Legend below the axis.
  const axisY = plotBottom;
  let below = axisY + TICK + 3 + SMALL_LINE + 10;
  const legend: Plot.Markish[] = [];
  const legendLine = (label: string, sample: (yMid: number) => Plot.Markish) => {
    const lines = wrapText(label, width - 2 * PAD - 28, FONT.small);
    legend.push(sample(below + 8), texts([{ x: PAD + 28, y: below, text: lines.join('\n') }], { lineAnchor: 'top', fontSize: FONT.small }));
    below += lines.length * SMALL_LINE + 6;
  };
  if (meanSegs.length > 0) legendLine('Mean', (ym) => segments([{ x1: PAD, y1: ym, x2: PAD + 20, y2: ym }], { stroke: COLOUR.ink, width: 1.5 }));
  if (limitSegs.length > 0) {
    legendLine('Process limits', (ym) => segments([{ x1: PAD, y1: ym, x2: PAD + 20, y2: ym }], { stroke: COLOUR.darkGrey, width: 1.5, dash: '5,3' }));
  }
  const referenceOnAxis = reference !== null && reference >= span.min && reference <= span.max;
  if (reference !== null && referenceOnAxis) {
    const label = `${options.referenceLineLabel ?? (options.unit === 'ratio' ? 'Equal likelihood' : 'Reference')}, ${formatSpcValue(options.unit)(reference)}`;
    legendLine(label, (ym) => segments([{ x1: PAD, y1: ym, x2: PAD + 20, y2: ym }], { stroke: COLOUR.darkPink, width: 1.5, dash: '2,3' }));
  }
  for (const type of POINT_ORDER) {
    if (!byType.has(type)) continue;
    const m = MARKERS[type];
    legendLine(m.label, (ym) => dots([{ x: PAD + 10, y: ym }], { fill: m.fill, r: m.r, symbol: m.symbol, ...(m.rotate ? { rotate: m.rotate } : {}), stroke: COLOUR.white, strokeWidth: 1 }));
  }
  if (gaps.length > 0) legendLine('Month with no figure', (ym) => segments([{ x1: PAD + 10, y1: ym - 5, x2: PAD + 10, y2: ym + 5 }], { stroke: COLOUR.midGrey, width: 2 }));
  const height = below + PAD - 6;

  const marks: Plot.Markish[] = [
    texts([{ x: PAD, y: PAD, text: titleLines.join('\n') }], { anchor: 'start', lineAnchor: 'top', fontSize: FONT.small, bold: true }),
    segments(yTicks.map((t) => ({ x1: left, y1: y(t), x2: right, y2: y(t) })), { stroke: COLOUR.paleGrey }),
  ];
  if (reference !== null && referenceOnAxis) {
    marks.push(segments([{ x1: left, y1: y(reference), x2: right, y2: y(reference) }], { stroke: COLOUR.darkPink, width: 1.5, dash: '2,3' }));
  }
  marks.push(
    segments(limitSegs, { stroke: COLOUR.darkGrey, width: 1.5, dash: '5,3' }),
    segments(meanSegs, { stroke: COLOUR.ink, width: 1.5 }),
    // Axes.
    segments([{ x1: left, y1: axisY, x2: right, y2: axisY }], { stroke: COLOUR.ink }),
    segments([{ x1: left, y1: plotTop, x2: left, y2: axisY }], { stroke: COLOUR.ink }),
    segments(labelled.map((i) => ({ x1: x(i), y1: axisY, x2: x(i), y2: axisY + TICK })), { stroke: COLOUR.ink }),
    texts(labelled.map((i) => ({ x: x(i), y: axisY + TICK + 3, text: date(cleaned[i]!.date) })), { anchor: 'middle', lineAnchor: 'top', fontSize: FONT.small }),
    segments(yTicks.map((t) => ({ x1: left - TICK, y1: y(t), x2: left, y2: y(t) })), { stroke: COLOUR.ink }),
    texts(yTicks.map((t) => ({ x: left - TICK - 3, y: y(t), text: tickText(t) })), { anchor: 'end', fontSize: FONT.small }),
    // Data.
    segments(gaps, { stroke: COLOUR.midGrey, width: 2 }),
    segments(path, { stroke: COLOUR.blue, width: 2, cap: 'round' }),
  );
  for (const type of POINT_ORDER) {
    const list = byType.get(type);
    if (!list) continue;
    const m = MARKERS[type];
    marks.push(dots(list, { fill: m.fill, r: m.r, symbol: m.symbol, ...(m.rotate ? { rotate: m.rotate } : {}), stroke: COLOUR.white, strokeWidth: 1 }));
  }
  marks.push(...legend);
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
