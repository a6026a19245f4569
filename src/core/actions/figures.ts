/**
 * The figures of the high-impact actions' computed metrics, read from the standards' own results (docs/methodology.md,
 * "High-impact actions"): an indicator's headline figure as `headlineFigure` reads it for objectives and the board
 * pack; the share of Band 8c and above through the targets' own band counting (`seniorBandCounts`, `shareOf`); the
 * share of shortlisted applicants from indicator 2's counts, with a Wilson interval; and disclosure control for
 * anyone but the organisation's analysts: a figure resting on a count of 1 to 7 (or on a difference that is one) is
 * withheld with its counts and interval. Pure: no input or output.
 */
import type { HeadlineFigure, HeadlineResult } from '../act/headline.ts';
import { type DisclosurePolicy, isDisclosive } from '../stats/disclosure.ts';
import { type BandShareYear, type SENIOR_BANDS, seniorBandCounts, shareOf, type TargetGroup, type TargetYearInput } from '../targets/model-employer.ts';

/** The bands of senior leadership the plan names: Band 8c and above (medical grades are a different ladder). */
export const SENIOR_LEADERSHIP_BANDS = ['Band 8c', 'Band 8d', 'Band 9', 'VSM'] as const satisfies readonly (typeof SENIOR_BANDS)[number][];

/** The focus group's share of Band 8c and above in a year, unknown ethnicity (or undeclared disability) counted in the total. */
export function seniorLeadershipShare<F extends string>(group: TargetGroup<F>, year: BandShareYear): HeadlineFigure {
  const bands = seniorBandCounts(group, year.rows);
  let focus = 0;
  let total = 0;
  for (const band of SENIOR_LEADERSHIP_BANDS) {
    focus += (bands[band] as Readonly<Record<string, number>>)[group.key] ?? 0;
    total += bands[band].total;
  }
  const share = shareOf(group, focus, total);
  return {
    year: year.year, kind: 'representation', value: share.pct, ci95: share.ci95,
    counts: [{ group: group.key, events: focus, population: total }], smallNumbers: false, parity: null,
  };
}

/**
 * The focus group's share of shortlisted applicants, from a ratio figure's counts (WRES 2: White then ethnic
 * minority; WDES 2: non-disabled then Disabled): the focus group is the denominator group. Applicants of unknown
 * ethnicity or disability are not in the indicator's counts, so they are left out here too.
 */
export function shortlistedShare(ratio: HeadlineResult, focusGroup: string): HeadlineResult {
  if (!ratio.available) return ratio;
  const focus = ratio.figure.counts.find((c) => c.group === focusGroup);
  if (!focus) return { available: false, reason: 'the report has no counts for the group' };
  const total = ratio.figure.counts.reduce((s, c) => s + c.population, 0);
  const share = shareOf({ key: 'focus', adjective: '', membership: '', notes: [] }, focus.population, total);
  return {
    available: true,
    figure: {
      year: ratio.figure.year, kind: 'representation', value: share.pct, ci95: share.ci95,
      counts: [{ group: focusGroup, events: focus.population, population: total }], smallNumbers: false, parity: null,
    },
  };
}

/**
 * The figure as it may be shown: unchanged with no policy (the organisation's analysts on screen), otherwise withheld
 * when any count behind it, or the rest of a population after its events, is 1 to minimumCellSize − 1.
 */
export function withSmallNumbersWithheld(result: HeadlineResult, policy: DisclosurePolicy | null): HeadlineResult {
  if (!result.available || policy === null) return result;
  const small = result.figure.counts.some((c) => [c.events, c.population, c.population - c.events].some((n) => isDisclosive(n, policy)));
  return small ? { available: false, reason: `withheld: it rests on a count of 1 to ${policy.minimumCellSize - 1}` } : result;
}

/** A WRES report's indicator 1 as band headcounts, exactly as `modelEmployerTargets` reads it. */
export function wresBandShareYear(input: TargetYearInput): BandShareYear {
  const one = input.indicators['1'];
  return {
    year: input.year,
    overall: { total: one.overall.total, focus: one.overall.ethnicMinority.count },
    rows: one.rows.map((r) => ({ cluster: r.cluster, row: r.row, total: r.total, focus: r.ethnicMinority.count })),
  };
}
