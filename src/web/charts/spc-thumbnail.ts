/**
 * A thumbnail of one statistical process control series for a summary page, about 200 × 56 with no text: the values
 * as a line (broken where a value is missing), the mean as a thin line and, with `showLimits`, the process limits as
 * thin dashed lines, each stepping where a phase changes, and the latest value marked in the Making Data Count colour
 * of its point type. The description says in words what the picture shows; the full chart is spcChart.
 */
import type { PointType } from '../../core/stats/spc/index.ts';
import { dots, segments, type Point, type Segment } from './marks.ts';
import { positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { cleanSpcPoints, formatMonth, POINT_TYPE_LABEL, formatSpcValue, type SpcChartPoint, type SpcUnit } from './spc-chart.ts';
import { COLOUR, SPC_COLOUR } from './theme.ts';

export interface SpcThumbnailOptions extends ChartOptions {
  readonly unit: SpcUnit;
  /** False for a run chart (too few points for limits): no limits, and the latest point is not read. Default true. */
  readonly showLimits?: boolean;
  /** viewBox height (default 56); `width` defaults to 200. */
  readonly height?: number;
  /** How a date is written in the description; default "Apr 2024" for 2024-04. */
  readonly formatDate?: (date: string) => string;
}

export const THUMBNAIL_WIDTH = 200;
export const THUMBNAIL_HEIGHT = 56;
/** Room between the edge and the data, for the latest point's marker. */
export const THUMBNAIL_PAD = 6;

/** Point types in the accessible Making Data Count colours, as the icons use them. */
export const POINT_TYPE_COLOUR: Readonly<Record<PointType, string>> = {
  common_cause: SPC_COLOUR.commonCause,
  special_cause_improvement: SPC_COLOUR.improvement,
  special_cause_concern: SPC_COLOUR.concern,
  special_cause_neutral_high: SPC_COLOUR.neutral,
  special_cause_neutral_low: SPC_COLOUR.neutral,
};

function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  const v = typeof value === 'number' && Number.isFinite(value) ? value : fallback;
  return Math.round(Math.min(max, Math.max(min, v)));
}

/** A thumbnail's viewBox: 200 × 56 unless given, width 120 to 600 and height 32 to 240; shared by every thumbnail. */
export function thumbnailSize(options: { readonly width?: number; readonly height?: number }): { width: number; height: number } {
  return { width: clamp(options.width, THUMBNAIL_WIDTH, 120, 600), height: clamp(options.height, THUMBNAIL_HEIGHT, 32, 240) };
}

/** The span, the first and latest values, the mean (and limits) of the latest point, its reading and the gaps. */
export function describeSpcThumbnail(points: readonly SpcChartPoint[], options: Pick<SpcThumbnailOptions, 'unit' | 'showLimits' | 'formatDate'>): string {
  const showLimits = options.showLimits ?? true;
  const cleaned = cleanSpcPoints(points, showLimits);
  if (cleaned.length === 0) return 'No data.';
  const date = options.formatDate ?? formatMonth;
  const fmt = formatSpcValue(options.unit);
  const n = cleaned.length;
  const span = n === 1 ? `1 month, ${date(cleaned[0]!.date)}` : `${n} months from ${date(cleaned[0]!.date)} to ${date(cleaned[n - 1]!.date)}`;
  const known = cleaned.filter((p) => p.value !== null);
  if (known.length === 0) return `No figures in ${span}.`;
  const first = known[0]!;
  const last = known[known.length - 1]!;
  const parts = [
    known.length === 1
      ? `${span}: one figure, ${fmt(last.value!)} in ${date(last.date)}.`
      : `${span}: ${fmt(first.value!)} in ${date(first.date)}, latest ${fmt(last.value!)} in ${date(last.date)}.`,
  ];
  if (last.mean !== null) parts.push(`Mean ${fmt(last.mean)}.`);
  if (last.lpl !== null && last.upl !== null) parts.push(`Process limits ${fmt(last.lpl)} to ${fmt(last.upl)}.`);
  parts.push(
    showLimits
      ? `Latest reading: ${POINT_TYPE_LABEL[last.pointType].toLowerCase()}.`
      : 'Too few months for process limits, so no reading of variation.',
  );
  const missing = n - known.length;
  if (missing > 0) parts.push(`No figure for ${missing} month${missing === 1 ? '' : 's'}.`);
  return parts.join(' ');
}

