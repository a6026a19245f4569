/**
 * The equations a reader knows between the figures of a pay gap report (one characteristic: gender, ethnicity or
 * disability), read from the report as shared beside the same report for the analyst (the truth):
 *
 * - counts of people (relevant, full-pay relevant, with an hourly rate, paid a bonus): the rows of the counts table
 *   (every group and each kind of unknown) add up to the population's, which is published, and all but the kinds of
 *   unknown to the stated (recording, declaration) rate's count; a group's count is the sum
 *   of its parts' (ethnic minority of the aggregated groups, each aggregated group of its specific groups); one set
 *   shown in several places (a group's counts, its bonus share) is one count;
 * - a set's total pay (people × mean) is the sum of its parts' totals, for hourly pay and for bonus pay;
 * - quartiles: a group's four quartile counts add up to its people with an hourly rate; the reference group, the
 *   focus group and everyone else (never shown by quartile) add up to each quartile's size, which is published;
 * - what the reasons say: a pay figure withheld as "too few people" rests on 1 to 9, one withheld "to protect another
 *   group" on at least 10, "no people" on none, and a pay figure shown on at least 10.
 *
 * A mean is disclosed when its set's total pay and its count are both worked out and the count is 1 to 9.
 */
import { attack, DisclosureModel, type Bounds, type Disclosure } from './differencing.ts';
import type { Json } from './json.ts';

const MEASURES = ['relevant', 'fullPayRelevant', 'withHourlyPay', 'bonusRecipients'] as const;
type Measure = (typeof MEASURES)[number];

interface PaySet {
  readonly key: string;
  readonly categories: readonly string[];
}

/** Every set of the characteristic (reference, comparisons, counts rows) with its categories. */
function setsOf(c: Json, unknownKeys: readonly string[]): PaySet[] {
  const sets = new Map<string, PaySet>();
  sets.set(c.reference.key, { key: c.reference.key, categories: c.reference.categories });
  for (const g of Object.values(c.groups) as Json[]) sets.set(g.key, { key: g.key, categories: g.categories });
  for (const row of c.counts as Json[]) {
    if (!sets.has(row.key)) sets.set(row.key, { key: row.key, categories: unknownKeys.includes(row.key) ? [row.key] : [`group:${row.key}`] });
  }
  return [...sets.values()];
}

/** Sets that split `whole` exactly: disjoint, within it, covering it; the largest such parts first. */
function partsOf(whole: PaySet, sets: readonly PaySet[]): PaySet[] | null {
  const inside = sets.filter((s) => s.key !== whole.key && s.categories.length < whole.categories.length && s.categories.every((c) => whole.categories.includes(c)));
  for (const size of [...new Set(inside.map((s) => s.categories.length))].sort((a, b) => b - a)) {
    const chosen: PaySet[] = [];
    const covered = new Set<string>();
    for (const s of inside.filter((p) => p.categories.length <= size)) {
      if (s.categories.some((c) => covered.has(c))) continue;
      chosen.push(s);
      for (const c of s.categories) covered.add(c);
    }
    if (chosen.length > 1 && whole.categories.every((c) => covered.has(c))) return chosen;
  }
  return null;
}

function reasonBounds(reason: string | null | undefined, minimumGroupSize: number): Bounds {
  if (reason === 'tooFewPeople') return { low: 1, high: minimumGroupSize - 1 };
  if (reason === 'protectsAnotherGroup') return { low: minimumGroupSize };
  if (reason === 'noPeople') return { high: 0 };
  if (reason === 'withheld') return { low: 1 };
  return {};
}

export interface PayPolicy {
  readonly minimumCellSize: number;
  readonly minimumGroupSize: number;
}

