/**
 * Shared types for funnel plots (Spiegelhalter 2005) computed as FunnelPlotR 0.6.0 computes them. See
 * docs/methodology.md, "Funnel plots", for every step and the package's choices.
 */
import type { Interval } from '../normal.ts';

/**
 * - `proportion`: numerator events among denominator people (FunnelPlotR's "PR").
 * - `standardisedRatio`: observed ÷ expected, indirectly standardised ("SR").
 * - `countRatio`: one count divided by another ("RC").
 */
export type FunnelDataType = 'proportion' | 'standardisedRatio' | 'countRatio';

/** How standardised ratios are treated: "SHMI" (log scale, truncation; the default) or "CQC" (square root, winsorising). */
export type StandardisedRatioMethod = 'SHMI' | 'CQC';

/** The two limits FunnelPlotR draws: 95% and 99.8% (the package calls the latter `limit = 99`). */
export type FunnelLevel = 95 | 99.8;

/**
 * The normal quantiles FunnelPlotR writes into its formulas, rounded to six decimals as the package has them
 * (Φ⁻¹(0.975) = 1.959964 and Φ⁻¹(0.999) = 3.090232). Used unrounded they would move limits by about 1e-7.
 */
export const FUNNELPLOTR_Z: Readonly<Record<FunnelLevel, number>> = Object.freeze({ 95: 1.959964, 99.8: 3.090232 });

/** One input row: a group (organisation) with its numerator and denominator. Rows of the same group are summed. */
export interface FunnelRow {
  readonly group: string;
  readonly numerator: number;
  readonly denominator: number;
}

/** A group after aggregation: its summed numerator and denominator and its plotted value numerator ÷ denominator. */
export interface FunnelGroup {
  readonly group: string;
  readonly numerator: number;
  readonly denominator: number;
  /** numerator ÷ denominator, from the denominator before any SHMI rounding (as the package computes it). */
  readonly value: number;
}

/** Lower and upper limits at 95% and at 99.8%. */
export interface LimitPair {
  readonly limits95: Interval;
  readonly limits998: Interval;
}
