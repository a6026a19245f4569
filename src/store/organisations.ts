/** Organisations: the trusts whose data Mirror holds, found by id or by their ODS-style code. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from './schema.ts';
import type { NewOrganisation, Organisation, Store } from './store.ts';
import { toBoolean } from './values.ts';

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return { id: row.id, code: row.code, name: row.name, region: row.region, type: row.type, synthetic: toBoolean(row.synthetic) };
}

/**
 * Creates the organisation or updates the fields given. On PostgreSQL the upsert also locks the organisation's
 * row until the transaction ends, so two imports for one organisation take turns rather than race for a version.
 */
export async function upsertOrganisation(db: Kysely<Database>, organisation: NewOrganisation): Promise<Organisation> {
  const given = {
    name: organisation.name,
    ...(organisation.region !== undefined ? { region: organisation.region } : {}),
    ...(organisation.type !== undefined ? { type: organisation.type } : {}),
    ...(organisation.synthetic !== undefined ? { synthetic: organisation.synthetic } : {}),
  };
  const row = await db.insertInto('organisations')
    .values({ code: organisation.code, region: null, type: null, synthetic: false, ...given })
    .onConflict((conflict) => conflict.column('code').doUpdateSet(given))
    .returningAll()
    .executeTakeFirstOrThrow();
  return toOrganisation(row);
}

export function organisationsRepository(db: Kysely<Database>): Store['organisations'] {
  return {
    async byId(id) {
      const row = await db.selectFrom('organisations').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toOrganisation(row) : null;
    },

    async byCode(code) {
      const row = await db.selectFrom('organisations').selectAll().where('code', '=', code).executeTakeFirst();
      return row ? toOrganisation(row) : null;
    },

    async all() {
      const rows = await db.selectFrom('organisations').selectAll().orderBy('name').orderBy('id').execute();
      return rows.map(toOrganisation);
    },

    async years(organisationId) {
      const rows = await db.selectFrom('import_versions').select('year')
        .where('organisation_id', '=', organisationId).where('is_current', '=', true)
        .orderBy('year', 'desc').execute();
      return rows.map((row) => row.year);
    },
  };
}
