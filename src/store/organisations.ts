/** Organisations: the trusts whose data Mirror holds, found by id or by their ODS-style code. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, OrganisationsTable } from './schema.ts';
import { OrganisationExistsError, type NewOrganisation, type Organisation, type Store } from './store.ts';
import { toBoolean } from './values.ts';

export function toOrganisation(row: Selectable<OrganisationsTable>): Organisation {
  return { id: row.id, code: row.code, name: row.name, region: row.region, type: row.type, synthetic: toBoolean(row.synthetic) };
}

/**
 * Finds the organisation by code, or creates it. An existing organisation keeps its name: an import never renames
 * one (the name is the one it was created with); its region, type and synthetic flag are updated where given. With
 * `mustBeNew`, an existing code is refused with OrganisationExistsError instead. On PostgreSQL the insert also locks
 * the organisation's row until the transaction ends, so two imports for one organisation take turns rather than
 * race for a version, and of two imports adding the same new code at once, the second waits and is then refused.
 */
export async function findOrCreateOrganisation(db: Kysely<Database>, organisation: NewOrganisation, options: { mustBeNew: boolean }): Promise<Organisation> {
  const given = {
    ...(organisation.region !== undefined ? { region: organisation.region } : {}),
    ...(organisation.type !== undefined ? { type: organisation.type } : {}),
    ...(organisation.synthetic !== undefined ? { synthetic: organisation.synthetic } : {}),
  };
  const insert = db.insertInto('organisations')
    .values({ code: organisation.code, name: organisation.name, region: null, type: null, synthetic: false, ...given });
  if (options.mustBeNew) {
    const row = await insert.onConflict((conflict) => conflict.column('code').doNothing()).returningAll().executeTakeFirst();
    if (!row) throw new OrganisationExistsError(organisation.code);
    return toOrganisation(row);
  }
  // Setting the code to itself changes nothing but still takes the row's lock, as any update does.
  const update = Object.keys(given).length > 0 ? given : { code: organisation.code };
  const row = await insert.onConflict((conflict) => conflict.column('code').doUpdateSet(update)).returningAll().executeTakeFirstOrThrow();
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

    async yearsOf(organisationIds) {
      const years = new Map<number, number[]>(organisationIds.map((id) => [id, []]));
      if (organisationIds.length === 0) return years;
      const rows = await db.selectFrom('import_versions').select(['organisation_id', 'year'])
        .where('organisation_id', 'in', [...new Set(organisationIds)]).where('is_current', '=', true)
        .orderBy('organisation_id').orderBy('year', 'desc').execute();
      for (const row of rows) years.get(row.organisation_id)!.push(row.year);
      return years;
    },

    async withoutMembers() {
      const rows = await db.selectFrom('organisations').selectAll()
        .where(({ not, exists, selectFrom }) => not(exists(
          selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id').select('memberships.user_id')
            .whereRef('memberships.organisation_id', '=', 'organisations.id').where('users.active', '=', true),
        )))
        .orderBy('name').orderBy('id').execute();
      return rows.map(toOrganisation);
    },
  };
}
