/**
 * A thumbnail of one senior band against its Model Employer-style target, about 200 × 56 with no text, on a
 * horizontal scale of percentages:
 *
 * - the band's current ethnic minority share as a blue dot, with its 95% interval as a dark horizontal bar;
 * - this year's trajectory point as a short, thick pink vertical tick across the bar;
 * - the goal as a long dark vertical line from top to bottom;
 * - a grey axis along the bottom with unlabelled ticks.
 *
 * Each is a different shape (dot, horizontal bar, short tick, long line), so none relies on colour alone. The scale
 * runs from 0 to a round maximum just above the largest of the goal, the interval, the share and the trajectory point
 * (linearAxis, at most 100%), not 0 to 100%: senior shares and goals are often below 30%, and on a 0–100% scale they
 * would be squashed into the left third. Give several bands the same `scaleMax` to put them on one scale. The full
 * picture over the years is the targets page's trend chart.
 */
import { linearAxis } from './axes.ts';
import { dots, segments, type Segment } from './marks.ts';
import { positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { thumbnailSize } from './spc-thumbnail.ts';
import { finite, finiteInterval, formatPct, textWidth } from './text.ts';
import { COLOUR, FONT, PAD } from './theme.ts';

/** One band's reading: a BandTarget (src/core/targets/model-employer.ts) can be passed as it is. */
export interface TargetThumbnailInput {
  /** The goal, 0–100. */
  readonly goalPct: number;
  /** The latest year: its trajectory point and its actual share, both 0–100. */
  readonly current: {
    readonly trajectoryPct: number | null;
    readonly actual: { readonly pct: number | null; readonly ci95: readonly [number, number] | null };
  };
  /** Every year from baseline to horizon; the last year is the horizon, named with the goal. */
  readonly trajectory: readonly { readonly year: number; readonly pct: number }[];
}

export interface TargetThumbnailOptions extends ChartOptions {
  /** viewBox height (default 56); `width` defaults to 200. */
  readonly height?: number;
  /** A percentage the scale reaches at least (rounded up), to put several bands on one scale. */
  readonly scaleMax?: number;
}

/** Room between the edge and the marks, for the dot and its outline. */
export const TARGET_THUMBNAIL_PAD = 8;
export const DOT_R = 5;
/** The number of ticks linearAxis aims for. */
const TICKS = 4;
const NOBODY = 'Nobody in the band';

interface Reading {
  readonly pct: number | null;
  readonly ci: [number, number] | null;
  readonly trajectory: number | null;
  readonly goal: number | null;
  readonly horizon: number | null;
}

function reading(input: TargetThumbnailInput): Reading {
  const years = input.trajectory.map((p) => finite(p.year)).filter((y): y is number => y !== null);
  const pct = finite(input.current.actual.pct);
  return {
    pct,
    ci: pct === null ? null : finiteInterval(input.current.actual.ci95),
    trajectory: finite(input.current.trajectoryPct),
    goal: finite(input.goalPct),
    horizon: years.length > 0 ? Math.max(...years) : null,
  };
}

/** "18.7% (95% interval 13.6% to 25.2%); trajectory 15.3% this year; goal 28.7% by 2035." */
export function describeTargetThumbnail(input: TargetThumbnailInput): string {
  const r = reading(input);
  const rest = [
    r.trajectory === null ? null : `trajectory ${formatPct(r.trajectory)} this year`,
    r.goal === null ? null : `goal ${formatPct(r.goal)}${r.horizon === null ? '' : ` by ${r.horizon}`}`,
  ].filter((part) => part !== null);
  if (r.pct === null) {
    const then = rest.join('; ');
    return `Nobody in the band this year.${then ? ` ${then[0]!.toUpperCase()}${then.slice(1)}.` : ''}`;
  }
  const share = `${formatPct(r.pct)}${r.ci ? ` (95% interval ${formatPct(r.ci[0])} to ${formatPct(r.ci[1])})` : ''}`;
  return `${[share, ...rest].join('; ')}.`;
}

export function targetThumbnail(input: TargetThumbnailInput, options: TargetThumbnailOptions): string {
  const { width, height } = thumbnailSize(options);
  const text = { id: options.id, title: options.title, description: options.description ?? describeTargetThumbnail(input) };
  const r = reading(input);
  if (r.pct === null) {
    return renderMessage(text, width, textWidth(NOBODY, FONT.label) <= width - 2 * PAD ? NOBODY : 'No staff', height);
  }

  const pad = TARGET_THUMBNAIL_PAD;
  const wanted = [r.pct, r.ci?.[1] ?? 0, r.trajectory ?? 0, r.goal ?? 0, finite(options.scaleMax) ?? 0];
  const axis = linearAxis(Math.min(100, Math.max(...wanted)), TICKS, 100);
  const x = positionScale({ type: 'linear', domain: [0, axis.max], range: [pad, width - pad] });
  const at = (v: number) => x(Math.min(axis.max, Math.max(0, v)));

  // Vertical layout: the axis along the bottom, the share's row in the middle of the space above it.
  const axisY = height - pad;
  const rowY = (pad + axisY) / 2;
  const tickHalf = (axisY - pad) * 0.22;
  const vertical = (v: number, half: number): Segment => ({ x1: at(v), y1: rowY - half, x2: at(v), y2: rowY + half });

  const marks = [
    segments([{ x1: x(0), y1: axisY, x2: x(axis.max), y2: axisY }], { stroke: COLOUR.midGrey, width: 1 }),
    segments(axis.ticks.map((t) => ({ x1: x(t), y1: axisY, x2: x(t), y2: axisY - 3 })), { stroke: COLOUR.midGrey, width: 1 }),
    segments(r.goal === null ? [] : [{ x1: at(r.goal), y1: pad, x2: at(r.goal), y2: axisY }], { stroke: COLOUR.ink, width: 2 }),
    segments(r.ci ? [{ x1: at(r.ci[0]), y1: rowY, x2: at(r.ci[1]), y2: rowY }] : [], { stroke: COLOUR.ink, width: 3, cap: 'round' }),
    segments(r.trajectory === null ? [] : [vertical(r.trajectory, tickHalf)], { stroke: COLOUR.darkPink, width: 3 }),
    dots([{ x: at(r.pct), y: rowY }], { fill: COLOUR.blue, r: DOT_R, stroke: COLOUR.white, strokeWidth: 1.5 }),
  ];
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
