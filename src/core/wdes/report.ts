/**
 * The WDES report, built from counts by the same evaluators as WRES. The declaration rate (people who answered yes
 * or no) sits beside every figure, because low declaration is itself a finding.
 */
import { WDES_COMPARED, WDES_DISABILITY, type DisabilityGroup, type WdesCompared } from '../disability/characteristic.ts';
import { dimensionBreakdowns, rollingFigure, type RollingFigure } from '../indicators/assemble.ts';
import { evaluateProportion, type ProportionResult } from '../indicators/evaluate-proportion.ts';
import { evaluateRatioHeadline, type RatioBreakdownRow, type RatioHeadline } from '../indicators/evaluate-ratio.ts';
import { boardGapFigures, representation, type BoardGapFigures, representationGap, type GroupShare, type Headcounts } from '../indicators/evaluate-representation.ts';
import { formatPct } from '../indicators/wording.ts';
import { bandCountsOf, pipelineOf, type Pipeline } from '../pipeline/pipeline.ts';
import type { SourceFile, WdesSurveyMetric } from '../records.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import { MEDICAL_SUB_GROUP_LABELS } from '../workforce/pay-band.ts';
import { CLUSTER_LABELS, type Cluster } from '../workforce/staff-group.ts';
import type { RatioCounts, RatioDimension } from '../counting/people-and-events.ts';
import { declaration, type WdesCounts } from './count.ts';
import { WDES_1, WDES_10, WDES_2, WDES_3, WDES_9A, WDES_9B, WDES_SURVEY } from './definitions.ts';

export interface DeclarationRate {
  readonly declared: number;
  readonly total: number;
  /** 0–100; null when nobody is counted. */
  readonly pct: number | null;
  readonly ci95: Interval | null;
}

function declarationRate(headcounts: Headcounts): DeclarationRate {
  const { declared, total } = declaration(headcounts);
  const ci = wilsonInterval(declared, total);
  return { declared, total, pct: total > 0 ? (declared / total) * 100 : null, ci95: ci ? [ci[0] * 100, ci[1] * 100] : null };
}

function countsOf(counts: RatioCounts, kind: 'population' | 'events'): Headcounts {
  return Object.fromEntries(Object.entries(counts.overall).map(([k, v]) => [k, v[kind]]));
}

interface Header {
  readonly id: string;
  readonly title: string;
  readonly returnLabel?: string;
}

export interface Unavailable extends Header {
  readonly available: false;
  readonly reason: string;
}

export interface DisabilityShares {
  /** Set only in a scope's report under disclosure control, as for WRES (WresShares). */
  readonly suppressed?: true;
  readonly suppressionReason?: string;
  readonly unknownPartsSuppressed?: true;
  readonly total: number;
  readonly disabled: GroupShare;
  readonly nonDisabled: GroupShare;
  readonly unknown: GroupShare & { readonly notDeclared: number; readonly missing: number };
  readonly declarationRate: DeclarationRate;
}

function shares(headcounts: Headcounts): DisabilityShares {
  const r = representation(headcounts, WDES_DISABILITY);
  return {
    total: r.total,
    disabled: r.groups.disabled,
    nonDisabled: r.groups.nonDisabled,
    unknown: { ...r.groups.unknown, notDeclared: headcounts['notDeclared'] ?? 0, missing: headcounts['missing'] ?? 0 },
    declarationRate: declarationRate(headcounts),
  };
}

