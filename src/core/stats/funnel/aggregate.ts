import { roundDecimals } from './r-arithmetic.ts';
import type { FunnelGroup, FunnelRow } from './types.ts';

/**
 * Step 1. Sum the numerators and the denominators of each group and take value = Σnumerator ÷ Σdenominator
 * (FunnelPlotR's aggregate_func; the package calls the value `rr`). Groups keep the order they first appear in.
 *
 * Worked example (the package's test): a: 100/102, 150/135, 180/165 → 430/402 = 1.069652; b: 89/95, 120/100 →
 * 209/195 = 1.071795; c: 225/220 = 1.022727.
 */
export function aggregateGroups(rows: readonly FunnelRow[]): FunnelGroup[] {
  const totals = new Map<string, { numerator: number; denominator: number }>();
  for (const row of rows) {
    const total = totals.get(row.group) ?? { numerator: 0, denominator: 0 };
    total.numerator += row.numerator;
    total.denominator += row.denominator;
    totals.set(row.group, total);
  }
  return [...totals].map(([group, { numerator, denominator }]) => ({
    group,
    numerator,
    denominator,
    value: numerator / denominator,
  }));
}

/**
 * Step 2 (standardised ratios by the SHMI method only). Round each group's expected count (denominator) to two
 * decimals, as NHS Digital's SHMI does and FunnelPlotR does by default (`SHMI_rounding = TRUE`), using R's rounding
 * (see roundDecimals). The value stays observed ÷ unrounded expected: the package computes it before rounding, so
 * only the z-scores, the dispersion and the limits use the rounded expected count.
 *
 * Worked example: 12 deaths against 10.456 expected → denominator 10.46, value 12/10.456 = 1.147667.
 */
export function roundExpectedCounts(groups: readonly FunnelGroup[]): FunnelGroup[] {
  return groups.map((g) => ({ ...g, denominator: roundDecimals(g.denominator, 2) }));
}
