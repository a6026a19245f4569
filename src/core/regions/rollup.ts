/**
 * The regional and national view (issue 15 item 6, issue 13 item 6): for each WRES and WDES headline indicator, every
 * organisation's figure with its counts and 95% interval, the figure pooled over the organisations, a league table
 * that is never a bare ranking (ordered by figure, each with its interval and its place on the funnel plot), and the
 * funnel plot itself. Pure: it is given each organisation's headline figures as they may leave (core/publish's
 * `PublicFigure`, from a published version or from the store's current import) and returns what the pages show.
 *
 * Methods (docs/methodology.md, "Regions and the nation"):
 * - each organisation's figure is worked out from its counts: a relative likelihood (Katz interval) from the two
 *   compared groups' events and people, a percentage (Wilson interval) from the focus group's positive answers and
 *   respondents, or the focus group's share of the workforce (Wilson);
 * - the pooled figure adds the counts of every organisation shown, as if they were one organisation:
 *   RL = (Σa/Σn₁) ÷ (Σb/Σn₂) with the Katz interval of the summed counts, or Σevents/Σpeople with the Wilson
 *   interval. That interval describes the pooled population's own figure; it does not allow for organisations
 *   differing from one another (the funnel's overdispersion allowance does that);
 * - the funnel is the comparisons' (core/comparisons/peer-funnels.ts) centred on that pooled figure, with
 *   overdispersion allowed for as FunnelPlotR decides; an organisation is distinguishable from the pooled figure when
 *   it lies outside the 95% limits, and clearly so outside the 99.8% limits;
 * - disclosure control: a figure any of whose counts (events, people, people without the event, in either group) is
 *   1 to 7 is withheld (its counts, figure and interval) and left out of the pool and the funnel too, so nothing
 *   about it can be had by taking the shown organisations from the pooled counts.
 */
import type { FigureCount } from '../act/headline.ts';
import {
  MINIMUM_PEERS, ratioFunnel, surveyFunnel, type FunnelPosition, type PeerFunnel, type PeerFunnelSet, type PeerOrganisationOf, type PeerRatioInput, type PeerSurveyInputOf,
} from '../comparisons/peer-funnels.ts';
import type { PublicFigure } from '../publish/report.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { OutlierDirection } from '../stats/funnel/outliers.ts';
import type { Interval } from '../stats/normal.ts';
import { relativeLikelihood } from '../stats/relative-likelihood.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';

/** An indicator the view rolls up: a relative likelihood, a survey percentage, or a share of the workforce. */
export interface RollupIndicator {
  readonly standard: 'wres' | 'wdes';
  readonly id: string;
  readonly title: string;
  readonly kind: 'ratio' | 'proportion' | 'representation';
  /** Whether a higher figure is better; null where neither is (a share of the workforce). */
  readonly higherIsBetter: boolean | null;
}

/** An organisation with its headline figures of one year, as they may leave (published, or from the store). */
export interface RollupOrganisation {
  readonly code: string;
  readonly name: string;
  readonly synthetic: boolean;
  readonly figures: readonly PublicFigure[];
}

export type RowStatus = 'shown' | 'withheld' | 'unavailable';

/** One organisation's row of an indicator's league table. */
export interface LeagueRow {
  readonly code: string;
  readonly name: string;
  readonly synthetic: boolean;
  readonly status: RowStatus;
  /** RL, or a proportion 0–1; null unless shown (or shown but not defined). */
  readonly value: number | null;
  readonly ci95: Interval | null;
  /** Ratio: numerator group then denominator group; otherwise the focus group. Empty unless shown. */
  readonly counts: readonly FigureCount[];
  /** Where it lies on the funnel plot (notCalculable when not plotted). */
  readonly position: FunnelPosition;
  readonly direction: OutlierDirection | null;
  readonly limits95: Interval | null;
  readonly limits998: Interval | null;
}

export interface PooledFigure {
  readonly value: number | null;
  readonly ci95: Interval | null;
  /** The summed counts, as an organisation's. */
  readonly counts: readonly FigureCount[];
  readonly organisations: number;
}

