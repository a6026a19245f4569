/**
 * Yearly figures before and after an intervention's start, with their 95% intervals and the change between them,
 * using the existing interval and change functions (Wilson, Katz, Newcombe's hybrid score, the ratio of two
 * relative likelihoods); and the same change where the intervention did not happen (difference in differences,
 * did.ts).
 */
import { beyondChance, proportionChange, type RatioYear, relativeLikelihoodChange } from '../../stats/change-between-years.ts';
import type { Interval } from '../../stats/normal.ts';
import { type EventCount, groupRate, relativeLikelihood } from '../../stats/relative-likelihood.ts';
import { reportingPeriod } from '../../wres/reporting-period.ts';
import { type DifferenceInDifferences, rateDifferenceInDifferences, ratioDifferenceInDifferences } from './did.ts';
import type { BetterDirection } from './settings.ts';

/** One reporting year's counts: a group's events among its people for a rate, both groups for a relative likelihood. */
export type AnnualSeries =
  | { readonly measure: 'rate'; readonly years: readonly { readonly year: number; readonly counts: EventCount }[] }
  | { readonly measure: 'relativeLikelihood'; readonly years: readonly { readonly year: number; readonly counts: RatioYear }[] };

export interface YearFigure {
  /** The reporting year (1 April of the year before to 31 March). */
  readonly year: number;
  /** A rate as a percentage, or a relative likelihood; null when it does not exist (nobody, or no events to divide by). */
  readonly value: number | null;
  readonly ci95: Interval | null;
  readonly counts: EventCount | RatioYear;
}

/** A change with its 95% interval: percentage points for a rate, a ratio of relative likelihoods otherwise. */
export interface Change {
  readonly estimate: number;
  readonly ci95: Interval;
  /** The value meaning no change: 0 for a difference, 1 for a ratio. */
  readonly noChange: number;
}

/**
 * - `no-year-before`: no whole reporting year ended before the start.
 * - `too-early`: no whole reporting year has begun on or after the start and ended.
 * - `no-figure`: a year has no figure, so there is no change to judge.
 * - `improvement` / `concern`: the interval leaves out no change, in the better / worse direction.
 * - `no-change`: the interval includes no change.
 */
export type ChangeReading = 'no-year-before' | 'too-early' | 'no-figure' | 'improvement' | 'concern' | 'no-change';

export interface AnnualEvaluation {
  readonly before: YearFigure | null;
  readonly after: YearFigure | null;
  readonly change: Change | null;
  readonly reading: ChangeReading;
  /** The change here less the change where the intervention did not happen; null without peers or figures. */
  readonly differenceInDifferences: DifferenceInDifferences | null;
  /** The same reading for the difference in differences; null without peers. */
  readonly didReading: ChangeReading | null;
}

/**
 * The years either side of the start: the latest reporting year that ended before the start date, and the latest
 * that began on or after it. A year the start falls in is neither (part of it is before, part after).
 *
 * Worked example: start 2024-01-15 with years 2022 to 2026 → before 2023 (to 31 March 2023), after 2025 (from
 * 1 April 2024; 2024 runs from April 2023 and holds the start).
 */
export function yearsAround(start: string, years: readonly number[]): { before: number | null; after: number | null } {
  const before = years.filter((y) => reportingPeriod(y).end < start);
  const after = years.filter((y) => reportingPeriod(y).start >= start);
  return { before: before.length ? Math.max(...before) : null, after: after.length ? Math.max(...after) : null };
}

function figure(series: AnnualSeries, year: number): YearFigure | null {
  if (series.measure === 'rate') {
    const entry = series.years.find((y) => y.year === year);
    if (!entry) return null;
    const r = groupRate(entry.counts);
    return { year, value: r.rate === null ? null : r.rate * 100, ci95: r.ci95 ? [r.ci95[0] * 100, r.ci95[1] * 100] : null, counts: entry.counts };
  }
  const entry = series.years.find((y) => y.year === year);
  if (!entry) return null;
  const rl = relativeLikelihood(entry.counts.numerator, entry.counts.denominator);
  return { year, value: rl.value, ci95: rl.ci95, counts: entry.counts };
}

/** Reads a change against the better direction. */
export function readChange(change: Change | null, direction: BetterDirection): ChangeReading {
  if (change === null) return 'no-figure';
  if (!beyondChance(change.ci95, change.noChange)) return 'no-change';
  const up = change.estimate > change.noChange;
  return up === (direction === 'increase') ? 'improvement' : 'concern';
}

