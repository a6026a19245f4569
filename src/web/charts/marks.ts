/**
 * Small builders over Plot marks in pixel coordinates: every chart lays itself out in viewBox units (both scales
 * are identity scales) and uses Plot to draw, so label placement and the marks always agree.
 */
import * as Plot from '@observablehq/plot';
import { COLOUR, FONT } from './theme.ts';

export interface Point {
  readonly x: number;
  readonly y: number;
}

export interface Segment {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface Box {
  readonly x1: number;
  readonly y1: number;
  readonly x2: number;
  readonly y2: number;
}

export interface TextItem extends Point {
  readonly text: string;
}

export interface TextStyle {
  readonly anchor?: 'start' | 'middle' | 'end';
  /** Which part of the text box y refers to: the top of the first line, the middle, or the bottom of the last. */
  readonly lineAnchor?: 'top' | 'middle' | 'bottom';
  readonly fontSize?: number;
  readonly bold?: boolean;
  readonly italic?: boolean;
  readonly fill?: string;
  /** Outline in this colour so lines passing behind the text do not strike through it (default white). */
  readonly halo?: string | null;
  /** Line height in ems for multi-line text (lines are separated by "\n"). */
  readonly lineHeight?: number;
  /** Degrees clockwise, e.g. -90 to read upwards. */
  readonly rotate?: number;
}

export function texts(items: readonly TextItem[], style: TextStyle = {}): Plot.Markish {
  const halo = style.halo === undefined ? COLOUR.white : style.halo;
  return Plot.text(items, {
    x: (d: TextItem) => d.x,
    y: (d: TextItem) => d.y,
    text: (d: TextItem) => d.text,
    textAnchor: style.anchor ?? 'start',
    lineAnchor: style.lineAnchor ?? 'middle',
    lineHeight: style.lineHeight ?? 1.2,
    fontSize: style.fontSize ?? FONT.label,
    fontWeight: style.bold ? 'bold' : undefined,
    fontStyle: style.italic ? 'italic' : undefined,
    fill: style.fill ?? COLOUR.ink,
    ...(style.rotate ? { rotate: style.rotate } : {}),
    ...(halo ? { stroke: halo, strokeWidth: 4, strokeLinejoin: 'round' } : {}),
  });
}

export interface LineStyle {
  readonly stroke?: string;
  readonly width?: number;
  readonly dash?: string;
  readonly cap?: 'butt' | 'round' | 'square';
}

export function segments(items: readonly Segment[], style: LineStyle = {}): Plot.Markish {
  return Plot.link(items, {
    x1: (d: Segment) => d.x1,
    y1: (d: Segment) => d.y1,
    x2: (d: Segment) => d.x2,
    y2: (d: Segment) => d.y2,
    stroke: style.stroke ?? COLOUR.ink,
    strokeWidth: style.width ?? 1,
    strokeLinecap: style.cap ?? 'butt',
    ...(style.dash ? { strokeDasharray: style.dash } : {}),
  });
}

/** Polylines, one per run of points (a run of fewer than two points draws nothing). */
export function polylines(runs: readonly (readonly Point[])[], style: LineStyle = {}): Plot.Markish {
  const data = runs.flatMap((run, i) => run.map((p) => ({ ...p, run: i })));
  return Plot.line(data, {
    x: (d: { x: number }) => d.x,
    y: (d: { y: number }) => d.y,
    z: (d: { run: number }) => d.run,
    stroke: style.stroke ?? COLOUR.ink,
    strokeWidth: style.width ?? 1,
    fill: 'none',
    ...(style.dash ? { strokeDasharray: style.dash } : {}),
  });
}

export interface BoxStyle {
  readonly fill: string;
  readonly stroke?: string;
  readonly width?: number;
  readonly dash?: string;
}

export function boxes(items: readonly Box[], style: BoxStyle): Plot.Markish {
  return Plot.rect(items, {
    x1: (d: Box) => d.x1,
    y1: (d: Box) => d.y1,
    x2: (d: Box) => d.x2,
    y2: (d: Box) => d.y2,
    fill: style.fill,
    ...(style.stroke ? { stroke: style.stroke, strokeWidth: style.width ?? 1 } : {}),
    ...(style.dash ? { strokeDasharray: style.dash } : {}),
  });
}

export interface DotStyle {
  readonly fill: string;
  readonly r: number;
  readonly symbol?: 'circle' | 'diamond' | 'square' | 'triangle';
  /** Degrees clockwise; a triangle points up at 0. */
  readonly rotate?: number;
  readonly stroke?: string;
  readonly strokeWidth?: number;
}

export function dots(items: readonly Point[], style: DotStyle): Plot.Markish {
  return Plot.dot(items, {
    x: (d: Point) => d.x,
    y: (d: Point) => d.y,
    r: style.r,
    fill: style.fill,
    symbol: style.symbol ?? 'circle',
    ...(style.rotate ? { rotate: style.rotate } : {}),
    ...(style.stroke ? { stroke: style.stroke, strokeWidth: style.strokeWidth ?? 1 } : { stroke: 'none' }),
  });
}

/** Arrowheads marking an interval or value that runs beyond the axis, pointing the way it continues. */
export function arrows(items: readonly Point[], direction: 'left' | 'right' | 'up' | 'down', fill: string = COLOUR.ink, r = 5): Plot.Markish {
  const rotate = { up: 0, right: 90, down: 180, left: 270 }[direction];
  return dots(items, { fill, r, symbol: 'triangle', rotate });
}

/** Line height in viewBox units for the given font size and line-height factor. */
export function lineStep(fontSize: number, lineHeight = 1.2): number {
  return fontSize * lineHeight;
}