export interface Distinguishable {
  /** Organisations with a figure (on the funnel plot). */
  readonly plotted: number;
  readonly outside998: { readonly above: number; readonly below: number };
  readonly between: { readonly above: number; readonly below: number };
  readonly inside95: number;
  /** Neighbouring pairs in the league table's order, and how many of them have overlapping 95% intervals. */
  readonly neighbourPairs: number;
  readonly overlappingPairs: number;
}

export interface IndicatorRollup {
  readonly indicator: RollupIndicator;
  readonly pooled: PooledFigure | null;
  /** Shown rows from the highest figure to the lowest (then by name), then withheld, then unavailable. */
  readonly rows: readonly LeagueRow[];
  readonly shown: number;
  readonly withheld: number;
  readonly unavailable: number;
  /** Null with fewer than MINIMUM_PEERS organisations with a figure. */
  readonly funnel: PeerFunnel<string> | null;
  readonly distinguishable: Distinguishable | null;
}

function cellsOf(counts: readonly FigureCount[]): number[] {
  return counts.flatMap((c) => [c.events, c.population, c.population - c.events]);
}

/** The counts a figure of this indicator is worked out from, or null when the figure cannot be used. */
function usableCounts(indicator: RollupIndicator, figure: PublicFigure): readonly FigureCount[] | null {
  const wanted = indicator.kind === 'ratio' ? 2 : 1;
  if (figure.counts.length < wanted) return null;
  const counts = figure.counts.slice(0, wanted);
  return counts.every((c) => Number.isInteger(c.events) && Number.isInteger(c.population) && c.events >= 0 && c.population >= c.events) ? counts : null;
}

/** A figure and its 95% interval from counts: Katz for a ratio, Wilson for a proportion or share. */
export function figureOf(kind: RollupIndicator['kind'], counts: readonly FigureCount[]): { value: number | null; ci95: Interval | null } {
  if (kind === 'ratio') {
    const [a, b] = counts;
    if (!a || !b) return { value: null, ci95: null };
    const rl = relativeLikelihood(a, b);
    return { value: rl.value, ci95: rl.ci95 };
  }
  const [f] = counts;
  if (!f || f.population <= 0) return { value: null, ci95: null };
  return { value: f.events / f.population, ci95: wilsonInterval(f.events, f.population) };
}

/** The counts of every organisation added up, group by group, and the figure they give. */
export function pooledFigure(kind: RollupIndicator['kind'], countsOf: readonly (readonly FigureCount[])[]): PooledFigure | null {
  if (countsOf.length === 0) return null;
  const width = countsOf[0]!.length;
  const summed: FigureCount[] = Array.from({ length: width }, (_, i) => ({
    group: countsOf[0]![i]!.group,
    events: countsOf.reduce((s, c) => s + c[i]!.events, 0),
    population: countsOf.reduce((s, c) => s + c[i]!.population, 0),
  }));
  return { ...figureOf(kind, summed), counts: summed, organisations: countsOf.length };
}

function overlaps(a: Interval | null, b: Interval | null): boolean {
  return a !== null && b !== null && a[0] <= b[1] && b[0] <= a[1];
}

/** The funnel of the shown organisations, through the comparisons' funnels, centred on the pooled figure. */
function funnelOf(indicator: RollupIndicator, shown: readonly { code: string; name: string; counts: readonly FigureCount[] }[]): PeerFunnel<string> | null {
  const id = indicator.id;
  const ratio = indicator.kind === 'ratio';
  const set: PeerFunnelSet<string> = {
    standard: indicator.standard, focus: 'focus',
    ratioIndicators: ratio ? [id] : [], surveyIndicators: ratio ? [] : [id],
    titles: { [id]: indicator.title }, higherIsBetter: { [id]: indicator.higherIsBetter ?? false },
  };
  const peers: PeerOrganisationOf<string>[] = shown.map((o) => {
    const [a, b] = o.counts;
    const entry: PeerRatioInput | PeerSurveyInputOf = ratio
      ? { available: true, orientation: { numerator: 'a', denominator: 'b' }, groups: { a: { events: a!.events, population: a!.population }, b: { events: b!.events, population: b!.population } } }
      : { available: true, groups: { focus: { respondents: a!.population, positive: a!.events } } };
    return { code: o.code, name: o.name, report: { year: 0, indicators: { [id]: entry } } };
  });
  return ratio ? ratioFunnel(id, peers, {}, set) : surveyFunnel(id, peers, {}, set);
}

