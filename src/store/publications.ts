/**
 * Publications: drafts and published versions of an organisation's year (migration 0013). Publishing numbers the
 * draft as the year's next version in the same transaction; nothing ever updates a published row.
 */
import type { Kysely, Selectable } from 'kysely';
import type { Publication, PublicationsStore, PublicationStatus } from './publication-types.ts';
import type { Database, PublicationsTable } from './schema.ts';
import { toDate, toNullableDate } from './values.ts';

function toPublication(row: Selectable<PublicationsTable>): Publication {
  return {
    id: row.id,
    organisationId: row.organisation_id,
    year: row.year,
    status: row.status as PublicationStatus,
    version: row.version,
    snapshot: JSON.parse(row.snapshot) as unknown,
    correctionNote: row.correction_note,
    preparedBy: row.prepared_by,
    preparedAt: toDate(row.prepared_at),
    approvedBy: row.approved_by,
    publishedAt: toNullableDate(row.published_at),
  };
}

export function publicationsRepository(db: Kysely<Database>): PublicationsStore {
  const published = () => db.selectFrom('publications').where('status', '=', 'published');
  return {
    async saveDraft(d) {
      return db.transaction().execute(async (trx) => {
        await trx.deleteFrom('publications').where('organisation_id', '=', d.organisationId).where('year', '=', d.year).where('status', '=', 'draft').execute();
        const row = await trx.insertInto('publications').values({
          organisation_id: d.organisationId, year: d.year, status: 'draft', version: null, snapshot: JSON.stringify(d.snapshot),
          correction_note: d.correctionNote, prepared_by: d.preparedBy, prepared_at: d.at, approved_by: null, published_at: null,
        }).returningAll().executeTakeFirstOrThrow();
        return toPublication(row);
      });
    },

    async draft(organisationId, year) {
      const row = await db.selectFrom('publications').selectAll()
        .where('organisation_id', '=', organisationId).where('year', '=', year).where('status', '=', 'draft').executeTakeFirst();
      return row ? toPublication(row) : null;
    },

    async discardDraft(organisationId, year) {
      const result = await db.deleteFrom('publications')
        .where('organisation_id', '=', organisationId).where('year', '=', year).where('status', '=', 'draft').executeTakeFirst();
      return Number(result.numDeletedRows) > 0;
    },

    async publish(organisationId, draftId, approval) {
      return db.transaction().execute(async (trx) => {
        const draft = await trx.selectFrom('publications').selectAll()
          .where('id', '=', draftId).where('organisation_id', '=', organisationId).where('status', '=', 'draft').executeTakeFirst();
        if (!draft) return null;
        const last = await trx.selectFrom('publications').select((eb) => eb.fn.max('version').as('last'))
          .where('organisation_id', '=', organisationId).where('year', '=', draft.year).where('status', '=', 'published').executeTakeFirst();
        const version = Number(last?.last ?? 0) + 1;
        const row = await trx.updateTable('publications')
          .set({ status: 'published', version, approved_by: approval.approvedBy, published_at: approval.at })
          .where('id', '=', draftId).where('status', '=', 'draft').returningAll().executeTakeFirstOrThrow();
        return toPublication(row);
      });
    },

    async versions(organisationId) {
      const rows = await published()
        .select(['id', 'organisation_id', 'year', 'status', 'version', 'correction_note', 'prepared_by', 'prepared_at', 'approved_by', 'published_at'])
        .where('organisation_id', '=', organisationId).orderBy('year', 'desc').orderBy('version', 'desc').execute();
      return rows.map((row) => {
        const { snapshot: _, ...rest } = toPublication({ ...row, snapshot: 'null' });
        return rest;
      });
    },

    async version(organisationId, year, version) {
      let query = published().selectAll().where('organisation_id', '=', organisationId).where('year', '=', year);
      query = version === null ? query.orderBy('version', 'desc').limit(1) : query.where('version', '=', version);
      const row = await query.executeTakeFirst();
      return row ? toPublication(row) : null;
    },

    async latestEverywhere() {
      const rows = await published().selectAll()
        .where(({ eb, selectFrom }) => eb('version', '=', selectFrom('publications as later').select((e) => e.fn.max('later.version').as('v'))
          .whereRef('later.organisation_id', '=', 'publications.organisation_id').whereRef('later.year', '=', 'publications.year')
          .where('later.status', '=', 'published')))
        .orderBy('organisation_id').orderBy('year').execute();
      return rows.map(toPublication);
    },
  };
}
