/**
 * Disclosure control for every breakdown of one relative-likelihood indicator at once (WRES 2 to 4, WDES 2 and 3,
 * the medical workforce's 2 to 4): primary suppression of rows with a count of 1 to 7, then secondary suppression
 * by trying the differencing attack (differencing.ts) over everything a reader can put together:
 *
 * - the rows of each breakdown (staff group, band, directorate, …) add up to the headline, in both compared groups;
 * - specific ethnic groups add up to the ethnic minority headline and to their aggregated group; aggregated groups to
 *   the headline (their White side is the headline's own, so it is no secret);
 * - within each value of a second characteristic, the aggregated groups add up to that value's ethnic minority row
 *   and their White side is that row's White side; across the values, with the people whose value is not recorded
 *   (never shown by group, but worked out at a reader's peril), they add up to the aggregated group;
 * - people without the event are people less events.
 *
 * One rule comes before the attack: a row whose counts are all the headline's (every other row of its breakdown holds
 * nobody) is the headline itself. The headline is published (it is the organisation's figure), so the row is shown
 * as it is; withholding it would protect nothing, as the headline gives it away. (Where a headline is itself below
 * the organisation, as the medical workforce's is, its report withholds the headline first.)
 */
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { EventCount } from '../stats/relative-likelihood.ts';
import type { CategorySet } from './characteristic.ts';
import { Table, type Cell, type CellState } from './differencing.ts';
import type { RatioBreakdownRow } from './evaluate-ratio.ts';
import { withheldReason, withheldRow } from './secondary-suppression.ts';

export interface Intersection {
  readonly value: string;
  readonly rows: readonly RatioBreakdownRow[];
}

/** Every breakdown of one indicator, with all their counts (no disclosure control yet). */
export interface IndicatorRows {
  readonly ethnic: { readonly specific: readonly RatioBreakdownRow[]; readonly aggregated: readonly RatioBreakdownRow[] } | null;
  readonly dimensions: Readonly<Record<string, readonly RatioBreakdownRow[]>>;
  readonly intersections: Readonly<Record<string, readonly Intersection[]>>;
}

export interface IndicatorShape {
  /** The two compared groups ("white", "ethnicMinority"), by side. */
  readonly groups: { readonly numerator: string; readonly denominator: string };
  /** The headline's counts of the two compared groups. */
  readonly headline: { readonly numerator: EventCount; readonly denominator: EventCount };
  /** In specific and intersection rows, which side is the reference group (the same in every row of a table). */
  readonly referenceSide: 'numerator' | 'denominator';
  /** The aggregated groups and the specific groups each is made of. */
  readonly aggregates: readonly CategorySet[];
  /** Values of a second characteristic that intersections leave out ("Not recorded", "Not in staff file"). */
  readonly unrecorded: readonly string[];
}

type Side = 'numerator' | 'denominator';
const SIDES: readonly Side[] = ['numerator', 'denominator'];
const COUNTS = ['events', 'people', 'without'] as const;
type Count = (typeof COUNTS)[number];

/** An indicator's rows with what protection needs to know of it. */
export interface IndicatorToProtect {
  readonly rows: IndicatorRows;
  readonly shape: IndicatorShape;
}

/** Protects one indicator's breakdowns. */
export function protectIndicator(rows: IndicatorRows, shape: IndicatorShape, policy: DisclosurePolicy): IndicatorRows {
  return protectIndicators([{ rows, shape }], [], policy)[0]!;
}

