import { Z_95, type Interval } from './normal.ts';

/**
 * Katz log interval for a ratio of two proportions RL = (a/n₁) ÷ (b/n₂).
 *
 *   SE(ln RL) = √(1/a − 1/n₁ + 1/b − 1/n₂),   interval = exp(ln RL ± z · SE)
 *
 * Worked example: a = 117 of n₁ = 389 against b = 2 of n₂ = 10 → RL 1.504, SE 0.6372, interval 0.431 to 5.243.
 *
 * Zero events: when a = 0 (and b > 0) RL is 0 and ln RL does not exist. The upper limit is then taken from the
 * Haldane–Anscombe corrected table (0.5 added to every cell: a + 0.5 of n₁ + 1, b + 0.5 of n₂ + 1) and the lower
 * limit is 0. When b = 0 the ratio is undefined and so is its interval: the caller reports it as null with a reason.
 */
export function katzLogInterval(a: number, n1: number, b: number, n2: number, z: number = Z_95): Interval | null {
  if (n1 <= 0 || n2 <= 0 || b <= 0) return null;
  if (a === 0) {
    const corrected = correctedRatio(a, n1, b, n2);
    return [0, Math.exp(Math.log(corrected.ratio) + z * corrected.se)];
  }
  const ratio = a / n1 / (b / n2);
  const se = katzStandardError(a, n1, b, n2);
  return [Math.exp(Math.log(ratio) - z * se), Math.exp(Math.log(ratio) + z * se)];
}

/** SE of ln RL by Katz's method; also used by funnel plots of relative likelihoods. */
export function katzStandardError(a: number, n1: number, b: number, n2: number): number {
  return Math.sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);
}

function correctedRatio(a: number, n1: number, b: number, n2: number): { ratio: number; se: number } {
  const [ca, cn1, cb, cn2] = [a + 0.5, n1 + 1, b + 0.5, n2 + 1];
  return { ratio: ca / cn1 / (cb / cn2), se: katzStandardError(ca, cn1, cb, cn2) };
}
