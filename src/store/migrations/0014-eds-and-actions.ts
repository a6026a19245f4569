/**
 * Issue 14, items 2 and 3: EDS 2022 and the EDI Improvement Plan's high-impact actions.
 * - eds_settings: the threshold set an organisation reads its overall EDS rating by ("guidance" or "leeds").
 * - eds_evidence: evidence attached to an outcome in a year: a Mirror figure (a path in Mirror) or a document (a
 *   title and a link).
 * - eds_stakeholder_ratings: each stakeholder group's rating (0 to 3) of an outcome in a year, one per group.
 * - eds_agreed_ratings: the agreed rating of an outcome in a year, with its owner (department or lead).
 * - action_metric_entries: a success metric's figure entered by an analyst for a year, with its source and the year
 *   of the source; one per metric and year (a new entry replaces the old one).
 * - action_links: an objective or an intervention linked to a high-impact action it serves, beside the one action an
 *   objective itself names (objectives keep their shape).
 */
import { sql, type Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

const OUTCOMES = sql`outcome in ('1A', '1B', '1C', '1D', '2A', '2B', '2C', '2D', '3A', '3B', '3C')`;

export async function up(db: AnyDb, { withId, timestamp }: DialectColumns): Promise<void> {
  await db.schema.createTable('eds_settings')
    .addColumn('organisation_id', 'integer', (c) => c.primaryKey().references('organisations.id').onDelete('cascade'))
    .addColumn('thresholds', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('eds_settings_thresholds', sql`thresholds in ('guidance', 'leeds')`)
    .execute();

  await withId(db.schema.createTable('eds_evidence'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('href', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('eds_evidence_outcome', OUTCOMES)
    .addCheckConstraint('eds_evidence_kind', sql`kind in ('figure', 'document')`)
    .execute();
  await db.schema.createIndex('eds_evidence_year').on('eds_evidence').columns(['organisation_id', 'year']).execute();

  await withId(db.schema.createTable('eds_stakeholder_ratings'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('stakeholder_group', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('eds_stakeholder_ratings_one', ['organisation_id', 'year', 'outcome', 'stakeholder_group'])
    .addCheckConstraint('eds_stakeholder_ratings_outcome', OUTCOMES)
    .addCheckConstraint('eds_stakeholder_ratings_rating', sql`rating between 0 and 3`)
    .execute();

  await withId(db.schema.createTable('eds_agreed_ratings'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rating', 'integer', (c) => c.notNull())
    .addColumn('owner', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('eds_agreed_ratings_one', ['organisation_id', 'year', 'outcome'])
    .addCheckConstraint('eds_agreed_ratings_outcome', OUTCOMES)
    .addCheckConstraint('eds_agreed_ratings_rating', sql`rating between 0 and 3`)
    .execute();

  await withId(db.schema.createTable('action_metric_entries'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('metric', 'text', (c) => c.notNull())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('source_year', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', timestamp, (c) => c.notNull())
    .addUniqueConstraint('action_metric_entries_one', ['organisation_id', 'year', 'metric'])
    .execute();

  await withId(db.schema.createTable('action_links'))
    .addColumn('organisation_id', 'integer', (c) => c.notNull().references('organisations.id').onDelete('cascade'))
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('objective_id', 'integer', (c) => c.references('objectives.id').onDelete('cascade'))
    .addColumn('intervention_id', 'integer', (c) => c.references('interventions.id').onDelete('cascade'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', timestamp, (c) => c.notNull())
    .addCheckConstraint('action_links_action', sql`action in ('1', '2', '3', '4', '5', '6')`)
    .addCheckConstraint('action_links_one', sql`(objective_id is null) <> (intervention_id is null)`)
    .execute();
  await db.schema.createIndex('action_links_organisation').on('action_links').column('organisation_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of ['action_links', 'action_metric_entries', 'eds_agreed_ratings', 'eds_stakeholder_ratings', 'eds_evidence', 'eds_settings']) {
    await db.schema.dropTable(table).execute();
  }
}
