/**
 * Pieces every standard's report is assembled from, whatever the characteristic: breakdowns by staff group, band,
 * directorate and international recruitment with disclosure control, and the pooled two-year figure.
 */
import { NOT_IN_STAFF_FILE, NOT_RECORDED, type RatioCounts, type RatioDimension } from '../counting/people-and-events.ts';
import type { DisclosurePolicy } from '../stats/disclosure.ts';
import { AFC_BANDS, MEDICAL_SUB_GROUP_LABELS, MEDICAL_SUB_GROUPS } from '../workforce/pay-band.ts';
import { STAFF_GROUPS } from '../workforce/staff-group.ts';
import { addCounts, NO_EVENTS, sumByGroup, type CategoryCounts, type Characteristic } from './characteristic.ts';
import type { RatioDefinition } from './definition.ts';
import { evaluateDimension, evaluateRatioHeadline, type RatioBreakdownRow, type RatioHeadline } from './evaluate-ratio.ts';
import { protectIndicator, type IndicatorShape } from './protect-indicator.ts';

const DIMENSION_ORDER: Readonly<Record<RatioDimension, readonly string[] | undefined>> = {
  staffGroup: [...STAFF_GROUPS, NOT_RECORDED, NOT_IN_STAFF_FILE],
  payBand: [...AFC_BANDS, 'VSM', ...MEDICAL_SUB_GROUPS.map((g) => MEDICAL_SUB_GROUP_LABELS[g]), NOT_RECORDED, NOT_IN_STAFF_FILE],
  directorate: undefined,
  internationalRecruit: ['Internationally recruited', 'Not internationally recruited', NOT_RECORDED, NOT_IN_STAFF_FILE],
  gender: ['Women', 'Men', 'Another gender or not stated', NOT_RECORDED, NOT_IN_STAFF_FILE],
  disability: ['Disabled', 'Non-disabled', 'Disability not declared', NOT_IN_STAFF_FILE],
  ethnicity: ['White', 'Ethnic minority', 'Ethnicity not known', NOT_IN_STAFF_FILE],
};

/** The headline comparison within each value of every dimension the counts hold, with every count (no disclosure control). */
export function dimensionRows<G extends string>(
  definition: RatioDefinition<G>,
  counts: RatioCounts,
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
): Record<string, readonly RatioBreakdownRow[]> {
  const breakdowns: Record<string, readonly RatioBreakdownRow[]> = {};
  for (const [dimension, byValue] of Object.entries(counts.byDimension) as [RatioDimension, Record<string, CategoryCounts>][]) {
    breakdowns[dimension] = evaluateDimension(definition, byValue, characteristic, policy, { suppress: false }, DIMENSION_ORDER[dimension]);
  }
  return breakdowns;
}

/** What protect-indicator.ts needs to know of an indicator besides its rows. */
export function indicatorShape<G extends string>(definition: RatioDefinition<G>, counts: RatioCounts, characteristic: Characteristic<G>): IndicatorShape {
  const byGroup = sumByGroup(counts.overall, characteristic);
  return {
    groups: { numerator: definition.numeratorGroup, denominator: definition.denominatorGroup },
    headline: { numerator: byGroup[definition.numeratorGroup], denominator: byGroup[definition.denominatorGroup] },
    referenceSide: definition.numeratorGroup === characteristic.referenceGroup ? 'numerator' : 'denominator',
    aggregates: characteristic.aggregatedSets,
    unrecorded: [NOT_RECORDED, NOT_IN_STAFF_FILE],
  };
}

/** The breakdowns by dimension alone (no ethnic groups, no intersections), with disclosure control when asked. */
export function dimensionBreakdowns<G extends string>(
  definition: RatioDefinition<G>,
  counts: RatioCounts,
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
  suppress: boolean,
): Partial<Record<RatioDimension, readonly RatioBreakdownRow[]>> {
  const rows = dimensionRows(definition, counts, characteristic, policy);
  if (!suppress) return rows;
  return protectIndicator({ ethnic: null, dimensions: rows, intersections: {} }, indicatorShape(definition, counts, characteristic), policy).dimensions;
}

/**
 * Two-year rolling figure: the two years' events and headcounts are pooled per group before the rates are taken,
 * which equals the average of the two years' counts over the average of the two years' headcounts.
 */
export function poolCounts(a: CategoryCounts, b: CategoryCounts): CategoryCounts {
  const pooled: Record<string, { events: number; population: number }> = {};
  for (const category of new Set([...Object.keys(a), ...Object.keys(b)])) {
    pooled[category] = addCounts(a[category] ?? NO_EVENTS, b[category] ?? NO_EVENTS);
  }
  return pooled;
}

export type PooledFigure<G extends string> = { readonly available: true; readonly years: readonly [number, number] } & RatioHeadline<G>;

export type RollingFigure<G extends string> = PooledFigure<G> | { readonly available: false; readonly reason: string };

/** One year's counts of a ratio's source, as the two-year figure needs them. */
export interface YearCounts {
  readonly year: number;
  readonly counts: RatioCounts | null;
}

/**
 * The two-year figure when the previous year's counts are there and really are the year before; otherwise why not,
 * naming the missing file (e.g. "disciplinary.csv", "capability.csv").
 */
export function rollingFigure<G extends string>(
  definition: RatioDefinition<G>,
  file: string,
  current: YearCounts,
  previous: YearCounts | null,
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
): RollingFigure<G> {
  if (!current.counts) return { available: false, reason: `${file} was not supplied` };
  if (!previous) return { available: false, reason: `the previous year's (${current.year - 1}) files were not supplied` };
  if (!previous.counts) return { available: false, reason: `the previous year's (${previous.year}) ${file} was not supplied` };
  if (previous.year !== current.year - 1) {
    return { available: false, reason: `the previous year's files are for ${previous.year}, not ${current.year - 1}` };
  }
  return pooledTwoYears(definition, previous.counts, current.counts, [previous.year, current.year], characteristic, policy);
}

/** The headline ratio on two years' pooled counts. */
export function pooledTwoYears<G extends string>(
  definition: RatioDefinition<G>,
  previous: RatioCounts,
  current: RatioCounts,
  years: readonly [number, number],
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
): PooledFigure<G> {
  return { available: true, years, ...evaluateRatioHeadline(definition, poolCounts(previous.overall, current.overall), characteristic, policy) };
}
