/**
 * A funnel plot for relative likelihoods (WRES indicators 2–4 across organisations). FunnelPlotR has no such type;
 * this is Mirror's own, built from the same parts: the Katz standard error of ln RL, FunnelPlotR's winsorising,
 * φ and DerSimonian–Laird τ², and its rule for when the adjusted limits are used. See docs/methodology.md.
 */
import { normalQuantile } from '../distributions.ts';
import { katzStandardError } from '../katz-log-interval.ts';
import type { Interval } from '../normal.ts';
import { NON_ADVERSE_RANGE, relativeLikelihood, type UndefinedReason } from '../relative-likelihood.ts';
import { betweenGroupVariance, dispersionRatio } from './dispersion.ts';
import { outlierDirection, type OutlierDirection } from './outliers.ts';
import { sum } from './r-arithmetic.ts';
import { winsorise } from './trim.ts';
import type { FunnelLevel } from './types.ts';

/** One organisation: events among the group of interest (numerator of the ratio) and among the comparison group. */
export interface RelativeLikelihoodRow {
  readonly group: string;
  readonly events: number;
  readonly population: number;
  readonly comparisonEvents: number;
  readonly comparisonPopulation: number;
}

export interface RelativeLikelihoodFunnelOptions {
  /** The level outliers are judged at (default 99.8). */
  readonly level?: FunnelLevel;
  /** The national relative likelihood; by default the pooled ratio (Σa/Σn₁) ÷ (Σb/Σn₂) over the organisations. */
  readonly target?: number;
  /** Winsorised at each end before φ is estimated (default 0.1, as FunnelPlotR). */
  readonly trimBy?: number;
  /** Allow for overdispersion (default true). */
  readonly adjustForOverdispersion?: boolean;
  /** The band reported beside the statistical limits (default NHS England's non-adverse range 0.80 to 1.25). */
  readonly band?: Interval;
}

export interface RelativeLikelihoodFunnelGroup {
  readonly group: string;
  /** The relative likelihood, or null when undefined (see undefinedReason). */
  readonly value: number | null;
  readonly undefinedReason: UndefinedReason | null;
  /** SE of ln RL by Katz; from the 0.5-corrected table when the group of interest has no events. */
  readonly se: number | null;
  /** 1/SE², the funnel's horizontal axis. */
  readonly precision: number | null;
  readonly limits95: Interval | null;
  readonly limits998: Interval | null;
  readonly adjusted95: Interval | null;
  readonly adjusted998: Interval | null;
  readonly outlier: boolean | null;
  readonly direction: OutlierDirection | null;
  /** Where the value sits against the band (0.80–1.25 by default), apart from the statistical limits. */
  readonly band: 'below' | 'within' | 'above' | null;
  readonly zScore: number | null;
}

export interface RelativeLikelihoodFunnelResult {
  readonly level: FunnelLevel;
  readonly target: number;
  readonly targetSource: 'national' | 'pooled';
  readonly phi: number;
  readonly tau2: number;
  readonly n: number;
  readonly judgedAgainst: 'adjusted' | 'unadjusted';
  readonly band: Interval;
  readonly groups: readonly RelativeLikelihoodFunnelGroup[];
}

const Z: Readonly<Record<FunnelLevel, number>> = Object.freeze({ 95: normalQuantile(0.975), 99.8: normalQuantile(0.999) });

/**
 * The relative-likelihood funnel:
 *
 * 1. each organisation's RL = (a/n₁) ÷ (b/n₂) and SE(ln RL) = √(1/a − 1/n₁ + 1/b − 1/n₂) (Katz; with a = 0 the
 *    SE of the table with ½ added to a and b and 1 to n₁ and n₂, as katzLogInterval does); undefined when b = 0;
 * 2. target θ: the national RL when given, otherwise pooled (Σa/Σn₁) ÷ (Σb/Σn₂);
 * 3. zᵢ = (ln RLᵢ − ln θ)/SEᵢ for organisations with a > 0, winsorised at 10% each end; φ = mean z²; τ² by
 *    DerSimonian–Laird with wᵢ = 1/SEᵢ² (FunnelPlotR's dispersionRatio and betweenGroupVariance), and τ² = 0
 *    when fewer than two organisations have a z-score;
 * 4. limits θ·exp(±z·SE) and, allowing for overdispersion, θ·exp(±z·√(SE² + τ²)), with z = Φ⁻¹(0.975) = 1.959964
 *    and Φ⁻¹(0.999) = 3.090232 (unrounded);
 * 5. outliers at the chosen level, against the adjusted limits when φ > 1, else the unadjusted ones (as FunnelPlotR);
 * 6. the band 0.80–1.25 is reported for each organisation separately: it is a policy threshold, not a statistical
 *    limit, and a value can be outside it yet inside the funnel (small numbers) or inside it yet outside the funnel
 *    (large numbers).
 *
 * Worked example: 117 of 389 White and 2 of 10 ethnic minority applicants appointed against a national RL of 1.5:
 * RL 1.504, SE 0.6372, 95% limits 1.5·exp(∓1.959964 · 0.6372) = 0.430 to 5.229 → not an outlier, but above 1.25.
 */