/** Adds one indicator's cells and equations to the model, under `prefix`. */
function describe(prefix: string, { rows, shape }: IndicatorToProtect, model: Model, small: (n: number) => boolean): void {
  const { table } = model;
  const reference: Side = shape.referenceSide;
  const specific: Side = reference === 'numerator' ? 'denominator' : 'numerator';
  /** The name of a count of one side: "white.events". */
  const NAME = Object.fromEntries(SIDES.map((side) => [side, Object.fromEntries(COUNTS.map((c) => [c, `${shape.groups[side]}.${c}`]))])) as Record<Side, Record<Count, string>>;
  const v = (cell: number, side: Side, count: Count): number => table.count(cell, NAME[side][count]);
  const countsOf = (into: Record<string, number>, count: EventCount | null | undefined, side: Side) => {
    const events = count?.events ?? 0;
    const people = count?.population ?? 0;
    into[NAME[side].events] = events;
    into[NAME[side].people] = people;
    into[NAME[side].without] = people - events;
  };
  const rowCounts = (row: RatioBreakdownRow, sides: readonly Side[]): Record<string, number> => {
    const values: Record<string, number> = {};
    for (const side of sides) countsOf(values, row[side], side);
    return values;
  };
  const sizeOf = (values: Readonly<Record<string, number>>, sides: readonly Side[]): number => {
    let people = 0;
    let events = 0;
    for (const side of sides) {
      people += values[NAME[side].people] ?? 0;
      events += values[NAME[side].events] ?? 0;
    }
    return people > 0 ? people : events;
  };

  const numberOf = (id: string) => model.numbers.get(`${prefix}${id}`);
  const addCell = (id: string, values: Record<string, number>, state: CellState, size: number): number => {
    const cell: Cell = { values, state, size };
    const n = table.cell(`${prefix}${id}`, cell);
    model.cells.set(`${prefix}${id}`, cell);
    model.numbers.set(`${prefix}${id}`, n);
    for (const side of SIDES) {
      if (NAME[side].people in values) table.equation([[v(n, side, 'people'), 1], [v(n, side, 'events'), -1], [v(n, side, 'without'), -1]]);
    }
    return n;
  };
  /** Primary suppression looks at both compared groups, whichever the cell keeps. */
  const primary = (row: RatioBreakdownRow) => SIDES.some((side) => {
    const c = row[side];
    return c !== null && (small(c.events) || small(c.population) || small(c.population - c.events));
  });
  const headline: Record<string, number> = {};
  countsOf(headline, shape.headline.numerator, 'numerator');
  countsOf(headline, shape.headline.denominator, 'denominator');
  /**
   * A row whose counts are all the headline's is the headline itself (counts are never negative, so every other row
   * of its table holds nobody): it is shown as the headline is.
   */
  const stateOf = (row: RatioBreakdownRow, values: Readonly<Record<string, number>>): CellState => {
    if (Object.keys(values).every((name) => headline[name] === values[name])) return 'fixed';
    return primary(row) ? 'withheld' : 'shown';
  };
  const addRow = (id: string, row: RatioBreakdownRow, sides: readonly Side[], sizeSides: readonly Side[]): number => {
    const values = rowCounts(row, sides);
    return addCell(id, values, stateOf(row, values), sizeOf(values, sizeSides));
  };
  /** total = Σ parts, for each count of the given side. */
  const sum = (total: number, parts: readonly number[], side: Side) => {
    for (const c of COUNTS) table.equation([[v(total, side, c), -1], ...parts.map((p) => [v(p, side, c), 1] as const)]);
  };

  const top = addCell('headline', headline, 'fixed', 0);

  const dimensionId = (dimension: string, key: string) => `dimension:${dimension}|${key}`;
  for (const [dimension, breakdown] of Object.entries(rows.dimensions)) {
    const parts = breakdown.map((row) => addRow(dimensionId(dimension, row.key), row, SIDES, SIDES));
    for (const side of SIDES) sum(top, parts, side);
  }

  if (!rows.ethnic) return;
  for (const level of ['specific', 'aggregated'] as const) {
    sum(top, rows.ethnic[level].map((row) => addRow(`${level}|${row.key}`, row, [specific], [specific])), specific);
  }
  for (const set of shape.aggregates) {
    const aggregate = numberOf(`aggregated|${set.key}`);
    if (aggregate === undefined) continue;
    sum(aggregate, set.categories.map((c) => numberOf(`specific|${c}`)).filter((n): n is number => n !== undefined), specific);
  }

  for (const [dimension, values] of Object.entries(rows.intersections)) {
    if (values.length === 0 || !rows.dimensions[dimension]) continue;
    const column = new Map<string, number[]>();
    for (const { value, rows: stratum } of values) {
      const parent = numberOf(dimensionId(dimension, value));
      if (parent === undefined) continue;
      const parts = stratum.map((row) => {
        const n = addRow(`intersection:${dimension}|${value}|${row.key}`, row, SIDES, [specific]);
        column.set(row.key, [...(column.get(row.key) ?? []), n]);
        for (const c of COUNTS) table.equation([[v(n, reference, c), 1], [v(parent, reference, c), -1]]);
        return n;
      });
      sum(parent, parts, specific);
    }
    // Each aggregated group across the values, and the rest: its people whose value is not recorded.
    const rests: number[] = [];
    for (const [key, parts] of column) {
      const total = model.cells.get(`${prefix}aggregated|${key}`);
      const aggregate = numberOf(`aggregated|${key}`);
      if (!total || aggregate === undefined) continue;
      const rest: Record<string, number> = {};
      for (const c of COUNTS) {
        const name = NAME[specific][c];
        rest[name] = (total.values[name] ?? 0) - parts.reduce((n, part) => n + (table.valueOf(v(part, specific, c))), 0);
      }
      const n = addCell(`unrecorded:${dimension}|${key}`, rest, 'hidden', 0);
      sum(aggregate, [...parts, n], specific);
      rests.push(n);
    }
    const unrecorded = shape.unrecorded.map((value) => numberOf(dimensionId(dimension, value))).filter((n): n is number => n !== undefined);
    for (const c of COUNTS) {
      table.equation([...rests.map((r) => [v(r, specific, c), 1] as const), ...unrecorded.map((u) => [v(u, specific, c), -1] as const)]);
    }
  }
}

