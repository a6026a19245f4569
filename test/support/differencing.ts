/**
 * A differencing attack on published figures, for tests of disclosure control. A report is described as a set of
 * variables (every count a viewer could want: events, people, people without the event, …), each either published
 * (its value is in the output) or withheld (its true value known only to the test), and linear equations that hold
 * between them whatever the data (rows add up to the headline, specific groups to their aggregated group, a count of
 * people without the event is people less events, …). The attacker knows the published values and the equations,
 * as anyone reading the methodology does, and works out every withheld variable it can:
 *
 * - an equation with one unknown gives it (a headline less the rows shown);
 * - an equation whose unknowns all have the same sign and whose remainder is 0 gives them all as 0 (counts are never
 *   negative);
 * - bounds: every count is at least 0, and the output may say more (a figure withheld "so that another cannot be
 *   worked out" is itself 0 or at least 8; a pay figure withheld as "too few people" rests on 1 to 9); each equation
 *   narrows its unknowns' bounds from the others', and a variable whose bounds meet is known;
 * - and, when none of that helps, Gaussian elimination over the unknowns finds any that a combination of equations
 *   fixes.
 *
 * A disclosure is a withheld variable worked out exactly whose value the rule forbids publishing (a count of 1 to
 * 7 by default). Every value worked out is also checked against the truth, so a wrong equation fails loudly rather
 * than hiding a leak.
 */

export type Term = readonly [variable: string, coefficient: number];

/** Which worked-out values are disclosures: by default a count of 1 to minimumCellSize − 1. */
export type Forbidden = (value: number) => boolean;

/** What a reader knows of a withheld value besides the equations: at least `low`, at most `high`, and never
 * between 0 and `gapBelow` (exclusive) when that is given. */
export interface Bounds {
  readonly low?: number;
  readonly high?: number;
  readonly gapBelow?: number;
}

interface Variable {
  readonly truth: number;
  readonly published: boolean;
  readonly forbidden: Forbidden;
  readonly bounds: Bounds;
}

const TOLERANCE = 1e-6;

export function smallCount(minimumCellSize = 8): Forbidden {
  return (value) => value > TOLERANCE && value < minimumCellSize - TOLERANCE;
}

export class DisclosureModel {
  readonly variables = new Map<string, Variable>();
  readonly equations: Term[][] = [];

  constructor(readonly forbidden: Forbidden = smallCount()) {}

  /** A value in the output. */
  publish(name: string, value: number): void {
    this.#define(name, { truth: value, published: true, forbidden: this.forbidden, bounds: {} });
  }

  /** A value not in the output (withheld, or never published); `truth` is what it really is. */
  withhold(name: string, truth: number, forbidden: Forbidden = this.forbidden, bounds: Bounds = {}): void {
    if (truth < (bounds.low ?? 0) - TOLERANCE || truth > (bounds.high ?? Infinity) + TOLERANCE) throw new Error(`${name} is ${truth}, outside the bounds given for it`);
    if (bounds.gapBelow !== undefined && truth > TOLERANCE && truth < bounds.gapBelow - TOLERANCE) throw new Error(`${name} is ${truth}, in the gap given for it`);
    this.#define(name, { truth, published: false, forbidden, bounds });
  }

  /** Published when `value` is a number, withheld (with the truth) when it is null or undefined. */
  observe(name: string, value: number | null | undefined, truth: number, forbidden: Forbidden = this.forbidden, bounds: Bounds = {}): void {
    if (value === null || value === undefined) this.withhold(name, truth, forbidden, bounds);
    else {
      if (Math.abs(value - truth) > TOLERANCE * Math.max(1, Math.abs(truth))) throw new Error(`${name} is published as ${value} but is ${truth}`);
      this.publish(name, value);
    }
  }

  /** A withheld value that the output shows elsewhere (the same count in another table): published after all. */
  reveal(name: string, value: number): void {
    const existing = this.variables.get(name);
    if (!existing) throw new Error(`${name} is revealed before it is defined`);
    if (Math.abs(existing.truth - value) > TOLERANCE * Math.max(1, Math.abs(value))) throw new Error(`${name} is shown as ${value} but is ${existing.truth}`);
    this.variables.set(name, { ...existing, published: true });
  }

  has(name: string): boolean {
    return this.variables.has(name);
  }

  /** Σ coefficient × variable = 0. */
  equation(terms: readonly Term[]): void {
    for (const [name] of terms) if (!this.variables.has(name)) throw new Error(`equation names an undefined variable ${name}`);
    const residual = terms.reduce((sum, [name, c]) => sum + c * this.variables.get(name)!.truth, 0);
    const scale = Math.max(1, ...terms.map(([name]) => Math.abs(this.variables.get(name)!.truth)));
    if (Math.abs(residual) > TOLERANCE * scale) {
      throw new Error(`the model is wrong: ${terms.map(([n, c]) => `${c > 0 ? '+' : '-'}${Math.abs(c) === 1 ? '' : Math.abs(c)}${n}`).join(' ')} = ${residual}, not 0`);
    }
    this.equations.push([...terms]);
  }