/** Horizontal lines across each point's cell, joined where neighbours are equal, so phases show as steps. */
function levels(values: readonly (number | null)[], cellLeft: (i: number) => number, cell: number, y: (v: number) => number): Segment[] {
  const out: Segment[] = [];
  let run: { value: number; from: number; to: number } | null = null;
  const close = () => {
    if (run) out.push({ x1: cellLeft(run.from), y1: y(run.value), x2: cellLeft(run.to) + cell, y2: y(run.value) });
    run = null;
  };
  for (const [i, value] of values.entries()) {
    if (value === null) close();
    else if (run && run.value === value) run.to = i;
    else {
      close();
      run = { value, from: i, to: i };
    }
  }
  close();
  return out;
}

export function spcThumbnail(points: readonly SpcChartPoint[], options: SpcThumbnailOptions): string {
  const { width, height } = thumbnailSize(options);
  const showLimits = options.showLimits ?? true;
  const text = { id: options.id, title: options.title, description: options.description ?? describeSpcThumbnail(points, options) };
  const cleaned = cleanSpcPoints(points, showLimits);
  if (cleaned.length === 0) return renderMessage(text, width, 'No data', height);
  if (cleaned.every((p) => p.value === null)) return renderMessage(text, width, 'No figures', height);

  const all = cleaned.flatMap((p) => [p.value, p.mean, p.lpl, p.upl].filter((v): v is number => v !== null));
  let low = Math.min(...all);
  let high = Math.max(...all);
  if (low === high) [low, high] = [low - 1, high + 1];
  const y = positionScale({ type: 'linear', domain: [low, high], range: [height - THUMBNAIL_PAD, THUMBNAIL_PAD] });
  const cell = (width - 2 * THUMBNAIL_PAD) / cleaned.length;
  const cellLeft = (i: number) => THUMBNAIL_PAD + cell * i;
  const x = (i: number) => cellLeft(i) + cell / 2;

  const line: Segment[] = [];
  const alone: Point[] = [];
  cleaned.forEach((p, i) => {
    if (p.value === null) return;
    const previous = cleaned[i - 1]?.value ?? null;
    const next = cleaned[i + 1]?.value ?? null;
    if (previous !== null) line.push({ x1: x(i - 1), y1: y(previous), x2: x(i), y2: y(p.value) });
    // A value between two gaps has no line to show it.
    if (previous === null && next === null) alone.push({ x: x(i), y: y(p.value) });
  });
  const lastIndex = cleaned.findLastIndex((p) => p.value !== null);
  const last = cleaned[lastIndex]!;

  const marks = [
    segments(levels(cleaned.map((p) => p.lpl), cellLeft, cell, y), { stroke: COLOUR.midGrey, width: 1, dash: '3,2' }),
    segments(levels(cleaned.map((p) => p.upl), cellLeft, cell, y), { stroke: COLOUR.midGrey, width: 1, dash: '3,2' }),
    segments(levels(cleaned.map((p) => p.mean), cellLeft, cell, y), { stroke: COLOUR.midGrey, width: 1 }),
    segments(line, { stroke: COLOUR.darkGrey, width: 1.5, cap: 'round' }),
    dots(alone, { fill: COLOUR.darkGrey, r: 1.5 }),
    dots([{ x: x(lastIndex), y: y(last.value!) }], { fill: POINT_TYPE_COLOUR[last.pointType], r: 4, stroke: COLOUR.white, strokeWidth: 1 }),
  ];
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
