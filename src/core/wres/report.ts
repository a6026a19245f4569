/**
 * The WRES report: every indicator derived from counts by the generic evaluators, in the shape `mirror wres`
 * prints as JSON and the API returns. Percentages are 0–100 and rates 0–1; each ci95 is in the unit of the value
 * beside it.
 */
import type { WresGroup } from '../ethnicity/classifications.ts';
import { WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import type { RatioDefinition } from '../indicators/definition.ts';
import { evaluateProportion, type ProportionResult } from '../indicators/evaluate-proportion.ts';
import {
  evaluateRatioHeadline,
  evaluateSpecificComparisons,
  type RatioBreakdownRow,
  type RatioHeadline,
} from '../indicators/evaluate-ratio.ts';
import {
  boardGapFigures,
  type BoardGapFigures,
  representation,
  representationGap,
  type GroupShare,
  type Headcounts,
} from '../indicators/evaluate-representation.ts';
import { dimensionRows, indicatorShape, rollingFigure, type RollingFigure as SharedRollingFigure } from '../indicators/assemble.ts';
import { protectIndicators } from '../indicators/protect-indicator.ts';
import { NOT_IN_STAFF_FILE, NOT_RECORDED } from '../counting/people-and-events.ts';
import { formatPct } from '../indicators/wording.ts';
import { pipeline, type Pipeline } from '../pipeline/pipeline.ts';
import type { SourceFile, SurveyIndicator } from '../records.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../stats/disclosure.ts';
import { CLUSTER_LABELS, type Cluster } from '../workforce/staff-group.ts';
import type { RatioCounts, RatioDimension, WresCounts } from './count.ts';
import { WRES_1, WRES_2, WRES_3, WRES_4, WRES_5, WRES_6, WRES_7, WRES_8, WRES_9 } from './definitions.ts';

export interface WresReportOptions {
  readonly policy?: DisclosurePolicy;
  /** Apply disclosure control to breakdowns below organisation level (default true). */
  readonly suppressBreakdowns?: boolean;
  /** The previous year's counts, for the two-year rolling figure of indicator 3. */
  readonly previous?: WresCounts | null;
  readonly sources?: readonly SourceFile[];
}

interface IndicatorHeader {
  readonly id: string;
  readonly title: string;
  readonly returnLabel: string;
}

export interface Unavailable extends IndicatorHeader {
  readonly available: false;
  readonly reason: string;
}

export interface UnknownShare extends GroupShare {
  /** Z: asked and chose not to say. */
  readonly notStated: number;
  /** 99: not asked or not able to be asked. */
  readonly notKnown: number;
  /** Blank in the file. */
  readonly missing: number;
}

export interface WresShares {
  /**
   * Set only in a scope's report under disclosure control (core/scopes/scoped-shares.ts): the row is withheld and
   * its counts and shares are null; `unknownPartsSuppressed` likewise says the unknown group's parts are null.
   */
  readonly suppressed?: true;
  readonly suppressionReason?: string;
  readonly unknownPartsSuppressed?: true;
  readonly total: number;
  readonly white: GroupShare;
  readonly ethnicMinority: GroupShare;
  readonly unknown: UnknownShare;
}

export interface Indicator1 extends IndicatorHeader {
  readonly available: true;
  readonly overall: WresShares;
  readonly rows: readonly (WresShares & { readonly cluster: Cluster; readonly clusterLabel: string; readonly row: string })[];
  readonly bankOnlyExcluded: number;
  readonly statement: string;
  /** How the ethnic minority share changes band by band up the Agenda for Change ladder. */
  readonly pipeline: Pipeline;
}

export type RatioBreakdowns = Readonly<Partial<Record<'ethnicCategory' | 'aggregatedEthnicGroup' | RatioDimension, readonly RatioBreakdownRow[]>>>;

/** Aggregated ethnic groups against White within each value of a second characteristic, e.g. among women. */
export interface Intersection {
  readonly value: string;
  readonly rows: readonly RatioBreakdownRow[];
}

/** The second characteristics WRES ratios are split by. */
export const INTERSECTION_DIMENSIONS = ['gender', 'disability', 'internationalRecruit'] as const;

export interface RatioIndicator extends IndicatorHeader, RatioHeadline<WresGroup> {
  readonly available: true;
  readonly excluded: Readonly<Record<string, number>>;
  readonly breakdowns: RatioBreakdowns;
  readonly intersections: Readonly<Partial<Record<(typeof INTERSECTION_DIMENSIONS)[number], readonly Intersection[]>>>;
}

export type RollingFigure = SharedRollingFigure<WresGroup>;

export interface Indicator3 extends RatioIndicator {
  readonly rollingTwoYear: RollingFigure;
}

export interface SurveyIndicatorResult extends IndicatorHeader, ProportionResult<'white' | 'ethnicMinority'> {
  readonly available: true;
}

/** One body of the board against the workforce, in the national return's terms. */
export type BoardGap = BoardGapFigures;

export interface Indicator9 extends IndicatorHeader {
  readonly available: true;
  readonly voting: BoardGap;
  readonly executive: BoardGap;
  readonly board: { readonly voting: WresShares; readonly executive: WresShares; readonly all: WresShares };
}

export interface WresReport {
  readonly standard: 'WRES';
  readonly year: number;
  readonly period: { readonly start: string; readonly end: string; readonly snapshot: string };
  readonly disclosure: DisclosurePolicy & { readonly breakdownsSuppressed: boolean };
  readonly sources: readonly SourceFile[];
  readonly indicators: {
    readonly '1': Indicator1;
    readonly '2': RatioIndicator | Unavailable;
    readonly '3': Indicator3 | Unavailable;
    readonly '4': RatioIndicator | Unavailable;
    readonly '5': SurveyIndicatorResult | Unavailable;
    readonly '6': SurveyIndicatorResult | Unavailable;
    readonly '7': SurveyIndicatorResult | Unavailable;
    readonly '8': SurveyIndicatorResult | Unavailable;
    readonly '9': Indicator9 | Unavailable;
  };
  readonly notes: readonly string[];
}

function header(definition: IndicatorHeader): IndicatorHeader {
  return { id: definition.id, title: definition.title, returnLabel: definition.returnLabel };
}

function unavailable(definition: IndicatorHeader, file: string): Unavailable {
  return { ...header(definition), available: false, reason: `${file} was not supplied, so this indicator is not available` };
}

function wresShares(headcounts: Headcounts): WresShares {
  const shares = representation(headcounts, WRES_ETHNICITY);
  return {
    total: shares.total,
    white: shares.groups.white,
    ethnicMinority: shares.groups.ethnicMinority,
    unknown: {
      ...shares.groups.unknown,
      notStated: headcounts['Z'] ?? 0,
      notKnown: headcounts['99'] ?? 0,
      missing: headcounts['missing'] ?? 0,
    },
  };
}

function indicator1(counts: WresCounts): Indicator1 {
  const overall = wresShares(counts.workforce.overall);
  const statement = overall.ethnicMinority.pct === null
    ? 'There are no staff in the workforce file.'
    : `${formatPct(overall.ethnicMinority.pct)} of the workforce are from ethnic minority groups, ` +
      `${formatPct(overall.white.pct ?? 0)} are White and the ethnicity of ${formatPct(overall.unknown.pct ?? 0)} is not known.`;
  const rows = counts.workforce.rows.map((r) => ({
    cluster: r.cluster, clusterLabel: CLUSTER_LABELS[r.cluster], row: r.row, ...wresShares(r.headcounts),
  }));
  return {
    ...header(WRES_1),
    available: true,
    overall,
    rows,
    bankOnlyExcluded: counts.workforce.bankOnlyExcluded,
    statement,
    pipeline: pipeline(rows),
  };
}

type RatioSource = readonly [RatioDefinition<WresGroup>, RatioCounts | null];

/**
 * Indicators 2 to 4 with their breakdowns. Disclosure control covers them together: 3 and 4 are both counted over
 * the non-bank headcount, so a row's people are the same in both, and what one withholds the other must not show.
 */
function ratioIndicators(sources: readonly RatioSource[], policy: DisclosurePolicy, suppress: boolean): (RatioIndicator | null)[] {
  const present = sources.flatMap(([definition, counts]) => (counts ? [{ definition, counts }] : []));
  const evaluated = present.map(({ definition, counts }) => ({
    rows: {
      ethnic: {
        specific: evaluateSpecificComparisons(definition, counts.overall, WRES_ETHNICITY, WRES_ETHNICITY.specificSets, policy, { suppress: false }),
        aggregated: evaluateSpecificComparisons(definition, counts.overall, WRES_ETHNICITY, WRES_ETHNICITY.aggregatedSets, policy, { suppress: false }),
      },
      dimensions: dimensionRows(definition, counts, WRES_ETHNICITY, policy),
      intersections: intersections(definition, counts, policy),
    },
    shape: indicatorShape(definition, counts, WRES_ETHNICITY),
  }));
  const headcount = present.flatMap(({ definition }, i) => (definition === WRES_3 || definition === WRES_4 ? [i] : []));
  const protectedRows = suppress
    ? protectIndicators(evaluated, headcount.length === 2 ? [[headcount[0]!, headcount[1]!]] : [], policy)
    : evaluated.map((e) => e.rows);
  return sources.map(([definition, counts]) => {
    const i = present.findIndex((p) => p.definition === definition);
    const rows = protectedRows[i];
    if (!counts || !rows) return null;
    return {
      ...header(definition),
      available: true,
      ...evaluateRatioHeadline(definition, counts.overall, WRES_ETHNICITY, policy),
      excluded: counts.excluded,
      breakdowns: { ethnicCategory: rows.ethnic!.specific, aggregatedEthnicGroup: rows.ethnic!.aggregated, ...rows.dimensions },
      intersections: rows.intersections,
    };
  });
}

/**
 * Within each value of a second characteristic (women, men; Disabled, non-disabled; internationally recruited or
 * not), each aggregated ethnic group against White people of that same value: so a trust can see whether the
 * appointment gap is wider for Black women than for Black men. Disclosure control treats them with every other
 * breakdown of the indicator (protect-indicator.ts): each value's rows add up to its ethnic minority row of the
 * matching breakdown, and each group's rows across the values to its aggregated group.
 */
function intersections(definition: RatioDefinition<WresGroup>, counts: RatioCounts, policy: DisclosurePolicy): Record<string, Intersection[]> {
  const result: Record<string, Intersection[]> = {};
  for (const dimension of INTERSECTION_DIMENSIONS) {
    const byValue = counts.byDimension[dimension];
    if (!byValue) continue;
    result[dimension] = Object.entries(byValue)
      .filter(([value]) => value !== NOT_RECORDED && value !== NOT_IN_STAFF_FILE)
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([value, valueCounts]) => ({
        value,
        rows: evaluateSpecificComparisons(definition, valueCounts, WRES_ETHNICITY, WRES_ETHNICITY.aggregatedSets, policy, { suppress: false }),
      }));
  }
  return result;
}

