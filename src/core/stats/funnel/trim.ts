import { quantileType7, rankAverage } from './r-arithmetic.ts';

/**
 * Step 5a (proportions, ratios of counts and CQC standardised ratios). Winsorise the z-scores: values below the
 * trimBy quantile are raised to it and values above the (1 − trimBy) quantile lowered to it (R's default type-7
 * quantiles). FunnelPlotR's default trimBy is 0.1, i.e. 10% at each end. A NaN z-score stays NaN and is left out of
 * the dispersion estimate.
 *
 * Worked example: z = −3, −1, 0, 1, 2, 9 with trimBy 0.1: the 10% quantile is −2 and the 90% quantile 5.5, so the
 * winsorised scores are −2, −1, 0, 1, 2, 5.5.
 */
export function winsorise(z: readonly number[], trimBy = 0.1): number[] {
  const low = quantileType7(z, trimBy);
  const high = quantileType7(z, 1 - trimBy);
  return z.map((v) => (Number.isNaN(v) ? Number.NaN : v < low ? low : Math.min(v , high)));
}

/**
 * Step 5b (standardised ratios by the SHMI method). Truncate rather than winsorise, as NHS Digital's SHMI does: rank
 * the N z-scores (ties share their mean rank), place each in one of k = 1/trimBy bands by ⌊rank · k / (N + 1)⌋, and
 * drop (return NaN for) those in the lowest band (0) and in band k − 1 or above. With the default trimBy = 0.1 the
 * groups kept are those in bands 1 to 8.
 *
 * Worked example: the package's six test groups rank 2, 6, 4, 1, 5, 3 → bands ⌊10r/7⌋ = 2, 8, 5, 1, 7, 4: all six
 * are kept. With 20 groups, ranks 1 and 2 fall in band 0 and ranks 19 and 20 in band 9: those four are dropped.
 */
export function truncate(z: readonly number[], trimBy = 0.1): number[] {
  const k = 1 / trimBy;
  const top = k - 1;
  const ranks = rankAverage(z);
  return z.map((v, i) => {
    const band = Math.floor(((ranks[i] ?? Number.NaN) * k) / (z.length + 1));
    return band > 0 && band < top ? v : Number.NaN;
  });
}
