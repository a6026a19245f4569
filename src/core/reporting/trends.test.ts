import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { NOT_GIVEN, reportingMonths, reportingYearOf, type TrendCount, type Trends, trendsOf } from './trends.ts';

const P = DEFAULT_DISCLOSURE_POLICY;
const MONTHS = ['2025-04', '2025-05', '2025-06'];

/** Counts from a table of month rows × category columns, every report in directorate "d". */
function counts(categories: string[], rows: number[][], directorate: string | null = 'd'): TrendCount[] {
  return rows.flatMap((row, r) => row.map((count, k) => ({ month: MONTHS[r]!, category: categories[k]!, directorate, count })));
}

/** Every line of a table (each month's row with its total, each column with its total) has none or at least two withheld. */
function assertNoLoneWithheld(t: Trends, table: 'byCategory' | 'byDirectorate') {
  const { cells, columnTotals } = t[table];
  const rows = [...cells.map((row, r) => [...row, t.monthTotals[r]]), [...columnTotals, t.total]];
  const lines = [...rows, ...rows[0]!.map((_, k) => rows.map((row) => row[k]))];
  for (const line of lines) assert.notEqual(line.filter((v) => v === null).length, 1, `a line with one figure withheld: ${JSON.stringify(line)}`);
}

/** The year by directorate and category: every row and column with its total has none or at least two withheld, and its margins are the monthly tables' column totals. */
function assertCrossTableSafe(t: Trends) {
  const x = t.byDirectorateAndCategory;
  assert.deepEqual(x.rowTotals, t.byDirectorate.columnTotals, 'each directorate\'s year is the same figure, withheld alike');
  assert.deepEqual(x.columnTotals, t.byCategory.columnTotals, 'each category\'s year is the same figure, withheld alike');
  const rows = [...x.cells.map((row, j) => [...row, x.rowTotals[j]]), [...x.columnTotals, t.total]];
  const lines = [...rows, ...rows[0]!.map((_, k) => rows.map((row) => row[k]))];
  for (const line of lines) assert.notEqual(line.filter((v) => v === null).length, 1, `a line of the year by directorate with one figure withheld: ${JSON.stringify(line)}`);
}

test('a directorate\'s year by category (hand-worked): a small count takes a second with it, and the margins are withheld as in the monthly tables', () => {
  // One month; directorates x and y; categories A and B:
  //        A   B | year
  //   x:   3   9 | 12
  //   y:  10  20 | 30
  //      13  29 | 42
  // x/A = 3 is withheld; x's row would give it back (12 − 9), so x/B = 9 goes too; column A (13 − 10) takes y/A = 10,
  // and column B then y/B = 20. Nothing else is small, so the margins are shown.
  const list: TrendCount[] = [
    { month: MONTHS[0]!, category: 'A', directorate: 'x', count: 3 }, { month: MONTHS[0]!, category: 'B', directorate: 'x', count: 9 },
    { month: MONTHS[0]!, category: 'A', directorate: 'y', count: 10 }, { month: MONTHS[0]!, category: 'B', directorate: 'y', count: 20 },
  ];
  const t = trendsOf([MONTHS[0]!], ['A', 'B'], ['x', 'y'], list, P);
  assert.deepEqual(t.byDirectorateAndCategory.rows, ['x', 'y', NOT_GIVEN]);
  assert.deepEqual(t.byDirectorateAndCategory.cells, [[null, null], [null, null], [0, 0]]);
  assert.deepEqual(t.byDirectorateAndCategory.rowTotals, [12, 30, 0]);
  assert.deepEqual(t.byDirectorateAndCategory.columnTotals, [13, 29]);
  assertCrossTableSafe(t);
  // Without disclosure control (the handlers) every figure is there.
  assert.deepEqual(trendsOf([MONTHS[0]!], ['A', 'B'], ['x', 'y'], list, null).byDirectorateAndCategory.cells, [[3, 9], [10, 20], [0, 0]]);
});

