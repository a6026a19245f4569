/**
 * Pieces every standard's report is assembled from, whatever the characteristic: breakdowns by staff group, band,
 * directorate and international recruitment with disclosure control, and the pooled two-year figure.
 */
import { NOT_IN_STAFF_FILE, NOT_RECORDED, type RatioCounts, type RatioDimension } from '../counting/people-and-events.ts';
import type { DisclosurePolicy } from '../stats/disclosure.ts';
import { AFC_BANDS, MEDICAL_SUB_GROUP_LABELS, MEDICAL_SUB_GROUPS } from '../workforce/pay-band.ts';
import { STAFF_GROUPS } from '../workforce/staff-group.ts';
import { addCounts, NO_EVENTS, type CategoryCounts, type Characteristic } from './characteristic.ts';
import type { RatioDefinition } from './definition.ts';
import { evaluateDimension, evaluateRatioHeadline, type RatioBreakdownRow, type RatioHeadline } from './evaluate-ratio.ts';
import { BOTH_SIDES, protectSums, type RowSize } from './secondary-suppression.ts';

const DIMENSION_ORDER: Readonly<Record<RatioDimension, readonly string[] | undefined>> = {
  staffGroup: [...STAFF_GROUPS, NOT_RECORDED, NOT_IN_STAFF_FILE],
  payBand: [...AFC_BANDS, 'VSM', ...MEDICAL_SUB_GROUPS.map((g) => MEDICAL_SUB_GROUP_LABELS[g]), NOT_RECORDED, NOT_IN_STAFF_FILE],
  directorate: undefined,
  internationalRecruit: ['Internationally recruited', 'Not internationally recruited', NOT_RECORDED, NOT_IN_STAFF_FILE],
  gender: ['Women', 'Men', 'Another gender or not stated', NOT_RECORDED, NOT_IN_STAFF_FILE],
  disability: ['Disabled', 'Non-disabled', 'Disability not declared', NOT_IN_STAFF_FILE],
  ethnicity: ['White', 'Ethnic minority', 'Ethnicity not known', NOT_IN_STAFF_FILE],
};

/** Applies secondary suppression to rows identified by `id`, keeping their order. */
export function protectRows(
  rows: readonly RatioBreakdownRow[],
  id: (row: RatioBreakdownRow) => string,
  constraints: readonly (readonly string[])[],
  size: RowSize = BOTH_SIDES,
): RatioBreakdownRow[] {
  const protectedRows = protectSums(new Map(rows.map((row) => [id(row), row])), constraints, size);
  return rows.map((row) => protectedRows.get(id(row)) ?? row);
}

/** The headline comparison within each value of every dimension the counts hold, with disclosure control. */
export function dimensionBreakdowns<G extends string>(
  definition: RatioDefinition<G>,
  counts: RatioCounts,
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
  suppress: boolean,
): Partial<Record<RatioDimension, readonly RatioBreakdownRow[]>> {
  const breakdowns: Partial<Record<RatioDimension, readonly RatioBreakdownRow[]>> = {};
  for (const [dimension, byValue] of Object.entries(counts.byDimension) as [RatioDimension, Record<string, CategoryCounts>][]) {
    const rows = evaluateDimension(definition, byValue, characteristic, policy, { suppress }, DIMENSION_ORDER[dimension]);
    breakdowns[dimension] = suppress ? protectRows(rows, (row) => row.key, [rows.map((row) => row.key)]) : rows;
  }
  return breakdowns;
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
