/**
 * The two Making Data Count summary icons as small standalone SVGs, drawn for Mirror in the MDC style rather than
 * copied from any package's icon files:
 *
 * - variation: a ring in the colour of the kind of variation (grey common cause, blue improvement, orange concern,
 *   purple neutral) around a short run of dots — level grey dots for common cause, or grey dots that then rise or
 *   fall to dots in the ring's colour — with H or L for a special cause high or low;
 * - assurance: a ring with a dashed red target line under P (blue, the target will consistently be met), F (orange,
 *   it will consistently not be met) or ? (grey, hit and miss); with no target, a grey ring with a dash.
 *
 * Colours are the accessible MDC shades in theme.ts. Letters sit on a white disc, so they keep 4.5:1 whatever the
 * page's background. An icon is never the only statement of its reading: its <title> says it in words and the page
 * says it in text beside it. Icons have a fixed size in pixels, unlike charts, since they sit beside text.
 */
import type { Assurance, VariationIcon } from '../../core/stats/spc/index.ts';
import { chartId } from './chart-id.ts';
import { dots, segments, texts, type Point } from './marks.ts';
import { renderChart } from './render.ts';
import { assuranceReading, VARIATION_READING } from './spc-chart.ts';
import { COLOUR, SPC_COLOUR } from './theme.ts';

export interface SpcIconOptions {
  /** Width and height in CSS pixels; default 64. At least 48, so that the letter is 14px or more. */
  readonly size?: number;
  /**
   * Unique on the page. The default is built from the icon alone, so a page showing the same icon twice must pass
   * its own, e.g. chartId('variation', seriesName).
   */
  readonly id?: string;
}

export const DEFAULT_ICON_SIZE = 64;
export const MIN_ICON_SIZE = 48;
const MAX_ICON_SIZE = 256;

type Kind = keyof Omit<typeof SPC_COLOUR, 'target'>;

const COLOUR_NAME: Readonly<Record<Kind, string>> = { commonCause: 'grey', improvement: 'blue', concern: 'orange', neutral: 'purple' };

interface VariationDrawing {
  readonly kind: Kind;
  readonly pattern: 'level' | 'rise' | 'fall';
  readonly letter: 'H' | 'L' | null;
}

const VARIATION_DRAWING: Readonly<Record<VariationIcon, VariationDrawing>> = {
  common_cause: { kind: 'commonCause', pattern: 'level', letter: null },
  improvement_high: { kind: 'improvement', pattern: 'rise', letter: 'H' },
  improvement_low: { kind: 'improvement', pattern: 'fall', letter: 'L' },
  concern_high: { kind: 'concern', pattern: 'rise', letter: 'H' },
  concern_low: { kind: 'concern', pattern: 'fall', letter: 'L' },
  neutral_high: { kind: 'neutral', pattern: 'rise', letter: 'H' },
  neutral_low: { kind: 'neutral', pattern: 'fall', letter: 'L' },
};

interface AssuranceDrawing {
  readonly kind: Kind;
  /** An em dash for no target. */
  readonly letter: 'P' | 'F' | '?' | '\u2014';
  readonly targetLine: boolean;
}

function assuranceDrawing(assurance: Assurance | null): AssuranceDrawing {
  switch (assurance) {
    case 'consistent_pass': return { kind: 'improvement', letter: 'P', targetLine: true };
    case 'consistent_fail': return { kind: 'concern', letter: 'F', targetLine: true };
    case 'inconsistent': return { kind: 'commonCause', letter: '?', targetLine: true };
    default: return { kind: 'commonCause', letter: '\u2014', targetLine: false };
  }
}

// Drawings are laid out on a 100 × 100 grid and scaled to the icon's size.
const CENTRE = 50;
const RING_RADIUS = 43;
const RING_WIDTH = 7;
const DOT_RADIUS = 5.5;
const DOT_X = [26, 38, 50, 62, 74] as const;
/** The last two dots are the special cause, in the ring's colour. */
const SPECIAL_DOTS = 2;
const DOT_Y: Readonly<Record<VariationDrawing['pattern'], readonly number[]>> = {
  level: [52, 46, 55, 47, 51],
  rise: [70, 66, 70, 56, 45],
  fall: [30, 34, 30, 44, 55],
};
const DOT_DESCRIPTION: Readonly<Record<VariationDrawing['pattern'], string>> = {
  level: 'a level run of grey dots',
  rise: 'a run of grey dots rising to two {colour} dots',
  fall: 'a run of grey dots falling to two {colour} dots',
};

function iconSize(size: number | undefined): number {
  const s = typeof size === 'number' && Number.isFinite(size) ? size : DEFAULT_ICON_SIZE;
  return Math.round(Math.min(MAX_ICON_SIZE, Math.max(MIN_ICON_SIZE, s)));
}

