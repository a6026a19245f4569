/**
 * The row each identifier of a file was first seen on, for the duplicate check every id column has: the ids numbered
 * by an open-addressing table (core/util/string-numbers.ts, where a Map was a large part of reading a national file;
 * ids that come in increasing order are only listed there until one does not), each number's first row beside it.
 * The table may be one a counter numbers the same ids in (the staff file's staff_ids,
 * core/counting/stream-count.ts `staffIds`), so that each id is numbered in one table rather than two.
 */
import { StringNumbers } from '../core/util/string-numbers.ts';

export class FirstRows {
  readonly #ids: StringNumbers;
  /** By id number: the row it was first seen on here (none for an id the table had from elsewhere). */
  readonly #rows: number[] = [];

  /** `ids`: a table shared with a counter (see above). */
  constructor(ids: StringNumbers = new StringNumbers()) {
    this.#ids = ids;
  }

  /** Makes room for `count` ids in all, from an estimate of the file's rows, so the table need not grow as they come. */
  reserve(count: number): void {
    this.#ids.reserve(count);
  }

  /** The row `id` was first seen on; undefined when this is the first time, which records it on `row`. */
  firstRow(id: string, row: number): number | undefined {
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
}
