/**
 * Issue 14, item 1: the #InclusiveHR five-step challenge for any directorate.
 * - ihr_progress: one row per organisation, reporting year and directorate (as the staff file spells it): the steps
 *   marked done (a JSON array of step numbers), the team's own reading of the review, and the themes chosen (a JSON
 *   array of words).
 * - ihr_listening_notes: notes of listening sessions (title, day held, notes), which the page asks to hold no
 *   personal data.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('ihr_progress'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('directorate', 'text', (c) => c.notNull())
    .addColumn('steps_done', 'text', (c) => c.notNull())
    .addColumn('reading', 'text')
    .addColumn('themes', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('ihr_progress_one', ['organisation_id', 'year', 'directorate'])
    .execute();

  await withId(db.schema.createTable('ihr_listening_notes'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('directorate', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('ihr_listening_notes_held_on', sql`length(held_on) = 10`)
    .execute();
  await db.schema.createIndex('ihr_listening_notes_directorate').on('ihr_listening_notes').columns(['organisation_id', 'year', 'directorate']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['ihr_listening_notes', 'ihr_progress']) await db.schema.dropTable(table).execute();
}
