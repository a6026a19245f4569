/**
 * The first schema: organisations and their import versions, the pseudonymised records and counts of each
 * version, and the people, sessions and tokens of the web application, with the audit trail.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written, not as schema.ts describes it now.
type AnyDb = Kysely<any>;

const RECORD_TABLES = [
  'staff_records', 'application_records', 'disciplinary_records', 'training_records', 'board_records', 'survey_results',
] as const;

export async function up(db: AnyDb, columns: DialectColumns): Promise<void> {
  await createOrganisationsAndUsers(db, columns);
  await createImports(db, columns);
  await createRecordTables(db, columns);
  await createAccess(db, columns);
  await createAudit(db, columns);
}

export async function down(db: AnyDb): Promise<void> {
  const tables = [
    'audit_events', 'api_tokens', 'sessions', 'sign_in_links', 'memberships', 'column_mappings', 'wres_counts',
    ...RECORD_TABLES, 'import_versions', 'users', 'organisations',
  ];
  for (const table of tables) await db.schema.dropTable(table).execute();
}

async function createOrganisationsAndUsers(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('organisations'))
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('region', 'text')
    .addColumn('type', 'text')
    .addColumn('synthetic', 'boolean', (c) => c.notNull().defaultTo(false))
    .execute();

  await withId(db.schema.createTable('users'))
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('administrator', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('password_hash', 'text')
    .addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
}

async function createImports(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('import_versions'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('is_current', 'boolean', (c) => c.notNull())
    .addColumn('imported_at', timestamp, (c) => c.notNull())
    .addColumn('imported_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('sources', 'text', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addUniqueConstraint('import_versions_version_unique', ['organisation_id', 'year', 'version'])
    .execute();
  // The import transaction clears the old current version before adding the new; this index makes sure of it.
  await db.schema.createIndex('import_versions_one_current').unique()
    .on('import_versions').columns(['organisation_id', 'year'])
    .where(sql.ref('is_current'), '=', true)
    .execute();

  await db.schema.createTable('wres_counts')
    .addColumn('import_version_id', 'integer', (c) => c.primaryKey().references('import_versions.id').onDelete('cascade'))
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();

  await db.schema.createTable('column_mappings')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mapping', 'text', (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('column_mappings_pk', ['organisation_id', 'kind'])
    .execute();
}

async function createRecordTables(db: AnyDb, { withId }: DialectColumns): Promise<void> {
  const recordTable = (name: string) => withId(db.schema.createTable(name))
    .addColumn('import_version_id', 'integer', (c) => c.notNull().references('import_versions.id').onDelete('cascade'));

  await recordTable('staff_records')
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('ethnic_code', 'text', (c) => c.notNull())
    .addColumn('sub_code', 'text')
    .addColumn('census_2021', 'text')
    .addColumn('pay_band', 'text', (c) => c.notNull())
    .addColumn('staff_group', 'text', (c) => c.notNull())
    .addColumn('bank_only', 'boolean', (c) => c.notNull())
    .addColumn('directorate', 'text')
    .addColumn('gender', 'text')
    .addColumn('disability', 'text', (c) => c.notNull())
    .addColumn('fte', 'double precision')
    .addColumn('hourly_pay', 'double precision')
    .addColumn('start_date', 'text')
    .addColumn('international_recruit', 'boolean')
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();

  await recordTable('application_records')
    .addColumn('ethnic_code', 'text', (c) => c.notNull())
    .addColumn('sub_code', 'text')
    .addColumn('shortlisted', 'boolean', (c) => c.notNull())
    .addColumn('appointed', 'boolean', (c) => c.notNull())
    .addColumn('pay_band', 'text')
    .addColumn('staff_group', 'text')
    .addColumn('internal', 'boolean')
    .addColumn('international_recruit', 'boolean')
    .addColumn('application_date', 'text')
    .addColumn('disability', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();

  await recordTable('disciplinary_records')
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('ethnic_code', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();

  await recordTable('training_records')
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('ethnic_code', 'text')
    .addColumn('mandatory', 'boolean', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();

  await recordTable('board_records')
    .addColumn('ethnic_code', 'text', (c) => c.notNull())
    .addColumn('voting', 'boolean', (c) => c.notNull())
    .addColumn('executive', 'boolean', (c) => c.notNull())
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();

  await recordTable('survey_results')
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('ethnic_group', 'text', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('positive', 'integer', (c) => c.notNull())
    .execute();

  for (const table of RECORD_TABLES) {
    await db.schema.createIndex(`${table}_import_version`).on(table).column('import_version_id').execute();
  }
}

async function createAccess(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await db.schema.createTable('memberships')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['user_id', 'organisation_id'])
    .addCheckConstraint('memberships_role', sql`role in ('analyst', 'viewer')`)
    .execute();
  await db.schema.createIndex('memberships_organisation').on('memberships').column('organisation_id').execute();

  await withId(db.schema.createTable('sign_in_links'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('cascade'))
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('used_at', timestamp)
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();

  await withId(db.schema.createTable('sessions'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('expires_at', timestamp, (c) => c.notNull())
    .addColumn('csrf_secret', 'text', (c) => c.notNull())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user').on('sessions').column('user_id').execute();

  await withId(db.schema.createTable('api_tokens'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('last_used_at', timestamp)
    .execute();
  await db.schema.createIndex('api_tokens_user').on('api_tokens').column('user_id').execute();
}

async function createAudit(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  // No foreign keys: the audit trail must outlive the users and organisations it mentions.
  await withId(db.schema.createTable('audit_events'))
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'integer')
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_events_newest').on('audit_events').columns(['at', 'id']).execute();
}
