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
