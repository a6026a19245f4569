/**
 * Evaluating a relative-likelihood indicator from stored counts: the headline comparison, every specific group
 * against the reference group, and breakdowns by any dimension (staff group, pay band), with disclosure control.
 */
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import {
  excludesOne,
  groupRate,
  NON_ADVERSE_RANGE,
  relativeLikelihood,
  withinRange,
  type EventCount,
  type GroupRate,
  type UndefinedReason,
} from '../stats/relative-likelihood.ts';
import {
  sumByGroup,
  sumCategories,
  type CategoryCounts,
  type CategorySet,
  type Characteristic,
} from './characteristic.ts';
import { disadvantagedWhenAboveOne, type RatioDefinition } from './definition.ts';
import { withheldReason } from './withheld-reason.ts';
import { intervalSentence, ratioSentence, undefinedReasonText } from './wording.ts';

export interface RatioCore {
  readonly value: number | null;
  readonly ci95: Interval | null;
  readonly undefinedReason: UndefinedReason | null;
  /** Words for undefinedReason, e.g. "no ethnic minority applicants were appointed from shortlisting, …". */
  readonly undefinedExplanation: string | null;
  readonly withinNonAdverseRange: boolean | null;
  /** True when the 95% interval lies wholly above or below 1. */
  readonly significant: boolean | null;
  /** Fewer than the policy's small-number threshold of events in either compared group. */
  readonly smallNumbers: boolean;
}

export interface RatioHeadline<G extends string> extends RatioCore {
  readonly orientation: { readonly numerator: G; readonly denominator: G };
  readonly disadvantagedWhenAboveOne: G;
  readonly nonAdverseRange: Interval;
  /** Every group, including unknown, which is reported but left out of the ratio. */
  readonly groups: Readonly<Record<G, GroupRate>>;
  readonly statement: string;
}

export interface LabelledRate extends GroupRate {
  readonly label: string;
}

/** One row of a breakdown. When suppressed, the ratio and the counts behind it are all withheld. */
export interface RatioBreakdownRow extends RatioCore {
  readonly key: string;
  readonly label: string;
  readonly suppressed: boolean;
  readonly suppressionReason: string | null;
  readonly numerator: LabelledRate | null;
  readonly denominator: LabelledRate | null;
}

function ratioCore(
  numerator: EventCount,
  denominator: EventCount,
  labels: { numerator: string; denominator: string },
  definition: RatioDefinition<string>,
  policy: DisclosurePolicy,
): RatioCore {
  const estimate = relativeLikelihood(numerator, denominator);
  return {
    value: estimate.value,
    ci95: estimate.ci95,
    undefinedReason: estimate.undefinedReason,
    undefinedExplanation: estimate.undefinedReason
      ? undefinedReasonText(estimate.undefinedReason, labels.numerator, labels.denominator, definition.wording)
      : null,
    withinNonAdverseRange: withinRange(estimate.value),
    significant: excludesOne(estimate.ci95),
    smallNumbers: Math.min(numerator.events, denominator.events) < policy.smallNumberEvents,
  };
}

export function evaluateRatioHeadline<G extends string>(
  definition: RatioDefinition<G>,
  counts: CategoryCounts,
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
): RatioHeadline<G> {
  const byGroup = sumByGroup(counts, characteristic);
  const numerator = byGroup[definition.numeratorGroup];
  const denominator = byGroup[definition.denominatorGroup];
  const labels = {
    numerator: characteristic.adjective(definition.numeratorGroup),
    denominator: characteristic.adjective(definition.denominatorGroup),
  };
  const core = ratioCore(numerator, denominator, labels, definition, policy);
  const groups = Object.fromEntries(characteristic.groups.map((g) => [g, groupRate(byGroup[g])])) as Record<G, GroupRate>;
  const statement = [
    ratioSentence({
      numeratorLabel: labels.numerator, denominatorLabel: labels.denominator, numerator, denominator,
      value: core.value, ci95: core.ci95, undefinedReason: core.undefinedReason, wording: definition.wording,
    }),
    intervalSentence(core.ci95),
  ].filter(Boolean).join(' ');
  return {
    ...core,
    orientation: { numerator: definition.numeratorGroup, denominator: definition.denominatorGroup },
    disadvantagedWhenAboveOne: disadvantagedWhenAboveOne(definition),
    nonAdverseRange: NON_ADVERSE_RANGE,
    groups,
    statement,
  };
}

