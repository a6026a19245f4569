/** Point types: a special-cause label read against the improvement direction (`ptd_point_type`). */
import type { SpecialCauseType } from './special-cause.ts';

export type ImprovementDirection = 'increase' | 'decrease' | 'neutral';

export type PointType =
  | 'common_cause'
  | 'special_cause_improvement'
  | 'special_cause_concern'
  | 'special_cause_neutral_high'
  | 'special_cause_neutral_low';

/**
 * A label naming "Above" or "Increasing" is high (+1), one naming "Below" or "Decreasing" is low (−1), anything else
 * is common cause. With direction `neutral`, high and low are `special_cause_neutral_high` / `_low`; otherwise high
 * is an improvement when higher is better (`increase`) and a concern when lower is better (`decrease`), and low the
 * reverse.
 *
 * Worked example: "Below LCL" with `decrease` → `special_cause_improvement`; with `increase` →
 * `special_cause_concern`; with `neutral` → `special_cause_neutral_low`; "Common Cause" → `common_cause`.
 */
export function pointType(type: SpecialCauseType, direction: ImprovementDirection): PointType {
  const high = /Above|Increasing/.test(type) ? 1 : /Below|Decreasing/.test(type) ? -1 : 0;
  if (high === 0) return 'common_cause';
  if (direction === 'neutral') return high > 0 ? 'special_cause_neutral_high' : 'special_cause_neutral_low';
  const better = high * (direction === 'increase' ? 1 : -1);
  return better > 0 ? 'special_cause_improvement' : 'special_cause_concern';
}
