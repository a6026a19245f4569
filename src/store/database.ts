/**
 * Opens the Kysely database for either SQLite (a file under the data folder, the embedded default) or
 * PostgreSQL (a connection pool, when DATABASE_URL is set).
 *
 * Neither lets the database stop the process: a PostgreSQL connection that drops, idle or in use, fails only the
 * queries on it (the pool makes a new one for the next), and a SQLite statement that finds the file locked by
 * another process waits for it without holding up Node, then fails with SQLITE_BUSY (see database-errors.ts).
 */
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import SqliteDatabase from 'better-sqlite3';
import {
  CompiledQuery, Kysely, PostgresDialect, SqliteAdapter, SqliteDialect, SqliteDriver,
  type DatabaseConnection, type DialectAdapter, type Driver, type QueryResult, type SqliteDialectConfig,
} from 'kysely';
import type pg from 'pg';
import { PostgresConnections } from './bulk-writes.ts';
import { isSqliteBusyCode } from './database-errors.ts';
import { ensurePrivateFile, ensurePrivateFolder } from './file-modes.ts';
import type { SqlDialect } from './migrations/column-types.ts';
import type { Database } from './schema.ts';
import { SqliteValuesPlugin } from './sqlite-values-plugin.ts';
import { StatementCachingConnection } from './sqlite-statements.ts';

export type StoreConfig =
  | {
    readonly dialect: 'sqlite';
    readonly file: string;
    /** How long a statement waits for another process's write to finish before failing (default 5 seconds). */
    readonly busyTimeoutMs?: number;
  }
  | { readonly dialect: 'postgres'; readonly connectionString: string; readonly maxConnections?: number };

export const DEFAULT_BUSY_TIMEOUT_MS = 5000;

const require = createRequire(import.meta.url);

/** PostgreSQL's driver, loaded when a store on PostgreSQL is opened: a process on SQLite never loads it. */
function postgresDriver(): typeof pg {
  return require('pg') as typeof pg;
}

export interface OpenDatabase {
  readonly db: Kysely<Database>;
  readonly dialect: SqlDialect;
  /** PostgreSQL's connections, for an import's COPY on its transaction's own connection (bulk-writes.ts). */
  readonly connections?: PostgresConnections;
  /** SQLite's one connection, for an import's prepared INSERTs run inside its transaction. */
  readonly sqlite?: SqliteDatabase.Database;
  /** From DatabaseHooks: told when a write waits for another process's (the store tells it for PostgreSQL). */
  readonly onBusy?: () => void;
}

/** What a process may want to know about its connection, kept apart from StoreConfig, which is plain data. */
export interface DatabaseHooks {
  /**
   * Told when a write has to wait for another process's to finish (to say so on the command line): on SQLite any
   * statement that finds the file locked; on PostgreSQL an import of an organisation another import is writing.
   */
  readonly onBusy?: () => void;
}

export function openDatabase(config: StoreConfig, hooks: DatabaseHooks = {}): OpenDatabase {
  return config.dialect === 'sqlite'
    ? { ...openSqlite(config.file, config.busyTimeoutMs ?? DEFAULT_BUSY_TIMEOUT_MS, hooks.onBusy), dialect: 'sqlite' }
    : openPostgresDatabase(config.connectionString, config.maxConnections ?? 10, hooks);
}

function openPostgresDatabase(connectionString: string, max: number, hooks: DatabaseHooks): OpenDatabase {
  const connections = new PostgresConnections();
  const db = openPostgres(connectionString, max, connections);
  return { db, dialect: 'postgres', connections, ...(hooks.onBusy ? { onBusy: hooks.onBusy } : {}) };
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

/**
 * SQLite's own busy handler waits inside the synchronous call, which would stop every request in the process for as
 * long as another process (a command-line import, say) holds the write lock. So SQLite is told not to wait
 * (busy_timeout 0), and a statement that finds the database locked is tried again after a pause, asynchronously,
 * until the busy timeout has passed. Trying a statement again is safe: a busy statement has done nothing, and our
 * transactions take the write lock when they begin, so only a BEGIN or a statement outside a transaction is busy.
 */
class BusyWaitingConnection implements DatabaseConnection {
  constructor(
    private readonly inner: DatabaseConnection,
    private readonly timeoutMs: number,
    private readonly onBusy: (() => void) | undefined,
  ) {}

  async executeQuery<R>(compiledQuery: CompiledQuery): Promise<QueryResult<R>> {
    const started = Date.now();
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      try {
        return await this.inner.executeQuery<R>(compiledQuery);
      } catch (error) {
        const code = (error as { code?: unknown }).code;
        if (typeof code !== 'string' || !isSqliteBusyCode(code) || Date.now() - started >= this.timeoutMs) throw error;
        if (pause === 5) this.onBusy?.();
        await sleep(Math.min(pause, Math.max(1, this.timeoutMs - (Date.now() - started))));
      }
    }
  }

  streamQuery<R>(compiledQuery: CompiledQuery, chunkSize?: number): AsyncIterableIterator<QueryResult<R>> {
    return this.inner.streamQuery<R>(compiledQuery, chunkSize);
  }
}

