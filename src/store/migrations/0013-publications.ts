/**
 * Publications (issue 13): an organisation's year prepared as a draft and, once an administrator approves it,
 * published as a numbered version. `snapshot` is the JSON of the report exactly as the public sees it, disclosure
 * control already applied; nothing changes a published row (the store has no way to). A correction is a new version
 * with its note; earlier versions stay. A draft has no version number until it is published.
 */
import type { Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('publications'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('version', 'integer')
    .addColumn('snapshot', 'text', (c) => c.notNull())
    .addColumn('correction_note', 'text')
    .addColumn('prepared_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('prepared_at', timestamp, (c) => c.notNull())
    .addColumn('approved_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('published_at', timestamp)
    .addUniqueConstraint('publications_organisation_year_version', ['organisation_id', 'year', 'version'])
    .execute();
  await db.schema.createIndex('publications_organisation_year').on('publications').columns(['organisation_id', 'year']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('publications').execute();
}
