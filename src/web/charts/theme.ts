/**
 * Colours, type and spacing shared by every chart. Colours are from the NHS identity palette and are used only
 * where they meet WCAG 2.2 AA on white: text colours reach 4.5:1 and graphical objects 3:1 (contrast with white in
 * brackets). Pale grey (1.2:1) is used only for decoration that is also drawn or labelled some other way.
 */
export const COLOUR = {
  /** NHS blue (6.4:1): the measured value — bars, points, lines. */
  blue: '#005eb8',
  /** NHS dark blue (11.9:1). */
  darkBlue: '#003087',
  /** NHS black (14.4:1): text, axes, intervals. */
  ink: '#212b32',
  /** NHS dark grey (6.4:1): secondary text and a second series. */
  darkGrey: '#4c6272',
  /** NHS mid grey (3.7:1): graphical objects only, never text. */
  midGrey: '#768692',
  /** NHS pale grey (1.2:1): decoration only (shaded ranges, gridlines). */
  paleGrey: '#e8edee',
  /** NHS dark pink (9.2:1): reference lines and their labels. */
  darkPink: '#7C2855',
  white: '#ffffff',
} as const;

/**
 * Making Data Count colours for statistical process control: grey for common cause, blue for improvement, orange for
 * concern, purple for neutral special cause and red for a target. MDC's own grey #a6a6a6 (2.4:1 on white), light
 * blue #00b0f0 (2.5:1) and orange #e46c0a (3.3:1, and 2.9:1 on the page background) are too pale for WCAG 2.2 AA,
 * so each keeps its MDC hue and saturation with the lightness lowered just until it reaches 4.5:1 on the NHS page
 * background (5:1 on white). That makes one shade good for letters as well as rings, dots and lines. MDC's purple
 * (12.4:1 on white) and target red (4.9:1, used only for lines) pass as they are. Ratios are checked in the tests
 * with contrastRatio.
 */
export const SPC_COLOUR = {
  /** From #a6a6a6 (5.0:1 on white). */
  commonCause: '#6f6f6f',
  /** From #00b0f0 (5.1:1). */
  improvement: '#0076a1',
  /** From #e46c0a (5.1:1). */
  concern: '#b15408',
  /** MDC's own (12.4:1). */
  neutral: '#490092',
  /** MDC's own (4.9:1): graphical objects only. */
  target: '#de1b1b',
} as const;

/** The NHS design system's page background, which charts sit on when inline; never drawn, only checked against. */
export const PAGE_BACKGROUND = '#f0f4f5';

/** WCAG 2.2 relative luminance of a #rrggbb colour: 0 for black, 1 for white. */
export function relativeLuminance(hex: string): number {
  const match = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  if (!match) throw new RangeError(`"${hex}" is not a #rrggbb colour`);
  const [r, g, b] = match.slice(1).map((part) => {
    const channel = parseInt(part, 16) / 255;
    return channel <= 0.04045 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2.2 contrast ratio of two #rrggbb colours, from 1 (none) to 21 (black on white); the order does not matter. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (lighter + 0.05) / (darker + 0.05);
}

/** Fill for up to three compared groups, in order; every one takes white text at 4.5:1 or more. */
export const SERIES_FILLS = [COLOUR.blue, COLOUR.darkGrey, COLOUR.darkPink] as const;

/** The NHS type stack; Frutiger comes from the page's own @font-face when the SVG is inline. */
export const FONT_FAMILY = "'Frutiger W01', Arial, sans-serif";

/** Type sizes in viewBox units. At the default width of 400 a unit is 0.86px on a 375px phone and 1.2px at the recommended 480px maximum. */
export const FONT = {
  /** Row labels and values. */
  label: 16,
  /** Axis ticks, notes and legends: the smallest size used. */
  small: 14,
} as const;

/** Default viewBox width. Narrow enough that text stays legible when the SVG is shrunk to a 375px phone. */
export const DEFAULT_WIDTH = 400;
export const MIN_WIDTH = 320;
export const MAX_WIDTH = 1200;

/** Space between the edge of the viewBox and any text. */
export const PAD = 8;
