import type { Interval } from '../normal.ts';

export type OutlierDirection = 'above' | 'below';

/**
 * Step 10. Whether a value lies outside its limits (FunnelPlotR's outliers_func): it is an outlier unless
 * lower ≤ value ≤ upper, so a value exactly on a limit is inside. Returns the side, null when inside, and undefined
 * when the value is not a number (R gives NA).
 *
 * Worked example (the package's test): limits 0.9 to 1.1 → 1.05 inside (null), 0.8 'below', 1.2 'above'; with the
 * adjusted 99.8% limits 0.38 to 1.62 only 0 is outside.
 */
export function outlierDirection(value: number, limits: Interval): OutlierDirection | null | undefined {
  if (Number.isNaN(value)) return undefined;
  if (value <= limits[1] && value >= limits[0]) return null;
  return value > limits[1] ? 'above' : 'below';
}
