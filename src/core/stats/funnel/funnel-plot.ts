/**
 * A funnel plot computed exactly as FunnelPlotR 0.6.0 (nhs-r-community, commit 9020d49) computes it, step by step:
 * aggregate → (SHMI) round expected counts → target → transform and z-score → winsorise or truncate → φ → τ² →
 * limits → outliers. Each step is its own exported function; this puts them together with the package's defaults.
 */
import type { Interval } from '../normal.ts';
import { aggregateGroups, roundExpectedCounts } from './aggregate.ts';
import { betweenGroupVariance, dispersionRatio } from './dispersion.ts';
import { limitGrid, limitsAtGridPoint } from './limits.ts';
import { outlierDirection, type OutlierDirection } from './outliers.ts';
import { funnelTarget, transformedZScores } from './transform.ts';
import { truncate, winsorise } from './trim.ts';
import type { FunnelDataType, FunnelLevel, FunnelRow, StandardisedRatioMethod } from './types.ts';

export interface FunnelOptions {
  readonly dataType: FunnelDataType;
  /** The limit outliers are judged against: 95 or 99.8 (default 99.8, the package's `limit = 99`). */
  readonly level?: FunnelLevel;
  /** For standardised ratios: 'SHMI' (default) or 'CQC'. */
  readonly srMethod?: StandardisedRatioMethod;
  /** The share winsorised or truncated at each end before φ is estimated (default 0.1). */
  readonly trimBy?: number;
  /** Round expected counts to 2 decimals under the SHMI method (default true, as the package). */
  readonly shmiRounding?: boolean;
  /** Allow for overdispersion (default true, the package's draw_adjusted). When false φ and τ² are reported as 0. */
  readonly adjustForOverdispersion?: boolean;
  /**
   * The package's draw_unadjusted: draw the unadjusted limits too. Default: false when allowing for overdispersion
   * (the package's default), true when not (so that `adjustForOverdispersion: false` alone judges against the
   * unadjusted limits; the package with draw_adjusted = FALSE alone draws no limits and flags nothing, which
   * `drawUnadjusted: false` gives). It changes which limits judge when φ ≤ 1: without it the package drops the
   * adjusted limits and judges against the unadjusted ones; with it the adjusted limits stay and judge, even when
   * τ² = 0 (for standardised ratios the normal approximation on the log or square-root scale, not the exact Poisson
   * limits). See judgedLimits.
   */
  readonly drawUnadjusted?: boolean;
}

export interface FunnelGroupResult {
  readonly group: string;
  readonly numerator: number;
  /** The denominator the limits were evaluated at (for SHMI, the expected count rounded to 2 decimals). */
  readonly denominator: number;
  /** numerator ÷ denominator as plotted (for SHMI, from the unrounded expected count). */
  readonly value: number;
  readonly limits95: Interval;
  readonly limits998: Interval;
  readonly adjusted95: Interval;
  readonly adjusted998: Interval;
  /**
   * Outside the limits outliers are judged against (see FunnelResult.judgedAgainst); null when the value is not a
   * number; false for every group when no limits are drawn.
   */
  readonly outlier: boolean | null;
  readonly direction: OutlierDirection | null;
  /** The unadjusted z-score on the transformed scale. */
  readonly zScore: number;
  /**
   * How the group's z-score entered φ and τ²: unchanged, winsorised (pulled in to the trimBy quantile), truncated
   * (left out, SHMI) or not a number (left out).
   */
  readonly trimmed: 'kept' | 'winsorised' | 'truncated' | 'notANumber';
}

export type FunnelJudgement = 'adjusted' | 'unadjusted' | 'none';

/**
 * Step 10's choice of limits, as FunnelPlotR 0.6.0's funnel_plot and outliers_func make it. The package judges against
 * the limits it draws, preferring the adjusted ones; it stops drawing the adjusted limits when φ ≤ 1 only if they were
 * the only ones asked for (and then draws the unadjusted ones instead). So:
 *
 * | adjust (draw_adjusted)  | drawUnadjusted (draw_unadjusted) | φ > 1      | φ ≤ 1      |
 * |-------------------------|----------------------------------|------------|------------|
 * | true (the default)      | false (the default)              | adjusted   | unadjusted |
 * | true                    | true                             | adjusted   | adjusted   |
 * | false (φ, τ² set to 0)  | true (Mirror's default here)     | unadjusted | unadjusted |
 * | false                   | false                            | none       | none       |
 *
 * A φ that is not a number (no z-score took part) counts as not above 1; the package stops with an error there.
 */
export function judgedLimits(phi: number, adjust: boolean, drawUnadjusted: boolean): FunnelJudgement {
  if (adjust && (drawUnadjusted || phi > 1)) return 'adjusted';
  return adjust || drawUnadjusted ? 'unadjusted' : 'none';
}

