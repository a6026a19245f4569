/**
 * Records complete enough to count again: a report for a directorate, a staff group or the medical workforce is
 * counted from an import's records, since counts are kept only for the whole organisation. So the records keep
 * every field a standard counts: staff bonus pay, full-pay relevance and medical leadership (pay gaps, the medical
 * workforce); applicants' gender (intersections); board members' disability (WDES metric 10); capability cases
 * (WDES metric 3); the WDES survey rows; and the WDES 9b narrative. `records_format` says which imports have them:
 * 0 for every import made before this migration (its year must be imported again for a scoped report), 1 after.
 */
import type { Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

/** One column per statement: SQLite adds only one column in each ALTER TABLE. */
const ADDED_COLUMNS: readonly [table: string, column: string, type: 'text' | 'boolean' | 'double precision'][] = [
  ['staff_records', 'bonus_pay', 'double precision'],
  ['staff_records', 'full_pay_relevant', 'boolean'],
  ['staff_records', 'medical_leadership', 'text'],
  ['application_records', 'gender', 'text'],
  ['board_records', 'disability', 'text'],
  ['import_versions', 'wdes_narrative', 'text'],
];

const NEW_TABLES = ['capability_records', 'wdes_survey_results'] as const;

export async function up(db: AnyDb, { withId }: DialectColumns): Promise<void> {
  for (const [table, column, type] of ADDED_COLUMNS) await db.schema.alterTable(table).addColumn(column, type).execute();
  await db.schema.alterTable('import_versions').addColumn('records_format', 'integer', (c) => c.notNull().defaultTo(0)).execute();

  const recordTable = (name: string) => withId(db.schema.createTable(name))
    .addColumn('import_version_id', 'integer', (c) => c.notNull().references('import_versions.id').onDelete('cascade'));
  await recordTable('capability_records')
    .addColumn('pseudonym', 'text', (c) => c.notNull())
    .addColumn('disability', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('source_row', 'integer', (c) => c.notNull())
    .execute();
  await recordTable('wdes_survey_results')
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('disability_group', 'text', (c) => c.notNull())
    .addColumn('respondents', 'integer', (c) => c.notNull())
    .addColumn('positive', 'integer')
    .addColumn('score', 'double precision')
    .execute();
  for (const table of NEW_TABLES) {
    await db.schema.createIndex(`${table}_import_version`).on(table).column('import_version_id').execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of NEW_TABLES) await db.schema.dropTable(table).execute();
  await db.schema.alterTable('import_versions').dropColumn('records_format').execute();
  for (const [table, column] of ADDED_COLUMNS) await db.schema.alterTable(table).dropColumn(column).execute();
}
