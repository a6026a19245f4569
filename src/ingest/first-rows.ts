/**
 * The row each identifier of a file was first seen on, for the duplicate check every id column has: the ids numbered
 * by an open-addressing table (core/util/string-numbers.ts, where a Map was a large part of reading a national file),
 * each number's first row beside it. The table may be one a counter numbers the same ids in (the staff file's
 * staff_ids, core/counting/stream-count.ts `staffIds`), so that each id is placed in one table rather than two.
 *
 * With a table of its own, nothing is placed in it while each id is greater than the one before (a file sorted by
 * its ids, as exports often are): ids in increasing order cannot repeat, so they are only kept in a list, in order,
 * and placed in the table, with their numbers in that order, at the first id that is not. Placing a large file's
 * ids in a table costs a miss of the processor's caches for each; the list costs none.
 */
import { ownCopy } from '../core/util/memoise.ts';
import { StringNumbers } from '../core/util/string-numbers.ts';

export class FirstRows {
  readonly #ids: StringNumbers;
  /** The ids so far, while each is greater than the one before; null once one was not (they are then in #ids). */
  #increasing: string[] | null;
  /** By id number (or place in #increasing): the row it was first seen on here (none for an id the table had from elsewhere). */
  readonly #rows: number[] = [];
  #expected = 0;

  /** `ids`: a table shared with a counter (see above), which is given every id as it comes. */
  constructor(ids?: StringNumbers) {
    this.#ids = ids ?? new StringNumbers();
    this.#increasing = ids === undefined ? [] : null;
  }

  /** Makes room for `count` ids in all, from an estimate of the file's rows, so the table need not grow as they come. */
  reserve(count: number): void {
    this.#expected = count;
    if (this.#increasing === null) this.#ids.reserve(count);
  }

  /** The row `id` was first seen on; undefined when this is the first time, which records it on `row`. */
  firstRow(id: string, row: number): number | undefined {
    const increasing = this.#increasing;
    if (increasing !== null) {
      const count = increasing.length;
      if (count === 0 || id > (increasing[count - 1] as string)) {
        // A copy of its own, as the table keeps (a long id cut from a piece of a file would keep all of that piece).
        increasing.push(ownCopy(id));
        this.#rows.push(row);
        return undefined;
      }
      this.#placeIncreasing(increasing);
    }
    const number = this.#ids.add(id);
    const rows = this.#rows;
    if (number < rows.length) {
      const first = rows[number];
      if (first !== undefined) return first;
    }
    // Numbers come in order when this is the only one adding ids, so the array grows by one each time; an id the
    // table had from elsewhere leaves a gap.
    rows[number] = row;
    return undefined;
  }

  /** The ids kept in order, placed in the table with their numbers (their places in the list). */
  #placeIncreasing(increasing: readonly string[]): void {
    this.#ids.reserve(Math.max(this.#expected, increasing.length));
    for (const earlier of increasing) this.#ids.add(earlier);
    this.#increasing = null;
  }
}
