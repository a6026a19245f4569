/**
 * SQLite's prepared statements kept by their SQL, so a query asked again (the few a signed-in page makes on every
 * request) is not compiled again: Kysely's SQLite connection prepares every query afresh, and preparing costs about
 * as much as running a small query. Only queries run to completion are kept (executeQuery: all() or run() within the
 * one call); a streamed query (streamQuery) gets its own statement, as before, since it stays open while it is read.
 * Bounded: at most MAX_KEPT statements, the oldest kept first out, and no long SQL (an import's multi-row INSERTs).
 */
import type SqliteDatabase from 'better-sqlite3';
import type { CompiledQuery, DatabaseConnection, QueryResult } from 'kysely';

const MAX_KEPT = 256;
const MAX_SQL_LENGTH = 4096;

export class StatementCachingConnection implements DatabaseConnection {
  readonly #statements = new Map<string, SqliteDatabase.Statement>();

  constructor(
    private readonly inner: DatabaseConnection,
    private readonly database: SqliteDatabase.Database,
  ) {}

  #statement(sql: string): SqliteDatabase.Statement {
    const kept = this.#statements.get(sql);
    if (kept) return kept;
    const statement = this.database.prepare(sql);
    if (sql.length <= MAX_SQL_LENGTH) {
      if (this.#statements.size >= MAX_KEPT) this.#statements.delete(this.#statements.keys().next().value!);
      this.#statements.set(sql, statement);
    }
    return statement;
  }

  /** As Kysely's SqliteConnection.executeQuery, with the statement kept. */
  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const statement = this.#statement(compiledQuery.sql);
    const parameters = compiledQuery.parameters as unknown[];
    if (statement.reader) return { rows: statement.all(parameters) as R[] };
    const { changes, lastInsertRowid } = statement.run(parameters);
    return { numAffectedRows: BigInt(changes), insertId: BigInt(lastInsertRowid), rows: [] };
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}
