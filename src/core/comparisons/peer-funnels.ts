/**
 * Comparisons between organisations: the funnel plots of a peer group's figures for one year, for any standard's set
 * of indicators (`PeerFunnelSet`): WRES below, WDES in wdes-peer-funnels.ts (metrics 2 and 3, and the Disabled share
 * of each staff survey metric), each reading the focus group's survey counts (ethnic minority, Disabled staff).
 *
 * - Indicators 5–8 (staff survey): the share of ethnic minority respondents answering positively (for 5, 6 and 8,
 *   reporting the experience; for 7, believing in equal opportunities), as proportions, by the FunnelPlotR port
 *   (`funnelPlot`, data type 'proportion', pooled target, overdispersion allowed for as the package decides).
 * - Indicators 2–4 (relative likelihoods): Mirror's relative-likelihood funnel (`relativeLikelihoodFunnel`), with a
 *   national figure as target when one is given and the pooled one otherwise. Indicator 3 is the single-year figure.
 *
 * Only each organisation's headline counts are used (as published in the national return), never a breakdown.
 * Pure: no input or output. See docs/methodology.md, "Funnel plots", "Comparisons in the app".
 */
import type { Interval } from '../stats/normal.ts';
import { normalQuantile } from '../stats/distributions.ts';
import { funnelPlot } from '../stats/funnel/funnel-plot.ts';
import { adjustedLimits } from '../stats/funnel/limits.ts';
import { outlierDirection, type OutlierDirection } from '../stats/funnel/outliers.ts';
import { relativeLikelihoodFunnel } from '../stats/funnel/relative-likelihood-funnel.ts';
import { relativeLikelihood } from '../stats/relative-likelihood.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';

export const PEER_RATIO_INDICATORS = ['2', '3', '4'] as const;
export const PEER_SURVEY_INDICATORS = ['5', '6', '7', '8'] as const;
export const PEER_INDICATORS = [...PEER_RATIO_INDICATORS, ...PEER_SURVEY_INDICATORS] as const;
export type PeerRatioIndicator = (typeof PEER_RATIO_INDICATORS)[number];
export type PeerSurveyIndicator = (typeof PEER_SURVEY_INDICATORS)[number];
export type PeerIndicator = (typeof PEER_INDICATORS)[number];

/** The parts of a WRES report's headline a comparison reads (a WresReport has this shape). */
export interface PeerRatioInput {
  readonly available: boolean;
  readonly title?: string;
  readonly orientation?: { readonly numerator: string; readonly denominator: string };
  readonly groups?: Readonly<Record<string, { readonly events: number; readonly population: number }>>;
}

export interface PeerSurveyInput {
  readonly available: boolean;
  readonly title?: string;
  readonly groups?: { readonly ethnicMinority?: { readonly respondents: number; readonly positive: number } };
}

/** A survey figure of any standard: the counts of each group, of which the set's focus group is read. */
export interface PeerSurveyInputOf {
  readonly available: boolean;
  readonly title?: string;
  readonly groups?: Readonly<Partial<Record<string, { readonly respondents: number; readonly positive: number }>>>;
}

export interface PeerReportInput {
  readonly year: number;
  readonly indicators: Readonly<Record<PeerRatioIndicator, PeerRatioInput> & Record<PeerSurveyIndicator, PeerSurveyInput>>;
}

export interface PeerOrganisation {
  readonly code: string;
  readonly name: string;
  readonly report: PeerReportInput;
}

/** An organisation with the headline figures of any standard's set of indicators (a WRES or WDES report fits). */
export interface PeerOrganisationOf<I extends string> {
  readonly code: string;
  readonly name: string;
  readonly report: { readonly year: number; readonly indicators: Readonly<Record<I, PeerRatioInput | PeerSurveyInputOf>> };
}

/** The indicators a standard compares across peers, with their titles and which way is better. */
export interface PeerFunnelSet<I extends string = PeerIndicator> {
  readonly standard: string;
  /** The survey group whose share is plotted: "ethnicMinority", "disabled". */
  readonly focus: string;
  readonly ratioIndicators: readonly I[];
  readonly surveyIndicators: readonly I[];
  readonly titles: Readonly<Record<I, string>>;
  /** Relative likelihoods are oriented so that above 1 the focus group fares worse (lower is better); survey shares by their event. */
  readonly higherIsBetter: Readonly<Record<I, boolean>>;
}

