import { Z_95, type Interval } from './normal.ts';

/**
 * Wilson score interval for a single proportion p = events / n.
 *
 *   centre = (p + z²/2n) / (1 + z²/n)
 *   half   = z · √(p(1 − p)/n + z²/4n²) / (1 + z²/n)
 *
 * It stays inside [0, 1] and behaves well for small n and for p = 0 or 1, unlike the normal approximation.
 * Worked example: 117 of 389 → p = 0.3008, interval 0.2573 to 0.3481; 2 of 10 → 0.0567 to 0.5098.
 * Returns null when n = 0 (no proportion exists).
 */
export function wilsonInterval(events: number, n: number, z: number = Z_95): Interval | null {
  if (n <= 0) return null;
  const p = events / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n))) / denominator;
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}
