/**
 * API tokens get an organisation, an expiry and a revocation time. A token made from now on reads one organisation's
 * figures until it expires (7 to 365 days; 90 by default) or is revoked. Tokens made before this migration had none
 * of these: they keep reading every organisation their person can see (organisation_id null), and expire 90 days
 * after the upgrade, so nothing breaks at once but no token lives for ever. expires_at is always set from here on;
 * the store treats a missing one as expired.
 */
import type { Kysely } from 'kysely';
import type { DialectColumns } from './column-types.ts';

// Migrations see the database as it was when they were written.
type AnyDb = Kysely<any>;

export const LEGACY_TOKEN_DAYS = 90;

export async function up(db: AnyDb, { timestamp }: DialectColumns, now: Date = new Date()): Promise<void> {
  await db.schema.alterTable('api_tokens')
    .addColumn('organisation_id', 'integer', (c) => c.references('organisations.id').onDelete('cascade'))
    .execute();
  await db.schema.alterTable('api_tokens').addColumn('expires_at', timestamp).execute();
  await db.schema.alterTable('api_tokens').addColumn('revoked_at', timestamp).execute();
  await db.updateTable('api_tokens').set({ expires_at: new Date(now.getTime() + LEGACY_TOKEN_DAYS * 86_400_000) }).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const column of ['revoked_at', 'expires_at', 'organisation_id']) {
    await db.schema.alterTable('api_tokens').dropColumn(column).execute();
  }
}