export interface PeerFunnelOptions {
  /** National relative likelihoods to use as targets for the ratio indicators (WRES 2–4); the pooled figure otherwise. */
  readonly nationalTargets?: Readonly<Partial<Record<string, number>>>;
  /** Points on the drawn limit curves (default 40). */
  readonly curvePoints?: number;
}

/**
 * Where a figure lies: inside the 95% limits; between the 95% and 99.8% limits; outside the 99.8% limits; or not
 * calculable (the indicator was not supplied, or nobody was counted).
 */
export type FunnelPosition = 'inside95' | 'between' | 'outside998' | 'notCalculable';

export interface PeerFunnelPoint {
  readonly code: string;
  readonly name: string;
  /** Survey: the proportion 0–1; ratios: the relative likelihood; null when not calculable. */
  readonly value: number | null;
  /** The figure's own 95% interval: Wilson for the survey, Katz for ratios (as everywhere else); null when not calculable. */
  readonly ci95: Interval | null;
  /** Survey: positive answers; ratios: events in the numerator group. */
  readonly numerator: number | null;
  /** Survey: respondents; ratios: people in the numerator group. */
  readonly denominator: number | null;
  /** Ratios only: events and people in the comparison group. */
  readonly comparison: { readonly events: number; readonly population: number } | null;
  /** The funnel's horizontal position: respondents for the survey, precision (1 ÷ SE² of ln RL) for ratios. */
  readonly x: number | null;
  /** The limits the figure is judged against (adjusted for overdispersion when the engine judges so). */
  readonly limits95: Interval | null;
  readonly limits998: Interval | null;
  readonly outlier95: boolean | null;
  readonly outlier998: boolean | null;
  readonly direction: OutlierDirection | null;
  readonly position: FunnelPosition;
}

export interface FunnelCurvePoint {
  readonly x: number;
  readonly limits95: Interval;
  readonly limits998: Interval;
}

export interface PeerFunnel<I extends string = PeerIndicator> {
  readonly indicator: I;
  readonly kind: 'proportion' | 'relativeLikelihood';
  readonly title: string;
  readonly target: number;
  readonly targetSource: 'pooled' | 'national';
  readonly phi: number;
  readonly tau2: number;
  readonly judgedAgainst: 'adjusted' | 'unadjusted';
  /** Organisations with a figure; a funnel needs at least 3. */
  readonly plotted: number;
  readonly points: readonly PeerFunnelPoint[];
  /** The judged limits across the horizontal axis, for drawing. */
  readonly curve: readonly FunnelCurvePoint[];
}

export interface BenchmarkCell {
  readonly value: number | null;
  readonly position: FunnelPosition;
  readonly direction: OutlierDirection | null;
}

export interface BenchmarkRow<I extends string = PeerIndicator> {
  readonly code: string;
  readonly name: string;
  readonly figures: Readonly<Record<I, BenchmarkCell>>;
}

export interface PeerFunnels<I extends string = PeerIndicator> {
  readonly year: number;
  readonly organisations: number;
  readonly funnels: Readonly<Record<I, PeerFunnel<I> | null>>;
  readonly benchmark: readonly BenchmarkRow<I>[];
}

/** A funnel is drawn only with at least this many organisations with a figure. */
export const MINIMUM_PEERS = 3;

const SURVEY_TITLES: Readonly<Record<PeerSurveyIndicator, string>> = {
  '5': 'Ethnic minority staff experiencing harassment, bullying or abuse from patients, relatives or the public',
  '6': 'Ethnic minority staff experiencing harassment, bullying or abuse from staff',
  '7': 'Ethnic minority staff believing the organisation provides equal opportunities for career progression or promotion',
  '8': 'Ethnic minority staff personally experiencing discrimination at work from a manager, team leader or colleagues',
};

const RATIO_TITLES: Readonly<Record<PeerRatioIndicator, string>> = {
  '2': 'Relative likelihood of White applicants being appointed from shortlisting compared with ethnic minority applicants',
  '3': 'Relative likelihood of ethnic minority staff entering the formal disciplinary process compared with White staff',
  '4': 'Relative likelihood of White staff accessing non-mandatory training and CPD compared with ethnic minority staff',
};

/** WRES: indicators 2–4 and the ethnic minority share of 5–8. For 7 a higher share is better; for 5, 6 and 8 (experiences) lower is. */
export const WRES_PEER_SET: PeerFunnelSet = {
  standard: 'WRES',
  focus: 'ethnicMinority',
  ratioIndicators: PEER_RATIO_INDICATORS,
  surveyIndicators: PEER_SURVEY_INDICATORS,
  titles: { ...RATIO_TITLES, ...SURVEY_TITLES },
  higherIsBetter: { '2': false, '3': false, '4': false, '5': false, '6': false, '7': true, '8': false },
};

