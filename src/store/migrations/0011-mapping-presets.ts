/**
 * Mapping presets (issue 16, item 3): a column mapping saved under a name, for one kind of file, that any
 * organisation's import can recognise and use. It holds headings only, never data. The organisation and person
 * who saved it are kept; deleting either leaves the preset in place. A name is used once per kind of file.
 */
import type { Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('mapping_presets'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('mapping_presets_name_kind', ['name', 'kind'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('mapping_presets').execute();
}
