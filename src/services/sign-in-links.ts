/**
 * One-time sign-in links. Mirror sends no email, so a link is shown to whoever asked for it (the person starting the
 * server for the first time, `npx mirror sign-in-link`, or an administrator adding someone) to pass on. The link
 * holds a random token; the store keeps only its hash, and the link works once, until it expires.
 *
 * A link with no user is a first-run link: used while nobody has an account, it lets the holder create the first
 * administrator.
 */
import type { Store } from '../store/store.ts';
import { hashToken, randomToken } from './tokens.ts';

export const DEFAULT_LINK_LIFETIME_MINUTES = 60;

export interface SignInLinkOptions {
  /** Where people reach the service, e.g. https://mirror.example.nhs.uk */
  readonly baseUrl: string;
  /** The person the link signs in, or null for a first-run link. */
  readonly userId: number | null;
  readonly now: Date;
  readonly lifetimeMinutes?: number;
  /** Who asked for the link, for the audit log; null for the server or the command line. */
  readonly createdBy?: number | null;
}

/** Creates a link and returns its full address, …/sign-in/link?token=… . The token is never logged or audited. */
export async function createSignInLink(store: Store, options: SignInLinkOptions): Promise<string> {
  const lifetimeMinutes = options.lifetimeMinutes ?? DEFAULT_LINK_LIFETIME_MINUTES;
  if (!Number.isFinite(lifetimeMinutes) || lifetimeMinutes <= 0) throw new Error('A sign-in link must last a positive number of minutes.');
  const token = randomToken();
  const expiresAt = new Date(options.now.getTime() + lifetimeMinutes * 60_000);
  await store.signInLinks.create(hashToken(token), expiresAt, options.userId);
  await store.audit.record({
    userId: options.createdBy ?? null,
    action: 'sign-in-link-created',
    subject: options.userId === null ? 'first-administrator' : `user/${options.userId}`,
    details: { expiresAt: expiresAt.toISOString(), lifetimeMinutes },
  });
  const url = new URL('/sign-in/link', options.baseUrl);
  url.searchParams.set('token', token);
  return url.toString();
}

/**
 * For the server at start: while nobody has an account, a new first-run link to print; otherwise null. Each start
 * makes a new link, and an unused old one simply expires.
 */
export async function firstRunSignInLink(store: Store, options: { baseUrl: string; now: Date; lifetimeMinutes?: number }): Promise<string | null> {
  if ((await store.users.count()) > 0) return null;
  return createSignInLink(store, { baseUrl: options.baseUrl, userId: null, now: options.now, lifetimeMinutes: options.lifetimeMinutes });
}