/** The icon's frame and the ring every icon has: white inside, so letters and dots are always on white. */
function iconFrame(size: number, colour: string) {
  const k = size / 100;
  const at = (p: Point): Point => ({ x: p.x * k, y: p.y * k });
  const ring = dots([at({ x: CENTRE, y: CENTRE })], { fill: COLOUR.white, r: RING_RADIUS * k, stroke: colour, strokeWidth: RING_WIDTH * k });
  const letter = (text: string, y: number, fontSize: number) =>
    texts([{ ...at({ x: CENTRE, y }), text }], { anchor: 'middle', fontSize: fontSize * k, bold: true, fill: colour, halo: null });
  const frame = { width: size, height: size, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } } as const;
  return { k, at, ring, letter, frame };
}

/** Letter sizes on the 100 grid: 30 is 14.4px at the smallest icon. */
const VARIATION_LETTER = 30;
const ASSURANCE_LETTER = 40;
/** H above the rising dots, L below the falling ones. */
const LETTER_Y = { H: 28, L: 73 } as const;
/** The assurance letter stands on the target line. */
const ASSURANCE_LETTER_Y = 43;
const TARGET_LINE = { x1: 24, x2: 76, y: 70, width: 4, dash: [7, 5] } as const;

/** The Making Data Count variation icon for the latest point of a series, with its reading as the title. */
export function variationIconSvg(icon: VariationIcon, options: SpcIconOptions = {}): string {
  const drawing = VARIATION_DRAWING[icon];
  const size = iconSize(options.size);
  const colour = SPC_COLOUR[drawing.kind];
  const { k, at, ring, letter, frame } = iconFrame(size, colour);
  const points = DOT_X.map((x, i) => at({ x, y: DOT_Y[drawing.pattern][i] ?? CENTRE }));
  const isSpecial = (i: number) => drawing.pattern !== 'level' && i >= points.length - SPECIAL_DOTS;
  const join = points.slice(1).map((p, i) => ({ x1: points[i]!.x, y1: points[i]!.y, x2: p.x, y2: p.y }));
  const marks = [
    ring,
    segments(join, { stroke: SPC_COLOUR.commonCause, width: 2 * k }),
    dots(points.filter((_, i) => !isSpecial(i)), { fill: SPC_COLOUR.commonCause, r: DOT_RADIUS * k }),
    dots(points.filter((_, i) => isSpecial(i)), { fill: colour, r: DOT_RADIUS * k }),
  ];
  if (drawing.letter) marks.push(letter(drawing.letter, LETTER_Y[drawing.letter], VARIATION_LETTER));
  const pattern = DOT_DESCRIPTION[drawing.pattern].replace('{colour}', COLOUR_NAME[drawing.kind]);
  const description =
    `Making Data Count variation icon: a ${COLOUR_NAME[drawing.kind]} ring around ${pattern}` +
    `${drawing.letter ? `, with the letter ${drawing.letter}` : ''}.`;
  return renderChart(
    { id: options.id ?? chartId('spc-variation', icon), title: `Variation: ${VARIATION_READING[icon]}`, description },
    frame,
    marks,
    { width: size, height: size },
  );
}

/** The Making Data Count assurance icon (null: no target), with its reading as the title. */
export function assuranceIconSvg(assurance: Assurance | null, options: SpcIconOptions = {}): string {
  const drawing = assuranceDrawing(assurance);
  const size = iconSize(options.size);
  const colour = SPC_COLOUR[drawing.kind];
  const { k, ring, letter, frame } = iconFrame(size, colour);
  const marks = [ring];
  if (drawing.targetLine) {
    const { x1, x2, y, width, dash } = TARGET_LINE;
    marks.push(segments([{ x1: x1 * k, y1: y * k, x2: x2 * k, y2: y * k }], { stroke: SPC_COLOUR.target, width: width * k, dash: dash.map((d) => d * k).join(',') }));
  }
  marks.push(letter(drawing.letter, drawing.targetLine ? ASSURANCE_LETTER_Y : CENTRE, ASSURANCE_LETTER));
  const mark = drawing.letter === '?' ? 'a question mark' : `the letter ${drawing.letter}`;
  const shown = drawing.targetLine ? `${mark} above a dashed red target line` : 'a dash, for no target';
  return renderChart(
    {
      id: options.id ?? chartId('spc-assurance', assurance ?? 'none'),
      title: `Assurance: ${assuranceReading(assurance)}`,
      description: `Making Data Count assurance icon: a ${COLOUR_NAME[drawing.kind]} ring with ${shown}.`,
    },
    frame,
    marks,
    { width: size, height: size },
  );
}

