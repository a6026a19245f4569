/** Saved column mappings: how an organisation's own headers map to Mirror's canonical columns, per file kind. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export function columnMappingsRepository(db: Kysely<Database>): Store['columnMappings'] {
  return {
    async get(organisationId, kind) {
      const row = await db.selectFrom('column_mappings').select('mapping')
        .where('organisation_id', '=', organisationId).where('kind', '=', kind)
        .executeTakeFirst();
      return row ? (JSON.parse(row.mapping) as Record<string, string>) : null;
    },

    async save(organisationId, kind, mapping) {
      const values = { mapping: JSON.stringify(mapping), updated_at: new Date() };
      await db.insertInto('column_mappings').values({ organisation_id: organisationId, kind, ...values })
        .onConflict((conflict) => conflict.columns(['organisation_id', 'kind']).doUpdateSet(values))
        .execute();
    },
  };
}