function rollingIndicator3(counts: WresCounts, previous: WresCounts | null | undefined, policy: DisclosurePolicy): RollingFigure {
  return rollingFigure(
    WRES_3, 'disciplinary.csv',
    { year: counts.period.year, counts: counts.disciplinary },
    previous ? { year: previous.period.year, counts: previous.disciplinary } : null,
    WRES_ETHNICITY, policy,
  );
}

const SURVEY_DEFINITIONS = { '5': WRES_5, '6': WRES_6, '7': WRES_7, '8': WRES_8 } as const;

function surveyIndicator(item: SurveyIndicator, counts: WresCounts, policy: DisclosurePolicy): SurveyIndicatorResult | Unavailable {
  const definition = SURVEY_DEFINITIONS[item];
  if (!counts.survey) return unavailable(definition, 'survey.csv');
  const groupCounts = counts.survey[item];
  if (!groupCounts.white && !groupCounts.ethnicMinority) {
    return { ...header(definition), available: false, reason: `survey.csv has no results for indicator ${item}` };
  }
  return { ...header(definition), available: true, ...evaluateProportion(definition, groupCounts, WRES_ETHNICITY, policy) };
}

function boardGap(body: WresShares, workforce: WresShares, label: string): BoardGap {
  const gap = representationGap(
    { total: body.total, groups: body, byCategory: {} },
    { total: workforce.total, groups: workforce, byCategory: {} },
    'ethnicMinority',
  );
  return boardGapFigures(gap, label.toLowerCase(), 'are from ethnic minority groups', 'the ethnic minority share of the workforce');
}

