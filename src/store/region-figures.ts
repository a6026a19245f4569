/**
 * The regional view's figures of each import (region-figures-types.ts): read for every organisation's current import
 * of a year in one query, beside the organisation, the import and the year before's current import; kept by an
 * upsert, so two views keeping the same figures at once both succeed, and the version's rows of any other recipe
 * (older code, another policy) removed, as nothing reads them again.
 */
import type { Kysely } from 'kysely';
import type { RegionFiguresStore } from './region-figures-types.ts';
import type { Database } from './schema.ts';
import { toBoolean } from './values.ts';

export function regionFiguresRepository(db: Kysely<Database>): RegionFiguresStore {
  return {
    async currentOf(year, recipe) {
      const rows = await db.selectFrom('organisations as o')
        .innerJoin('import_versions as cur', (join) => join.onRef('cur.organisation_id', '=', 'o.id').on('cur.year', '=', year).on('cur.is_current', '=', true))
        .leftJoin('import_versions as prev', (join) => join.onRef('prev.organisation_id', '=', 'o.id').on('prev.year', '=', year - 1).on('prev.is_current', '=', true))
        .leftJoin('region_figures as rf', (join) => join.onRef('rf.import_version_id', '=', 'cur.id').on('rf.recipe', '=', recipe))
        .select([
          'o.id', 'o.code', 'o.name', 'o.region', 'o.type', 'o.synthetic', 'cur.id as import_version_id', 'prev.id as previous_version_id',
          'rf.previous_version_id as kept_previous_version_id', 'rf.figures as kept_figures',
        ])
        .orderBy('o.name').orderBy('o.id')
        .execute();
      return rows.map((row) => ({
        organisation: { id: row.id, code: row.code, name: row.name, region: row.region, type: row.type, synthetic: toBoolean(row.synthetic) },
        importVersionId: row.import_version_id,
        previousVersionId: row.previous_version_id ?? null,
        kept: row.kept_figures === null || row.kept_figures === undefined ? null : { previousVersionId: row.kept_previous_version_id ?? null, figures: row.kept_figures },
      }));
    },

    async years() {
      const rows = await db.selectFrom('import_versions').select('year').distinct().where('is_current', '=', true).orderBy('year', 'desc').execute();
      return rows.map((row) => row.year);
    },

    async keep({ importVersionId, previousVersionId, recipe, figures }) {
      // What other code or another rule kept for this version is never read again (the recipe differs): gone.
      await db.deleteFrom('region_figures').where('import_version_id', '=', importVersionId).where('recipe', '<>', recipe).execute();
      await db.insertInto('region_figures')
        .values({ import_version_id: importVersionId, recipe, previous_version_id: previousVersionId, figures })
        .onConflict((oc) => oc.columns(['import_version_id', 'recipe']).doUpdateSet({ previous_version_id: previousVersionId, figures }))
        .execute();
    },
  };
}
