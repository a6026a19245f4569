/**
 * Queries built and compiled once and then run with each call's values. Kysely builds and compiles a query afresh on
 * every call, which for the small queries every signed-in page makes (its session, its organisation's current
 * versions) costs more than running them. The query is built with markers in place of the values, compiled (plugins
 * and all, so SQLite's values plugin has done its work on everything else), and each run puts its own values where
 * the markers are. A Date is given as its ISO 8601 text, as SQLite's values plugin writes it; PostgreSQL reads that
 * text as the same instant.
 */
import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';

const MARKER = '\u0000mirror-value-';

export type Runnable<Row, Values extends readonly unknown[]> = (...values: Values) => Promise<Row[]>;

/**
 * The query `build` makes, compiled at its first run. `build` is given one marker for each value (`count` of them),
 * to use exactly where the values go; each must land in the compiled query as a value of its own.
 */
export function compiledOnce<Row, Values extends readonly unknown[]>(
  db: Kysely<Database>,
  count: Values['length'],
  build: (...markers: Values) => Compilable<Row>,
): Runnable<Row, Values> {
  let compiled: { readonly query: CompiledQuery<Row>; readonly slots: readonly (number | null)[] } | undefined;
  return async (...values) => {
    if (!compiled) {
      const markers = Array.from({ length: count }, (_, i) => `${MARKER}${i}`) as unknown as Values;
      const query = build(...markers).compile();
      const slots = query.parameters.map((p) => (typeof p === 'string' && p.startsWith(MARKER) ? Number(p.slice(MARKER.length)) : null));
      for (let i = 0; i < count; i++) {
        if (!slots.includes(i)) throw new Error(`compiledOnce: value ${i} is not a value of the compiled query`);
      }
      compiled = { query, slots };
    }
    const { query, slots } = compiled;
    const parameters = query.parameters.map((p, i) => {
      const slot = slots[i];
      if (slot === null || slot === undefined) return p;
      const value = values[slot];
      return value instanceof Date ? value.toISOString() : value;
    });
    return (await db.executeQuery<Row>({ ...query, parameters })).rows;
  };
}