class MirrorSqliteDriver extends ImmediateTransactionSqliteDriver {
  #connection: BusyWaitingConnection | undefined;

  constructor(
    config: SqliteDialectConfig & { readonly database: SqliteDatabase.Database },
    private readonly busyTimeoutMs: number,
    private readonly onBusy: (() => void) | undefined,
  ) {
    super(config);
    this.#database = config.database;
  }

  readonly #database: SqliteDatabase.Database;

  override async acquireConnection(): Promise<DatabaseConnection> {
    const connection = await super.acquireConnection();
    this.#connection ??= new BusyWaitingConnection(new StatementCachingConnection(connection, this.#database), this.busyTimeoutMs, this.onBusy);
    return this.#connection;
  }
}

class MirrorSqliteDialect extends SqliteDialect {
  readonly #config: SqliteDialectConfig & { readonly database: SqliteDatabase.Database };

  constructor(config: SqliteDialectConfig & { readonly database: SqliteDatabase.Database }, private readonly busyTimeoutMs: number, private readonly onBusy: (() => void) | undefined) {
    super(config);
    this.#config = config;
  }

  override createDriver(): Driver {
    return new MirrorSqliteDriver(this.#config, this.busyTimeoutMs, this.onBusy);
  }

  override createAdapter(): DialectAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}

/** The file name that opens a private database in memory, gone when it is closed (for tests). */
export const SQLITE_IN_MEMORY = ':memory:';

function openSqlite(file: string, busyTimeoutMs: number, onBusy: (() => void) | undefined): { db: Kysely<Database>; sqlite: SqliteDatabase.Database } {
  const inMemory = file === SQLITE_IN_MEMORY;
  // Only the account Mirror runs as may read the database. SQLite gives its -wal and -shm files the main file's
  // mode, so making the main file 0600 before SQLite first opens it covers all three.
  if (!inMemory) {
    ensurePrivateFolder(dirname(file));
    ensurePrivateFile(file);
  }
  const database = new SqliteDatabase(file);
  // Waiting is done by BusyWaitingConnection, without holding up the process. Switching to WAL can itself find the
  // file busy when another process is opening it at the same moment, so that one statement may wait in SQLite.
  database.pragma(`busy_timeout = ${busyTimeoutMs}`);
  // WAL lets readers carry on while an import writes; NORMAL sync is durable enough under WAL and much faster.
  // A database in memory has one connection and no file, so it keeps SQLite's memory journal.
  if (!inMemory) database.pragma('journal_mode = WAL');
  database.pragma('synchronous = NORMAL');
  database.pragma('foreign_keys = ON');
  database.pragma('busy_timeout = 0');
  const db = new Kysely<Database>({
    dialect: new MirrorSqliteDialect({ database }, busyTimeoutMs, onBusy),
    plugins: [new SqliteValuesPlugin()],
  });
  return { db, sqlite: database };
}

function openPostgres(connectionString: string, max: number, connections: PostgresConnections): Kysely<Database> {
  const pool = new (postgresDriver().Pool)({ connectionString, max });
  // A connection that drops (PostgreSQL restarted, or an administrator ended it) emits 'error'; without a listener
  // Node would stop the whole process. The pool listens while a connection is idle and then discards it; a
  // connection in use needs its own listener: the query on it fails by itself (and the request with a 503), and
  // the pool discards the connection when it is released. The next query gets a fresh connection.
  pool.on('error', () => {});
  pool.on('connect', (client) => {
    client.on('error', () => {});
    connections.track(client);
  });
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
