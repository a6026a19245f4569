/** Signed-in sessions. Only a hash of the session token is kept; the CSRF secret is per session. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from './schema.ts';
import type { Membership, Role, Session, SignedIn, Store } from './store.ts';
import { compiledOnce } from './compiled-once.ts';
import { toBoolean, toDate } from './values.ts';

function toSession(row: Selectable<SessionsTable>): Session {
  return { id: row.id, userId: row.user_id, expiresAt: toDate(row.expires_at), csrfSecret: row.csrf_secret };
}

export function sessionsRepository(db: Kysely<Database>): Store['sessions'] {
  // Every signed-in request's query: built and compiled once (compiled-once.ts).
  const signedInRows = compiledOnce(db, 2, (tokenHash: string, now: Date) => db.selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('memberships', 'memberships.user_id', 'users.id')
    .leftJoin('organisations', 'organisations.id', 'memberships.organisation_id')
    .select((eb) => [
      'sessions.id as session_id', 'sessions.user_id', 'sessions.expires_at', 'sessions.csrf_secret',
      'users.email', 'users.display_name', 'users.administrator', 'users.active', 'users.created_at',
      eb('users.password_hash', 'is not', null).as('has_password'),
      'memberships.role', 'organisations.id as organisation_id', 'organisations.code', 'organisations.name',
      'organisations.region', 'organisations.type', 'organisations.synthetic',
    ])
    .where('sessions.token_hash', '=', tokenHash).where('sessions.expires_at', '>', now)
    .orderBy('organisations.name').orderBy('organisations.id'));

  return {
    async create(tokenHash, userId, expiresAt, csrfSecret) {
      const row = await db.insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, csrf_secret: csrfSecret, created_at: new Date() })
        .returningAll().executeTakeFirstOrThrow();
      return toSession(row);
    },

    async byTokenHash(tokenHash, now) {
      const row = await db.selectFrom('sessions').selectAll()
        .where('token_hash', '=', tokenHash).where('expires_at', '>', now)
        .executeTakeFirst();
      return row ? toSession(row) : null;
    },

    /**
     * One row per membership (one with no organisation when the person has none), each carrying the session and the
     * person: what byTokenHash, users.byId and users.memberships read in three queries. A session always has its
     * person (sessions.user_id is a foreign key, deleted with them).
     */
    async signedIn(tokenHash, now): Promise<SignedIn | null> {
      const rows = await signedInRows(tokenHash, now);
      const [first] = rows;
      if (!first) return null;
      const memberships: Membership[] = [];
      for (const row of rows) {
        if (row.organisation_id === null || row.code === null || row.name === null || row.synthetic === null || row.role === null) continue;
        memberships.push({
          organisation: { id: row.organisation_id, code: row.code, name: row.name, region: row.region, type: row.type, synthetic: toBoolean(row.synthetic) },
          role: row.role as Role,
        });
      }
      return {
        session: { id: first.session_id, userId: first.user_id, expiresAt: toDate(first.expires_at), csrfSecret: first.csrf_secret },
        user: {
          id: first.user_id, email: first.email, displayName: first.display_name, administrator: toBoolean(first.administrator),
          hasPassword: toBoolean(first.has_password), active: toBoolean(first.active), createdAt: toDate(first.created_at),
        },
        memberships,
      };
    },

    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteForUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}