function changeBetween(series: AnnualSeries, before: number, after: number): Change | null {
  if (series.measure === 'rate') {
    const b = series.years.find((y) => y.year === before)?.counts;
    const a = series.years.find((y) => y.year === after)?.counts;
    const c = b && a ? proportionChange(b, a) : null;
    return c ? { estimate: c.differencePp, ci95: c.ci95, noChange: 0 } : null;
  }
  const b = series.years.find((y) => y.year === before)?.counts;
  const a = series.years.find((y) => y.year === after)?.counts;
  const c = b && a ? relativeLikelihoodChange(b, a) : null;
  return c ? { estimate: c.ratio, ci95: c.ci95, noChange: 1 } : null;
}

function peerDid(own: AnnualSeries, peers: AnnualSeries, before: number, after: number): DifferenceInDifferences | null {
  if (own.measure === 'rate' && peers.measure === 'rate') {
    const at = (s: typeof own, y: number) => s.years.find((e) => e.year === y)?.counts;
    const [tb, ta, cb, ca] = [at(own, before), at(own, after), at(peers, before), at(peers, after)];
    return tb && ta && cb && ca ? rateDifferenceInDifferences({ before: tb, after: ta }, { before: cb, after: ca }) : null;
  }
  if (own.measure === 'relativeLikelihood' && peers.measure === 'relativeLikelihood') {
    const at = (s: typeof own, y: number) => s.years.find((e) => e.year === y)?.counts;
    const [tb, ta, cb, ca] = [at(own, before), at(own, after), at(peers, before), at(peers, after)];
    return tb && ta && cb && ca ? ratioDifferenceInDifferences({ before: tb, after: ta }, { before: cb, after: ca }) : null;
  }
  throw new RangeError('the peers must follow the same measure as the organisation');
}

/**
 * The yearly evaluation: the figures of the years either side of the start (`yearsAround`), the change between
 * them with its interval, read against the better direction, and, when `peers` is given (organisations or
 * directorates without the intervention, pooled: see `poolPeers`), the difference in differences over the same years.
 */
export function evaluateAnnual(own: AnnualSeries, start: string, direction: BetterDirection, peers: AnnualSeries | null = null): AnnualEvaluation {
  const { before, after } = yearsAround(start, own.years.map((y) => y.year));
  if (before === null || after === null) {
    const reading: ChangeReading = before === null ? 'no-year-before' : 'too-early';
    return {
      before: before === null ? null : figure(own, before),
      after: after === null ? null : figure(own, after),
      change: null,
      reading,
      differenceInDifferences: null,
      didReading: peers ? reading : null,
    };
  }
  const change = changeBetween(own, before, after);
  const did = peers ? peerDid(own, peers, before, after) : null;
  return {
    before: figure(own, before),
    after: figure(own, after),
    change,
    reading: readChange(change, direction),
    differenceInDifferences: did,
    didReading: peers ? readChange(did ? { estimate: did.estimate, ci95: did.ci95, noChange: did.noChange } : null, direction) : null,
  };
}

/**
 * Peers pooled into one comparison group: for each year every peer has, the sum of their counts. A year missing
 * from any peer is left out, so the comparison group is the same organisations in every year.
 *
 * Worked example: peer A 10 of 100 and peer B 30 of 200 in 2024 → 40 of 300.
 */
export function poolPeers(peers: readonly AnnualSeries[]): AnnualSeries | null {
  const first = peers[0];
  if (!first) return null;
  if (peers.some((p) => p.measure !== first.measure)) throw new RangeError('the peers must all follow the same measure');
  const years = first.years.map((y) => y.year).filter((year) => peers.every((p) => p.years.some((y) => y.year === year)));
  const add = (a: EventCount, b: EventCount): EventCount => ({ events: a.events + b.events, population: a.population + b.population });
  if (first.measure === 'rate') {
    return {
      measure: 'rate',
      years: years.map((year) => ({
        year,
        counts: peers.map((p) => (p.years.find((y) => y.year === year)?.counts as EventCount)).reduce(add),
      })),
    };
  }
  return {
    measure: 'relativeLikelihood',
    years: years.map((year) => {
      const all = peers.map((p) => p.years.find((y) => y.year === year)?.counts as RatioYear);
      return { year, counts: { numerator: all.map((c) => c.numerator).reduce(add), denominator: all.map((c) => c.denominator).reduce(add) } };
    }),
  };
}
