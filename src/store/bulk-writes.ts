/**
 * Bulk writes of an import's records (ADR 0010). PostgreSQL: COPY (pg-copy-streams), rows streamed as CSV into the
 * transaction's own connection, three times as fast as multi-row INSERTs and as atomic, since COPY is a statement of
 * the transaction like any other; the connection is found by its backend process id among the pool's connections.
 * SQLite: a prepared INSERT of many rows at a time on its one connection.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { sql, type Kysely } from 'kysely';
import type SqliteDatabase from 'better-sqlite3';
import type pg from 'pg';
import type { from as CopyFrom } from 'pg-copy-streams';
import type { Database } from './schema.ts';
import { sqliteValue } from './sqlite-values-plugin.ts';

const require = createRequire(import.meta.url);

/** COPY's stream, from pg-copy-streams loaded when first wanted: a process on SQLite never loads it. */
const copyFrom: typeof CopyFrom = (text, options) => (require('pg-copy-streams') as { from: typeof CopyFrom }).from(text, options);

/** The pool's open connections by backend process id, kept as they connect and end. */
export class PostgresConnections {
  readonly #byBackend = new Map<number, pg.PoolClient>();

  track(client: pg.PoolClient): void {
    const pid = (client as { processID?: unknown }).processID;
    if (typeof pid !== 'number') return;
    this.#byBackend.set(pid, client);
    client.on('end', () => this.#byBackend.delete(pid));
  }

  /** The connection a transaction runs on, or null when it is not one of the pool's. */
  async of(trx: Kysely<Database>): Promise<pg.PoolClient | null> {
    const { rows } = await sql<{ pid: number }>`select pg_backend_pid() as pid`.execute(trx);
    const pid = rows[0]?.pid;
    return pid === undefined ? null : (this.#byBackend.get(Number(pid)) ?? null);
  }
}

/** A table's rows by index: its columns, and each row's values put into an array when it is written (import-records.ts). */
export interface RowSource {
  readonly length: number;
  readonly columns: readonly string[];
  /** Puts row `index`'s values, in the order of `columns`, into `into` from `at` on. */
  put(index: number, into: unknown[], at: number): void;
}

/** Rows per piece of progress reported. */
const PROGRESS_ROWS = 5_000;

/** Copies `rows` into `table` on `client`, telling `written` as pieces go. */
export async function copyRows(client: pg.PoolClient, table: string, rows: RowSource, written: (count: number) => void): Promise<void> {
  if (rows.length === 0) return;
  function* pieces(): Generator<Buffer> {
    for (let start = 0; start < rows.length; start += PROGRESS_ROWS) {
      const end = Math.min(rows.length, start + PROGRESS_ROWS);
      yield csvBytes(rows, start, end);
      written(end - start);
    }
  }
  await pipeline(Readable.from(pieces()), client.query(copyFrom(copyStatement(table, rows.columns))));
}

/**
 * Copies COPY's CSV, piece by piece as it comes (made by csvBytes elsewhere, perhaps on another thread, whose memory
 * was handed over), into `table`'s `columns` on `client`, telling `written` how many rows each piece held.
 */
export async function copyCsv(
  client: pg.PoolClient, table: string, columns: readonly string[], pieces: AsyncIterable<CsvPiece>, written: (count: number) => void,
): Promise<void> {
  async function* counted(): AsyncGenerator<Buffer> {
    for await (const piece of pieces) {
      yield Buffer.from(piece.bytes.buffer, piece.bytes.byteOffset, piece.bytes.byteLength);
      written(piece.rows);
    }
  }
  await pipeline(Readable.from(counted()), client.query(copyFrom(copyStatement(table, columns))));
}

/** Some rows in COPY's CSV format, as UTF-8, and how many. */
export interface CsvPiece {
  readonly bytes: Uint8Array;
  readonly rows: number;
}

/**
 * Rows `start` to `end` (not included) of `rows` in COPY's CSV format, a line each, as UTF-8 written straight into
 * one buffer: neither a string per piece (made of a string per value, then flattened and encoded again to be sent)
 * nor a copy to hand it to another thread. In COPY's CSV an unquoted empty value is NULL, so every text is quoted
 * (an empty text stays empty).
 */
export function csvBytes(rows: RowSource, start: number, end: number): Buffer {
  const width = rows.columns.length;
  const values: unknown[] = new Array(width);
  // Not from Node's shared pool, so that the memory is the piece's own and can be handed to another thread.
  let out = Buffer.allocUnsafeSlow(64 * 1024);
  let at = 0;
  const room = (bytes: number): void => {
    if (at + bytes <= out.length) return;
    const bigger = Buffer.allocUnsafeSlow(Math.max(out.length * 2, at + bytes));
    out.copy(bigger, 0, 0, at);
    out = bigger;
  };
  for (let i = start; i < end; i += 1) {
    rows.put(i, values, 0);
    for (let c = 0; c < width; c += 1) {
      const value = values[c];
      if (typeof value === 'boolean' || value === null || value === undefined) {
        room(2);
        if (c > 0) out[at++] = 0x2c;
        if (typeof value === 'boolean') out[at++] = value ? 0x74 : 0x66;
        continue;
      }
      // Numbers and dates in ASCII as they are; any other value as quoted text, its quotes doubled.
      const plain = typeof value === 'number' || typeof value === 'bigint' ? String(value) : value instanceof Date ? value.toISOString() : null;
      const text = plain ?? (typeof value === 'string' ? value : String(value));
      const quoted = plain === null && text.includes('"') ? text.replaceAll('"', '""') : text;
      // At most three bytes of UTF-8 for each UTF-16 unit, two quotes and a comma.
      room(quoted.length * 3 + 3);
      if (c > 0) out[at++] = 0x2c;
      if (plain !== null) {
        at += out.write(plain, at, 'latin1');
      } else {
        out[at++] = 0x22;
        at += out.write(quoted, at, 'utf8');
        out[at++] = 0x22;
      }
    }
    room(1);
    out[at++] = 0x0a;
  }
  return out.subarray(0, at);
}

function copyStatement(table: string, columns: readonly string[]): string {
  return `COPY ${quoteName(table)} (${columns.map(quoteName).join(', ')}) FROM STDIN WITH (FORMAT csv)`;
}

/**
 * Rows per run of SQLite's prepared INSERT: one statement for many rows costs a third less a row than a statement a
 * row (one call into SQLite and one statement step instead of many), kept well under SQLite's oldest limit of 999
 * values a statement.
 */
const SQLITE_ROWS_PER_STATEMENT = 32;
const SQLITE_MAX_VALUES = 999;

/**
 * SQLite: a prepared INSERT of many rows at a time (the rows left over, one at a time) on the connection the
 * import's transaction holds (better-sqlite3 is synchronous, so the statements are inside that transaction), values
 * turned as the Kysely plugin turns them, rows in their order. The process is given a turn between pieces of rows,
 * so progress can be shown.
 */
export async function insertPrepared(
  database: SqliteDatabase.Database, table: string, rows: RowSource, written: (count: number) => void,
): Promise<void> {
  if (rows.length === 0) return;
  const { columns } = rows;
  const width = columns.length;
  const perStatement = Math.max(1, Math.min(SQLITE_ROWS_PER_STATEMENT, Math.floor(SQLITE_MAX_VALUES / width)));
  const tuple = `(${columns.map(() => '?').join(', ')})`;
  const prefix = `INSERT INTO ${quoteName(table)} (${columns.map(quoteName).join(', ')}) VALUES `;
  const many = database.prepare(prefix + Array.from({ length: perStatement }, () => tuple).join(', '));
  const one = database.prepare(prefix + tuple);
  const manyValues: unknown[] = new Array(width * perStatement);
  const oneValues: unknown[] = new Array(width);
  const put = (into: unknown[], index: number, at: number) => {
    rows.put(index, into, at);
    for (let c = at; c < at + width; c += 1) into[c] = sqliteValue(into[c]);
  };
  for (let start = 0; start < rows.length; start += PROGRESS_ROWS) {
    const end = Math.min(rows.length, start + PROGRESS_ROWS);
    let i = start;
    for (; i + perStatement <= end; i += perStatement) {
      for (let r = 0; r < perStatement; r += 1) put(manyValues, i + r, r * width);
      many.run(manyValues);
    }
    for (; i < end; i += 1) {
      put(oneValues, i, 0);
      one.run(oneValues);
    }
    written(end - start);
    await new Promise((resolve) => setImmediate(resolve));
  }
}

function quoteName(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
