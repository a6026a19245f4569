/**
 * Objectives with their append-only reviews, and comply-or-explain rules with their cases. Reviews and cases are
 * only ever inserted: there is no update or delete of either, so a history is never overwritten.
 */
import type { Kysely, Selectable } from 'kysely';
import type { HighImpactActionId } from '../core/act/high-impact-actions.ts';
import type { OwnerRole, Target } from '../core/act/objectives.ts';
import type { ComplyCase, ComplyOrExplainStore, ComplyRule, Objective, ObjectivesStore, ReviewStatus } from './objective-types.ts';
import type { ComplyCasesTable, ComplyRulesTable, Database, ObjectivesTable } from './schema.ts';
import { toBoolean, toDate } from './values.ts';

function toTarget(kind: string, value: number | null): Target {
  if (kind === 'value' && value !== null) return { kind: 'value', value: Number(value) };
  return kind === 'parity' ? { kind: 'parity' } : { kind: 'range' };
}

function toObjective(row: Selectable<ObjectivesTable>): Objective {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    standard: row.standard,
    indicator: row.indicator,
    scope: row.scope,
    target: toTarget(row.target_kind, row.target_value),
    targetDate: row.target_date,
    ownerName: row.owner_name,
    ownerRole: row.owner_role as OwnerRole,
    ownerUserId: row.owner_user_id ?? null,
    action: row.action as HighImpactActionId | null,
    baseline: JSON.parse(row.baseline),
    createdBy: row.created_by,
    createdAt: toDate(row.created_at),
    updatedAt: toDate(row.updated_at),
  };
}

const targetColumns = (target: Target) => ({ target_kind: target.kind, target_value: target.kind === 'value' ? target.value : null });

export function objectivesRepository(db: Kysely<Database>): ObjectivesStore {
  return {
    async create(o) {
      const now = new Date();
      const row = await db.insertInto('objectives').values({
        organisation_id: o.organisationId, standard: o.standard, indicator: o.indicator, scope: o.scope,
        ...targetColumns(o.target), target_date: o.targetDate, owner_name: o.ownerName, owner_role: o.ownerRole,
        owner_user_id: o.ownerUserId, action: o.action, baseline_year: o.baseline.year, baseline: JSON.stringify(o.baseline), created_by: o.createdBy,
        created_at: now, updated_at: now,
      }).returningAll().executeTakeFirstOrThrow();
      return toObjective(row);
    },

    async byId(organisationId, id) {
      const row = await db.selectFrom('objectives').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      return row ? toObjective(row) : null;
    },

    async list(organisationId) {
      const rows = await db.selectFrom('objectives').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
      return rows.map(toObjective);
    },

    async update(organisationId, id, changes) {
      const row = await db.updateTable('objectives').set({
        ...targetColumns(changes.target), target_date: changes.targetDate, owner_name: changes.ownerName,
        owner_role: changes.ownerRole, owner_user_id: changes.ownerUserId, action: changes.action, updated_at: new Date(),
      }).where('organisation_id', '=', organisationId).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toObjective(row) : null;
    },

    async addReview(review) {
      const row = await db.insertInto('objective_reviews').values({
        objective_id: review.objectiveId, at: new Date(), user_id: review.userId, status: review.status, note: review.note,
      }).returningAll().executeTakeFirstOrThrow();
      const user = review.userId === null ? null : await db.selectFrom('users').select('display_name').where('id', '=', review.userId).executeTakeFirst();
      return { id: row.id, objectiveId: row.objective_id, at: toDate(row.at), userId: row.user_id, status: row.status as ReviewStatus, note: row.note, by: user?.display_name ?? null };
    },

    async reviews(objectiveId) {
      const rows = await db.selectFrom('objective_reviews')
        .leftJoin('users', 'users.id', 'objective_reviews.user_id')
        .select(['objective_reviews.id', 'objective_reviews.objective_id', 'objective_reviews.at', 'objective_reviews.user_id', 'objective_reviews.status', 'objective_reviews.note', 'users.display_name'])
        .where('objective_reviews.objective_id', '=', objectiveId)
        .orderBy('objective_reviews.at').orderBy('objective_reviews.id')
        .execute();
      return rows.map((r) => ({ id: r.id, objectiveId: r.objective_id, at: toDate(r.at), userId: r.user_id, status: r.status as ReviewStatus, note: r.note, by: r.display_name ?? null }));
    },
  };
}

function toRule(row: Selectable<ComplyRulesTable>): ComplyRule {
  return { id: row.id, organisationId: row.organisation_id, title: row.title, description: row.description, createdBy: row.created_by, createdAt: toDate(row.created_at) };
}

function toCase(row: Selectable<ComplyCasesTable>): ComplyCase {
  return {
    id: row.id, ruleId: row.rule_id, month: row.month, complied: toBoolean(row.complied), explanation: row.explanation,
    recordedBy: row.recorded_by, recordedAt: toDate(row.recorded_at),
  };
}

export function complyOrExplainRepository(db: Kysely<Database>): ComplyOrExplainStore {
  return {
    async createRule(rule) {
      const row = await db.insertInto('comply_rules').values({
        organisation_id: rule.organisationId, title: rule.title, description: rule.description, created_by: rule.createdBy, created_at: new Date(),
      }).returningAll().executeTakeFirstOrThrow();
      return toRule(row);
    },

    async rules(organisationId) {
      const rows = await db.selectFrom('comply_rules').selectAll().where('organisation_id', '=', organisationId).orderBy('id').execute();
      return rows.map(toRule);
    },

    async rule(organisationId, id) {
      const row = await db.selectFrom('comply_rules').selectAll().where('organisation_id', '=', organisationId).where('id', '=', id).executeTakeFirst();
      return row ? toRule(row) : null;
    },

    async recordCase(entry) {
      if (!entry.complied && (entry.explanation === null || entry.explanation.trim() === '')) {
        throw new Error('A case that did not comply needs its explanation');
      }
      const row = await db.insertInto('comply_cases').values({
        rule_id: entry.ruleId, month: entry.month, complied: entry.complied, explanation: entry.explanation,
        recorded_by: entry.recordedBy, recorded_at: new Date(),
      }).returningAll().executeTakeFirstOrThrow();
      return toCase(row);
    },

    async cases(ruleId) {
      const rows = await db.selectFrom('comply_cases').selectAll().where('rule_id', '=', ruleId).orderBy('month').orderBy('id').execute();
      return rows.map(toCase);
    },
  };
}