function indicator9(counts: WresCounts): Indicator9 | Unavailable {
  if (!counts.board) return unavailable(WRES_9, 'board.csv');
  const workforce = wresShares(counts.workforce.overall);
  const voting = wresShares(counts.board.voting);
  const executive = wresShares(counts.board.executive);
  return {
    ...header(WRES_9),
    available: true,
    voting: boardGap(voting, workforce, 'Voting board members'),
    executive: boardGap(executive, workforce, 'Executive board members'),
    board: { voting, executive, all: wresShares(counts.board.all) },
  };
}

export function buildWresReport(counts: WresCounts, options: WresReportOptions = {}): WresReport {
  const policy = options.policy ?? DEFAULT_DISCLOSURE_POLICY;
  const suppress = options.suppressBreakdowns ?? true;
  const [i2, i3, i4] = ratioIndicators([[WRES_2, counts.appointment], [WRES_3, counts.disciplinary], [WRES_4, counts.training]], policy, suppress);
  const indicator3: Indicator3 | Unavailable = i3 ? { ...i3, rollingTwoYear: rollingIndicator3(counts, options.previous, policy) } : unavailable(WRES_3, 'disciplinary.csv');
  return {
    standard: 'WRES',
    year: counts.period.year,
    period: { start: counts.period.start, end: counts.period.end, snapshot: counts.period.end },
    disclosure: { ...policy, breakdownsSuppressed: suppress },
    sources: options.sources ?? [],
    indicators: {
      '1': indicator1(counts),
      '2': i2 ?? unavailable(WRES_2, 'applications.csv'),
      '3': indicator3,
      '4': i4 ?? unavailable(WRES_4, 'training.csv'),
      '5': surveyIndicator('5', counts, policy),
      '6': surveyIndicator('6', counts, policy),
      '7': surveyIndicator('7', counts, policy),
      '8': surveyIndicator('8', counts, policy),
      '9': indicator9(counts),
    },
    notes: counts.notes,
  };
}
