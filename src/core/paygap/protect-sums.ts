/**
 * Secondary suppression for any table of cells, the same rule as the WRES breakdowns use
 * (src/core/indicators/secondary-suppression.ts), over cells rather than ratio rows: a constraint lists cells tied
 * by one sum that can be read from what is shown (for pay, an aggregated group's total pay is its people times its
 * mean, which equals the sum over its specific groups). While a constraint has exactly one withheld cell, that cell
 * could be worked out by subtraction, so the smallest other cell holding anyone is withheld too.
 *
 * Worked example: Black or Black British = Caribbean (40) + African (55) + Any other Black background (4). The 4 are
 * withheld as too few; the mean pay of the 4 would follow from the aggregated mean and the other two, so Caribbean
 * (the smaller) is withheld as well.
 */
import { protectByDifferencing, variable, type Cell, type Term } from '../indicators/differencing.ts';

export interface SuppressionCell {
  /** People the cell describes: the smallest is withheld first, and a cell of nobody protects nothing. */
  readonly size: number;
  /** Withheld by a primary rule (too few people). */
  readonly withheld: boolean;
}

/** The ids withheld, primary and secondary. Constraints name cell ids; ids not in `cells` are ignored. */
export function withholdForSums(
  cells: ReadonlyMap<string, SuppressionCell>,
  constraints: readonly (readonly string[])[],
): Set<string> {
  const withheld = new Set([...cells].filter(([, cell]) => cell.withheld).map(([id]) => id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const constraint of constraints) {
      const members = constraint.filter((id) => cells.has(id));
      if (members.filter((id) => withheld.has(id)).length !== 1) continue;
      const candidate = members
        .filter((id) => !withheld.has(id) && (cells.get(id)?.size ?? 0) > 0)
        .sort((a, b) => (cells.get(a)?.size ?? 0) - (cells.get(b)?.size ?? 0))[0];
      if (candidate === undefined) continue;
      withheld.add(candidate);
      changed = true;
    }
  }
  return withheld;
}

/** What the counts of one characteristic's pay gap report are, and how they add up. */
export interface CountTables {
  readonly measures: readonly string[];
  /** Every set whose counts are shown: the reference, the comparisons and the rows of the counts table. */
  readonly sets: readonly string[];
  count(set: string, measure: string): number;
  /** A set and the sets it is made of (parent first), as for pay figures. */
  readonly sums: readonly (readonly string[])[];
  /**
   * The least a reader may take a withheld count to be: at least 1 (nothing empty is withheld), and at least the
   * minimum group size where the set's pay figures of that count are shown.
   */
  atLeast(set: string, measure: string): number;
  /** The rows of the counts table, which add up to the population's counts (published). */
  readonly partition: readonly string[];
  /** Those rows that are kinds of unknown: the others add up to the stated (recording, declaration) rate's count. */
  readonly unknown: readonly string[];
  readonly population: (measure: string) => number;
  /**
   * The compared pair's people in each quartile (reference first), each quartile's size (published), the measure
   * the quartiles rank (people with an hourly rate), and whether the pair's quartiles are withheld anyway.
   */
  readonly quartiles: {
    readonly pair: readonly string[];
    readonly people: readonly (readonly number[])[];
    readonly sizes: readonly number[];
    readonly measure: string;
    readonly withheld: boolean;
  };
  /**
   * Sets withheld only when no other will do (the compared pair, whose counts stand beside every gap); before them,
   * the stated rate's count, and before that any other set.
   */
  readonly keep: readonly string[];
}

/** The stated rate's count, among the sets of withheldCounts. */
export const STATED = '(stated)';

export interface WithheldCounts {
  /** Whether a set's count is withheld; the set STATED is the stated rate's count (measure "relevant"). */
  count(set: string, measure: string): boolean;
  quartile(set: string, quartile: number): boolean;
}

/**
 * Counts for sharing: those of 1 to minimumCellSize − 1 are withheld, then, by trying the differencing attack
 * (src/core/indicators/differencing.ts), whatever would let one be worked out: from the counts table's total (the
 * population, published) and the stated rate's count, from a group's parts, and from the quartiles, whose rows add up to each group's people with
 * an hourly rate and whose columns, with everyone outside the compared pair (never shown by quartile, but worked out
 * at a reader's peril), add up to each quartile's size.
 */