  /** total = Σ parts. */
  sum(total: string, parts: readonly string[]): void {
    this.equation([[total, -1], ...parts.map((p): Term => [p, 1])]);
  }

  same(a: string, b: string): void {
    this.equation([[a, 1], [b, -1]]);
  }

  #define(name: string, variable: Variable): void {
    const existing = this.variables.get(name);
    if (existing && (existing.truth !== variable.truth || existing.published !== variable.published)) {
      throw new Error(`${name} is defined twice, differently`);
    }
    this.variables.set(name, variable);
  }
}

export interface Disclosure {
  readonly variable: string;
  readonly value: number;
}

export interface AttackResult {
  /** Every withheld variable worked out, with its value. */
  readonly recovered: ReadonlyMap<string, number>;
  /** Those the rule forbids publishing. */
  readonly disclosures: readonly Disclosure[];
}

function residualOf(terms: readonly Term[], values: ReadonlyMap<string, number>): { unknown: Term[]; constant: number } {
  const unknown: Term[] = [];
  let constant = 0;
  for (const term of terms) {
    const value = values.get(term[0]);
    if (value === undefined) unknown.push(term);
    else constant += term[1] * value;
  }
  return { unknown, constant };
}

/** Equations with one unknown, and all-same-sign equations summing to 0, until nothing changes. */
function peel(equations: readonly Term[][], values: Map<string, number>): boolean {
  let progress = false;
  let changed = true;
  while (changed) {
    changed = false;
    for (const terms of equations) {
      const { unknown, constant } = residualOf(terms, values);
      if (unknown.length === 0) continue;
      if (unknown.length === 1) {
        const [name, c] = unknown[0]!;
        values.set(name, -constant / c);
        changed = true;
        continue;
      }
      const sameSign = unknown.every(([, c]) => c > 0) || unknown.every(([, c]) => c < 0);
      if (sameSign && Math.abs(constant) < TOLERANCE) {
        for (const [name] of unknown) values.set(name, 0);
        changed = true;
      }
    }
    progress ||= changed;
  }
  return progress;
}

interface Interval {
  low: number;
  high: number;
  readonly gapBelow: number | undefined;
}

/** Narrows an interval, applying its gap; true when it changed. */
function narrow(interval: Interval, low: number, high: number): boolean {
  let lo = Math.max(interval.low, low);
  let hi = Math.min(interval.high, high);
  if (interval.gapBelow !== undefined) {
    if (hi < interval.gapBelow - TOLERANCE) hi = Math.min(hi, 0);
    if (lo > TOLERANCE) lo = Math.max(lo, interval.gapBelow);
  }
  if (lo > hi + TOLERANCE) throw new Error(`bounds crossed (${lo} > ${hi}): the model is inconsistent`);
  const changed = lo > interval.low + TOLERANCE || hi < interval.high - TOLERANCE;
  interval.low = lo;
  interval.high = hi;
  return changed;
}

/** Interval propagation: each equation bounds each unknown by the others' bounds; meeting bounds give a value. */
function bound(equations: readonly Term[][], values: Map<string, number>, intervals: Map<string, Interval>): boolean {
  let progress = false;
  for (let pass = 0; pass < 50; pass += 1) {
    let changed = false;
    for (const terms of equations) {
      const { unknown, constant } = residualOf(terms, values);
      if (unknown.length < 2) continue;
      // Σ c·x = −constant. For each x: c·x = −constant − Σ others, bounded by the others' intervals.
      const range = (term: Term) => {
        const interval = intervals.get(term[0])!;
        const a = term[1] * interval.low;
        const b = term[1] * interval.high;
        return [Math.min(a, b), Math.max(a, b)] as const;
      };
      const ranges = unknown.map(range);
      // Sums of the finite ends, and how many ends are infinite, so that "all the others" needs no subtraction of ∞.
      const finiteLow = ranges.reduce((n, r) => n + (Number.isFinite(r[0]) ? r[0] : 0), 0);
      const finiteHigh = ranges.reduce((n, r) => n + (Number.isFinite(r[1]) ? r[1] : 0), 0);
      const infiniteLow = ranges.filter((r) => !Number.isFinite(r[0])).length;
      const infiniteHigh = ranges.filter((r) => !Number.isFinite(r[1])).length;
      unknown.forEach((term, i) => {
        const [rLow, rHigh] = ranges[i]!;
        const otherLow = infiniteLow - (Number.isFinite(rLow) ? 0 : 1) > 0 ? -Infinity : finiteLow - (Number.isFinite(rLow) ? rLow : 0);
        const otherHigh = infiniteHigh - (Number.isFinite(rHigh) ? 0 : 1) > 0 ? Infinity : finiteHigh - (Number.isFinite(rHigh) ? rHigh : 0);
        const low = -constant - otherHigh;
        const high = -constant - otherLow;
        const c = term[1];
        const [xLow, xHigh] = c > 0 ? [low / c, high / c] : [high / c, low / c];
        if (narrow(intervals.get(term[0])!, Number.isNaN(xLow) ? -Infinity : xLow, Number.isNaN(xHigh) ? Infinity : xHigh)) changed = true;
      });
    }
    for (const [name, interval] of intervals) {
      if (!values.has(name) && interval.high - interval.low < TOLERANCE) {
        values.set(name, interval.low);
        changed = true;
      }
    }
    if (!changed) break;
    progress = true;
  }
  return progress;
}