/** WDES clusters of pay bands (Unverified: the usual grouping in trust reports), in order. */
export const WDES_CLUSTERS: readonly { readonly cluster: Cluster; readonly label: string; readonly rows: readonly string[] }[] = [
  ...(['nonClinical', 'clinical'] as const).flatMap((cluster) => [
    { cluster, label: 'Cluster 1: Under Band 1 to Band 4', rows: ['Under Band 1', 'Band 1', 'Band 2', 'Band 3', 'Band 4'] },
    { cluster, label: 'Cluster 2: Bands 5 to 7', rows: ['Band 5', 'Band 6', 'Band 7'] },
    { cluster, label: 'Cluster 3: Bands 8a and 8b', rows: ['Band 8a', 'Band 8b'] },
    { cluster, label: 'Cluster 4: Bands 8c to 9 and VSM', rows: ['Band 8c', 'Band 8d', 'Band 9', 'VSM'] },
  ]),
  { cluster: 'medical', label: 'Cluster 5: Consultants', rows: [MEDICAL_SUB_GROUP_LABELS.consultant] },
  { cluster: 'medical', label: 'Cluster 6: Non-consultant career grades', rows: [MEDICAL_SUB_GROUP_LABELS.careerGrade] },
  { cluster: 'medical', label: 'Cluster 7: Medical and dental trainee grades', rows: [MEDICAL_SUB_GROUP_LABELS.trainee] },
  { cluster: 'medical', label: 'Other medical and dental', rows: [MEDICAL_SUB_GROUP_LABELS.otherMedical] },
];

export interface Metric1 extends Header {
  readonly available: true;
  readonly overall: DisabilityShares;
  readonly clusters: readonly (DisabilityShares & { readonly cluster: Cluster; readonly clusterLabel: string; readonly row: string })[];
  readonly statement: string;
  /** How the Disabled share changes band by band up the Agenda for Change ladder, as for WRES indicator 1. */
  readonly pipeline: Pipeline<WdesCompared>;
}

function sumHeadcounts(parts: readonly Headcounts[]): Headcounts {
  const total: Record<string, number> = {};
  for (const part of parts) for (const [k, v] of Object.entries(part)) total[k] = (total[k] ?? 0) + v;
  return total;
}

function metric1(counts: WdesCounts): Metric1 {
  const overall = shares(counts.workforce.overall);
  const clusters = WDES_CLUSTERS.map((c) => ({
    cluster: c.cluster, clusterLabel: CLUSTER_LABELS[c.cluster], row: c.label,
    ...shares(sumHeadcounts(counts.workforce.rows.filter((r) => r.cluster === c.cluster && c.rows.includes(r.row)).map((r) => r.headcounts))),
  }));
  const statement = overall.disabled.pct === null
    ? 'There are no staff in the workforce file.'
    : `${formatPct(overall.disabled.pct)} of the workforce have told the organisation they are Disabled; ` +
      `${formatPct(overall.declarationRate.pct ?? 0)} of staff have answered the question at all.`;
  const pipeline = pipelineOf(WDES_COMPARED, bandCountsOf(WDES_COMPARED, counts.workforce.rows));
  return { id: WDES_1.id, title: WDES_1.title, returnLabel: WDES_1.returnLabel, available: true, overall, clusters, statement, pipeline };
}

export interface RatioMetric extends Header, RatioHeadline<DisabilityGroup> {
  readonly available: true;
  readonly declarationRate: DeclarationRate;
  readonly excluded: Readonly<Record<string, number>>;
  readonly breakdowns: Readonly<Partial<Record<RatioDimension, readonly RatioBreakdownRow[]>>>;
}

export type RollingMetric = RollingFigure<DisabilityGroup>;

function ratioMetric(
  definition: typeof WDES_2,
  counts: RatioCounts,
  declarationBase: Headcounts,
  policy: DisclosurePolicy,
  suppress: boolean,
): RatioMetric {
  return {
    id: definition.id, title: definition.title, returnLabel: definition.returnLabel, available: true,
    ...evaluateRatioHeadline(definition, counts.overall, WDES_DISABILITY, policy),
    declarationRate: declarationRate(declarationBase),
    excluded: counts.excluded,
    breakdowns: dimensionBreakdowns(definition, counts, WDES_DISABILITY, policy, suppress),
  };
}

export interface SurveyMetric extends Header, ProportionResult<'disabled' | 'nonDisabled'> {
  readonly available: true;
}

