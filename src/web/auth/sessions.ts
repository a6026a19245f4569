/**
 * Sessions: a random token in an HttpOnly cookie, its SHA-256 hash in the store, 8 hours from sign-in. Every
 * sign-in makes a new token (so a token planted before sign-in is worthless) and sign-out deletes the stored session.
 */
import type { FastifyReply } from 'fastify';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { Session, SignedIn, Store } from '../../store/store.ts';
import { hashToken, looksLikeToken, randomToken } from '../../services/tokens.ts';

export const SESSION_COOKIE = 'mirror_session';
export const SESSION_LIFETIME_MS = 8 * 60 * 60 * 1000;

/** Attributes shared by all of Mirror's cookies: never readable by scripts, not sent on cross-site form posts. */
export function cookieOptions(secure: boolean, extra: Partial<CookieSerializeOptions> = {}): CookieSerializeOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure, ...extra };
}

export interface StartedSession {
  readonly token: string;
  readonly session: Session;
}

/**
 * Creates a session for the user and sets its cookie. If the browser already held a session (someone else's, or an
 * old one of theirs), that session is deleted first.
 */
export async function startSession(
  store: Store,
  reply: FastifyReply,
  options: { userId: number; now: Date; secure: boolean; previousToken?: string | undefined },
): Promise<StartedSession> {
  if (looksLikeToken(options.previousToken)) await store.sessions.delete(hashToken(options.previousToken));
  const token = randomToken();
  const expiresAt = new Date(options.now.getTime() + SESSION_LIFETIME_MS);
  const session = await store.sessions.create(hashToken(token), options.userId, expiresAt, randomToken());
  reply.setCookie(SESSION_COOKIE, token, cookieOptions(options.secure, { expires: expiresAt, maxAge: SESSION_LIFETIME_MS / 1000 }));
  return { token, session };
}

/** The live session a cookie value names, with its person (active or not) and their memberships, or null. */
export async function findSignedIn(store: Store, token: string | undefined, now: Date): Promise<SignedIn | null> {
  if (!looksLikeToken(token)) return null;
  return store.sessions.signedIn(hashToken(token), now);
}

/** Deletes the stored session (if any) and tells the browser to forget the cookie. */
export async function endSession(store: Store, reply: FastifyReply, token: string | undefined, secure: boolean): Promise<void> {
  if (looksLikeToken(token)) await store.sessions.delete(hashToken(token));
  clearSessionCookie(reply, secure);
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, cookieOptions(secure));
}
