/**
 * Interventions under objectives, and the history of their status. A status change is appended in the same
 * transaction as the change itself, and never altered afterwards.
 */
import type { Kysely, Selectable } from 'kysely';
import type { InterventionStatus } from '../core/act/interventions/plan.ts';
import type { Intervention, InterventionsStore } from './intervention-types.ts';
import type { Database, InterventionsTable } from './schema.ts';
import { toBoolean, toDate } from './values.ts';

function toIntervention(row: Selectable<InterventionsTable>): Intervention {
  return {
    id: row.id,
    objectiveId: row.objective_id,
    ownerUserId: row.owner_user_id ?? null,
    catalogueId: row.catalogue_id,
    own: row.catalogue_id === null ? { name: row.name ?? '', description: row.description ?? '' } : null,
    ownerName: row.owner_name,
    ownerRole: row.owner_role,
    startDate: row.start_date,
    endDate: row.end_date,
    status: row.status as InterventionStatus,
    staffNetworks: JSON.parse(row.staff_networks) as string[],
    cost: row.cost_pounds === null ? null : Number(row.cost_pounds),
    shareEvaluation: toBoolean(row.share_evaluation),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedBy: row.updated_by,
    updatedAt: toDate(row.updated_at),
  };
}

const INTERVENTION_COLUMNS = [
  'interventions.id', 'interventions.objective_id', 'interventions.catalogue_id', 'interventions.name', 'interventions.description',
  'interventions.owner_name', 'interventions.owner_role', 'interventions.owner_user_id', 'interventions.start_date', 'interventions.end_date', 'interventions.status',
  'interventions.staff_networks', 'interventions.cost_pounds', 'interventions.share_evaluation', 'interventions.created_by',
  'interventions.created_at', 'interventions.updated_by', 'interventions.updated_at',
] as const;

export function interventionsRepository(db: Kysely<Database>): InterventionsStore {
  const ofOrganisation = (organisationId: number) =>
    db.selectFrom('interventions').innerJoin('objectives', 'objectives.id', 'interventions.objective_id')
      .select(INTERVENTION_COLUMNS).where('objectives.organisation_id', '=', organisationId);

  return {
    async create(i) {
      return db.transaction().execute(async (trx) => {
        const now = new Date();
        const row = await trx.insertInto('interventions').values({
          objective_id: i.objectiveId, catalogue_id: i.catalogueId, name: i.own?.name ?? null, description: i.own?.description ?? null,
          owner_name: i.ownerName, owner_role: i.ownerRole, owner_user_id: i.ownerUserId, start_date: i.startDate, end_date: i.endDate, status: i.status,
          staff_networks: JSON.stringify(i.staffNetworks), cost_pounds: i.cost, share_evaluation: i.shareEvaluation,
          created_by: i.createdBy, created_at: now, updated_by: i.createdBy, updated_at: now,
        }).returningAll().executeTakeFirstOrThrow();
        await trx.insertInto('intervention_status_changes').values({ intervention_id: row.id, status: i.status, at: now, user_id: i.createdBy }).execute();
        return toIntervention(row);
      });
    },

    async byId(organisationId, id) {
      const row = await ofOrganisation(organisationId).where('interventions.id', '=', id).executeTakeFirst();
      return row ? toIntervention(row) : null;
    },

    async forObjective(objectiveId) {
      const rows = await db.selectFrom('interventions').selectAll().where('objective_id', '=', objectiveId).orderBy('id').execute();
      return rows.map(toIntervention);
    },

    async list(organisationId) {
      const rows = await ofOrganisation(organisationId).orderBy('interventions.id').execute();
      return rows.map(toIntervention);
    },

    async shared(organisationId) {
      const rows = await ofOrganisation(organisationId).where('interventions.share_evaluation', '=', true).orderBy('interventions.id').execute();
      return rows.map(toIntervention);
    },

    async update(organisationId, id, changes, userId) {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('interventions').innerJoin('objectives', 'objectives.id', 'interventions.objective_id')
          .select(['interventions.id', 'interventions.status', 'interventions.catalogue_id'])
          .where('objectives.organisation_id', '=', organisationId).where('interventions.id', '=', id).executeTakeFirst();
        if (!before) return null;
        const own = before.catalogue_id === null ? changes.own : null;
        const now = new Date();
        const row = await trx.updateTable('interventions').set({
          ...(own ? { name: own.name, description: own.description } : {}),
          owner_name: changes.ownerName, owner_role: changes.ownerRole, owner_user_id: changes.ownerUserId, start_date: changes.startDate, end_date: changes.endDate,
          status: changes.status, staff_networks: JSON.stringify(changes.staffNetworks), cost_pounds: changes.cost,
          share_evaluation: changes.shareEvaluation, updated_by: userId, updated_at: now,
        }).where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        if (before.status !== changes.status) {
          await trx.insertInto('intervention_status_changes').values({ intervention_id: id, status: changes.status, at: now, user_id: userId }).execute();
        }
        return toIntervention(row);
      });
    },

    async recordUpdate(organisationId, id, update, userId) {
      return db.transaction().execute(async (trx) => {
        const found = await trx.selectFrom('interventions').innerJoin('objectives', 'objectives.id', 'interventions.objective_id')
          .select('interventions.id').where('objectives.organisation_id', '=', organisationId).where('interventions.id', '=', id).executeTakeFirst();
        if (!found) return null;
        const now = new Date();
        const row = await trx.updateTable('interventions').set({ status: update.status, updated_by: userId, updated_at: now })
          .where('id', '=', id).returningAll().executeTakeFirstOrThrow();
        await trx.insertInto('intervention_status_changes').values({ intervention_id: id, status: update.status, at: now, user_id: userId, note: update.note }).execute();
        return toIntervention(row);
      });
    },

    async statusHistory(interventionId) {
      const rows = await db.selectFrom('intervention_status_changes')
        .leftJoin('users', 'users.id', 'intervention_status_changes.user_id')
        .select(['intervention_status_changes.status', 'intervention_status_changes.at', 'intervention_status_changes.user_id', 'intervention_status_changes.note', 'users.display_name'])
        .where('intervention_status_changes.intervention_id', '=', interventionId)
        .orderBy('intervention_status_changes.at').orderBy('intervention_status_changes.id')
        .execute();
      return rows.map((r) => ({ status: r.status as InterventionStatus, at: toDate(r.at), userId: r.user_id, by: r.display_name ?? null, note: r.note ?? null }));
    },
  };
}