export interface EngagementMetric extends Header {
  readonly available: true;
  readonly groups: Readonly<Partial<Record<'disabled' | 'nonDisabled' | 'overall', { readonly respondents: number; readonly score: number | null }>>>;
  /** Disabled score minus non-disabled score, on the 0–10 scale. */
  readonly difference: number | null;
  readonly statement: string;
}

/** One body of the board against the workforce, in the national return's terms. */
export type BoardBody = BoardGapFigures;

export interface Metric10 extends Header {
  readonly available: true;
  readonly voting: BoardBody;
  readonly nonVoting: BoardBody;
  readonly executive: BoardBody;
  readonly nonExecutive: BoardBody;
  readonly declarationRate: DeclarationRate;
}

export interface WdesReport {
  readonly standard: 'WDES';
  readonly year: number;
  readonly period: { readonly start: string; readonly end: string; readonly snapshot: string };
  readonly disclosure: DisclosurePolicy & { readonly breakdownsSuppressed: boolean };
  readonly sources: readonly SourceFile[];
  /** Staff (non-bank) who answered yes or no to the disability question. */
  readonly declarationRate: DeclarationRate;
  readonly metrics: {
    readonly '1': Metric1;
    readonly '2': RatioMetric | Unavailable;
    readonly '3': (RatioMetric & { readonly rollingTwoYear: RollingMetric }) | Unavailable;
    readonly '4a_patients': SurveyMetric | Unavailable;
    readonly '4a_managers': SurveyMetric | Unavailable;
    readonly '4a_colleagues': SurveyMetric | Unavailable;
    readonly '4b': SurveyMetric | Unavailable;
    readonly '5': SurveyMetric | Unavailable;
    readonly '6': SurveyMetric | Unavailable;
    readonly '7': SurveyMetric | Unavailable;
    readonly '8': SurveyMetric | Unavailable;
    readonly '9a': EngagementMetric | Unavailable;
    readonly '9b': (Header & { readonly available: true; readonly answer: boolean | null; readonly narrative: string }) | Unavailable;
    readonly '10': Metric10 | Unavailable;
  };
  readonly notes: readonly string[];
}

export interface WdesReportOptions {
  readonly policy?: DisclosurePolicy;
  readonly suppressBreakdowns?: boolean;
  readonly previous?: WdesCounts | null;
  readonly sources?: readonly SourceFile[];
}

function unavailable(header: Header, reason: string): Unavailable {
  return { id: header.id, title: header.title, available: false, reason };
}

function metric2(counts: WdesCounts, policy: DisclosurePolicy, suppress: boolean): RatioMetric | Unavailable {
  if (!counts.appointment) return unavailable(WDES_2, 'applications.csv was not supplied, so this metric is not available');
  const shortlisted = countsOf(counts.appointment, 'population');
  if (declaration(shortlisted).declared === 0) {
    return unavailable(WDES_2, 'no shortlisted applicant has a disability status in applications.csv (add a disability column)');
  }
  return ratioMetric(WDES_2, counts.appointment, shortlisted, policy, suppress);
}

function surveyMetric(metric: Exclude<WdesSurveyMetric, '9a'>, counts: WdesCounts, policy: DisclosurePolicy): SurveyMetric | Unavailable {
  const definition = WDES_SURVEY.find((d) => d.surveyItem === metric);
  if (!definition) throw new Error(`no WDES definition for ${metric}`);
  const figures = counts.survey?.[metric];
  if (!figures) return unavailable(definition, counts.survey ? `survey.csv has no results for WDES ${metric}` : 'survey.csv has no WDES results');
  const groupCounts: Partial<Record<'disabled' | 'nonDisabled', { respondents: number; positive: number }>> = {};
  for (const group of definition.groups) {
    const figure = figures[group];
    if (figure && figure.positive !== null) groupCounts[group] = { respondents: figure.respondents, positive: figure.positive };
  }
  return { id: definition.id, title: definition.title, available: true, ...evaluateProportion(definition, groupCounts, WDES_DISABILITY, policy) };
}

