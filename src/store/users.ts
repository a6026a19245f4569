/** People who use the web application, and their role in each organisation. */
import type { Kysely, Selectable } from 'kysely';
import { toOrganisation } from './organisations.ts';
import type { Database, UsersTable } from './schema.ts';
import type { Role, Store, User } from './store.ts';
import { toBoolean, toCount, toDate } from './values.ts';

/** Emails are compared without regard to case or surrounding spaces. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    displayName: row.display_name,
    administrator: toBoolean(row.administrator),
    hasPassword: row.password_hash !== null,
    active: toBoolean(row.active),
    createdAt: toDate(row.created_at),
  };
}

export function usersRepository(db: Kysely<Database>): Store['users'] {
  return {
    async count() {
      const row = await db.selectFrom('users').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
      return toCount(row.n);
    },

    async create(user) {
      const row = await db.insertInto('users').values({
        email: normaliseEmail(user.email),
        display_name: user.displayName,
        administrator: user.administrator,
        password_hash: null,
        active: true,
        created_at: new Date(),
      }).returningAll().executeTakeFirstOrThrow();
      return toUser(row);
    },

    async byId(id) {
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async byEmail(email) {
      const row = await db.selectFrom('users').selectAll().where('email', '=', normaliseEmail(email)).executeTakeFirst();
      return row ? toUser(row) : null;
    },

    async all() {
      const rows = await db.selectFrom('users').selectAll().orderBy('id').execute();
      return rows.map(toUser);
    },

    async passwordHash(id) {
      const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
      return row?.password_hash ?? null;
    },

    async setPasswordHash(id, hash) {
      await db.updateTable('users').set({ password_hash: hash }).where('id', '=', id).execute();
    },

    async setActive(id, active) {
      await db.updateTable('users').set({ active }).where('id', '=', id).execute();
    },

    async memberships(userId) {
      const rows = await db.selectFrom('memberships')
        .innerJoin('organisations', 'organisations.id', 'memberships.organisation_id')
        .selectAll('organisations').select('memberships.role')
        .where('memberships.user_id', '=', userId)
        .orderBy('organisations.name').orderBy('organisations.id')
        .execute();
      return rows.map(({ role, ...organisation }) => ({ organisation: toOrganisation(organisation), role: role as Role }));
    },

    async members(organisationId) {
      const rows = await db.selectFrom('memberships').innerJoin('users', 'users.id', 'memberships.user_id')
        .select(['users.id', 'users.display_name', 'memberships.role'])
        .where('memberships.organisation_id', '=', organisationId).where('users.active', '=', true)
        .orderBy('users.display_name').orderBy('users.id')
        .execute();
      return rows.map((r) => ({ userId: r.id, displayName: r.display_name, role: r.role as Role }));
    },

    async setMembership(userId, organisationId, role) {
      if (role === null) {
        await db.deleteFrom('memberships').where('user_id', '=', userId).where('organisation_id', '=', organisationId).execute();
        return;
      }
      await db.insertInto('memberships').values({ user_id: userId, organisation_id: organisationId, role })
        .onConflict((conflict) => conflict.columns(['user_id', 'organisation_id']).doUpdateSet({ role }))
        .execute();
    },
  };
}