export interface FunnelResult {
  readonly dataType: FunnelDataType;
  readonly srMethod: StandardisedRatioMethod;
  readonly level: FunnelLevel;
  readonly target: number;
  readonly phi: number;
  readonly tau2: number;
  /** z-scores that took part in φ (after truncation for SHMI). */
  readonly n: number;
  /**
   * The limits outliers were judged against, which are the limits the package draws (the adjusted ones when both are):
   * with the defaults 'adjusted' when φ > 1 (overdispersion), otherwise 'unadjusted'; 'adjusted' whenever both are
   * drawn (drawUnadjusted); 'unadjusted' when only they are drawn; 'none' when neither is (no group is an outlier).
   */
  readonly judgedAgainst: FunnelJudgement;
  readonly groups: readonly FunnelGroupResult[];
}

/**
 * The whole funnel. With the package's defaults (SHMI for standardised ratios, trimBy 0.1, rounding on, adjusted
 * limits on, level 99.8):
 *
 * 1. aggregate rows by group; value = Σnumerator ÷ Σdenominator;
 * 2. SHMI only: round expected counts to 2 decimals;
 * 3. target: 1 for standardised ratios, else the pooled value;
 * 4. z-scores on the transformed scale;
 * 5. truncate (SHMI) or winsorise (everything else) at trimBy;
 * 6. φ = mean squared z over the groups kept;
 * 7. τ² by DerSimonian–Laird (0 when n·φ < n − 1);
 * 8–9. limits at each group's denominator, unadjusted and adjusted (with τ²), at 95% and 99.8%;
 * 10. outliers at the chosen level against the limits the package draws (judgedLimits): with the defaults the adjusted
 *     limits when φ > 1, otherwise the unadjusted ones (the package stops drawing adjusted limits when φ ≤ 1 unless
 *     the unadjusted ones were asked for too, and judges against the ones it draws).
 *
 * Worked example (the package's test data): six trusts observed/expected 100/108, 150/112, 180/165, 80/95, 120/100,
 * 225/220 as SHMI → φ = 2.948033, τ² = 0.0194775; trust b (1.339) has adjusted 99.8% limits 0.594 to 1.683, so no
 * trust is an outlier.
 */
export function funnelPlot(rows: readonly FunnelRow[], options: FunnelOptions): FunnelResult {
  const dataType = options.dataType;
  const srMethod = options.srMethod ?? 'SHMI';
  const level = options.level ?? 99.8;
  const trimBy = options.trimBy ?? 0.1;
  const adjust = options.adjustForOverdispersion ?? true;
  const shmi = dataType === 'standardisedRatio' && srMethod === 'SHMI';

  const aggregated = aggregateGroups(rows);
  const groups = shmi && (options.shmiRounding ?? true) ? roundExpectedCounts(aggregated) : aggregated;
  const target = funnelTarget(groups, dataType);
  const transformed = transformedZScores(groups, dataType, srMethod);
  const z = transformed.groups.map((g) => g.z);
  const trimmedZ = shmi ? truncate(z, trimBy) : winsorise(z, trimBy);
  const { phi: estimatedPhi, n } = dispersionRatio(trimmedZ);
  const keptS = transformed.groups.filter((_, i) => !Number.isNaN(trimmedZ[i] ?? Number.NaN)).map((g) => g.s);
  const estimatedTau2 = betweenGroupVariance(n, estimatedPhi, keptS);
  const phi = adjust ? estimatedPhi : 0;
  const tau2 = adjust ? estimatedTau2 : 0;
  const judgedAgainst = judgedLimits(phi, adjust, options.drawUnadjusted ?? !adjust);

  const grid = limitGrid(groups.map((g) => g.denominator), dataType);
  const position = new Map(grid.map((x, i) => [x, i]));
  const settings = { dataType, srMethod, target, tau2 };
  const cache = new Map<number, ReturnType<typeof limitsAtGridPoint>>();
  const limitsFor = (x: number) => {
    let limits = cache.get(x);
    if (!limits) {
      limits = limitsAtGridPoint(grid, position.get(x) ?? -1, settings);
      cache.set(x, limits);
    }
    return limits;
  };

  return {
    dataType,
    srMethod,
    level,
    target,
    phi,
    tau2,
    n,
    judgedAgainst,
    groups: groups.map((g, i) => {
      const { unadjusted, adjusted } = limitsFor(g.denominator);
      const judged = judgedAgainst === 'adjusted' ? adjusted : unadjusted;
      // With no limits drawn the package marks every group 0, even one whose value is not a number.
      const direction = judgedAgainst === 'none' ? null : outlierDirection(g.value, level === 95 ? judged.limits95 : judged.limits998);
      const zScore = z[i] ?? Number.NaN;
      const kept = trimmedZ[i] ?? Number.NaN;
      return {
        group: g.group,
        numerator: g.numerator,
        denominator: g.denominator,
        value: g.value,
        limits95: unadjusted.limits95,
        limits998: unadjusted.limits998,
        adjusted95: adjusted.limits95,
        adjusted998: adjusted.limits998,
        outlier: direction === undefined ? null : direction !== null,
        direction: direction ?? null,
        zScore,
        trimmed: Number.isNaN(zScore) ? 'notANumber' : Number.isNaN(kept) ? 'truncated' : kept === zScore ? 'kept' : 'winsorised',
      };
    }),
  };
}
