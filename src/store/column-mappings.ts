/**
 * Saved column mappings: how an organisation's own headers map to Mirror's canonical columns, per file kind; and
 * mapping presets, the same saved under a name for every organisation to use.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { SourceKind } from '../core/records.ts';
import type { Store } from './store.ts';
import { toDate } from './values.ts';

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

    async presets() {
      const rows = await db.selectFrom('mapping_presets').selectAll().orderBy('name').orderBy('kind').execute();
      return rows.map((row) => ({
        id: row.id, name: row.name, kind: row.kind as SourceKind, mapping: JSON.parse(row.mapping) as Record<string, string>,
        organisationId: row.organisation_id, createdBy: row.created_by, createdAt: toDate(row.created_at),
      }));
    },

    async savePreset(preset) {
      const inserted = await db.insertInto('mapping_presets')
        .values({ name: preset.name, kind: preset.kind, mapping: JSON.stringify(preset.mapping), organisation_id: preset.organisationId, created_by: preset.createdBy, created_at: new Date() })
        .onConflict((conflict) => conflict.columns(['name', 'kind']).doNothing())
        .executeTakeFirst();
      return Number(inserted.numInsertedOrUpdatedRows ?? 0) > 0;
    },
  };
}
