/**
 * Tokens for the read API. Only a hash of each token is kept; each use is recorded. A token works until its expiry
 * or its revocation, whichever comes first; neither is ever undone.
 */
import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import { toOrganisation } from './organisations.ts';
import type { ApiTokensTable, Database, OrganisationsTable } from './schema.ts';
import type { ApiToken, Store } from './store.ts';
import { toDate, toNullableDate } from './values.ts';

/** A token joined to its organisation, whose columns come back prefixed so they cannot clash with the token's. */
type TokenRow = Selectable<ApiTokensTable> & {
  [K in keyof Selectable<OrganisationsTable> as `organisation_${K}`]: Selectable<OrganisationsTable>[K] | null
};

function toApiToken(row: TokenRow): ApiToken {
  const organisation = row.organisation_id === null || row.organisation_code === null ? null : toOrganisation({
    id: row.organisation_id, code: row.organisation_code, name: row.organisation_name ?? '', region: row.organisation_region ?? null,
    type: row.organisation_type ?? null, synthetic: row.organisation_synthetic ?? false,
  });
  return {
    id: row.id,
    userId: row.user_id,
    organisation,
    name: row.name,
    createdAt: toDate(row.created_at),
    // Set for every token since migration 0005; a missing one reads as long expired.
    expiresAt: toNullableDate(row.expires_at) ?? new Date(0),
    lastUsedAt: toNullableDate(row.last_used_at),
    revokedAt: toNullableDate(row.revoked_at),
  };
}

/** Neither revoked nor expired at `now`. */
function isLive(now: Date) {
  return (eb: ExpressionBuilder<Database, 'api_tokens'>) =>
    eb.and([eb('api_tokens.revoked_at', 'is', null), eb('api_tokens.expires_at', '>', now)]);
}

export function apiTokensRepository(db: Kysely<Database>): Store['apiTokens'] {
  const withOrganisation = () => db.selectFrom('api_tokens')
    .leftJoin('organisations', 'organisations.id', 'api_tokens.organisation_id')
    .selectAll('api_tokens')
    .select([
      'organisations.code as organisation_code', 'organisations.name as organisation_name',
      'organisations.region as organisation_region', 'organisations.type as organisation_type',
      'organisations.synthetic as organisation_synthetic',
    ]);

  const byId = async (id: number): Promise<ApiToken | null> => {
    const row = await withOrganisation().where('api_tokens.id', '=', id).executeTakeFirst();
    return row ? toApiToken(row as TokenRow) : null;
  };

  return {
    async create(token) {
      const row = await db.insertInto('api_tokens').values({
        user_id: token.userId, organisation_id: token.organisationId, name: token.name, token_hash: token.tokenHash,
        created_at: token.now, expires_at: token.expiresAt, revoked_at: null, last_used_at: null,
      }).returning('id').executeTakeFirstOrThrow();
      return (await byId(row.id))!;
    },

    byId,

    async use(tokenHash, now) {
      const row = await db.updateTable('api_tokens').set({ last_used_at: now })
        .where('token_hash', '=', tokenHash)
        .where(isLive(now))
        .returning(['id', 'user_id', 'organisation_id'])
        .executeTakeFirst();
      return row ? { tokenId: row.id, userId: row.user_id, organisationId: row.organisation_id } : null;
    },

    async live(userId, now) {
      const rows = await withOrganisation().where('api_tokens.user_id', '=', userId).where(isLive(now))
        .orderBy('api_tokens.created_at', 'desc').orderBy('api_tokens.id', 'desc').execute();
      return rows.map((row) => toApiToken(row as TokenRow));
    },

    async revoke(id, now) {
      const row = await db.updateTable('api_tokens').set({ revoked_at: now })
        .where('id', '=', id).where(isLive(now))
        .returning('id').executeTakeFirst();
      return row ? byId(row.id) : null;
    },

    async revokeForUser(userId, now, options) {
      let query = db.updateTable('api_tokens').set({ revoked_at: now }).where('user_id', '=', userId).where(isLive(now));
      if (options) {
        query = query.where((eb) => eb.or([eb('organisation_id', '=', options.organisationId), eb('organisation_id', 'is', null)]));
      }
      const rows = await query.returning('id').execute();
      return rows.length;
    },
  };
}