/** The disclosures in one characteristic of a pay gap report. */
export function auditPayCharacteristic(
  name: string, published: Json, truth: Json, population: { readonly shown: Json; readonly truth: Json }, unknownKeys: readonly string[], policy: PayPolicy,
): Disclosure[] {
  const model = new DisclosureModel();
  const sets = setsOf(truth, unknownKeys);
  const count = (set: string, m: Measure) => `${name}/${set}/${m}`;
  const peopleOf = (c: Json, key: string): Json =>
    key === c.reference.key ? c.reference.people : c.groups[key]?.people ?? c.counts.find((r: Json) => r.key === key)?.people;
  const comparison = (c: Json, key: string): Json => c.groups[key];

  // What each set's pay figures say of its counts.
  const bounds = new Map<string, Bounds>();
  for (const set of sets) {
    const g = comparison(published, set.key);
    if (!g) continue;
    const hourly = g.hourlyPay.group.mean !== null ? { low: policy.minimumGroupSize } : reasonBounds(g.reason, policy.minimumGroupSize);
    const bonus = g.bonus.bonusPay.group.mean !== null ? { low: policy.minimumGroupSize } : g.bonus.available ? reasonBounds(g.bonus.reason, policy.minimumGroupSize) : {};
    bounds.set(count(set.key, 'withHourlyPay'), hourly);
    bounds.set(count(set.key, 'bonusRecipients'), bonus);
  }
  // Every comparison says when the reference group is too small or empty.
  const referenceReasons = (Object.values(published.groups) as Json[]).flatMap((g) => [[g.reason, 'withHourlyPay'], [g.bonus.reason, 'bonusRecipients']] as const);
  for (const [reason, m] of referenceReasons) {
    if (reason === 'referenceTooFewPeople') bounds.set(count(published.reference.key, m), { low: 1, high: policy.minimumGroupSize - 1 });
    if (reason === 'referenceNoPeople') bounds.set(count(published.reference.key, m), { high: 0 });
  }

  for (const set of sets) {
    for (const m of MEASURES) {
      const shown = peopleOf(published, set.key)?.[m];
      model.observe(count(set.key, m), shown, peopleOf(truth, set.key)[m] ?? 0, undefined, bounds.get(count(set.key, m)) ?? {});
    }
  }
  for (const m of MEASURES) {
    const total = `${name}/population/${m}`;
    model.observe(total, population.shown[m], population.truth[m]);
    model.sum(total, (truth.counts as Json[]).map((row) => count(row.key, m)));
    for (const set of sets) {
      const parts = partsOf(set, sets);
      if (parts) model.sum(count(set.key, m), parts.map((p) => count(p.key, m)));
    }
  }

  // People on reduced or nil pay because of leave (relevant less full-pay relevant) and full-pay relevant people with
  // no hourly rate are never shown, in any set or in all: a count of 1 to 7 of them must not be worked out either.
  for (const key of [...sets.map((s) => s.key), 'population']) {
    const of = (m: Measure) => (key === 'population' ? `${name}/population/${m}` : count(key, m));
    const truthOf = (m: Measure) => (key === 'population' ? population.truth[m] : peopleOf(truth, key)[m] ?? 0) as number;
    // The population's are as good as published (its counts are); every set's are never shown.
    const hidden = (variable: string, value: number) => (key === 'population' ? model.publish(variable, value) : model.withhold(variable, value));
    hidden(`${name}/${key}/on leave`, truthOf('relevant') - truthOf('fullPayRelevant'));
    model.sum(of('relevant'), [of('fullPayRelevant'), `${name}/${key}/on leave`]);
    hidden(`${name}/${key}/no hourly rate`, truthOf('fullPayRelevant') - truthOf('withHourlyPay'));
    model.sum(of('fullPayRelevant'), [of('withHourlyPay'), `${name}/${key}/no hourly rate`]);
  }

  // The stated (or recording, or declaration) rate: everyone but the kinds of unknown.
  model.observe(`${name}/stated`, published.statedRate.stated, truth.statedRate.stated);
  model.sum(`${name}/stated`, (truth.counts as Json[]).filter((row) => !unknownKeys.includes(row.key)).map((row) => count(row.key, 'relevant')));

  // Total pay, for the sets whose pay figures are given; a mean is disclosed with its count.
  const totals: { total: string; n: string; truth: Json }[] = [];
  for (const kind of ['hourly', 'bonus'] as const) {
    const measure: Measure = kind === 'hourly' ? 'withHourlyPay' : 'bonusRecipients';
    const figures = (c: Json, key: string) => {
      if (key === c.reference.key) {
        const any = Object.values(c.groups)[0] as Json;
        return kind === 'hourly' ? any.hourlyPay.reference : any.bonus.bonusPay.reference;
      }
      const g = c.groups[key];
      return g ? (kind === 'hourly' ? g.hourlyPay.group : g.bonus.bonusPay.group) : null;
    };
    const withPay = sets.filter((s) => figures(truth, s.key));
    for (const set of withPay) {
      const t = figures(truth, set.key);
      const p = figures(published, set.key);
      const n = peopleOf(truth, set.key)[measure] ?? 0;
      const totalTruth = t.mean === null ? 0 : t.mean * n;
      const shownCount = model.variables.get(count(set.key, measure))!.published;
      const total = `${name}/${set.key}/${kind} pay total`;
      model.observe(total, p.mean !== null && shownCount ? p.mean * n : null, totalTruth, () => false);
      totals.push({ total, n: count(set.key, measure), truth: n });
    }
    for (const set of withPay) {
      const parts = partsOf(set, withPay);
      if (parts) model.sum(`${name}/${set.key}/${kind} pay total`, parts.map((q) => `${name}/${q.key}/${kind} pay total`));
    }
  }

  // Quartiles.
  const quartiles = truth.quartiles;
  const shownQuartiles = published.quartiles;
  const pair = (quartiles.groups as Json[]).map((g) => g.key);
  const others = sets.filter((s) => (truth.counts as Json[]).some((r) => r.key === s.key) && !pair.includes(s.key));
  for (let q = 0; q < quartiles.sizes.length; q += 1) {
    const size = `${name}/quartile ${q + 1}/size`;
    model.publish(size, shownQuartiles.sizes[q]);
    const rest = `${name}/quartile ${q + 1}/everyone else`;
    const inPair = (quartiles.groups as Json[]).reduce((n, g) => n + g.people[q], 0);
    model.withhold(rest, quartiles.sizes[q] - inPair);
    for (const g of quartiles.groups as Json[]) {
      const shown = (shownQuartiles.groups as Json[]).find((s) => s.key === g.key).people[q];
      model.observe(`${name}/quartile ${q + 1}/${g.key}`, shown, g.people[q]);
    }
    model.sum(size, [...pair.map((key) => `${name}/quartile ${q + 1}/${key}`), rest]);
  }
  for (const key of pair) model.sum(count(key, 'withHourlyPay'), quartiles.sizes.map((_: number, q: number) => `${name}/quartile ${q + 1}/${key}`));
  model.equation([
    ...quartiles.sizes.map((_: number, q: number): [string, number] => [`${name}/quartile ${q + 1}/everyone else`, 1]),
    ...others.map((s): [string, number] => [count(s.key, 'withHourlyPay'), -1]),
  ]);

  const { recovered, disclosures } = attack(model);
  const means = totals.filter(({ total, n, truth: people }) =>
    !model.variables.get(total)!.published && recovered.has(total) && (model.variables.get(n)!.published || recovered.has(n)) && people > 0 && people < policy.minimumGroupSize,
  ).map(({ total, truth: people }): Disclosure => ({ variable: `${total} (the mean of ${people} people)`, value: people }));
  return [...disclosures, ...means];
}
