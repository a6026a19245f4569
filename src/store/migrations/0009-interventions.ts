/**
 * Interventions (issue 11): what a team does to move an objective's indicator. Each belongs to an objective (0008):
 * either an entry of the shipped catalogue (its id; the catalogue holds the evidence) or one the team wrote (a name
 * and a description). An owner, dates, a status, the staff networks involved in designing it, an optional cost,
 * and whether its evaluation is shared in the published report and the open data.
 * - intervention_status_changes: every status an intervention has had, with who and when, appended and never changed.
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await withId(db.schema.createTable('interventions'))
    .addColumn('objective_id', 'integer', (c) => c.notNull().references('objectives.id').onDelete('cascade'))
    .addColumn('catalogue_id', 'text')
    .addColumn('name', 'text')
    .addColumn('description', 'text')
    .addColumn('owner_name', 'text', (c) => c.notNull())
    .addColumn('owner_role', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text')
    .addColumn('end_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('staff_networks', 'text', (c) => c.notNull())
    .addColumn('cost_pounds', 'double precision')
    .addColumn('share_evaluation', 'boolean', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('interventions_kind', sql`(catalogue_id is not null and name is null and description is null) or (catalogue_id is null and name is not null and description is not null)`)
    .addCheckConstraint('interventions_status', sql`status in ('planned', 'in-progress', 'completed', 'stopped')`)
    .addCheckConstraint('interventions_cost', sql`cost_pounds is null or cost_pounds >= 0`)
    .execute();
  await db.schema.createIndex('interventions_objective').on('interventions').column('objective_id').execute();

  await withId(db.schema.createTable('intervention_status_changes'))
    .addColumn('intervention_id', 'integer', (c) => c.notNull().references('interventions.id').onDelete('cascade'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('at', timestamp, (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .execute();
  await db.schema.createIndex('intervention_status_changes_intervention').on('intervention_status_changes').column('intervention_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['intervention_status_changes', 'interventions']) await db.schema.dropTable(table).execute();
}
