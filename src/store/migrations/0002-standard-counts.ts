/**
 * Counts for the standards beside WRES, one row per import version and standard: WDES counts, and the minimal
 * per-person pay inputs the pay gap pages need (no identifiers). Kept apart from wres_counts so that adding a
 * standard needs no change to the tables of the others.
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('standard_counts')
    .addColumn('import_version_id', 'integer', (c) => c.notNull().references('import_versions.id').onDelete('cascade'))
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('counts', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('standard_counts_pk', ['import_version_id', 'standard'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('standard_counts').execute();
}
