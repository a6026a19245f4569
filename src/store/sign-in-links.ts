/** One-time sign-in links. Only a hash of each token is kept, so a copy of the database cannot be used to sign in. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export function signInLinksRepository(db: Kysely<Database>): Store['signInLinks'] {
  return {
    async create(tokenHash, expiresAt, userId) {
      await db.insertInto('sign_in_links')
        .values({ token_hash: tokenHash, user_id: userId, expires_at: expiresAt, used_at: null, created_at: new Date() })
        .execute();
    },

    /**
     * One conditional UPDATE both checks and marks the link, so of two simultaneous uses exactly one finds it
     * unused: the database serialises the two updates of the row, and the second no longer matches.
     */
    async consume(tokenHash, now) {
      const row = await db.updateTable('sign_in_links').set({ used_at: now })
        .where('token_hash', '=', tokenHash).where('used_at', 'is', null).where('expires_at', '>', now)
        .returning('user_id')
        .executeTakeFirst();
      return row ? { userId: row.user_id } : null;
    },
  };
}