export function relativeLikelihoodFunnel(
  rows: readonly RelativeLikelihoodRow[],
  options: RelativeLikelihoodFunnelOptions = {},
): RelativeLikelihoodFunnelResult {
  const level = options.level ?? 99.8;
  const band = options.band ?? NON_ADVERSE_RANGE;
  const adjust = options.adjustForOverdispersion ?? true;
  const usable = rows.filter((r) => r.population > 0 && r.comparisonPopulation > 0);
  const pooled =
    sum(usable.map((r) => r.events)) / sum(usable.map((r) => r.population)) /
    (sum(usable.map((r) => r.comparisonEvents)) / sum(usable.map((r) => r.comparisonPopulation)));
  const target = options.target ?? pooled;

  const estimates = rows.map((r) => {
    const estimate = relativeLikelihood(
      { events: r.events, population: r.population },
      { events: r.comparisonEvents, population: r.comparisonPopulation },
    );
    if (estimate.value === null) return { row: r, value: null, reason: estimate.undefinedReason, se: null, z: Number.NaN };
    const se =
      r.events > 0
        ? katzStandardError(r.events, r.population, r.comparisonEvents, r.comparisonPopulation)
        : katzStandardError(0.5, r.population + 1, r.comparisonEvents + 0.5, r.comparisonPopulation + 1);
    const z = r.events > 0 && se > 0 ? (Math.log(estimate.value) - Math.log(target)) / se : Number.NaN;
    return { row: r, value: estimate.value, reason: null, se, z };
  });

  const trimmed = winsorise(estimates.map((e) => e.z), options.trimBy ?? 0.1);
  const { phi: estimatedPhi, n } = dispersionRatio(trimmed);
  const keptSe = estimates.filter((_, i) => !Number.isNaN(trimmed[i] ?? Number.NaN)).map((e) => e.se ?? Number.NaN);
  const phi = adjust ? estimatedPhi : 0;
  // With fewer than two z-scores there is no between-organisation variance to estimate (FunnelPlotR would divide by 0).
  const tau2 = adjust && n >= 2 ? betweenGroupVariance(n, estimatedPhi, keptSe) : 0;
  const judgedAgainst = adjust && phi > 1 ? 'adjusted' : 'unadjusted';

  const limits = (spread: number, z: number): Interval => [target * Math.exp(-z * spread), target * Math.exp(z * spread)];
  return {
    level,
    target,
    targetSource: options.target === undefined ? 'pooled' : 'national',
    phi,
    tau2,
    n,
    judgedAgainst,
    band,
    groups: estimates.map((e) => {
      if (e.value === null || e.se === null) {
        return {
          group: e.row.group, value: null, undefinedReason: e.reason, se: null, precision: null,
          limits95: null, limits998: null, adjusted95: null, adjusted998: null,
          outlier: null, direction: null, band: null, zScore: null,
        };
      }
      const adjustedSpread = Math.sqrt(e.se * e.se + tau2);
      const limits95 = limits(e.se, Z[95]);
      const limits998 = limits(e.se, Z[99.8]);
      const adjusted95 = limits(adjustedSpread, Z[95]);
      const adjusted998 = limits(adjustedSpread, Z[99.8]);
      const judged = judgedAgainst === 'adjusted' ? [adjusted95, adjusted998] : [limits95, limits998];
      const direction = outlierDirection(e.value, (level === 95 ? judged[0] : judged[1]) ?? limits998) ?? null;
      return {
        group: e.row.group,
        value: e.value,
        undefinedReason: null,
        se: e.se,
        precision: e.se > 0 ? 1 / (e.se * e.se) : Number.POSITIVE_INFINITY,
        limits95, limits998, adjusted95, adjusted998,
        outlier: direction !== null,
        direction,
        band: e.value < band[0] ? 'below' : e.value > band[1] ? 'above' : 'within',
        zScore: Number.isNaN(e.z) ? null : e.z,
      };
    }),
  };
}
