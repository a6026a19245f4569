/** The high-impact actions' entered figures and their links to objectives and interventions (migration 0014). */
import type { Kysely, Selectable } from 'kysely';
import type { HighImpactActionId } from '../core/act/high-impact-actions.ts';
import type { ActionLink, HighImpactActionsStore, MetricEntry } from './eds-types.ts';
import type { ActionLinksTable, ActionMetricEntriesTable, Database } from './schema.ts';
import { toDate } from './values.ts';

function toEntry(row: Selectable<ActionMetricEntriesTable>): MetricEntry {
  return { metric: row.metric, year: row.year, value: row.value, source: row.source, sourceYear: row.source_year, updatedBy: row.updated_by, updatedAt: toDate(row.updated_at) };
}

function toLink(row: Selectable<ActionLinksTable>): ActionLink {
  return { id: row.id, action: row.action as HighImpactActionId, objectiveId: row.objective_id, interventionId: row.intervention_id };
}

export function highImpactActionsRepository(db: Kysely<Database>): HighImpactActionsStore {
  return {
    async entries(organisationId, year) {
      const rows = await db.selectFrom('action_metric_entries').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year).orderBy('metric').execute();
      return rows.map(toEntry);
    },

    async enter(organisationId, e) {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('action_metric_entries').selectAll().where('organisation_id', '=', organisationId).where('year', '=', e.year)
          .where('metric', '=', e.metric).executeTakeFirst();
        const values = { value: e.value, source: e.source, source_year: e.sourceYear, updated_by: e.updatedBy, updated_at: new Date() };
        await trx.insertInto('action_metric_entries').values({ organisation_id: organisationId, year: e.year, metric: e.metric, ...values })
          .onConflict((oc) => oc.columns(['organisation_id', 'year', 'metric']).doUpdateSet(values)).execute();
        return before ? toEntry(before) : null;
      });
    },

    async links(organisationId) {
      const rows = await db.selectFrom('action_links').selectAll().where('organisation_id', '=', organisationId).orderBy('action').orderBy('id').execute();
      return rows.map(toLink);
    },

    async link(organisationId, l, userId) {
      return db.transaction().execute(async (trx) => {
        // The objective or intervention must be the organisation's own.
        const owned = l.objectiveId !== null
          ? await trx.selectFrom('objectives').select('id').where('organisation_id', '=', organisationId).where('id', '=', l.objectiveId).executeTakeFirst()
          : await trx.selectFrom('interventions').innerJoin('objectives', 'objectives.id', 'interventions.objective_id').select('interventions.id')
            .where('objectives.organisation_id', '=', organisationId).where('interventions.id', '=', l.interventionId!).executeTakeFirst();
        if (!owned) return null;
        let existing = trx.selectFrom('action_links').select('id').where('organisation_id', '=', organisationId).where('action', '=', l.action);
        existing = l.objectiveId !== null ? existing.where('objective_id', '=', l.objectiveId) : existing.where('intervention_id', '=', l.interventionId!);
        if (await existing.executeTakeFirst()) return null;
        const row = await trx.insertInto('action_links').values({
          organisation_id: organisationId, action: l.action, objective_id: l.objectiveId, intervention_id: l.interventionId, created_by: userId, created_at: new Date(),
        }).returningAll().executeTakeFirstOrThrow();
        return toLink(row);
      });
    },

    async unlink(organisationId, id) {
      const row = await db.deleteFrom('action_links').where('organisation_id', '=', organisationId).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toLink(row) : null;
    },
  };
}
