/**
 * From figures to action (issue 11): objectives, their reviews, and comply-or-explain rules and cases.
 * - objectives: an indicator of a standard for a scope, its baseline (the figure with its counts and interval, as
 *   JSON, read from the stored figures when the objective was made), a target, a date, an owner and the
 *   high-impact action it serves;
 * - objective_reviews: dated progress updates, appended and never changed (the store offers no update or delete);
 * - comply_rules: an organisation's own rules ("every referral to a formal disciplinary process is reviewed by a
 *   second senior person");
 * - comply_cases: each case as the month, whether the rule was complied with, and the explanation where not. A
 *   case holds no staff identifier and no ethnicity or other equality data about the person concerned.
 */
import { type Kysely, sql } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('objectives'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('standard', 'text', (c) => c.notNull())
    .addColumn('indicator', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_value', 'double precision')
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('baseline_year', 'integer', (c) => c.notNull())
    .addColumn('baseline', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('objectives_target', sql`(target_kind = 'value' and target_value is not null) or (target_kind in ('parity', 'range') and target_value is null)`)
    .execute();
  await db.schema.createIndex('objectives_organisation').on('objectives').column('organisation_id').execute();

  await withId(db.schema.createTable('objective_reviews'))
    .addColumn('objective_id', 'integer', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('objective_reviews_objective').on('objective_reviews').column('objective_id').execute();

  await withId(db.schema.createTable('comply_rules'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comply_rules_organisation').on('comply_rules').column('organisation_id').execute();

  await withId(db.schema.createTable('comply_cases'))
    .addColumn('rule_id', 'integer', (c) => c.notNull().references('comply_rules.id').onDelete('cascade'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('complied', 'boolean', (c) => c.notNull())
    .addColumn('explanation', 'text')
    .addColumn('recorded_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('recorded_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('comply_cases_explained', sql`complied or explanation is not null`)
    .execute();
  await db.schema.createIndex('comply_cases_rule').on('comply_cases').column('rule_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['comply_cases', 'comply_rules', 'objective_reviews', 'objectives']) await db.schema.dropTable(table).execute();
}
