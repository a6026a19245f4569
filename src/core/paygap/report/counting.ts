/** Counting people and their pay once per fine category, and pooling categories into sets. */
import type { PayPerson } from '../pay-person.ts';

/** What is kept for each fine category: counts, and the pay values the medians and quartiles need, ascending. */
export interface CategoryPay {
  readonly relevant: number;
  readonly fullPayRelevant: number;
  /** Hourly pay of full-pay relevant employees who have an hourly rate. */
  readonly hourlyPay: readonly number[];
  /** Bonus pay of relevant employees paid a bonus (more than 0). */
  readonly bonusPay: readonly number[];
}

export function countPay(
  people: readonly PayPerson[],
  categoryOf: (person: PayPerson) => string,
  categories: readonly string[],
): Record<string, CategoryPay> {
  const counts = new Map<string, { relevant: number; fullPayRelevant: number; hourlyPay: number[]; bonusPay: number[] }>(
    categories.map((c) => [c, { relevant: 0, fullPayRelevant: 0, hourlyPay: [], bonusPay: [] }]),
  );
  for (const person of people) {
    const category = categoryOf(person);
    const entry = counts.get(category);
    if (!entry) throw new Error(`pay gap category ${category} is not declared`);
    entry.relevant += 1;
    if (person.fullPayRelevant) {
      entry.fullPayRelevant += 1;
      if (person.hourlyPay !== null) entry.hourlyPay.push(person.hourlyPay);
    }
    if (person.bonusPay !== null && person.bonusPay > 0) entry.bonusPay.push(person.bonusPay);
  }
  const ascending = (a: number, b: number) => a - b;
  return Object.fromEntries(
    [...counts].map(([c, e]) => [c, { ...e, hourlyPay: e.hourlyPay.sort(ascending), bonusPay: e.bonusPay.sort(ascending) }]),
  );
}

export interface Pool {
  readonly relevant: number;
  readonly fullPayRelevant: number;
  readonly hourlyPay: readonly number[];
  readonly bonusPay: readonly number[];
}

export function pool(counts: Readonly<Record<string, CategoryPay>>, categories: readonly string[]): Pool {
  const parts = categories.map((c) => counts[c]).filter((p): p is CategoryPay => p !== undefined);
  const ascending = (a: number, b: number) => a - b;
  return {
    relevant: parts.reduce((n, p) => n + p.relevant, 0),
    fullPayRelevant: parts.reduce((n, p) => n + p.fullPayRelevant, 0),
    hourlyPay: parts.length === 1 ? (parts[0]?.hourlyPay ?? []) : parts.flatMap((p) => p.hourlyPay).sort(ascending),
    bonusPay: parts.length === 1 ? (parts[0]?.bonusPay ?? []) : parts.flatMap((p) => p.bonusPay).sort(ascending),
  };
}
