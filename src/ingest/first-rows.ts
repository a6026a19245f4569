/**
 * The row each identifier of a file was first seen on, for the duplicate check every id column has: the ids numbered
 * by an open-addressing table (core/util/string-numbers.ts, where a Map was a large part of reading a national file),
 * each number's first row beside it.
 */
import { StringNumbers } from '../core/util/string-numbers.ts';

export class FirstRows {
  readonly #ids = new StringNumbers();
  readonly #rows: number[] = [];

  /** The row `id` was first seen on; undefined when this is the first time, which records it on `row`. */
  firstRow(id: string, row: number): number | undefined {
    const number = this.#ids.add(id);
    if (number < this.#rows.length) return this.#rows[number];
    this.#rows.push(row);
    return undefined;
  }
}
