/**
 * Trends of reports of racism and discrimination that expose no one (issue 12, item 7). Pure: no I/O.
 *
 * A reporting year's reports are counted in two tables that share their rows: month by category, and month by
 * directorate, each with its months' totals (the same in both), its columns' totals over the year, and the year's
 * total; and in a third, directorate by category over the year, whose margins are the other two's column totals
 * (a directorate's year by category is read from it, as the #InclusiveHR challenge does). Disclosure control for
 * everyone but the handlers:
 * - primary suppression: any figure of 1 to minimumCellSize − 1 (a cell, a month's total, a column's total, the
 *   year's total) is withheld; zero is shown;
 * - complementary suppression: in every line of either table (each month's row with its total; each column with its
 *   total; the row of column totals with the year's total; the column of month totals with the year's total), a line
 *   with exactly one figure withheld would give it away as the line's total less the rest, so a second figure is
 *   withheld in that line: the smallest non-zero cell not yet withheld (a total only when no cell will do, a zero
 *   last). A figure in more than one table (the months' totals and the year's total, shared by the two monthly tables;
 *   each category's and each directorate's year, the margins of the third) is withheld in all of them once it is
 *   withheld in one, so every view of the year withholds the same figures. This is repeated until no line of any
 *   table has exactly one figure withheld.
 * Only a reporting year that has ended is shown to anyone but the handlers (see docs/methodology.md): its figures never
 * change afterwards, so no two views of it can be subtracted from each other.
 */
import { type DisclosurePolicy, isDisclosive } from '../stats/disclosure.ts';

/** Reports counted in one month (YYYY-MM) for one category and directorate (null: not given). */
export interface TrendCount {
  readonly month: string;
  readonly category: string;
  readonly directorate: string | null;
  readonly count: number;
}

/** A figure as shown: its count, or null when withheld. */
export type Shown = number | null;

export interface TrendTable {
  /** Column keys, in order (categories, or directorates with "" for not given). */
  readonly columns: readonly string[];
  /** cells[month][column]. */
  readonly cells: readonly (readonly Shown[])[];
  readonly columnTotals: readonly Shown[];
}

/** A year's reports by directorate and category; its margins are the same figures as the monthly tables' column totals. */
export interface CrossTable {
  readonly rows: readonly string[];
  readonly columns: readonly string[];
  /** cells[directorate][category]. */
  readonly cells: readonly (readonly Shown[])[];
  /** Each directorate's year (byDirectorate.columnTotals). */
  readonly rowTotals: readonly Shown[];
  /** Each category's year (byCategory.columnTotals). */
  readonly columnTotals: readonly Shown[];
}

export interface Trends {
  readonly months: readonly string[];
  readonly monthTotals: readonly Shown[];
  readonly total: Shown;
  readonly byCategory: TrendTable;
  readonly byDirectorate: TrendTable;
  /** The year by directorate (rows: byDirectorate's columns) and category (columns: byCategory's). */
  readonly byDirectorateAndCategory: CrossTable;
  /** How many figures of the two monthly tables were withheld (0 without disclosure control). */
  readonly withheld: number;
}

/** The key a report with no directorate is counted under in the directorate table. */
export const NOT_GIVEN = '';

/** The twelve months of a reporting year (April to March): 2025 → 2024-04 … 2025-03. */
export function reportingMonths(year: number): string[] {
  return Array.from({ length: 12 }, (_, i) => {
    const m = ((3 + i) % 12) + 1;
    const y = i < 9 ? year - 1 : year;
    return `${y}-${String(m).padStart(2, '0')}`;
  });
}

/** The reporting year (April to March) a month or day falls in: "2024-04" → 2025, "2025-03-31" → 2025. */
export function reportingYearOf(date: string): number {
  const [y, m] = date.split('-').map(Number) as [number, number];
  return m >= 4 ? y + 1 : y;
}

/** A grid with its margins: value(r, c) for r < rows, c < columns; r = rows is the column totals, c = columns the row totals. */
interface Grid {
  readonly rows: number;
  readonly columns: number;
  value(r: number, c: number): number;
}

