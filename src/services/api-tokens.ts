/**
 * API tokens for the read API, made on the account page or by an operator with `npx mirror token create`. A token
 * reads one organisation's figures, as its person may, until it expires (7 to 365 days; 90 unless chosen) or is
 * revoked: by its person on the account page, by an operator (`npx mirror token revoke ID`), and all of a person's at
 * once when their password changes or an administrator removes their access (for one organisation: the tokens for
 * it). The token is shown once; the store keeps only its SHA-256 hash. Every creation and revocation is audited,
 * with ids only.
 */
import type { ApiToken, Store } from '../store/store.ts';
import { hashToken, randomToken } from './tokens.ts';

/** The lifetimes offered on the account page. */
export const API_TOKEN_DAY_CHOICES = [7, 30, 90, 365] as const;
export const DEFAULT_API_TOKEN_DAYS = 90;
export const MAX_API_TOKEN_DAYS = 365;
export const API_TOKEN_NAME_MAX_LENGTH = 60;

const DAY_MS = 86_400_000;

/** Where a token was made or ended, for the audit log: the account page or the command line. */
export type TokenChannel = 'account' | 'cli';

export interface NewApiTokenRequest {
  readonly userId: number;
  readonly organisationId: number;
  readonly name: string;
  readonly days: number;
  readonly now: Date;
  /** The person who asked, or null for the command line. */
  readonly createdBy: number | null;
  readonly via: TokenChannel;
}

export type CreatedApiToken =
  | { readonly ok: true; readonly token: string; readonly apiToken: ApiToken }
  | { readonly ok: false; readonly reason: 'lifetime' | 'name' | 'inactive' | 'not-a-member'; readonly problem: string };

/**
 * Makes a token, after checking (whoever asks) that the person is active and a member of the organisation, and that
 * the name and lifetime are within bounds. The token itself is returned once and never kept.
 */
export async function createApiToken(store: Store, request: NewApiTokenRequest): Promise<CreatedApiToken> {
  if (!Number.isInteger(request.days) || request.days < 1 || request.days > MAX_API_TOKEN_DAYS) {
    return { ok: false, reason: 'lifetime', problem: `A token must last a whole number of days from 1 to ${MAX_API_TOKEN_DAYS}.` };
  }
  if (request.name === '' || request.name.length > API_TOKEN_NAME_MAX_LENGTH) {
    return { ok: false, reason: 'name', problem: `A token's name must be 1 to ${API_TOKEN_NAME_MAX_LENGTH} characters.` };
  }
  const user = await store.users.byId(request.userId);
  if (!user?.active) return { ok: false, reason: 'inactive', problem: 'There is no active account for that person.' };
  const memberships = await store.users.memberships(user.id);
  if (!memberships.some((m) => m.organisation.id === request.organisationId)) {
    return { ok: false, reason: 'not-a-member', problem: 'The person is not a member of that organisation, so a token could not read it.' };
  }
  const token = randomToken();
  const expiresAt = new Date(request.now.getTime() + request.days * DAY_MS);
  const apiToken = await store.apiTokens.create({
    userId: user.id, organisationId: request.organisationId, name: request.name, tokenHash: hashToken(token), expiresAt, now: request.now,
  });
  await store.audit.record({
    userId: request.createdBy, action: 'api-token-created', organisationId: request.organisationId, subject: `api-token/${apiToken.id}`,
    details: { user: user.id, days: request.days, expiresAt: expiresAt.toISOString(), via: request.via },
  });
  return { ok: true, token, apiToken };
}

/** Revokes one token if it still works, and audits it; returns it revoked, or null when there was nothing to do. */
export async function revokeApiToken(store: Store, options: { id: number; now: Date; by: number | null; via: TokenChannel }): Promise<ApiToken | null> {
  const revoked = await store.apiTokens.revoke(options.id, options.now);
  if (revoked) {
    await store.audit.record({
      userId: options.by, action: 'api-token-revoked', organisationId: revoked.organisation?.id ?? null, subject: `api-token/${revoked.id}`,
      details: { user: revoked.userId, via: options.via },
    });
  }
  return revoked;
}

/** Why all of a person's tokens (or those for one organisation) were revoked at once. */
export type RevocationReason = 'password-changed' | 'deactivated' | 'access-removed';

/**
 * Revokes the person's live tokens (with `organisationId`, those that can read it) and audits how many, if any.
 * Sessions are the caller's: a password change keeps the browser that made it signed in.
 */
export async function revokeTokensOf(
  store: Store,
  options: { userId: number; now: Date; by: number | null; reason: RevocationReason; organisationId?: number },
): Promise<number> {
  const count = await store.apiTokens.revokeForUser(options.userId, options.now, options.organisationId === undefined ? undefined : { organisationId: options.organisationId });
  if (count > 0) {
    await store.audit.record({
      userId: options.by, action: 'api-token-revoked', organisationId: options.organisationId ?? null, subject: `user/${options.userId}`,
      details: { count, reason: options.reason },
    });
  }
  return count;
}
