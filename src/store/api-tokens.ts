/** Tokens for the read API. Only a hash of each token is kept; each use is recorded. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { Store } from './store.ts';

export function apiTokensRepository(db: Kysely<Database>): Store['apiTokens'] {
  return {
    async create(userId, name, tokenHash) {
      await db.insertInto('api_tokens')
        .values({ user_id: userId, name, token_hash: tokenHash, created_at: new Date(), last_used_at: null })
        .execute();
    },

    async use(tokenHash, now) {
      const row = await db.updateTable('api_tokens').set({ last_used_at: now })
        .where('token_hash', '=', tokenHash)
        .returning('user_id')
        .executeTakeFirst();
      return row?.user_id ?? null;
    },
  };
}