function gridOf(months: readonly string[], columns: readonly string[], counts: readonly TrendCount[], keyOf: (c: TrendCount) => string): { grid: Grid; cells: number[][] } {
  const cells = months.map(() => columns.map(() => 0));
  for (const c of counts) {
    const r = months.indexOf(c.month);
    const k = columns.indexOf(keyOf(c));
    if (r >= 0 && k >= 0) cells[r]![k]! += c.count;
  }
  const rowTotal = (r: number) => cells[r]!.reduce((a, b) => a + b, 0);
  const columnTotal = (k: number) => cells.reduce((a, row) => a + row[k]!, 0);
  const total = cells.reduce((a, row) => a + row.reduce((x, y) => x + y, 0), 0);
  return {
    cells,
    grid: {
      rows: months.length,
      columns: columns.length,
      value: (r, k) => (r === months.length ? (k === columns.length ? total : columnTotal(k)) : k === columns.length ? rowTotal(r) : cells[r]![k]!),
    },
  };
}

/** The positions of one line: a row r (cells and its total), or a column k (cells and its total). */
function lines(grid: Grid): [number, number][][] {
  const all: [number, number][][] = [];
  for (let r = 0; r <= grid.rows; r++) all.push(Array.from({ length: grid.columns + 1 }, (_, k): [number, number] => [r, k]));
  for (let k = 0; k <= grid.columns; k++) all.push(Array.from({ length: grid.rows + 1 }, (_, r): [number, number] => [r, k]));
  return all;
}

/** The figure to withhold beside a line's only withheld one: the smallest non-zero cell, then a non-zero total, then a zero. */
function complement(grid: Grid, line: readonly [number, number][], withheld: boolean[][]): [number, number] | null {
  const open = line.filter(([r, k]) => !withheld[r]![k]);
  const isTotal = ([r, k]: [number, number]) => r === grid.rows || k === grid.columns;
  const rank = (p: [number, number]) => (grid.value(...p) > 0 ? (isTotal(p) ? 1 : 0) : isTotal(p) ? 3 : 2);
  const sorted = [...open].sort((a, b) => rank(a) - rank(b) || grid.value(...a) - grid.value(...b));
  return sorted[0] ?? null;
}

/** Positions [grid, row, column] that hold the same figure in different grids. */
export type Link = readonly (readonly [number, number, number])[];

/**
 * Which figures of several grids are withheld: primary then complementary suppression, repeated until every line of
 * every grid has none or at least two withheld; the positions of each link are withheld together.
 */
export function suppressJointly(grids: readonly Grid[], links: readonly Link[], policy: DisclosurePolicy): boolean[][][] {
  const masks = grids.map((g) => Array.from({ length: g.rows + 1 }, (_, r) => Array.from({ length: g.columns + 1 }, (_, k) => isDisclosive(g.value(r, k), policy))));
  const allLines = grids.map(lines);
  for (let changed = true; changed;) {
    changed = false;
    for (const link of links) {
      if (!link.some(([i, r, k]) => masks[i]![r]![k])) continue;
      for (const [i, r, k] of link) {
        if (!masks[i]![r]![k]) {
          masks[i]![r]![k] = true;
          changed = true;
        }
      }
    }
    for (const [i, grid] of grids.entries()) {
      const mask = masks[i]!;
      for (const line of allLines[i]!) {
        if (line.filter(([r, k]) => mask[r]![k]).length !== 1) continue;
        const next = complement(grid, line, mask);
        if (next) {
          mask[next[0]]![next[1]] = true;
          changed = true;
        }
      }
    }
  }
  return masks;
}

/** The year by directorate and category, from the monthly grids' cells. */
function crossGrid(categoryCount: number, directorateColumns: readonly string[], counts: readonly TrendCount[], categoryColumns: readonly string[]): Grid {
  const cells = directorateColumns.map(() => Array.from({ length: categoryCount }, () => 0));
  for (const c of counts) {
    const r = directorateColumns.indexOf(c.directorate ?? NOT_GIVEN);
    const k = categoryColumns.indexOf(c.category);
    if (r >= 0 && k >= 0) cells[r]![k]! += c.count;
  }
  const total = cells.flat().reduce((a, b) => a + b, 0);
  return {
    rows: directorateColumns.length,
    columns: categoryCount,
    value: (r, k) => (r === directorateColumns.length
      ? (k === categoryCount ? total : cells.reduce((a, row) => a + row[k]!, 0))
      : k === categoryCount ? cells[r]!.reduce((a, b) => a + b, 0) : cells[r]![k]!),
  };
}