/** Withheld when any compared group has 1 to minimumCellSize − 1 people, events or non-events. */
function suppressionReason(counts: readonly EventCount[], policy: DisclosurePolicy): string | null {
  const cells = counts.flatMap((c) => [c.population, c.events, c.population - c.events]);
  return cells.some((n) => isDisclosive(n, policy)) ? withheldReason(policy) : null;
}

export interface BreakdownOptions {
  /**
   * Withhold rows with a count of 1 to minimumCellSize − 1 (primary suppression only: reports protect the rows
   * around them with protect-indicator.ts, from the rows evaluated without it).
   */
  readonly suppress: boolean;
}

function breakdownRow(
  key: string,
  label: string,
  numerator: { label: string; count: EventCount },
  denominator: { label: string; count: EventCount },
  definition: RatioDefinition<string>,
  policy: DisclosurePolicy,
  options: BreakdownOptions,
): RatioBreakdownRow {
  const reason = options.suppress ? suppressionReason([numerator.count, denominator.count], policy) : null;
  if (reason) {
    return {
      key, label, suppressed: true, suppressionReason: reason, numerator: null, denominator: null,
      value: null, ci95: null, undefinedReason: null, undefinedExplanation: null,
      withinNonAdverseRange: null, significant: null, smallNumbers: true,
    };
  }
  const core = ratioCore(numerator.count, denominator.count, { numerator: numerator.label, denominator: denominator.label }, definition, policy);
  return {
    key, label, suppressed: false, suppressionReason: null, ...core,
    numerator: { label: numerator.label, ...groupRate(numerator.count) },
    denominator: { label: denominator.label, ...groupRate(denominator.count) },
  };
}

/**
 * Each specific set (an ethnic category, or an aggregated heading) against the reference group, keeping the
 * indicator's orientation: where White is the numerator (WRES 2, 4) it stays the numerator.
 */
export function evaluateSpecificComparisons<G extends string>(
  definition: RatioDefinition<G>,
  counts: CategoryCounts,
  characteristic: Characteristic<G>,
  sets: readonly CategorySet[],
  policy: DisclosurePolicy,
  options: BreakdownOptions,
): RatioBreakdownRow[] {
  const reference = {
    label: characteristic.adjective(characteristic.referenceGroup),
    count: sumByGroup(counts, characteristic)[characteristic.referenceGroup],
  };
  const referenceIsNumerator = definition.numeratorGroup === characteristic.referenceGroup;
  return sets.map((set) => {
    const specific = { label: set.label, count: sumCategories(counts, set.categories) };
    const [numerator, denominator] = referenceIsNumerator ? [reference, specific] : [specific, reference];
    return breakdownRow(set.key, set.label, numerator, denominator, definition, policy, options);
  });
}

/** The headline comparison within each value of a dimension, e.g. each staff group or pay band. */
export function evaluateDimension<G extends string>(
  definition: RatioDefinition<G>,
  countsByValue: Readonly<Record<string, CategoryCounts>>,
  characteristic: Characteristic<G>,
  policy: DisclosurePolicy,
  options: BreakdownOptions,
  order?: readonly string[],
): RatioBreakdownRow[] {
  const keys = order ? order.filter((k) => k in countsByValue) : Object.keys(countsByValue).sort();
  return keys.map((key) => {
    const byGroup = sumByGroup(countsByValue[key] ?? {}, characteristic);
    return breakdownRow(
      key,
      key,
      { label: characteristic.adjective(definition.numeratorGroup), count: byGroup[definition.numeratorGroup] },
      { label: characteristic.adjective(definition.denominatorGroup), count: byGroup[definition.denominatorGroup] },
      definition,
      policy,
      options,
    );
  });
}
