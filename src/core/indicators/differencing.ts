/**
 * Secondary suppression by trying the attack. Withholding the small figures of a table is not enough when the
 * figures around them add up to something shown: a headline less the rows shown gives the one row withheld; a
 * breakdown row withheld can come back from the rows of the same people split another way. Rather than list every
 * such route by hand, this module describes a table as cells (rows of counts), the equations that hold between
 * their counts whatever the data (rows add up to the headline; people without the event are people less events), and
 * then works out what a reader could, exactly as a reader would:
 *
 * - an equation with one count not shown gives that count;
 * - an equation whose unknown counts all have the same sign and add up to no more than the least each can be gives
 *   each as its least: with the least 0 (no count is negative), counts adding up to 0 are all 0; where a reader may
 *   take a withheld count to be at least 1 (`atLeast`), two adding up to 2 are 1 each.
 *
 * While that works out a count of 1 to minimumCellSize − 1 in a withheld or hidden cell, one more cell is withheld,
 * from those shown in the equation that gave the count away or, looking back, in the equations that gave away the
 * counts it used: the lowest rank first (callers rank the cells they most want shown higher), then a cell holding
 * something before one of nothing but zeros, then the nearest the leak, then the smallest. Then the attack is tried
 * again. Cells marked fixed (an organisation's headline, which is published) are never withheld; a count that only
 * a fixed cell could protect is reported as unresolved for the caller to deal with (it follows from the published
 * figures alone).
 *
 * Worked example: a headline of 3 ethnic minority staff entering the disciplinary process, split by staff group into
 * Nursing 3 (withheld: a count of 1 to 7), Estates 0 and Medical 0 (shown). 3 − 0 − 0 gives Nursing's 3 away, so the
 * smaller of Estates and Medical (by people in it) is withheld too: the reader now knows only that the two together
 * hold 3.
 */

/** Σ coefficient × variable = 0. */
export type Term = readonly [variable: string, coefficient: number];

export type CellState = 'shown' | 'withheld' | 'fixed' | 'hidden';

export interface Cell {
  /** The cell's counts by name ("white.events"); the variable of a count is `variable(cellId, name)`. */
  readonly values: Readonly<Record<string, number>>;
  /**
   * shown: published unless this module withholds it; withheld: withheld already (a small count); fixed: always
   * published; hidden: never published (a part of the people no table shows on its own).
   */
  readonly state: CellState;
  /** People the cell describes: the smallest is withheld first. */
  readonly size: number;
  /** Cells of a higher rank are withheld only when no cell of a lower rank will do (default 0). */
  readonly rank?: number;
  /**
   * The least a reader may take each of the cell's counts to be when it is withheld (default 0). A table of single
   * counts in which nothing empty is withheld tells a reader that a withheld count is at least 1; then two withheld
   * counts adding up to 2 are 1 each.
   */
  readonly atLeast?: number;
}

export interface Protection {
  /** Cells withheld: those given as withheld, and those withheld here so that no small count can be worked out. */
  readonly withheld: ReadonlySet<string>;
  /** Withheld or hidden cells a small count of which can still be worked out, because only a fixed cell could stop it. */
  readonly unresolved: ReadonlySet<string>;
}

const SEPARATOR = '#';

export function variable(cell: string, name: string): string {
  return `${cell}${SEPARATOR}${name}`;
}

/** The system with variables and cells numbered, so that the attack, run once per cell withheld, is quick. */
interface System {
  readonly cellIds: readonly string[];
  readonly cells: readonly Cell[];
  /** Per variable: its cell's number, its true value. */
  readonly cellOfVariable: Int32Array;
  readonly truth: Float64Array;
  /** Per equation: its terms as variable numbers and coefficients. */
  readonly terms: readonly Int32Array[];
  readonly coefficients: readonly Float64Array[];
  /** Per variable: the equations naming it. */
  readonly equationsOf: readonly number[][];
  /** Per variable: the least a reader takes it to be when it is not shown. */
  readonly low: Float64Array;
}

/**
 * A table to protect, built cell by cell with numbers rather than names, for callers with many cells: each cell's
 * counts become variables, and equations name them by number.
 */
export class Table {
  readonly #ids: string[] = [];
  readonly #cells: Cell[] = [];
  readonly #variables: Map<string, number>[] = [];
  readonly #cellOfVariable: number[] = [];
  readonly #truth: number[] = [];
  readonly #low: number[] = [];
  readonly #terms: Int32Array[] = [];
  readonly #coefficients: Float64Array[] = [];