/**
 * The year's trends from its counts. `policy` null shows every figure (for the organisation's handlers); otherwise
 * figures are withheld as above. Categories and directorates are shown in the order given, with any found in the
 * counts but no longer in the lists added after them (and "not given" last among directorates).
 */
export function trendsOf(
  months: readonly string[], categories: readonly string[], directorates: readonly string[], counts: readonly TrendCount[], policy: DisclosurePolicy | null,
): Trends {
  const inMonths = counts.filter((c) => months.includes(c.month) && c.count > 0);
  const extra = (known: readonly string[], found: (string | null)[]) => [...new Set(found.filter((f): f is string => f !== null && !known.includes(f)))].sort();
  const categoryColumns = [...categories, ...extra(categories, inMonths.map((c) => c.category))];
  const directorateColumns = [...directorates.filter((d) => d !== NOT_GIVEN), ...extra(directorates, inMonths.map((c) => c.directorate)), NOT_GIVEN];
  const byCategory = gridOf(months, categoryColumns, inMonths, (c) => c.category);
  const byDirectorate = gridOf(months, directorateColumns, inMonths, (c) => c.directorate ?? NOT_GIVEN);
  const cross = crossGrid(categoryColumns.length, directorateColumns, inMonths, categoryColumns);
  const grids = [byCategory.grid, byDirectorate.grid, cross];
  const R = months.length;
  const C = categoryColumns.length;
  const D = directorateColumns.length;
  const links: Link[] = [
    // Each month's total, and the year's total in all three tables.
    ...months.map((_, r): Link => [[0, r, C], [1, r, D]]),
    [[0, R, C], [1, R, D], [2, D, C]],
    ...categoryColumns.map((_, k): Link => [[0, R, k], [2, D, k]]),
    ...directorateColumns.map((_, j): Link => [[1, R, j], [2, j, C]]),
  ];
  const masks = policy
    ? suppressJointly(grids, links, policy)
    : grids.map((g) => Array.from({ length: g.rows + 1 }, () => Array.from({ length: g.columns + 1 }, () => false)));
  const shown = (grid: Grid, mask: boolean[][], r: number, k: number): Shown => (mask[r]![k] ? null : grid.value(r, k));
  const table = (g: { grid: Grid }, mask: boolean[][], columns: string[]): TrendTable => ({
    columns,
    cells: months.map((_, r) => columns.map((_, k) => shown(g.grid, mask, r, k))),
    columnTotals: columns.map((_, k) => shown(g.grid, mask, months.length, k)),
  });
  const [categoryMask, directorateMask, crossMask] = masks as [boolean[][], boolean[][], boolean[][]];
  // The monthly tables' figures, as the trend pages show them; their shared totals counted once.
  const withheld = [categoryMask, directorateMask].reduce((n, m) => n + m.flat().filter(Boolean).length, 0)
    - categoryMask.filter((row) => row[C]).length;
  return {
    months,
    monthTotals: months.map((_, r) => shown(byCategory.grid, categoryMask, r, categoryColumns.length)),
    total: shown(byCategory.grid, categoryMask, months.length, categoryColumns.length),
    byCategory: table(byCategory, categoryMask, categoryColumns),
    byDirectorate: table(byDirectorate, directorateMask, directorateColumns),
    byDirectorateAndCategory: {
      rows: directorateColumns,
      columns: categoryColumns,
      cells: directorateColumns.map((_, j) => categoryColumns.map((_, k) => shown(cross, crossMask, j, k))),
      rowTotals: directorateColumns.map((_, j) => shown(cross, crossMask, j, C)),
      columnTotals: categoryColumns.map((_, k) => shown(cross, crossMask, D, k)),
    },
    withheld,
  };
}
