/** EDS 2022's evidence and ratings, and the organisation's threshold set (migration 0014). */
import type { Kysely, Selectable } from 'kysely';
import type { EdsOutcomeId, EdsRating } from '../core/eds/outcomes.ts';
import type { ThresholdSetId } from '../core/eds/scoring.ts';
import type { EdsEvidence, EdsStore, EvidenceKind } from './eds-types.ts';
import type { Database, EdsEvidenceTable } from './schema.ts';
import { toDate } from './values.ts';

function toEvidence(row: Selectable<EdsEvidenceTable>): EdsEvidence {
  return {
    id: row.id, organisationId: row.organisation_id, year: row.year, outcome: row.outcome as EdsOutcomeId, kind: row.kind as EvidenceKind,
    title: row.title, href: row.href, createdBy: row.created_by, createdAt: toDate(row.created_at),
  };
}

export function edsRepository(db: Kysely<Database>): EdsStore {
  return {
    async thresholds(organisationId) {
      const row = await db.selectFrom('eds_settings').select('thresholds').where('organisation_id', '=', organisationId).executeTakeFirst();
      return row ? (row.thresholds as ThresholdSetId) : null;
    },

    async setThresholds(organisationId, thresholds, userId) {
      const values = { thresholds, updated_by: userId, updated_at: new Date() };
      await db.insertInto('eds_settings').values({ organisation_id: organisationId, ...values })
        .onConflict((oc) => oc.column('organisation_id').doUpdateSet(values)).execute();
    },

    async evidence(organisationId, year) {
      const rows = await db.selectFrom('eds_evidence').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year)
        .orderBy('outcome').orderBy('id').execute();
      return rows.map(toEvidence);
    },

    async addEvidence(e) {
      const row = await db.insertInto('eds_evidence').values({
        organisation_id: e.organisationId, year: e.year, outcome: e.outcome, kind: e.kind, title: e.title, href: e.href,
        created_by: e.createdBy, created_at: new Date(),
      }).returningAll().executeTakeFirstOrThrow();
      return toEvidence(row);
    },

    async removeEvidence(organisationId, id) {
      const row = await db.deleteFrom('eds_evidence').where('organisation_id', '=', organisationId).where('id', '=', id).returningAll().executeTakeFirst();
      return row ? toEvidence(row) : null;
    },

    async stakeholderRatings(organisationId, year) {
      const rows = await db.selectFrom('eds_stakeholder_ratings').selectAll().where('organisation_id', '=', organisationId).where('year', '=', year)
        .orderBy('outcome').orderBy('stakeholder_group').execute();
      return rows.map((r) => ({ outcome: r.outcome as EdsOutcomeId, group: r.stakeholder_group, rating: r.rating as EdsRating, updatedAt: toDate(r.updated_at) }));
    },

    async rateAsStakeholder(organisationId, year, r, userId) {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('eds_stakeholder_ratings').select('rating').where('organisation_id', '=', organisationId).where('year', '=', year)
          .where('outcome', '=', r.outcome).where('stakeholder_group', '=', r.group).executeTakeFirst();
        const values = { rating: r.rating, updated_by: userId, updated_at: new Date() };
        await trx.insertInto('eds_stakeholder_ratings').values({ organisation_id: organisationId, year, outcome: r.outcome, stakeholder_group: r.group, ...values })
          .onConflict((oc) => oc.columns(['organisation_id', 'year', 'outcome', 'stakeholder_group']).doUpdateSet(values)).execute();
        return before ? (before.rating as EdsRating) : null;
      });
    },

    async agreedRatings(organisationId) {
      const rows = await db.selectFrom('eds_agreed_ratings').selectAll().where('organisation_id', '=', organisationId).orderBy('year').orderBy('outcome').execute();
      return rows.map((r) => ({ year: r.year, outcome: r.outcome as EdsOutcomeId, rating: r.rating as EdsRating, owner: r.owner, updatedAt: toDate(r.updated_at) }));
    },

    async agree(organisationId, year, r, userId) {
      return db.transaction().execute(async (trx) => {
        const before = await trx.selectFrom('eds_agreed_ratings').select('rating').where('organisation_id', '=', organisationId).where('year', '=', year)
          .where('outcome', '=', r.outcome).executeTakeFirst();
        const values = { rating: r.rating, owner: r.owner, updated_by: userId, updated_at: new Date() };
        await trx.insertInto('eds_agreed_ratings').values({ organisation_id: organisationId, year, outcome: r.outcome, ...values })
          .onConflict((oc) => oc.columns(['organisation_id', 'year', 'outcome']).doUpdateSet(values)).execute();
        return before ? (before.rating as EdsRating) : null;
      });
    },
  };
}
