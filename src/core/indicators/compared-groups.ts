/**
 * The two groups of a characteristic that the analyses over time, across peers and up the bands follow: a focus
 * group, whose share, rate and likelihood are followed (ethnic minority staff for WRES, Disabled staff for WDES),
 * against a reference group (White, non-disabled). Everyone else (unknown ethnicity; disability not declared, prefer
 * not to say or blank) is kept apart and left out of every comparison, as the annual indicators leave them out.
 *
 * Analyses take this as their parameter, so that an analysis written once serves every standard: monthly series,
 * peer funnels, targets and trajectories, and the career pipeline. Counts for the two groups are kept under the
 * groups' own names ("white" and "ethnicMinority", "nonDisabled" and "disabled"), so a WRES figure reads as it
 * always has and a WDES figure reads in its own words.
 */
import type { EventCount } from '../stats/relative-likelihood.ts';
import type { Characteristic } from './characteristic.ts';

export interface ComparedGroups<C extends string> {
  /** The characteristic: "ethnicity", "disability". */
  readonly id: string;
  /** The standard the comparison belongs to: "WRES", "WDES". */
  readonly standard: string;
  readonly focus: C;
  readonly reference: C;
  /** The compared group a recorded category (an ethnic code, a disability answer) rolls up into; null when unknown. */
  groupOf(category: string): C | null;
  /** Before a noun, as sentences write it: "ethnic minority", "White", "Disabled", "non-disabled". */
  adjective(group: C): string;
  /** Which records fall in each group, in one sentence for pages. */
  readonly groupsNote: string;
}

/** Counts kept under each compared group's own name. */
export type ByGroup<C extends string, T> = { readonly [K in C]: T };

/** Events among people, under each compared group's own name. */
export type GroupCounts<C extends string> = ByGroup<C, EventCount>;

/** The compared groups of a characteristic: the focus group against the characteristic's reference group. */
export function comparedGroupsOf<G extends string, C extends G>(
  characteristic: Characteristic<G>,
  standard: string,
  { focus, reference }: { readonly focus: C; readonly reference: C },
  groupsNote: string,
): ComparedGroups<C> {
  if (reference !== characteristic.referenceGroup) throw new Error(`the reference group of ${characteristic.id} is ${characteristic.referenceGroup}`);
  if (reference === focus) throw new Error('the focus group must differ from the reference group');
  return {
    id: characteristic.id,
    standard,
    focus,
    reference,
    groupOf(category) {
      const group = characteristic.groupOf(category);
      return group === focus || group === reference ? (group as C) : null;
    },
    adjective: (group) => characteristic.adjective(group),
    groupsNote,
  };
}

/** The two groups in the order tables and downloads show them: reference first (White, non-disabled), then focus. */
export function groupsInOrder<C extends string>(groups: ComparedGroups<C>): readonly [C, C] {
  return [groups.reference, groups.focus];
}

/** An object with one value per compared group, built in the order tables show them. */
export function byGroup<C extends string, T>(groups: ComparedGroups<C>, value: (group: C) => T): ByGroup<C, T> {
  return Object.fromEntries(groupsInOrder(groups).map((g) => [g, value(g)])) as ByGroup<C, T>;
}

/** A group's adjective at the start of a sentence or heading: "Ethnic minority", "Non-disabled". */
export function capitalised<C extends string>(groups: ComparedGroups<C>, group: C): string {
  const text = groups.adjective(group);
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** A group's adjective as a column name in a download: "white", "ethnic_minority", "non_disabled". */
export function columnName<C extends string>(groups: ComparedGroups<C>, group: C): string {
  return groups.adjective(group).toLowerCase().replace(/[^a-z]+/g, '_');
}
