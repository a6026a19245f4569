/**
 * Runs a store test once on SQLite (a temporary file) and once on PostgreSQL (a new database, dropped afterwards).
 * PostgreSQL is found at TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/postgres. If it cannot be
 * reached, its tests are skipped with the reason, except in CI (CI=true), where they fail: CI must test both.
 */
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test, type TestContext } from 'node:test';
import pg from 'pg';
import { openDatabase } from '../../src/store/database.ts';
import { KyselyStore } from '../../src/store/kysely-store.ts';
import type { SqlDialect } from '../../src/store/migrations/column-types.ts';

export const DIALECTS: readonly SqlDialect[] = ['sqlite', 'postgres'];

export interface TestStore {
  readonly store: KyselyStore;
  /** Opens a second store on the same database, e.g. to check what another process would see. */
  reopen(): KyselyStore;
  /** How the database was opened, for code that opens its own connection (an import's worker thread). */
  readonly config: Parameters<typeof openDatabase>[0];
}

export interface EachDialectOptions {
  /** Run migrations before the test (default true). */
  readonly migrate?: boolean;
}

export function testEachDialect(
  name: string,
  body: (context: TestStore, t: TestContext) => Promise<void>,
  options: EachDialectOptions = {},
): void {
  for (const dialect of DIALECTS) {
    test(`${name} [${dialect}]`, async (t) => {
      const database = await createTestDatabase(dialect, t);
      if (!database) return;
      const opened: KyselyStore[] = [];
      const reopen = () => {
        const store = new KyselyStore(openDatabase(database.config));
        opened.push(store);
        return store;
      };
      try {
        const store = reopen();
        if (options.migrate ?? true) await store.migrate();
        await body({ store, reopen, config: database.config }, t);
      } finally {
        for (const store of opened) await store.close();
        await database.drop();
      }
    });
  }
}

export interface TestDatabase {
  readonly config: Parameters<typeof openDatabase>[0];
  drop(): Promise<void>;
}

export async function createTestDatabase(dialect: SqlDialect, t: TestContext): Promise<TestDatabase | null> {
  if (dialect === 'sqlite') {
    const folder = await mkdtemp(join(tmpdir(), 'mirror-store-'));
    return { config: { dialect: 'sqlite', file: join(folder, 'mirror.sqlite') }, drop: () => rm(folder, { recursive: true, force: true }) };
  }
  const unreachable = await postgresUnreachable();
  if (unreachable) {
    const message = `PostgreSQL not reachable at ${safeUrl(adminUrl())} (${unreachable})`;
    if (process.env['CI'] === 'true') {
      throw new Error(`${message}. CI must run the store tests on PostgreSQL: start it or set TEST_DATABASE_URL.`);
    }
    warnOnce(`\n*** SKIPPING PostgreSQL store tests: ${message}. Start PostgreSQL or set TEST_DATABASE_URL to run them. ***\n`);
    t.skip(message);
    return null;
  }
  const name = `mirror_test_${randomBytes(6).toString('hex')}`;
  await adminQuery(`CREATE DATABASE ${name}`);
  const url = new URL(adminUrl());
  url.pathname = `/${name}`;
  return {
    config: { dialect: 'postgres', connectionString: url.toString(), maxConnections: 5 },
    drop: () => adminQuery(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

export function adminUrl(): string {
  return process.env['TEST_DATABASE_URL'] || 'postgres://postgres@127.0.0.1:5432/postgres';
}

function safeUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(an invalid TEST_DATABASE_URL)';
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl(), connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

let reachability: Promise<string | null> | undefined;

/** Null when PostgreSQL answers, otherwise why not; asked once per test file. */
function postgresUnreachable(): Promise<string | null> {
  reachability ??= adminQuery('SELECT 1').then(
    () => null,
    (error: unknown) => (error instanceof Error ? error.message || error.name : String(error)),
  );
  return reachability;
}

let warned = false;
function warnOnce(message: string): void {
  if (warned) return;
  warned = true;
  process.stderr.write(message);
}
