/**
 * Opens the store Mirror runs on: PostgreSQL when DATABASE_URL is set, otherwise an embedded SQLite file in the
 * data folder (MIRROR_DATA_DIR, default ./data). Call `migrate()` on the result before use.
 */
import { resolve } from 'node:path';
import { openDatabase, type DatabaseHooks, type StoreConfig } from './database.ts';
import { KyselyStore } from './kysely-store.ts';
import type { Store } from './store.ts';

export type { DatabaseHooks, StoreConfig } from './database.ts';

export const SQLITE_FILE_NAME = 'mirror.sqlite';

export function storeConfigFromEnv(env: Readonly<Record<string, string | undefined>> = process.env): StoreConfig {
  const databaseUrl = env['DATABASE_URL']?.trim();
  if (databaseUrl) return { dialect: 'postgres', connectionString: databaseUrl };
  return { dialect: 'sqlite', file: resolve(env['MIRROR_DATA_DIR'] || 'data', SQLITE_FILE_NAME) };
}

export function createStore(config: StoreConfig, hooks: DatabaseHooks = {}): Store {
  return new KyselyStore(openDatabase(config, hooks));
}