export function withheldCounts(tables: CountTables, minimumCellSize: number): WithheldCounts {
  const small = (n: number) => n > 0 && n < minimumCellSize;
  const cells = new Map<string, Cell>();
  const equations: Term[][] = [];
  const id = (set: string, measure: string) => `${measure}|${set}`;
  const n = (cell: string): Term => [variable(cell, 'n'), 1];
  const minus = (cell: string): Term => [variable(cell, 'n'), -1];
  const add = (cell: string, value: number, state: Cell['state'], rank = 0, atLeast = 0) => cells.set(cell, { values: { n: value }, state, size: value, rank, atLeast });
  for (const measure of tables.measures) {
    // First the rule of withholdForSums within each group's parts, as for pay figures; then the attack for the rest.
    const first = withholdForSums(new Map(tables.sets.map((set) => {
      const value = tables.count(set, measure);
      return [set, { size: value, withheld: small(value) }];
    })), tables.sums);
    for (const set of tables.sets) {
      const value = tables.count(set, measure);
      add(id(set, measure), value, first.has(set) ? 'withheld' : 'shown', tables.keep.includes(set) ? 2 : 0, tables.atLeast(set, measure));
    }
    add(id('population', measure), tables.population(measure), 'fixed');
    equations.push([minus(id('population', measure)), ...tables.partition.map((set) => n(id(set, measure)))]);
    for (const [parent, ...parts] of tables.sums) equations.push([minus(id(parent!, measure)), ...parts.map((set) => n(id(set, measure)))]);
  }
  // People on reduced or nil pay because of leave (relevant less full-pay relevant), and full-pay relevant people
  // with no hourly rate, are shown nowhere, but a set's two counts would give them: hidden cells, so that 1 to 7
  // of them in any set (or in all) is not worked out by subtraction.
  const differences = [['notFullPay', 'relevant', 'fullPayRelevant'], ['noHourlyRate', 'fullPayRelevant', 'withHourlyPay']] as const;
  if (differences.every(([, whole, part]) => tables.measures.includes(whole) && tables.measures.includes(part))) {
    for (const set of [...tables.sets, 'population']) {
      for (const [name, whole, part] of differences) {
        const value = set === 'population' ? tables.population(whole) - tables.population(part) : tables.count(set, whole) - tables.count(set, part);
        // The population's own are as good as published: its counts are.
        add(id(set, name), value, set === 'population' ? 'fixed' : 'hidden');
        equations.push([n(id(set, whole)), minus(id(set, part)), minus(id(set, name))]);
      }
    }
    // They add up like any count: the rows of the counts table to the population's, a group to its parts. (Implied
    // by the equations above, but the attack takes one equation at a time: with nobody lacking an hourly rate in
    // all, it is these that tell a reader nobody lacks one in any row.)
    for (const [name] of differences) {
      equations.push([minus(id('population', name)), ...tables.partition.map((set) => n(id(set, name)))]);
      for (const [parent, ...parts] of tables.sums) equations.push([minus(id(parent!, name)), ...parts.map((set) => n(id(set, name)))]);
    }
  }
  const statedParts = tables.partition.filter((set) => !tables.unknown.includes(set));
  const stated = statedParts.reduce((sum, set) => sum + tables.count(set, 'relevant'), 0);
  add(id(STATED, 'relevant'), stated, small(stated) ? 'withheld' : 'shown', 1);
  equations.push([minus(id(STATED, 'relevant')), ...statedParts.map((set) => n(id(set, 'relevant')))]);
  // The difference of the two sums, which the attack (one unknown at a time) would not form by itself: the kinds
  // of unknown add up to the population less the stated count.
  equations.push([n(id('population', 'relevant')), minus(id(STATED, 'relevant')), ...tables.unknown.map((set) => minus(id(set, 'relevant')))]);

  const { pair, people, sizes, measure, withheld } = tables.quartiles;
  const quartile = (set: string, q: number) => `quartile ${q}|${set}`;
  sizes.forEach((size, q) => {
    add(quartile('size', q), size, 'fixed');
    const inPair = pair.reduce((sum, _set, i) => sum + (people[i]?.[q] ?? 0), 0);
    add(quartile('everyone else', q), size - inPair, 'hidden');
    pair.forEach((set, i) => {
      const value = people[i]?.[q] ?? 0;
      add(quartile(set, q), value, withheld || small(value) ? 'withheld' : 'shown');
    });
    equations.push([minus(quartile('size', q)), ...[...pair, 'everyone else'].map((set) => n(quartile(set, q)))]);
  });
  if (sizes.length > 0) {
    for (const set of pair) equations.push([minus(id(set, measure)), ...sizes.map((_, q) => n(quartile(set, q)))]);
    const outside = tables.partition.filter((set) => !pair.includes(set));
    equations.push([...outside.map((set) => minus(id(set, measure))), ...sizes.map((_, q) => n(quartile('everyone else', q)))]);
  }
  const result = protectByDifferencing(cells, equations, small);
  return {
    count: (set, m) => result.withheld.has(id(set, m)),
    quartile: (set, q) => result.withheld.has(quartile(set, q)),
  };
}