/** One indicator across the organisations. */
export function rollupIndicator(
  indicator: RollupIndicator,
  organisations: readonly RollupOrganisation[],
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): IndicatorRollup {
  const shown: { code: string; name: string; synthetic: boolean; counts: readonly FigureCount[]; value: number | null; ci95: Interval | null }[] = [];
  const others: LeagueRow[] = [];
  const empty = { value: null, ci95: null, counts: [], position: 'notCalculable', direction: null, limits95: null, limits998: null } as const;
  for (const o of organisations) {
    const figure = o.figures.find((f) => f.standard === indicator.standard && f.indicator === indicator.id);
    const identity = { code: o.code, name: o.name, synthetic: o.synthetic };
    if (!figure || figure.status === 'unavailable') {
      others.push({ ...identity, ...empty, status: 'unavailable' });
      continue;
    }
    const counts = figure.status === 'shown' ? usableCounts(indicator, figure) : null;
    // Withheld by the publication rule already, or (checked again here) any count of 1 to 7.
    if (figure.status === 'withheld' || (counts !== null && cellsOf(counts).some((n) => isDisclosive(n, policy)))) {
      others.push({ ...identity, ...empty, status: 'withheld' });
      continue;
    }
    if (counts === null) {
      others.push({ ...identity, ...empty, status: 'unavailable' });
      continue;
    }
    shown.push({ ...identity, counts, ...figureOf(indicator.kind, counts) });
  }
  const pooled = pooledFigure(indicator.kind, shown.map((s) => s.counts));
  const funnel = funnelOf(indicator, shown);
  const byCode = new Map((funnel?.points ?? []).map((p) => [p.code, p]));
  const ordered = [...shown].sort((a, b) => (b.value ?? Number.NEGATIVE_INFINITY) - (a.value ?? Number.NEGATIVE_INFINITY) || a.name.localeCompare(b.name));
  const shownRows: LeagueRow[] = ordered.map((s) => {
    const p = byCode.get(s.code);
    return {
      code: s.code, name: s.name, synthetic: s.synthetic, status: 'shown', value: s.value, ci95: s.ci95, counts: s.counts,
      position: p?.position ?? 'notCalculable', direction: p?.direction ?? null, limits95: p?.limits95 ?? null, limits998: p?.limits998 ?? null,
    };
  });
  const rank = (status: RowStatus) => (status === 'withheld' ? 0 : 1);
  const rest = [...others].sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name));
  return {
    indicator, pooled, rows: [...shownRows, ...rest],
    shown: shown.length, withheld: others.filter((r) => r.status === 'withheld').length, unavailable: others.filter((r) => r.status === 'unavailable').length,
    funnel, distinguishable: funnel ? distinguishableOf(shownRows) : null,
  };
}

/** How many organisations lie outside each set of limits, on which side, and how many neighbours' intervals overlap. */
export function distinguishableOf(rows: readonly LeagueRow[]): Distinguishable {
  const plotted = rows.filter((r) => r.position !== 'notCalculable');
  const count = (position: FunnelPosition, direction: OutlierDirection) => plotted.filter((r) => r.position === position && r.direction === direction).length;
  const withValue = rows.filter((r) => r.value !== null);
  let overlapping = 0;
  for (let i = 1; i < withValue.length; i++) if (overlaps(withValue[i - 1]!.ci95, withValue[i]!.ci95)) overlapping++;
  return {
    plotted: plotted.length,
    outside998: { above: count('outside998', 'above'), below: count('outside998', 'below') },
    between: { above: count('between', 'above'), below: count('between', 'below') },
    inside95: plotted.filter((r) => r.position === 'inside95').length,
    neighbourPairs: Math.max(0, withValue.length - 1),
    overlappingPairs: overlapping,
  };
}

/** Every indicator across the organisations. */
export function rollup(indicators: readonly RollupIndicator[], organisations: readonly RollupOrganisation[], policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): IndicatorRollup[] {
  return indicators.map((i) => rollupIndicator(i, organisations, policy));
}

export { MINIMUM_PEERS };
