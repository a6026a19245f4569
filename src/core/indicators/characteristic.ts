/**
 * A protected characteristic as the engine sees it: fine categories (ethnic category codes, disability answers)
 * that roll up into the groups an indicator compares. Counts are kept by category so that any roll-up, specific
 * comparison or breakdown can be derived later without going back to the records.
 */
import type { EventCount } from '../stats/relative-likelihood.ts';

export interface CategorySet {
  readonly key: string;
  readonly label: string;
  readonly categories: readonly string[];
}

export interface Characteristic<G extends string> {
  readonly id: string;
  readonly groups: readonly G[];
  /** The group every specific comparison is made against (White for WRES). */
  readonly referenceGroup: G;
  /** The group left out of every ratio but always reported (unknown ethnicity). */
  readonly unknownGroup: G;
  groupOf(category: string): G;
  /** Used before a noun in sentences and tables: "White", "ethnic minority". */
  adjective(group: G): string;
  /** Specific categories compared one by one with the reference group, e.g. each ethnic category D–S. */
  readonly specificSets: readonly CategorySet[];
  /** Aggregated sets compared with the reference group, e.g. all Asian or Asian British categories. */
  readonly aggregatedSets: readonly CategorySet[];
}

/** Counts kept per category (e.g. per ethnic category code). */
export type CategoryCounts = Readonly<Record<string, EventCount>>;

export const NO_EVENTS: EventCount = Object.freeze({ events: 0, population: 0 });

export function addCounts(a: EventCount, b: EventCount): EventCount {
  return { events: a.events + b.events, population: a.population + b.population };
}

export function sumCategories(counts: CategoryCounts, categories: readonly string[]): EventCount {
  return categories.reduce((total, category) => addCounts(total, counts[category] ?? NO_EVENTS), NO_EVENTS);
}

export function sumByGroup<G extends string>(counts: CategoryCounts, characteristic: Characteristic<G>): Record<G, EventCount> {
  const totals = Object.fromEntries(characteristic.groups.map((g) => [g, NO_EVENTS])) as Record<G, EventCount>;
  for (const [category, count] of Object.entries(counts)) {
    const group = characteristic.groupOf(category);
    totals[group] = addCounts(totals[group], count);
  }
  return totals;
}

/** Categories of the characteristic that roll up into the given group. */
export function categoriesOf<G extends string>(characteristic: Characteristic<G>, group: G, universe: readonly string[]): string[] {
  return universe.filter((category) => characteristic.groupOf(category) === group);
}
