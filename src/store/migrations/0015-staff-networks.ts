/**
 * Issue 12, items 7 and 9: trends of reports, and staff networks' voice.
 * - report_counts: how many reports an organisation received in a month (YYYY-MM), by category and directorate (""
 *   when not given). Counted when a report arrives and never lowered, so trends outlive the cases deleted at the end of
 *   their retention; filled from the cases already kept.
 * - staff_networks: an organisation's staff networks, with the names and roles of the chair and the executive
 *   sponsor (members are never recorded), and the chair's Mirror account when they have one.
 * - network_inputs: what a network said about an objective or an intervention, and on which day.
 * - mentoring_programmes: reciprocal or reverse mentoring programmes, with the number of pairs, dates and evaluation.
 * - pulse_questions: a network's anonymous pulse questions (answer options as JSON, open and close days).
 * - pulse_tallies: how many answers each option has. Answers are only tallied: no row for an answer, so nothing
 *   records when, in what order or from where anyone answered.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await db.schema.createTable('report_counts')
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('directorate', 'text', (c) => c.notNull())
    .addColumn('reports', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('report_counts_pk', ['organisation_id', 'month', 'category', 'directorate'])
    .addCheckConstraint('report_counts_positive', sql`reports > 0`)
    .execute();
  await sql`insert into report_counts (organisation_id, month, category, directorate, reports)
    select organisation_id, substr(received_on, 1, 7), category, coalesce(directorate, ''), count(*)
    from report_cases group by organisation_id, substr(received_on, 1, 7), category, coalesce(directorate, '')`.execute(db);

  await withId(db.schema.createTable('staff_networks'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('chair_name', 'text', (c) => c.notNull())
    .addColumn('chair_role', 'text', (c) => c.notNull())
    .addColumn('chair_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('sponsor_name', 'text', (c) => c.notNull())
    .addColumn('sponsor_role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('staff_networks_name', ['organisation_id', 'name'])
    .execute();

  await withId(db.schema.createTable('network_inputs'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('staff_networks.id').onDelete('cascade'))
    .addColumn('objective_id', 'integer', (c) => c.references('objectives.id').onDelete('cascade'))
    .addColumn('intervention_id', 'integer', (c) => c.references('interventions.id').onDelete('cascade'))
    .addColumn('said', 'text', (c) => c.notNull())
    .addColumn('given_on', 'text', (c) => c.notNull())
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('network_inputs_subject', sql`(objective_id is null) <> (intervention_id is null)`)
    .execute();
  await db.schema.createIndex('network_inputs_network').on('network_inputs').column('network_id').execute();

  await withId(db.schema.createTable('mentoring_programmes'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('staff_networks.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('pairs', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('end_date', 'text')
    .addColumn('evaluation', 'text', (c) => c.notNull())
    .addColumn('pairs_completed', 'integer')
    .addColumn('responses', 'integer')
    .addColumn('positive_responses', 'integer')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('mentoring_programmes_kind', sql`kind in ('reciprocal', 'reverse')`)
    .addCheckConstraint('mentoring_programmes_counts', sql`pairs >= 0 and (pairs_completed is null or pairs_completed between 0 and pairs)
      and (positive_responses is null or (responses is not null and positive_responses between 0 and responses))`)
    .execute();

  await withId(db.schema.createTable('pulse_questions'))
    .addColumn('network_id', 'integer', (c) => c.notNull().references('staff_networks.id').onDelete('cascade'))
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('options', 'text', (c) => c.notNull())
    .addColumn('opens_on', 'text', (c) => c.notNull())
    .addColumn('closes_on', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('pulse_questions_dates', sql`opens_on <= closes_on`)
    .execute();

  await db.schema.createTable('pulse_tallies')
    .addColumn('question_id', 'integer', (c) => c.notNull().references('pulse_questions.id').onDelete('cascade'))
    .addColumn('option_index', 'integer', (c) => c.notNull())
    .addColumn('answers', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('pulse_tallies_pk', ['question_id', 'option_index'])
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['pulse_tallies', 'pulse_questions', 'mentoring_programmes', 'network_inputs', 'staff_networks', 'report_counts']) await db.schema.dropTable(table).execute();
}
