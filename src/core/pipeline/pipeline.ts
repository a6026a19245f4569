/**
 * The career-progression pipeline: how the focus group's share (ethnic minority staff for WRES, Disabled staff for
 * WDES) changes from each Agenda for Change band to the next, and how those steps compound up the ladder, so a board
 * sees that a modest gap at each step becomes a large gap at the top. Built from the headcounts of each band
 * (indicator 1 and metric 1: clinical and non-clinical staff together; medical grades are a different ladder and are
 * left out), for any pair of compared groups (src/core/indicators/compared-groups.ts). Below, EM and W stand for the
 * focus and reference groups' headcounts (ethnic minority and White for WRES; Disabled and non-disabled for WDES).
 *
 * Step relative likelihood, band k against the band below it (k − 1):
 *
 *   RL_k = (EM_k ÷ EM_{k−1}) ÷ (W_k ÷ W_{k−1}),   SE(ln RL_k) = √(1/EM_k + 1/EM_{k−1} + 1/W_k + 1/W_{k−1})
 *
 * and compounded from the first band with staff (base): RL_k,base = (EM_k ÷ EM_base) ÷ (W_k ÷ W_base), whose log has
 * the same form of standard error (a ratio of odds, Woolf's method). Worked example: 300 ethnic minority and 600 White
 * staff in Band 5, 100 and 400 in Band 6 → RL = (100/300) ÷ (400/600) = 0.50: relative to Band 5, ethnic minority staff
 * are half as likely as White staff to be in Band 6. Below 1 means ethnic minority staff thin out faster going up.
 * Staff whose group is unknown (ethnicity not known, disability not declared) are in neither count.
 */
import { WRES_COMPARED, type WresCompared } from '../ethnicity/wres-characteristic.ts';
import { byGroup, type ByGroup, type ComparedGroups } from '../indicators/compared-groups.ts';
import type { Cluster } from '../workforce/staff-group.ts';
import { Z_95, type Interval } from '../stats/normal.ts';
import { AFC_BANDS } from '../workforce/pay-band.ts';

/** A band's step up the ladder; the headcounts behind it are under the compared groups' names ("white", "disabled"). */
export type PipelineStep<C extends string = WresCompared> = PipelineStepFigures & ByGroup<C, number>;

export interface PipelineStepFigures {
  readonly band: string;
  /** Against the band below; null for the base band or when a count is zero. */
  readonly step: { readonly from: string; readonly value: number | null; readonly ci95: Interval | null } | null;
  /** Against the base band; null for the base band itself or when a count is zero. */
  readonly cumulative: { readonly value: number | null; readonly ci95: Interval | null } | null;
  readonly smallNumbers: boolean;
}

export interface Pipeline<C extends string = WresCompared> {
  readonly base: string | null;
  readonly steps: readonly PipelineStep<C>[];
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

/** One band row's headcounts of the two compared groups (any standard). */
export interface BandCounts<C extends string> {
  readonly cluster: Cluster;
  readonly row: string;
  readonly counts: ByGroup<C, number>;
}

/**
 * Each band row's headcounts of the two groups, from counts kept per recorded category (WDES metric 1's workforce
 * counts, per disability answer). Categories of neither group (unknown) are left out.
 */
export function bandCountsOf<C extends string>(
  groups: ComparedGroups<C>,
  rows: readonly { readonly cluster: Cluster; readonly row: string; readonly headcounts: Readonly<Record<string, number>> }[],
): BandCounts<C>[] {
  return rows.map((r) => {
    const counts = byGroup(groups, () => 0) as Record<C, number>;
    for (const [category, n] of Object.entries(r.headcounts)) {
      const group = groups.groupOf(category);
      if (group) counts[group] += n;
    }
    return { cluster: r.cluster, row: r.row, counts };
  });
}

/** From indicator 1's rows (WRES report `indicators["1"].rows`). */
export function pipeline(rows: readonly BandRow[], smallNumberThreshold = 10): Pipeline {
  return pipelineOf(WRES_COMPARED, rows.map((r) => ({ cluster: r.cluster, row: r.row, counts: { white: r.white.count, ethnicMinority: r.ethnicMinority.count } })), smallNumberThreshold);
}

/** The pipeline of any compared groups, from each band row's headcounts of the two groups. */
export function pipelineOf<C extends string>(groups: ComparedGroups<C>, rows: readonly BandCounts<NoInfer<C>>[], smallNumberThreshold = 10): Pipeline<C> {
  const { focus, reference } = groups;
  const zero = () => byGroup(groups, () => 0) as Record<C, number>;
  const byBand = new Map<string, Record<C, number>>();
  for (const row of rows) {
    if (row.cluster === 'medical') continue;
    const total = byBand.get(row.row) ?? zero();
    for (const group of [reference, focus]) total[group] += row.counts[group];
    byBand.set(row.row, total);
  }
  const bands = LADDER.filter((band) => {
    const c = byBand.get(band);
    return c !== undefined && c[reference] + c[focus] > 0;
  });
  const base = bands[0] ?? null;
  const steps = bands.map((band, i): PipelineStep<C> => {
    const c = byBand.get(band) ?? zero();
    const below = i > 0 ? byBand.get(bands[i - 1] ?? '') : undefined;
    const first = base ? byBand.get(base) : undefined;
    return {
      band,
      ...byGroup(groups, (g) => c[g]),
      step: below ? { from: bands[i - 1] ?? '', ...ratioOfRatios(c[focus], below[focus], c[reference], below[reference]) } : null,
      cumulative: i > 0 && first ? ratioOfRatios(c[focus], first[focus], c[reference], first[reference]) : null,
      smallNumbers: Math.min(c[reference], c[focus]) < smallNumberThreshold,
    } as PipelineStep<C>;
  });
  return { base, steps, statement: pipelineStatement(groups, steps, base) };
}

/** The ladder in a sentence, from the highest band with a ratio; a ratio that is null (zero or withheld) is passed over. */
export function pipelineStatement<C extends string>(groups: ComparedGroups<C>, steps: readonly PipelineStep<C>[], base: string | null): string {
  // The highest band resting on enough people to say something steady about.
  const known = [...steps].reverse().filter((s) => s.cumulative?.value !== null && s.cumulative?.value !== undefined);
  const top = known.find((s) => !s.smallNumbers) ?? known[0];
  if (!top || !base || !top.cumulative || top.cumulative.value === null) return 'There are too few staff in the bands to follow the pipeline.';
  const v = top.cumulative.value;
  const reading = v < 1 ? 'their share thins out going up' : 'their share holds or grows going up';
  return `Compounded up the ladder, ${groups.adjective(groups.focus)} staff are ${v.toFixed(2)} times as likely as ${groups.adjective(groups.reference)} staff to be in ${top.band} rather than ${base}: ${reading}.`;
}