function engagement(counts: WdesCounts): EngagementMetric | Unavailable {
  const figures = counts.survey?.['9a'];
  if (!figures) return unavailable(WDES_9A, 'survey.csv has no engagement scores (WDES 9a)');
  const groups: Record<string, { respondents: number; score: number | null }> = {};
  for (const g of ['disabled', 'nonDisabled', 'overall'] as const) {
    const f = figures[g];
    if (f) groups[g] = { respondents: f.respondents, score: f.score };
  }
  const d = groups['disabled']?.score ?? null;
  const n = groups['nonDisabled']?.score ?? null;
  const difference = d !== null && n !== null ? d - n : null;
  const statement = d !== null && n !== null
    ? `The engagement score of Disabled staff was ${d.toFixed(1)} out of 10, compared with ${n.toFixed(1)} for non-disabled staff.`
    : 'The engagement score is given for only some groups.';
  return { id: WDES_9A.id, title: WDES_9A.title, available: true, groups, difference, statement };
}

function boardBody(body: Headcounts, workforce: Headcounts, label: string): BoardBody {
  const gap = representationGap(representation(body, WDES_DISABILITY), representation(workforce, WDES_DISABILITY), 'disabled');
  return boardGapFigures(gap, label, 'are Disabled', 'the share of the workforce');
}

function metric10(counts: WdesCounts): Metric10 | Unavailable {
  if (!counts.board) return unavailable(WDES_10, 'board.csv was not supplied, so this metric is not available');
  const w = counts.workforce.overall;
  return {
    id: WDES_10.id, title: WDES_10.title, returnLabel: WDES_10.returnLabel, available: true,
    voting: boardBody(counts.board.voting, w, 'voting board members'),
    nonVoting: boardBody(counts.board.nonVoting, w, 'non-voting board members'),
    executive: boardBody(counts.board.executive, w, 'executive board members'),
    nonExecutive: boardBody(counts.board.nonExecutive, w, 'non-executive board members'),
    declarationRate: declarationRate(counts.board.all),
  };
}

function rolling(counts: WdesCounts, previous: WdesCounts | null | undefined, policy: DisclosurePolicy): RollingMetric {
  return rollingFigure(
    WDES_3, 'capability.csv',
    { year: counts.period.year, counts: counts.capability },
    previous ? { year: previous.period.year, counts: previous.capability } : null,
    WDES_DISABILITY, policy,
  );
}

export function buildWdesReport(counts: WdesCounts, options: WdesReportOptions = {}): WdesReport {
  const policy = options.policy ?? DEFAULT_DISCLOSURE_POLICY;
  const suppress = options.suppressBreakdowns ?? true;
  const m = (metric: Exclude<WdesSurveyMetric, '9a'>) => surveyMetric(metric, counts, policy);
  return {
    standard: 'WDES',
    year: counts.period.year,
    period: { start: counts.period.start, end: counts.period.end, snapshot: counts.period.end },
    disclosure: { ...policy, breakdownsSuppressed: suppress },
    sources: options.sources ?? [],
    declarationRate: declarationRate(counts.workforce.overall),
    metrics: {
      '1': metric1(counts),
      '2': metric2(counts, policy, suppress),
      '3': counts.capability
        ? { ...ratioMetric(WDES_3, counts.capability, counts.workforce.overall, policy, suppress), rollingTwoYear: rolling(counts, options.previous, policy) }
        : unavailable(WDES_3, 'capability.csv was not supplied, so this metric is not available'),
      '4a_patients': m('4a_patients'),
      '4a_managers': m('4a_managers'),
      '4a_colleagues': m('4a_colleagues'),
      '4b': m('4b'),
      '5': m('5'),
      '6': m('6'),
      '7': m('7'),
      '8': m('8'),
      '9a': engagement(counts),
      '9b': counts.narrative
        ? { id: WDES_9B.id, title: WDES_9B.title, available: true, answer: counts.narrative.answer, narrative: counts.narrative.text }
        : unavailable(WDES_9B, 'wdes_9b.txt was not supplied, so the narrative is not available'),
      '10': metric10(counts),
    },
    notes: counts.notes,
  };
}