/** Gaussian elimination over the unknowns; sets every unknown that the equations fix. */
function eliminate(equations: readonly Term[][], values: Map<string, number>): boolean {
  const rows: { coefficients: Map<string, number>; constant: number }[] = [];
  for (const terms of equations) {
    const { unknown, constant } = residualOf(terms, values);
    if (unknown.length < 2) continue;
    const coefficients = new Map<string, number>();
    for (const [name, c] of unknown) coefficients.set(name, (coefficients.get(name) ?? 0) + c);
    rows.push({ coefficients, constant: -constant });
  }
  const pivots: { variable: string; row: (typeof rows)[number] }[] = [];
  for (const row of rows) {
    for (const pivot of pivots) {
      const factor = row.coefficients.get(pivot.variable);
      if (factor === undefined) continue;
      for (const [name, c] of pivot.row.coefficients) {
        const next = (row.coefficients.get(name) ?? 0) - factor * c;
        if (Math.abs(next) < 1e-9) row.coefficients.delete(name);
        else row.coefficients.set(name, next);
      }
      row.constant -= factor * pivot.row.constant;
    }
    const first = [...row.coefficients].sort((a, b) => Math.abs(b[1]) - Math.abs(a[1]))[0];
    if (!first) continue;
    const [variable, c] = first;
    for (const [name, value] of row.coefficients) row.coefficients.set(name, value / c);
    row.constant /= c;
    // Keep the pivots reduced against each other, so a fixed variable shows as a row with one coefficient.
    for (const pivot of pivots) {
      const factor = pivot.row.coefficients.get(variable);
      if (factor === undefined) continue;
      for (const [name, value] of row.coefficients) {
        const next = (pivot.row.coefficients.get(name) ?? 0) - factor * value;
        if (Math.abs(next) < 1e-9) pivot.row.coefficients.delete(name);
        else pivot.row.coefficients.set(name, next);
      }
      pivot.row.constant -= factor * row.constant;
    }
    pivots.push({ variable, row });
  }
  let progress = false;
  for (const { variable, row } of pivots) {
    if (row.coefficients.size === 1 && !values.has(variable)) {
      values.set(variable, row.constant);
      progress = true;
    }
  }
  return progress;
}

export function attack(model: DisclosureModel): AttackResult {
  const values = new Map<string, number>();
  for (const [name, v] of model.variables) if (v.published) values.set(name, v.truth);
  // Only equations with something unknown in them matter; split the rest off once.
  const relevant = model.equations.filter((terms) => terms.some(([name]) => !model.variables.get(name)!.published));
  const intervals = new Map<string, Interval>();
  for (const [name, v] of model.variables) {
    if (!v.published) intervals.set(name, { low: v.bounds.low ?? 0, high: v.bounds.high ?? Infinity, gapBelow: v.bounds.gapBelow });
  }
  for (;;) {
    const peeled = peel(relevant, values);
    const bounded = bound(relevant, values, intervals);
    if (!eliminate(relevant, values) && !peeled && !bounded) break;
  }
  const recovered = new Map<string, number>();
  const disclosures: Disclosure[] = [];
  for (const [name, v] of model.variables) {
    if (v.published || !values.has(name)) continue;
    const value = values.get(name)!;
    if (Math.abs(value - v.truth) > 1e-4 * Math.max(1, Math.abs(v.truth))) {
      throw new Error(`the attack worked out ${name} as ${value} but it is ${v.truth}: an equation or the solver is wrong`);
    }
    recovered.set(name, v.truth);
    if (v.forbidden(v.truth)) disclosures.push({ variable: name, value: v.truth });
  }
  return { recovered, disclosures };
}
