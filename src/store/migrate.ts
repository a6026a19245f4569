/**
 * Applies pending migrations with Kysely's Migrator. All pending migrations run in one transaction on both
 * databases (see database.ts for SQLite), so a failure leaves the schema exactly as it was.
 */
import { Migrator, type Kysely, type Migration } from 'kysely';

/** Runs every pending migration and returns the names applied (none when the schema is up to date). */
// Migrations work on the database as it is, whatever schema.ts says, so they take an untyped Kysely.
export async function runMigrations(db: Kysely<any>, migrations: Readonly<Record<string, Migration>>): Promise<string[]> {
  const migrator = new Migrator({ db, provider: { getMigrations: async () => ({ ...migrations }) } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(`migration failed: ${String(error)}`);
  return (results ?? []).filter((result) => result.status === 'Success').map((result) => result.migrationName);
}