  /** Adds a cell; returns its number. */
  cell(id: string, cell: Cell): number {
    const number = this.#cells.length;
    this.#ids.push(id);
    this.#cells.push(cell);
    const variables = new Map<string, number>();
    for (const [name, value] of Object.entries(cell.values)) {
      variables.set(name, this.#truth.length);
      this.#cellOfVariable.push(number);
      this.#truth.push(value);
      this.#low.push(cell.atLeast ?? 0);
    }
    this.#variables.push(variables);
    return number;
  }

  /** The number of a cell's count, by the count's name. */
  count(cell: number, name: string): number {
    const x = this.#variables[cell]?.get(name);
    if (x === undefined) throw new Error(`cell ${this.#ids[cell]} has no count ${name}`);
    return x;
  }

  /** The true value of a count, by number. */
  valueOf(count: number): number {
    return this.#truth[count]!;
  }

  /** Σ coefficient × count = 0, the counts by number. */
  equation(terms: readonly (readonly [count: number, coefficient: number])[]): void {
    this.#terms.push(Int32Array.from(terms, ([x]) => x));
    this.#coefficients.push(Float64Array.from(terms, ([, c]) => c));
  }

  /** Withholds cells as protectByDifferencing does. */
  protect(isDisclosive: (count: number) => boolean): Protection {
    const equationsOf: number[][] = this.#truth.map(() => []);
    for (const [e, list] of this.#terms.entries()) {
      for (const x of list) {
        const of = equationsOf[x]!;
        if (of[of.length - 1] !== e) of.push(e);
      }
    }
    return protect({
      cellIds: this.#ids, cells: this.#cells, cellOfVariable: Int32Array.from(this.#cellOfVariable), truth: Float64Array.from(this.#truth),
      terms: this.#terms, coefficients: this.#coefficients, equationsOf, low: Float64Array.from(this.#low),
    }, isDisclosive);
  }
}

/**
 * What a reader works out from the cells shown: for every variable determined, the equation that gave it away (−1
 * for a variable shown or not worked out). A work list of equations: each keeps how many of its variables are
 * unknown, of which sign, and the sum of its known terms, so every variable learnt is passed on once to the
 * equations that name it.
 */
function workOut(system: System, published: Uint8Array): Int32Array {
  const { terms, coefficients, truth, cellOfVariable, equationsOf, low } = system;
  const how = new Int32Array(truth.length).fill(-1);
  const known = (x: number) => published[cellOfVariable[x]!] === 1 || how[x]! >= 0;
  const unknown = new Int32Array(terms.length);
  const positive = new Int32Array(terms.length);
  const knownSum = new Float64Array(terms.length);
  const lowSum = new Float64Array(terms.length);
  for (let e = 0; e < terms.length; e += 1) {
    const list = terms[e]!;
    for (let k = 0; k < list.length; k += 1) {
      const x = list[k]!;
      if (published[cellOfVariable[x]!] === 1) knownSum[e]! += coefficients[e]![k]! * truth[x]!;
      else {
        unknown[e]! += 1;
        lowSum[e]! += coefficients[e]![k]! * low[x]!;
        if (coefficients[e]![k]! > 0) positive[e]! += 1;
      }
    }
  }
  // One unknown: the equation gives it. Several of one sign adding up to no more than their least values: each is
  // its least (with the least 0, counts adding up to 0 are all 0, as no count is negative).
  const ready = (e: number) =>
    unknown[e] === 1 || (unknown[e]! > 1 && (positive[e] === 0 || positive[e] === unknown[e]) && Math.abs(knownSum[e]! + lowSum[e]!) < 1e-9);
  const queue: number[] = [];
  for (let e = 0; e < terms.length; e += 1) if (ready(e)) queue.push(e);
  while (queue.length > 0) {
    const e = queue.pop()!;
    if (!ready(e)) continue;
    const list = terms[e]!;
    for (let k = 0; k < list.length; k += 1) {
      const x = list[k]!;
      if (known(x)) continue;
      how[x] = e;
      for (const other of equationsOf[x]!) {
        const others = terms[other]!;
        for (let j = 0; j < others.length; j += 1) {
          if (others[j] !== x) continue;
          unknown[other]! -= 1;
          if (coefficients[other]![j]! > 0) positive[other]! -= 1;
          knownSum[other]! += coefficients[other]![j]! * truth[x]!;
          lowSum[other]! -= coefficients[other]![j]! * low[x]!;
        }
        if (ready(other)) queue.push(other);
      }
    }
  }
  return how;
}

/**
 * Withholds cells until no withheld or hidden cell has a small count a reader could work out, or only a fixed cell
 * could stop it. Deterministic: the same cells and equations give the same result.
 */
export function protectByDifferencing(
  cells: ReadonlyMap<string, Cell>,
  equations: readonly (readonly Term[])[],
  isDisclosive: (count: number) => boolean,
): Protection {
  const table = new Table();
  const numbers = new Map([...cells].map(([id, cell]) => [id, table.cell(id, cell)]));
  const numberOf = (name: string): number => {
    const at = name.lastIndexOf(SEPARATOR);
    const cell = numbers.get(name.slice(0, at));
    if (cell === undefined) throw new Error(`an equation names ${name}, which no cell has`);
    return table.count(cell, name.slice(at + 1));
  };
  for (const terms of equations) table.equation(terms.map(([name, c]) => [numberOf(name), c] as const));
  return table.protect(isDisclosive);
}

function protect(system: System, isDisclosive: (count: number) => boolean): Protection {
  const { cellIds, cells: cellList, cellOfVariable, truth, terms } = system;
  const disclosive = Uint8Array.from(truth, (value) => (isDisclosive(value) ? 1 : 0));
  const holdsSomething = cellList.map((c) => Object.values(c.values).some((value) => value !== 0));
  const withheld = new Uint8Array(cellIds.length);
  cellList.forEach((c, i) => { if (c.state === 'withheld') withheld[i] = 1; });
  const unresolved = new Uint8Array(cellIds.length);
  const published = new Uint8Array(cellIds.length);
  const refresh = () => cellList.forEach((c, i) => { published[i] = c.state === 'fixed' || (c.state === 'shown' && withheld[i] === 0) ? 1 : 0; });
  const shown = (cell: number) => cellList[cell]!.state === 'shown' && withheld[cell] === 0;

  /**
   * The cell to withhold that stops equation `start` giving a count away, looking back along the chain of equations
   * that gave away the counts it used: the lowest rank; then a cell holding something before one of nothing but
   * zeros (withheld, a reader cannot tell it holds nothing, but it is the last resort); then the nearest the leak;
   * then the smallest.
   */
  const candidateFor = (start: number, how: Int32Array, touched: Set<number>, chosen: ReadonlySet<number>): number | null | 'later' => {
    const seen = new Set<number>([start]);
    const level = new Map<number, number>();
    let frontier = [start];
    for (let depth = 0; frontier.length > 0; depth += 1) {
      const next: number[] = [];
      for (const e of frontier) {
        for (const x of terms[e]!) {
          const cell = cellOfVariable[x]!;
          // A cell withheld earlier in this round may already stop this leak: the next round will tell.
          if (chosen.has(cell)) return 'later';
          if (shown(cell) && !level.has(cell)) level.set(cell, depth);
          const earlier = how[x]!;
          if (earlier >= 0 && !seen.has(earlier)) {
            seen.add(earlier);
            next.push(earlier);
          }
        }
      }
      frontier = next;
    }
    if (level.size === 0) return null;
    for (const e of seen) touched.add(e);
    const order = (a: number, b: number) =>
      ((cellList[a]!.rank ?? 0) - (cellList[b]!.rank ?? 0)) || (Number(!holdsSomething[a]) - Number(!holdsSomething[b])) ||
      (level.get(a)! - level.get(b)!) || (cellList[a]!.size - cellList[b]!.size) || (cellIds[a]! < cellIds[b]! ? -1 : 1);
    return [...level.keys()].sort(order)[0]!;
  };

  // Each round withholds one cell for each leak that no earlier choice of the round has touched (neither its
  // equations nor its cells), so a chain of leaks costs one cell, not one per leak; the next round checks again.
  for (;;) {
    refresh();
    const how = workOut(system, published);
    const touched = new Set<number>();
    const chosen = new Set<number>();
    const stuck: number[] = [];
    let leaks = 0;
    for (let x = 0; x < how.length; x += 1) {
      const e = how[x]!;
      if (e < 0 || disclosive[x] === 0 || unresolved[cellOfVariable[x]!] === 1) continue;
      leaks += 1;
      if (touched.has(e)) continue;
      const candidate = candidateFor(e, how, touched, chosen);
      if (candidate === null) stuck.push(cellOfVariable[x]!);
      else if (candidate !== 'later') {
        withheld[candidate] = 1;
        chosen.add(candidate);
      }
    }
    if (leaks === 0) break;
    // A leak with nothing left to withhold may only look so because of this round's choices: it is unresolved only
    // when the round chose nothing.
    if (chosen.size === 0) for (const cell of stuck) unresolved[cell] = 1;
  }
  const ids = (flags: Uint8Array) => new Set(cellIds.filter((_, i) => flags[i] === 1));
  return { withheld: ids(withheld), unresolved: ids(unresolved) };
}
