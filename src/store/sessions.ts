/** Signed-in sessions. Only a hash of the session token is kept; the CSRF secret is per session. */
import type { Kysely, Selectable } from 'kysely';
import type { Database, SessionsTable } from './schema.ts';
import type { Session, Store } from './store.ts';
import { toDate } from './values.ts';

function toSession(row: Selectable<SessionsTable>): Session {
  return { id: row.id, userId: row.user_id, expiresAt: toDate(row.expires_at), csrfSecret: row.csrf_secret };
}

export function sessionsRepository(db: Kysely<Database>): Store['sessions'] {
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

    async delete(tokenHash) {
      await db.deleteFrom('sessions').where('token_hash', '=', tokenHash).execute();
    },

    async deleteForUser(userId) {
      await db.deleteFrom('sessions').where('user_id', '=', userId).execute();
    },
  };
}
