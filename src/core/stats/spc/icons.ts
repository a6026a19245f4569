/** The two Making Data Count summary icons: variation (from the last point) and assurance (from the target). */
import type { ImprovementDirection, PointType } from './point-type.ts';

/** The variation icons, named as the package's icon files are (`inst/icons/variation/*.svg`). */
export type VariationIcon =
  | 'common_cause'
  | 'improvement_high'
  | 'improvement_low'
  | 'concern_high'
  | 'concern_low'
  | 'neutral_high'
  | 'neutral_low';

/**
 * The variation icon is the point type of the **last** point (the latest date), oriented by the direction
 * (`ptd_get_icons`): an improvement is "high" when higher is better and "low" otherwise; a concern the reverse.
 *
 * Worked example: last point `special_cause_improvement` with direction `decrease` → `improvement_low`;
 * `special_cause_concern` with `increase` → `concern_low`; `common_cause` → `common_cause`.
 */
export function variationIcon(lastPointType: PointType, direction: ImprovementDirection): VariationIcon {
  switch (lastPointType) {
    case 'common_cause':
      return 'common_cause';
    case 'special_cause_neutral_high':
      return 'neutral_high';
    case 'special_cause_neutral_low':
      return 'neutral_low';
    case 'special_cause_concern':
      return direction === 'increase' ? 'concern_low' : 'concern_high';
    case 'special_cause_improvement':
      return direction === 'increase' ? 'improvement_high' : 'improvement_low';
  }
}

export type Assurance = 'consistent_pass' | 'consistent_fail' | 'inconsistent';

/**
 * Assurance compares the target with the process limits **of the last point** (so, after a rebase, with the
 * latest phase's limits) (`ptd_calculate_assurance_type`):
 * - target above the UPL: every point is expected below it → `consistent_fail` if higher is better, else
 *   `consistent_pass`;
 * - target below the LPL: the reverse;
 * - otherwise (including a target exactly on a limit, and limits that could not be calculated): `inconsistent`.
 * There is none (null) without a target or with direction `neutral`.
 *
 * Worked example (the package's test): limits 1 to 3, target 4, `increase` → `consistent_fail`; limits 5 to 7 →
 * `consistent_pass`; limits 1 to 5 → `inconsistent`; with `decrease` the first two swap.
 */
export function assurance(
  target: number | null,
  lastLimits: { readonly lpl: number; readonly upl: number },
  direction: ImprovementDirection,
): Assurance | null {
  if (target === null || direction === 'neutral') return null;
  const increasing = direction === 'increase';
  // NaN limits compare false both ways, so they fall through to "inconsistent", as in R's case_when.
  if (target > lastLimits.upl) return increasing ? 'consistent_fail' : 'consistent_pass';
  if (target < lastLimits.lpl) return increasing ? 'consistent_pass' : 'consistent_fail';
  return 'inconsistent';
}
