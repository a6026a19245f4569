/**
 * The arithmetic of a pay gap: means, medians, the gap as a percentage of the reference group's figure, and a 95%
 * interval for the mean gap. Each function takes pay values sorted ascending.
 */
import type { Interval } from '../stats/normal.ts';
import { studentTQuantile } from './student-t.ts';

/** What a gap needs to know about one group's pay. */
export interface PaySummary {
  readonly n: number;
  readonly mean: number;
  readonly median: number;
  /** Sample variance (n − 1 divisor); null for a single person. */
  readonly variance: number | null;
}

/**
 * The middle value of sorted pay: for an odd count the middle person's pay, for an even count the average of the
 * two middle people's. Worked example: [10, 12, 15] → 12; [10, 12, 15, 20] → 13.5.
 */
export function median(sorted: readonly number[]): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const upper = sorted[Math.floor(n / 2)] ?? 0;
  return n % 2 === 1 ? upper : ((sorted[n / 2 - 1] ?? 0) + upper) / 2;
}

export function summarisePay(sorted: readonly number[]): PaySummary | null {
  const n = sorted.length;
  if (n === 0) return null;
  let sum = 0;
  for (const value of sorted) sum += value;
  const mean = sum / n;
  let squares = 0;
  for (const value of sorted) squares += (value - mean) ** 2;
  return { n, mean, median: median(sorted) ?? 0, variance: n > 1 ? squares / (n - 1) : null };
}

/**
 * gap % = (reference − group) ÷ reference × 100. Positive: the reference group is paid more. Null when the
 * reference figure is zero (no percentage of nothing). Worked example: men £20.00, women £17.54 → 12.3%.
 */
export function gapPct(reference: number, group: number): number | null {
  return reference > 0 ? ((reference - group) / reference) * 100 : null;
}

export type MeanGapIntervalNote = 'tooFewPeople' | 'noVariation' | 'zeroMean';

export interface MeanGapInterval {
  readonly ci95: Interval | null;
  /** Welch–Satterthwaite degrees of freedom; null when there is no interval. */
  readonly df: number | null;
  readonly note: MeanGapIntervalNote | null;
}

/**
 * 95% interval for the mean pay gap: a Welch-type interval on the log of the ratio of means, turned into the % gap.
 *
 *   R = mean_group ÷ mean_reference,  gap = (1 − R) × 100
 *   SE(ln R) = √(v_g + v_r),  v = s² ÷ (n × mean²)            (delta method; s² the sample variance)
 *   df = (v_g + v_r)² ÷ (v_g²/(n_g − 1) + v_r²/(n_r − 1))      (Welch–Satterthwaite)
 *   ln R ± t(0.975, df) × SE  →  gap from (1 − e^upper) × 100 to (1 − e^lower) × 100
 *
 * The log scale keeps the ratio positive and makes the interval asymmetric in the way a ratio is; t with
 * Welch's degrees of freedom does not assume equal spread of pay in the two groups.
 *
 * Worked example: group 10, 11, 12, 13, 14 (twice each), reference 20, 22, 24, 26, 28 (twice each). R = 0.5,
 * v_g = v_r = 1/648, SE = 1/18, df = 18, t = 2.100922; ln R ± 0.116718 → R 0.44491 to 0.56191 → gap 43.81% to
 * 55.51% (point 50%).
 *
 * No interval (null, with the reason) when a group has fewer than 2 people, when neither group's pay varies at
 * all (the model has nothing to measure spread from), or when a mean is zero.
 */
export function meanGapInterval(group: PaySummary, reference: PaySummary): MeanGapInterval {
  if (group.variance === null || reference.variance === null) return { ci95: null, df: null, note: 'tooFewPeople' };
  if (group.mean <= 0 || reference.mean <= 0) return { ci95: null, df: null, note: 'zeroMean' };
  const vg = group.variance / (group.n * group.mean ** 2);
  const vr = reference.variance / (reference.n * reference.mean ** 2);
  if (vg + vr === 0) return { ci95: null, df: null, note: 'noVariation' };
  const df = (vg + vr) ** 2 / (vg ** 2 / (group.n - 1) + vr ** 2 / (reference.n - 1));
  const half = studentTQuantile(0.975, df) * Math.sqrt(vg + vr);
  const logRatio = Math.log(group.mean / reference.mean);
  return { ci95: [(1 - Math.exp(logRatio + half)) * 100, (1 - Math.exp(logRatio - half)) * 100], df, note: null };
}