export function positionOf(value: number | null, limits95: Interval | null, limits998: Interval | null): FunnelPosition {
  if (value === null || !Number.isFinite(value) || !limits95 || !limits998) return 'notCalculable';
  if (outlierDirection(value, limits998)) return 'outside998';
  if (outlierDirection(value, limits95)) return 'between';
  return 'inside95';
}

function point(base: Omit<PeerFunnelPoint, 'outlier95' | 'outlier998' | 'direction' | 'position'>): PeerFunnelPoint {
  const { value, limits95, limits998 } = base;
  const position = positionOf(value, limits95, limits998);
  const calculable = position !== 'notCalculable' && value !== null && limits95 && limits998;
  return {
    ...base,
    outlier95: calculable ? outlierDirection(value, limits95) != null : null,
    outlier998: calculable ? outlierDirection(value, limits998) != null : null,
    direction: calculable ? (outlierDirection(value, limits95) ?? null) : null,
    position,
  };
}

function notCalculable(o: { readonly code: string; readonly name: string }): PeerFunnelPoint {
  return point({ code: o.code, name: o.name, value: null, ci95: null, numerator: null, denominator: null, comparison: null, x: null, limits95: null, limits998: null });
}

/** Log-spaced horizontal positions from a little below the smallest to a little beyond the largest. */
function curveXs(xs: readonly number[], count: number): number[] {
  const positive = xs.filter((x) => Number.isFinite(x) && x > 0);
  if (positive.length === 0) return [];
  const lo = Math.max(1, Math.min(...positive) * 0.5);
  const hi = Math.max(...positive) * 1.1;
  const n = Math.max(2, Math.round(count));
  return Array.from({ length: n }, (_, i) => lo * (hi / lo) ** (i / (n - 1)));
}

export function surveyFunnel<I extends string = PeerSurveyIndicator>(
  indicator: I,
  organisations: readonly PeerOrganisationOf<NoInfer<I>>[],
  options: PeerFunnelOptions = {},
  set: PeerFunnelSet<string> = WRES_PEER_SET,
): PeerFunnel<I> | null {
  const usable = organisations.flatMap((o) => {
    const entry = o.report.indicators[indicator] as PeerSurveyInputOf;
    const em = entry.available ? entry.groups?.[set.focus] : undefined;
    return em && em.respondents > 0 && em.positive >= 0 && em.positive <= em.respondents ? [{ o, em }] : [];
  });
  const title = set.titles[indicator] ?? indicator;
  // FunnelPlotR stops when every numerator equals its denominator; so does Mirror, by drawing nothing.
  if (usable.length < MINIMUM_PEERS || usable.every((u) => u.em.positive === u.em.respondents)) return null;
  const result = funnelPlot(usable.map((u) => ({ group: u.o.code, numerator: u.em.positive, denominator: u.em.respondents })), { dataType: 'proportion' });
  const adjusted = result.judgedAgainst === 'adjusted';
  const byCode = new Map(result.groups.map((g) => [g.group, g]));
  const points = organisations.map((o) => {
    const g = byCode.get(o.code);
    if (!g) return notCalculable(o);
    return point({
      code: o.code, name: o.name, value: g.value, ci95: wilsonInterval(g.numerator, g.denominator), numerator: g.numerator, denominator: g.denominator,
      comparison: null, x: g.denominator,
      limits95: adjusted ? g.adjusted95 : g.limits95, limits998: adjusted ? g.adjusted998 : g.limits998,
    });
  });
  const tau2 = adjusted ? result.tau2 : 0;
  const curve = curveXs(usable.map((u) => u.em.respondents), options.curvePoints ?? 40).map((x) => {
    const limits = adjustedLimits(x, 'proportion', 'SHMI', result.target, tau2);
    return { x, limits95: limits.limits95, limits998: limits.limits998 };
  });
  return {
    indicator, kind: 'proportion', title, target: result.target, targetSource: 'pooled', phi: result.phi, tau2: result.tau2,
    // With the package's defaults one set of limits is always drawn and judges (never 'none').
    judgedAgainst: adjusted ? 'adjusted' : 'unadjusted', plotted: usable.length, points, curve,
  };
}

const Z95 = normalQuantile(0.975);
const Z998 = normalQuantile(0.999);

