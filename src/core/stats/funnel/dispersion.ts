import { sum } from './r-arithmetic.ts';

/**
 * Step 6. The dispersion ratio φ = (1/n) Σ zᵢ² over the n winsorised or truncated z-scores that remain (NaN values
 * are not counted). φ > 1 means the groups vary more than chance alone would make them.
 *
 * Worked example (the package's test data): z = −0.7998, 3.0917, 1.1177, −1.6750, 1.8232, 0.3333 →
 * φ = 17.688197/6 = 2.948033.
 */
export function dispersionRatio(z: readonly number[]): { phi: number; n: number } {
  const kept = z.filter((v) => !Number.isNaN(v));
  const n = kept.length;
  return { phi: (1 / n) * sum(kept.map((v) => v * v)), n };
}

/**
 * Step 7. The between-group variance τ² by DerSimonian and Laird's moment estimator, as FunnelPlotR's tau_func:
 * with weights wᵢ = 1/sᵢ² over the n groups kept in step 5,
 *
 *   τ² = 0                                               if n·φ < n − 1,
 *   τ² = max(0, (n·φ − (n − 1)) / (Σwᵢ − Σwᵢ²/Σwᵢ))     otherwise.
 *
 * τ² is added to each group's sᵢ² to widen the limits (an additive random-effects model, not φ multiplying s²).
 * Note the package's test is n·φ < n − 1, not φ ≤ 1: when (n − 1)/n ≤ φ ≤ 1, τ² is a small positive number even
 * though the package then draws the unadjusted limits (see funnelPlot). With one group the denominator is 0 and τ²
 * is not finite, as in R.
 *
 * Worked example (the package's test data, SHMI, so wᵢ = 1/sᵢ² = Eᵢ): n = 6, φ = 2.948033,
 * w = 108, 112, 165, 95, 100, 220 → Σw = 800, Σw² = 118858, τ² = (6 · 2.948033 − 5) / (800 − 118858/800)
 * = 12.688198 / 651.4275 = 0.0194775.
 */
export function betweenGroupVariance(n: number, phi: number, s: readonly number[]): number {
  if (s.length === 0) return 0;
  if (n * phi < n - 1) return 0;
  const w = s.map((v) => 1 / (v * v));
  const sw = sum(w);
  return Math.max(0, (n * phi - (n - 1)) / (sw - sum(w.map((v) => v * v)) / sw));
}
