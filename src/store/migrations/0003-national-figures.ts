/**
 * National WRES figures an administrator enters from NHS England's yearly publication, so that comparisons can be
 * centred on the national relative likelihood. Only counts are kept, never a ratio: the ratio and its interval are
 * derived from them wherever they are shown. One row per reporting year and indicator (2, 3 or 4); entering the
 * same year and indicator again replaces the row.
 *
 * Counts, by indicator: 2, shortlisted (population) and appointed from shortlisting (events); 3, headcount and
 * entering the formal disciplinary process; 4, headcount and accessing non-mandatory training.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('national_figures'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('white_events', 'integer', (c) => c.notNull())
    .addColumn('white_population', 'integer', (c) => c.notNull())
    .addColumn('ethnic_minority_events', 'integer', (c) => c.notNull())
    .addColumn('ethnic_minority_population', 'integer', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The person is kept out of the row, not the figure, if their account is ever deleted.
    .addColumn('entered_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('entered_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('national_figures_year_indicator', ['year', 'indicator'])
    .addCheckConstraint('national_figures_indicator', sql`indicator in ('2', '3', '4')`)
    .addCheckConstraint('national_figures_counts', sql`white_events >= 0 and ethnic_minority_events >= 0
      and white_events <= white_population and ethnic_minority_events <= ethnic_minority_population`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('national_figures').execute();
}
