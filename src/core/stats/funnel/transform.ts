import { sum } from './r-arithmetic.ts';
import type { FunnelDataType, FunnelGroup, StandardisedRatioMethod } from './types.ts';

/**
 * Step 3. The target (centre line): 1 for standardised ratios; otherwise the pooled value Σnumerator ÷ Σdenominator
 * over all groups.
 *
 * Worked example: proportions 10/100, 30/200 → target 40/300 = 0.133333.
 */
export function funnelTarget(groups: readonly FunnelGroup[], dataType: FunnelDataType): number {
  if (dataType === 'standardisedRatio') return 1;
  return sum(groups.map((g) => g.numerator)) / sum(groups.map((g) => g.denominator));
}

/** Each group on the transformed scale: y, its standard error s and its unadjusted z-score (y − target) ÷ s. */
export interface TransformedGroup {
  readonly y: number;
  readonly s: number;
  readonly z: number;
}

export interface Transformed {
  /** The target on the transformed scale. */
  readonly target: number;
  readonly groups: readonly TransformedGroup[];
}

/**
 * Step 4. Put each group on a scale where it is roughly normal, with standard error s, and z-score it
 * (FunnelPlotR's transformed_zscore). With O the numerator and E (or n) the denominator:
 *
 * - standardised ratio, SHMI: y = ln(O/E), s = 1/√E, target 0, z = √E · ln(O/E);
 * - standardised ratio, CQC:  y = √(O/E), s = 1/(2√E), target 1, z = (y − 1)/s;
 * - proportion:               y = asin √(O/n), s = 1/(2√n), target asin √(ΣO/Σn), z = (y − target)/s;
 * - ratio of counts:          y = ln((O + ½)/(E + ½)), s = √(O/(O + ½)² + E/(E + ½)²), target ln(ΣO/ΣE),
 *                             z = (y − target)/s.
 *
 * Worked example (the package's test data, SHMI): 100 observed against 108 expected → y = ln(100/108) = −0.076961,
 * s = 0.096225, z = √108 · (−0.076961) = −0.799803. A group with no events has z = −∞ on the SHMI scale, as in R.
 */
export function transformedZScores(
  groups: readonly FunnelGroup[],
  dataType: FunnelDataType,
  srMethod: StandardisedRatioMethod = 'SHMI',
): Transformed {
  if (dataType === 'standardisedRatio' && srMethod === 'SHMI') {
    return {
      target: 0,
      groups: groups.map(({ numerator: o, denominator: e }) => ({
        y: Math.log(o / e),
        s: 1 / Math.sqrt(e),
        z: Math.sqrt(e) * Math.log(o / e),
      })),
    };
  }
  let target: number;
  let transform: (o: number, e: number) => { y: number; s: number };
  if (dataType === 'standardisedRatio') {
    target = 1;
    transform = (o, e) => ({ y: Math.sqrt(o / e), s: 1 / (2 * Math.sqrt(e)) });
  } else if (dataType === 'proportion') {
    target = Math.asin(Math.sqrt(funnelTarget(groups, dataType)));
    transform = (o, n) => ({ y: Math.asin(Math.sqrt(o / n)), s: 1 / (2 * Math.sqrt(n)) });
  } else {
    target = Math.log(funnelTarget(groups, dataType));
    transform = (o, e) => ({
      y: Math.log((o + 0.5) / (e + 0.5)),
      s: Math.sqrt(o / ((o + 0.5) * (o + 0.5)) + e / ((e + 0.5) * (e + 0.5))),
    });
  }
  return {
    target,
    groups: groups.map(({ numerator, denominator }) => {
      const { y, s } = transform(numerator, denominator);
      return { y, s, z: (y - target) / s };
    }),
  };
}
