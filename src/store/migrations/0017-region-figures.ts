/**
 * Issue 15 item 6: the regional and national view's headline figures of each import, as they may leave, so the view
 * reads one row an organisation instead of working out two whole reports. One row per import version and recipe (what
 * the figures were worked out by: the standards' indicators, the disclosure policy, the format and Mirror's version),
 * with the version of the year before that the figures also read (WRES indicator 3), so they are worked out again when
 * that year is imported again. Both versions' rows go with them when either is deleted. The rows are derived: emptying
 * the table loses nothing, as the view works out and keeps again whatever it does not find.
 */
import type { Kysely } from 'kysely';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema.createTable('region_figures')
    .addColumn('import_version_id', 'integer', (c) => c.notNull().references('import_versions.id').onDelete('cascade'))
    .addColumn('recipe', 'text', (c) => c.notNull())
    .addColumn('previous_version_id', 'integer', (c) => c.references('import_versions.id').onDelete('cascade'))
    .addColumn('figures', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('region_figures_pk', ['import_version_id', 'recipe'])
    .execute();
  // Deleting a version finds the rows that read it as the year before's.
  await db.schema.createIndex('region_figures_previous').on('region_figures').column('previous_version_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('region_figures').execute();
}
