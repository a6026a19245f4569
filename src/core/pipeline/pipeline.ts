/**
 * The career-progression pipeline: how the ethnic minority share changes from each Agenda for Change band to the
 * next, and how those steps compound up the ladder, so a board sees that a modest gap at each step becomes a large
 * gap at the top. Built from indicator 1's counts (clinical and non-clinical staff together; medical grades are a
 * different ladder and are left out).
 *
 * Step relative likelihood, band k against the band below it (k − 1):
 *
 *   RL_k = (EM_k ÷ EM_{k−1}) ÷ (W_k ÷ W_{k−1}),   SE(ln RL_k) = √(1/EM_k + 1/EM_{k−1} + 1/W_k + 1/W_{k−1})
 *
 * and compounded from the first band with staff (base): RL_k,base = (EM_k ÷ EM_base) ÷ (W_k ÷ W_base), whose log has
 * the same form of standard error (a ratio of odds, Woolf's method). Worked example: 300 ethnic minority and 600 White
 * staff in Band 5, 100 and 400 in Band 6 → RL = (100/300) ÷ (400/600) = 0.50: relative to Band 5, ethnic minority staff
 * are half as likely as White staff to be in Band 6. Below 1 means ethnic minority staff thin out faster going up.
 */
import type { Cluster } from '../workforce/staff-group.ts';
import { Z_95, type Interval } from '../stats/normal.ts';
import { AFC_BANDS } from '../workforce/pay-band.ts';

export interface PipelineStep {
  readonly band: string;
  readonly white: number;
  readonly ethnicMinority: number;
  /** Against the band below; null for the base band or when a count is zero. */
  readonly step: { readonly from: string; readonly value: number | null; readonly ci95: Interval | null } | null;
  /** Against the base band; null for the base band itself or when a count is zero. */
  readonly cumulative: { readonly value: number | null; readonly ci95: Interval | null } | null;
  readonly smallNumbers: boolean;
}

export interface Pipeline {
  readonly base: string | null;
  readonly steps: readonly PipelineStep[];
  readonly statement: string;
}

const LADDER = [...AFC_BANDS, 'VSM'];

/** One row of indicator 1: a cluster's band with its White and ethnic minority headcounts. */
export interface BandRow {
  readonly cluster: Cluster;
  readonly row: string;
  readonly white: { readonly count: number };
  readonly ethnicMinority: { readonly count: number };
}

/** Ratio of two ratios of counts with a Woolf 95% interval; null when any count is zero. */
export function ratioOfRatios(emTop: number, emBottom: number, whiteTop: number, whiteBottom: number): { value: number | null; ci95: Interval | null } {
  if ([emTop, emBottom, whiteTop, whiteBottom].some((n) => n <= 0)) return { value: null, ci95: null };
  const value = emTop / emBottom / (whiteTop / whiteBottom);
  const se = Math.sqrt(1 / emTop + 1 / emBottom + 1 / whiteTop + 1 / whiteBottom);
  return { value, ci95: [value * Math.exp(-Z_95 * se), value * Math.exp(Z_95 * se)] };
}

/** From indicator 1's rows (WRES report `indicators["1"].rows`). */
export function pipeline(rows: readonly BandRow[], smallNumberThreshold = 10): Pipeline {
  const byBand = new Map<string, { white: number; ethnicMinority: number }>();
  for (const row of rows) {
    if (row.cluster === 'medical') continue;
    const total = byBand.get(row.row) ?? { white: 0, ethnicMinority: 0 };
    total.white += row.white.count;
    total.ethnicMinority += row.ethnicMinority.count;
    byBand.set(row.row, total);
  }
  const bands = LADDER.filter((band) => {
    const c = byBand.get(band);
    return c !== undefined && c.white + c.ethnicMinority > 0;
  });
  const base = bands[0] ?? null;
  const steps = bands.map((band, i): PipelineStep => {
    const c = byBand.get(band) ?? { white: 0, ethnicMinority: 0 };
    const below = i > 0 ? byBand.get(bands[i - 1] ?? '') : undefined;
    const first = base ? byBand.get(base) : undefined;
    return {
      band,
      white: c.white,
      ethnicMinority: c.ethnicMinority,
      step: below ? { from: bands[i - 1] ?? '', ...ratioOfRatios(c.ethnicMinority, below.ethnicMinority, c.white, below.white) } : null,
      cumulative: i > 0 && first ? ratioOfRatios(c.ethnicMinority, first.ethnicMinority, c.white, first.white) : null,
      smallNumbers: Math.min(c.white, c.ethnicMinority) < smallNumberThreshold,
    };
  });
  return { base, steps, statement: statementOf(steps, base) };
}

function statementOf(steps: readonly PipelineStep[], base: string | null): string {
  // The highest band resting on enough people to say something steady about.
  const known = [...steps].reverse().filter((s) => s.cumulative?.value !== null && s.cumulative?.value !== undefined);
  const top = known.find((s) => !s.smallNumbers) ?? known[0];
  if (!top || !base || !top.cumulative || top.cumulative.value === null) return 'There are too few staff in the bands to follow the pipeline.';
  const v = top.cumulative.value;
  const reading = v < 1 ? 'their share thins out going up' : 'their share holds or grows going up';
  return `Compounded up the ladder, ethnic minority staff are ${v.toFixed(2)} times as likely as White staff to be in ${top.band} rather than ${base}: ${reading}.`;
}