export function ratioFunnel<I extends string = PeerRatioIndicator>(
  indicator: I,
  organisations: readonly PeerOrganisationOf<NoInfer<I>>[],
  options: PeerFunnelOptions = {},
  set: PeerFunnelSet<string> = WRES_PEER_SET,
): PeerFunnel<I> | null {
  const rows = organisations.flatMap((o) => {
    const entry = o.report.indicators[indicator] as PeerRatioInput;
    if (!entry.available || !entry.orientation || !entry.groups) return [];
    const a = entry.groups[entry.orientation.numerator];
    const b = entry.groups[entry.orientation.denominator];
    if (!a || !b || a.population <= 0 || b.population <= 0) return [];
    return [{ o, row: { group: o.code, events: a.events, population: a.population, comparisonEvents: b.events, comparisonPopulation: b.population } }];
  });
  const national = options.nationalTargets?.[indicator];
  const result = relativeLikelihoodFunnel(rows.map((r) => r.row), national === undefined ? {} : { target: national });
  const plotted = result.groups.filter((g) => g.value !== null).length;
  if (plotted < MINIMUM_PEERS || !Number.isFinite(result.target) || result.target <= 0) return null;
  const adjusted = result.judgedAgainst === 'adjusted';
  const byCode = new Map(result.groups.map((g, i) => [g.group, { g, row: rows[i]!.row }]));
  const points = organisations.map((o) => {
    const found = byCode.get(o.code);
    if (!found || found.g.value === null || found.g.precision === null) return notCalculable(o);
    const { g, row } = found;
    return point({
      code: o.code, name: o.name, value: g.value, numerator: row.events, denominator: row.population,
      ci95: relativeLikelihood({ events: row.events, population: row.population }, { events: row.comparisonEvents, population: row.comparisonPopulation }).ci95,
      comparison: { events: row.comparisonEvents, population: row.comparisonPopulation },
      x: Number.isFinite(g.precision) ? g.precision : null,
      limits95: adjusted ? g.adjusted95 : g.limits95, limits998: adjusted ? g.adjusted998 : g.limits998,
    });
  });
  const tau2 = adjusted ? result.tau2 : 0;
  const limits = (x: number, z: number): Interval => {
    const spread = Math.sqrt(1 / x + tau2);
    return [result.target * Math.exp(-z * spread), result.target * Math.exp(z * spread)];
  };
  const curve = curveXs(points.flatMap((p) => (p.x === null ? [] : [p.x])), options.curvePoints ?? 40)
    .map((x) => ({ x, limits95: limits(x, Z95), limits998: limits(x, Z998) }));
  return {
    indicator, kind: 'relativeLikelihood', title: set.titles[indicator] ?? indicator, target: result.target, targetSource: result.targetSource,
    phi: result.phi, tau2: result.tau2, judgedAgainst: result.judgedAgainst, plotted, points, curve,
  };
}

/**
 * Every funnel for a peer group's reports of one year, and a benchmark table with one row per organisation.
 * Organisations whose report is for another year are left out.
 */
export function peerFunnels(year: number, organisations: readonly PeerOrganisation[], options: PeerFunnelOptions = {}): PeerFunnels {
  return peerFunnelsOf(WRES_PEER_SET, year, organisations, options);
}

/** Every funnel of a standard's set, and its benchmark table (WRES: `peerFunnels`; WDES: wdes-peer-funnels.ts). */
export function peerFunnelsOf<I extends string>(
  set: PeerFunnelSet<I>,
  year: number,
  organisations: readonly PeerOrganisationOf<NoInfer<I>>[],
  options: PeerFunnelOptions = {},
): PeerFunnels<I> {
  const peers = organisations.filter((o) => o.report.year === year);
  const funnels = {} as Record<I, PeerFunnel<I> | null>;
  const anySet = set as unknown as PeerFunnelSet<string>;
  for (const id of set.ratioIndicators) funnels[id] = ratioFunnel(id, peers, options, anySet);
  for (const id of set.surveyIndicators) funnels[id] = surveyFunnel(id, peers, options, anySet);
  const benchmark = peers.map((o) => {
    const figures = {} as Record<I, BenchmarkCell>;
    for (const id of [...set.ratioIndicators, ...set.surveyIndicators]) {
      const p = funnels[id]?.points.find((q) => q.code === o.code);
      figures[id] = p ? { value: p.value, position: p.position, direction: p.direction } : { value: null, position: 'notCalculable', direction: null };
    }
    return { code: o.code, name: o.name, figures };
  });
  return { year, organisations: peers.length, funnels, benchmark };
}