test('reporting months run April to March, and a date belongs to the year its March closes', () => {
  assert.deepEqual(reportingMonths(2025), ['2024-04', '2024-05', '2024-06', '2024-07', '2024-08', '2024-09', '2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
  assert.equal(reportingYearOf('2024-04-01'), 2025);
  assert.equal(reportingYearOf('2025-03-31'), 2025);
  assert.equal(reportingYearOf('2025-04'), 2026);
});

test('a lone small cell takes a second cell withheld in its month and in its category (hand-worked)', () => {
  // Months × categories A B C, with totals:
  //   M1: 10  3 12 | 25
  //   M2:  9 11 20 | 40
  //   M3: 15 14  8 | 37
  //       34 28 40 | 102
  // B/M1 = 3 is withheld. M1's row would give it away (25 − 10 − 12), so the smallest other cell of M1, A/M1 = 10, is
  // withheld. Column A then has one withheld (34 − 9 − 15 = 10), so A/M2 = 9 goes; column B likewise takes B/M2 = 11.
  // M2 now has two withheld. Every line has none or two: A/M1 + B/M1 = 13 and A/M2 + B/M2 = 20 are known, no cell is.
  const t = trendsOf(MONTHS, ['A', 'B', 'C'], ['d'], counts(['A', 'B', 'C'], [[10, 3, 12], [9, 11, 20], [15, 14, 8]]), P);
  assert.deepEqual(t.byCategory.cells, [[null, null, 12], [null, null, 20], [15, 14, 8]]);
  assert.deepEqual(t.byCategory.columnTotals, [34, 28, 40]);
  assert.deepEqual(t.monthTotals, [25, 40, 37]);
  assert.equal(t.total, 102);
  assert.equal(t.withheld, 4);
  // The directorate table (all in "d", none not given) has nothing small and withholds nothing.
  assert.deepEqual(t.byDirectorate.columns, ['d', NOT_GIVEN]);
  assert.deepEqual(t.byDirectorate.cells, [[25, 0], [40, 0], [37, 0]]);
  assertNoLoneWithheld(t, 'byCategory');
});

test('a small month total is withheld in both tables, with a second month, so the year total gives neither away (hand-worked)', () => {
  // Categories A B:           Month totals:
  //   M1:  2  3 |  5            5 is withheld (as are 2 and 3).
  //   M2: 10 10 | 20            The column of month totals would give 5 away (46 − 20 − 21), so the smaller other
  //   M3: 12  9 | 21            month, M2 (20), is withheld too, in both tables and in the monthly series.
  //       24 22 | 46
  // Column A then takes A/M2 (10, smaller than 12); column B takes B/M3 (9, smaller than 10); M2's row already has two
  // (A/M2 and its total); M3's row now has one (B/M3), so it takes A/M3 (12). In the directorate table, d/M2 (its
  // month total's only other figure) goes with it.
  const t = trendsOf(MONTHS, ['A', 'B'], ['d'], counts(['A', 'B'], [[2, 3], [10, 10], [12, 9]]), P);
  assert.deepEqual(t.monthTotals, [null, null, 21]);
  assert.equal(t.total, 46);
  assert.deepEqual(t.byCategory.cells, [[null, null], [null, 10], [null, null]]);
  assert.deepEqual(t.byCategory.columnTotals, [24, 22]);
  assert.deepEqual(t.byDirectorate.cells, [[null, 0], [null, 0], [21, 0]]);
  assertNoLoneWithheld(t, 'byCategory');
  assertNoLoneWithheld(t, 'byDirectorate');
  // Differencing what is shown: 46 − 21 = 25 is M1 and M2 together; 22 − 10 = 12 is B/M1 and B/M3 together.
});

test('a small year total is withheld with everything that would give it away', () => {
  const t = trendsOf(MONTHS, ['A'], [], counts(['A'], [[2], [0], [3]], null), P);
  assert.equal(t.total, null);
  assert.deepEqual(t.monthTotals, [null, 0, null]);
  assert.deepEqual(t.byDirectorate.columns, [NOT_GIVEN]);
  assert.deepEqual(t.byDirectorate.columnTotals, [null]);
  assertNoLoneWithheld(t, 'byCategory');
  assertNoLoneWithheld(t, 'byDirectorate');
});

test('without disclosure control (the handlers) every count is shown; unknown keys come after the lists', () => {
  const t = trendsOf(MONTHS, ['A'], ['d'], [
    { month: '2025-04', category: 'A', directorate: 'd', count: 1 },
    { month: '2025-05', category: 'old', directorate: 'gone', count: 2 },
    { month: '2025-06', category: 'A', directorate: null, count: 3 },
    { month: '2026-01', category: 'A', directorate: null, count: 50 },
  ], null);
  assert.deepEqual(t.byCategory.columns, ['A', 'old']);
  assert.deepEqual(t.byDirectorate.columns, ['d', 'gone', NOT_GIVEN]);
  assert.deepEqual(t.byCategory.cells, [[1, 0], [0, 2], [3, 0]]);
  assert.deepEqual(t.monthTotals, [1, 2, 3]);
  assert.equal(t.total, 6, 'counts outside the months are left out');
  assert.equal(t.withheld, 0);
});

test('in many generated tables, no line of either table ever has exactly one figure withheld', () => {
  let seed = 7;
  const random = () => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed / 2147483648;
  };
  for (let run = 0; run < 300; run++) {
    const months = reportingMonths(2025);
    const list: TrendCount[] = [];
    for (const month of months) {
      for (const category of ['A', 'B', 'C', 'D']) {
        for (const directorate of ['x', 'y', null]) {
          const count = random() < 0.5 ? 0 : Math.floor(random() * (run % 3 === 0 ? 4 : 12));
          if (count > 0) list.push({ month, category, directorate, count });
        }
      }
    }
    const t = trendsOf(months, ['A', 'B', 'C', 'D'], ['x', 'y'], list, P);
    assertNoLoneWithheld(t, 'byCategory');
    assertNoLoneWithheld(t, 'byDirectorate');
    assertCrossTableSafe(t);
    const shown = [...t.byCategory.cells.flat(), ...t.byDirectorate.cells.flat(), ...t.monthTotals, t.total, ...t.byCategory.columnTotals, ...t.byDirectorate.columnTotals, ...t.byDirectorateAndCategory.cells.flat()];
    assert.ok(shown.every((v) => v === null || v === 0 || v >= 8), 'no count of 1 to 7 is shown');
  }
});
