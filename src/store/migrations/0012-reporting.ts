/**
 * Reporting racism and discrimination (issue 12, "Hear"). Four tables:
 * - report_settings: an organisation's lists (categories, directorates, handler roles, as JSON), which role each
 *   category goes to, and how many months a closed case is kept;
 * - report_handlers: who holds which handler role in an organisation (any Mirror account; no membership needed);
 * - report_cases: one report. Its content and any name or contact are sealed (encrypted with the reporting key,
 *   which is never in the database); the receipt is kept only as a keyed slow hash. Dates are kept to the day
 *   ("YYYY-MM-DD" text on both databases): no time of day, no address, no browser;
 * - report_messages: the conversation and the handlers' private notes, sealed, ordered by a sequence number, each
 *   with its day only.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId }: DialectColumns): Promise<void> {
  await db.schema.createTable('report_settings')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('directorates', 'text', (c) => c.notNull())
    .addColumn('handler_roles', 'text', (c) => c.notNull())
    .addColumn('routing', 'text', (c) => c.notNull())
    .addColumn('retention_months', 'integer', (c) => c.notNull())
    .addCheckConstraint('report_settings_retention', sql`retention_months between 1 and 120`)
    .execute();

  await db.schema.createTable('report_handlers')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role_key', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addPrimaryKeyConstraint('report_handlers_pk', ['organisation_id', 'role_key', 'user_id'])
    .execute();
  await db.schema.createIndex('report_handlers_user').on('report_handlers').column('user_id').execute();

  await withId(db.schema.createTable('report_cases'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('receipt_hash', 'text', (c) => c.notNull().unique())
    .addColumn('route', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('directorate', 'text')
    .addColumn('wanted', 'text', (c) => c.notNull())
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('contact', 'text')
    .addColumn('handler_role', 'text')
    .addColumn('assigned_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('closing_outcome', 'text')
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('closed_on', 'text')
    .addColumn('awaiting_handler', 'boolean', (c) => c.notNull())
    .addCheckConstraint('report_cases_route', sql`route in ('anonymous', 'confidential', 'named')`)
    .addCheckConstraint('report_cases_status', sql`status in ('received', 'triaged', 'assigned', 'in-progress', 'closed')`)
    .addCheckConstraint('report_cases_contact', sql`(route = 'anonymous' and contact is null) or route <> 'anonymous'`)
    .execute();
  await db.schema.createIndex('report_cases_organisation').on('report_cases').column('organisation_id').execute();

  await withId(db.schema.createTable('report_messages'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('report_cases.id').onDelete('cascade'))
    .addColumn('sequence', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('author_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('written_on', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_messages_sequence', ['case_id', 'sequence'])
    .addCheckConstraint('report_messages_kind', sql`kind in ('reporter', 'handler', 'note')`)
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['report_messages', 'report_cases', 'report_handlers', 'report_settings']) await db.schema.dropTable(table).execute();
}
