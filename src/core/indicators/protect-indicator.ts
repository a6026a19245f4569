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
import { protectByDifferencing, variable, type Cell, type CellState, type Term } from './differencing.ts';
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
  const { cells, equations } = model;
  const reference: Side = shape.referenceSide;
  const specific: Side = reference === 'numerator' ? 'denominator' : 'numerator';
  const v = (cell: string, name: string) => {
    const [side, count] = name.split('.') as [Side, string];
    return variable(`${prefix}${cell}`, `${shape.groups[side]}.${count}`);
  };
  const countsOf = (count: EventCount | null | undefined, side: Side): Record<string, number> => {
    const c = count ?? { events: 0, population: 0 };
    const group = shape.groups[side];
    return { [`${group}.events`]: c.events, [`${group}.people`]: c.population, [`${group}.without`]: c.population - c.events };
  };
  const rowCounts = (row: RatioBreakdownRow, sides: readonly Side[]): Record<string, number> =>
    Object.assign({}, ...sides.map((side) => countsOf(row[side], side)));
  const sizeOf = (values: Readonly<Record<string, number>>, sides: readonly Side[]): number => {
    const people = sides.reduce((n, s) => n + (values[`${shape.groups[s]}.people`] ?? 0), 0);
    return people > 0 ? people : sides.reduce((n, s) => n + (values[`${shape.groups[s]}.events`] ?? 0), 0);
  };

  const addCell = (id: string, values: Record<string, number>, state: CellState, size: number) => {
    cells.set(`${prefix}${id}`, { values, state, size });
    for (const side of SIDES) {
      if (`${shape.groups[side]}.people` in values) equations.push([[v(id, `${side}.people`), 1], [v(id, `${side}.events`), -1], [v(id, `${side}.without`), -1]]);
    }
  };
  const has = (id: string) => cells.has(`${prefix}${id}`);
  /** Primary suppression looks at both compared groups, whichever the cell keeps. */
  const primary = (row: RatioBreakdownRow) => Object.values(rowCounts(row, SIDES)).some(small);
  const headline = { ...countsOf(shape.headline.numerator, 'numerator'), ...countsOf(shape.headline.denominator, 'denominator') };
  /**
   * A row whose counts are all the headline's is the headline itself (counts are never negative, so every other row
   * of its table holds nobody): it is shown as the headline is.
   */
  const stateOf = (row: RatioBreakdownRow, sides: readonly Side[]): CellState => {
    const counts = rowCounts(row, sides);
    if (Object.entries(counts).every(([name, n]) => headline[name] === n)) return 'fixed';
    return primary(row) ? 'withheld' : 'shown';
  };
  /** total = Σ parts, for each count of the given side. */
  const sum = (total: string, parts: readonly string[], side: Side) => {
    for (const c of COUNTS) equations.push([[v(total, `${side}.${c}`), -1], ...parts.map((p): Term => [v(p, `${side}.${c}`), 1])]);
  };

  addCell('headline', headline, 'fixed', 0);

  const dimensionId = (dimension: string, key: string) => `dimension:${dimension}|${key}`;
  for (const [dimension, table] of Object.entries(rows.dimensions)) {
    for (const row of table) {
      const values = rowCounts(row, SIDES);
      addCell(dimensionId(dimension, row.key), values, stateOf(row, SIDES), sizeOf(values, SIDES));
    }
    for (const side of SIDES) sum('headline', table.map((row) => dimensionId(dimension, row.key)), side);
  }

  if (rows.ethnic) {
    for (const level of ['specific', 'aggregated'] as const) {
      const table = rows.ethnic[level];
      for (const row of table) {
        const values = rowCounts(row, [specific]);
        addCell(`${level}|${row.key}`, values, stateOf(row, [specific]), sizeOf(values, [specific]));
      }
      sum('headline', table.map((row) => `${level}|${row.key}`), specific);
    }
    const specificKeys = new Set(rows.ethnic.specific.map((row) => row.key));
    for (const set of shape.aggregates) {
      if (!has(`aggregated|${set.key}`)) continue;
      sum(`aggregated|${set.key}`, set.categories.filter((c) => specificKeys.has(c)).map((c) => `specific|${c}`), specific);
    }

    for (const [dimension, values] of Object.entries(rows.intersections)) {
      if (values.length === 0 || !rows.dimensions[dimension]) continue;
      const column = new Map<string, string[]>();
      for (const { value, rows: table } of values) {
        const parent = dimensionId(dimension, value);
        if (!has(parent)) continue;
        const ids = table.map((row) => {
          const id = `intersection:${dimension}|${value}|${row.key}`;
          const counts = rowCounts(row, SIDES);
          addCell(id, counts, stateOf(row, SIDES), sizeOf(counts, [specific]));
          column.set(row.key, [...(column.get(row.key) ?? []), id]);
          for (const c of COUNTS) equations.push([[v(id, `${reference}.${c}`), 1], [v(parent, `${reference}.${c}`), -1]]);
          return id;
        });
        sum(parent, ids, specific);
      }
      // Each aggregated group across the values, and the rest: its people whose value is not recorded.
      const rests: string[] = [];
      for (const [key, ids] of column) {
        const total = cells.get(`${prefix}aggregated|${key}`);
        if (!total) continue;
        const rest = `unrecorded:${dimension}|${key}`;
        const values: Record<string, number> = {};
        for (const c of COUNTS) {
          const name = `${shape.groups[specific]}.${c}`;
          values[name] = (total.values[name] ?? 0) - ids.reduce((n, id) => n + (cells.get(`${prefix}${id}`)!.values[name] ?? 0), 0);
        }
        addCell(rest, values, 'hidden', 0);
        sum(`aggregated|${key}`, [...ids, rest], specific);
        rests.push(rest);
      }
      const unrecorded = shape.unrecorded.map((value) => dimensionId(dimension, value)).filter(has);
      for (const c of COUNTS) {
        equations.push([...rests.map((r): Term => [v(r, `${specific}.${c}`), 1]), ...unrecorded.map((u): Term => [v(u, `${specific}.${c}`), -1])]);
      }
    }
  }
}

interface Model {
  readonly cells: Map<string, Cell>;
  readonly equations: Term[][];
}

/**
 * Protects several indicators at once. `samePeople` pairs indicators counted over the same people (WRES 3 and 4 are
 * both over the non-bank headcount): a row's people in one are its people in the other, so what one withholds the
 * other must not show.
 */
export function protectIndicators(indicators: readonly IndicatorToProtect[], samePeople: readonly (readonly [number, number])[], policy: DisclosurePolicy): IndicatorRows[] {
  const small = (n: number) => isDisclosive(n, policy);
  const model: Model = { cells: new Map(), equations: [] };
  const prefix = (i: number) => `${i}:`;
  indicators.forEach((indicator, i) => describe(prefix(i), indicator, model, small));
  for (const [a, b] of samePeople) {
    for (const [id, cell] of model.cells) {
      if (!id.startsWith(prefix(a))) continue;
      const other = model.cells.get(`${prefix(b)}${id.slice(prefix(a).length)}`);
      if (!other) continue;
      const counterpart = `${prefix(b)}${id.slice(prefix(a).length)}`;
      for (const name of Object.keys(cell.values)) {
        if (name.endsWith('.people') && name in other.values) model.equations.push([[variable(id, name), 1], [variable(counterpart, name), -1]]);
      }
    }
  }
  const { withheld } = protectByDifferencing(model.cells, model.equations, small);
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
