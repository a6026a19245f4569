/**
 * Cross-site request forgery protection for every POST, PUT, PATCH and DELETE outside /api/.
 *
 * - Signed in: the token is an HMAC of the session's own csrfSecret, so it changes with every sign-in.
 * - Signed out (the sign-in and first-run setup forms): a signed double-submit cookie, `mirror_csrf`. The cookie
 *   holds a random value signed with the service's key; the form carries the same value. A site that cannot read our
 *   cookies cannot know the value, and one that can plant cookies (a sibling subdomain) cannot sign one.
 *
 * The token is accepted from the form field `_csrf` or the header `x-csrf-token`. The check runs as a preHandler
 * hook, after @fastify/formbody has parsed the body.
 *
 * Multipart uploads: the body is not parsed before the route runs, so the hook cannot see a `_csrf` field in it. A
 * multipart route either sends the header, or declares `config: { csrf: 'manual' }` and then calls
 * `verifyCsrf(request, value)` itself with the value of the `_csrf` field (send it as the first field) before reading
 * or storing anything else, replying 403 when it returns false. Without that declaration a multipart request
 * without the header is refused, so a route cannot forget the check by accident.
 *
 * Under /api/, requests authenticated by a bearer token need no CSRF token (a browser never adds one on its own);
 * requests authenticated by the session cookie must send the `x-csrf-token` header.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { hmac, randomToken, safeEqual } from '../../services/tokens.ts';
import { requestState } from './request-state.ts';
import { cookieOptions } from './sessions.ts';
import type { Signer } from './signing.ts';

export const CSRF_FIELD = '_csrf';
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_COOKIE = 'mirror_csrf';
/** How long a signed-out form stays usable. */
const SIGNED_OUT_CSRF_LIFETIME_MS = 12 * 60 * 60 * 1000;

declare module 'fastify' {
  interface FastifyContextConfig {
    /** `'manual'`: this route (a multipart upload) calls `verifyCsrf` itself; see src/web/auth/csrf.ts. */
    csrf?: 'manual';
  }
}

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function isUnsafeMethod(method: string): boolean {
  return UNSAFE_METHODS.has(method.toUpperCase());
}

/** The CSRF token for a signed-in session. */
export function sessionCsrfToken(csrfSecret: string): string {
  return hmac(csrfSecret, 'mirror/csrf/v1');
}

/**
 * For a signed-out request: the value the browser proved it holds (from a valid signed cookie), and the value to
 * put in forms (the same one, or a new one whose cookie is set on this response).
 */
export function signedOutCsrf(
  request: FastifyRequest,
  reply: FastifyReply,
  options: { signer: Signer; now: Date; secure: boolean },
): { expected: string | null; token: string } {
  const held = options.signer.verify('csrf', request.cookies[CSRF_COOKIE], options.now);
  if (held) return { expected: held, token: held };
  const token = randomToken();
  const expiresAt = new Date(options.now.getTime() + SIGNED_OUT_CSRF_LIFETIME_MS);
  reply.setCookie(CSRF_COOKIE, options.signer.sign('csrf', token, expiresAt), cookieOptions(options.secure));
  return { expected: null, token };
}

/** The token a request presents: the header, else the `_csrf` field of a parsed form or JSON body. */
export function presentedCsrfToken(request: FastifyRequest): string | undefined {
  const header = request.headers[CSRF_HEADER];
  if (typeof header === 'string' && header !== '') return header;
  const body = request.body;
  if (body && typeof body === 'object' && !Buffer.isBuffer(body)) {
    const field = (body as Record<string, unknown>)[CSRF_FIELD];
    if (typeof field === 'string') return field;
  }
  return undefined;
}

/**
 * True when `token` is the CSRF token this request must carry. Routes declared with `config: { csrf: 'manual' }`
 * call this with the `_csrf` field they read from a multipart body.
 */
export function verifyCsrf(request: FastifyRequest, token: unknown): boolean {
  const expected = requestState(request)?.expectedCsrf;
  if (typeof expected !== 'string' || expected === '' || typeof token !== 'string' || token === '') return false;
  return safeEqual(expected, token);
}

/** Whether the preHandler hook should check this request, or leave it (to the route, or because it is exempt). */
export function csrfCheckNeeded(request: FastifyRequest): boolean {
  if (!isUnsafeMethod(request.method)) return false;
  const path = request.url.split('?')[0] ?? '';
  if (path.startsWith('/api/')) return requestState(request)?.authentication.kind === 'session';
  if (request.routeOptions.config?.csrf === 'manual' && request.headers[CSRF_HEADER] === undefined) return false;
  return true;
}
