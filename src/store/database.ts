/**
 * Opens the Kysely database for either SQLite (a file under the data folder, the embedded default) or
 * PostgreSQL (a connection pool, when DATABASE_URL is set).
 */
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver,
  type DatabaseConnection, type DialectAdapter, type Driver, type SqliteDialectConfig,
} from 'kysely';
import pg from 'pg';
import type { SqlDialect } from './migrations/column-types.ts';
import type { Database } from './schema.ts';
import { SqliteValuesPlugin } from './sqlite-values-plugin.ts';

export type StoreConfig =
  | { readonly dialect: 'sqlite'; readonly file: string }
  | { readonly dialect: 'postgres'; readonly connectionString: string; readonly maxConnections?: number };

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
}

export function openDatabase(config: StoreConfig): OpenDatabase {
  return config.dialect === 'sqlite'
    ? { db: openSqlite(config.file), dialect: 'sqlite' }
    : { db: openPostgres(config.connectionString, config.maxConnections ?? 10), dialect: 'postgres' };
}

/** SQLite does roll back schema changes in a transaction; Kysely's adapter says otherwise only to be safe. */
class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

/**
 * Transactions take the write lock when they begin (BEGIN IMMEDIATE), not at their first write. Otherwise a
 * transaction that reads first (as an import does, for the next version number) could find, when it comes to
 * write, that another process wrote in between, and fail instead of waiting its turn.
 */
class ImmediateTransactionSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class MirrorSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig;

  constructor(config: SqliteDialectConfig) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new ImmediateTransactionSqliteDriver(this.#config);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

function openSqlite(file: string): Kysely<Database> {
  mkdirSync(dirname(file), { recursive: true });
  const database = new SqliteDatabase(file);
  // WAL lets readers carry on while an import writes; NORMAL sync is durable enough under WAL and much faster.
  database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 5000');
  return new Kysely<Database>({ dialect: new MirrorSqliteDialect({ database }), plugins: [new SqliteValuesPlugin()] });
}

function openPostgres(connectionString: string, max: number): Kysely<Database> {
  const pool = new pg.Pool({ connectionString, max });
  // An idle connection that drops is reported here; without a listener Node would stop the whole process.
  // The next query gets a fresh connection or a clear error, so there is nothing more to do.
  pool.on('error', () => {});
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