interface Model {
  readonly table: Table;
  readonly cells: Map<string, Cell>;
  /** Each cell's number in the table. */
  readonly numbers: Map<string, number>;
}

/**
 * Protects several indicators at once. `samePeople` pairs indicators counted over the same people (WRES 3 and 4 are
 * both over the non-bank headcount): a row's people in one are its people in the other, so what one withholds the
 * other must not show.
 */
export function protectIndicators(indicators: readonly IndicatorToProtect[], samePeople: readonly (readonly [number, number])[], policy: DisclosurePolicy): IndicatorRows[] {
  const small = (n: number) => isDisclosive(n, policy);
  const model: Model = { table: new Table(), cells: new Map(), numbers: new Map() };
  const prefix = (i: number) => `${i}:`;
  for (const [i, indicator] of indicators.entries()) describe(prefix(i), indicator, model, small);
  for (const [a, b] of samePeople) {
    for (const [id, cell] of model.cells) {
      if (!id.startsWith(prefix(a))) continue;
      const other = model.cells.get(`${prefix(b)}${id.slice(prefix(a).length)}`);
      if (!other) continue;
      const counterpart = `${prefix(b)}${id.slice(prefix(a).length)}`;
      for (const name of Object.keys(cell.values)) {
        if (!name.endsWith('.people') || !(name in other.values)) continue;
        model.table.equation([[model.table.count(model.numbers.get(id)!, name), 1], [model.table.count(model.numbers.get(counterpart)!, name), -1]]);
      }
    }
  }
  // What only the headline could protect (unresolved) follows from the published headline alone: a row that is the
  // headline is shown as it (above), and a White side that is the White headline is the headline's own.
  const { withheld } = model.table.protect(small);
  const reason = withheldReason(policy);
  return indicators.map(({ rows }, i) => {
    const apply = (id: string, row: RatioBreakdownRow) => (withheld.has(`${prefix(i)}${id}`) ? withheldRow(row, reason) : row);
    return {
      ethnic: rows.ethnic && {
        specific: rows.ethnic.specific.map((row) => apply(`specific|${row.key}`, row)),
        aggregated: rows.ethnic.aggregated.map((row) => apply(`aggregated|${row.key}`, row)),
      },
      dimensions: Object.fromEntries(Object.entries(rows.dimensions).map(([d, table]) => [d, table.map((row) => apply(`dimension:${d}|${row.key}`, row))])),
      intersections: Object.fromEntries(Object.entries(rows.intersections).map(([d, values]) => [
        d, values.map(({ value, rows: table }) => ({ value, rows: table.map((row) => apply(`intersection:${d}|${value}|${row.key}`, row)) })),
      ])),
    };
  });
}
