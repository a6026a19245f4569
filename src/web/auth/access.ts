/**
 * Access checks for route handlers. Each either returns what the route needs, or has already replied (and the
 * route must then `return reply`):
 *
 *   const user = requireSignedIn(request, reply); if (!user) return reply;
 *   const membership = requireMembership(request, reply, code, ['analyst']); if (!membership) return reply;
 *
 * Signed-out page requests are sent to /sign-in (with `next` set to this page for GET requests); signed-out API
 * requests get 401 JSON. A missing membership is answered as "page not found", never "forbidden", so that nobody
 * learns which other organisations exist. Being an administrator grants no access to any organisation's figures:
 * administrators manage people, and give themselves a membership (which is audited) if they need one. The one
 * exception is the regional and national view (features/regions/), which shows administrators every organisation's
 * headline figures exactly as publication would (figures resting on counts of 1 to 7 withheld), each view audited.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Membership, Role } from '../../store/store.ts';
import type { CurrentUser } from './current-user.ts';
import { requestState } from './request-state.ts';
import { sendPage } from './context.ts';

function isApi(request: FastifyRequest): boolean {
  return request.url.startsWith('/api/');
}

/** A relative, same-site address to return to, or '/' for anything else (absolute, protocol-relative, odd). */
export function safeNext(next: unknown): string {
  if (typeof next !== 'string' || next.length === 0 || next.length > 2000) return '/';
  if (!next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  // biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is what this pattern is for
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return '/';
  try {
    const base = 'http://mirror.invalid';
    const url = new URL(next, base);
    if (url.origin !== base) return '/';
    return `${url.pathname}${url.search}`;
  } catch {
    return '/';
  }
}

/** The sign-in address that returns to this request's page afterwards. */
export function signInAddressFor(request: FastifyRequest): string {
  const here = request.method === 'GET' || request.method === 'HEAD' ? safeNext(request.url) : '/';
  return here === '/' ? '/sign-in' : `/sign-in?next=${encodeURIComponent(here)}`;
}

export function requireSignedIn(request: FastifyRequest, reply: FastifyReply): CurrentUser | null {
  if (request.currentUser) return request.currentUser;
  if (isApi(request)) {
    reply.code(401).header('www-authenticate', 'Bearer').send({ error: 'authentication required' });
  } else {
    reply.header('cache-control', 'no-store').redirect(signInAddressFor(request), 303);
  }
  return null;
}

export function requireAdministrator(request: FastifyRequest, reply: FastifyReply): CurrentUser | null {
  const user = requireSignedIn(request, reply);
  if (!user) return null;
  if (user.administrator) return user;
  forbid(request, reply);
  return null;
}

/**
 * The person's membership of the organisation (with one of `roles`, when given), or null after replying "not
 * found" through the app's not-found handler.
 */
export function requireMembership(
  request: FastifyRequest,
  reply: FastifyReply,
  organisationCode: string,
  roles?: readonly Role[],
): Membership | null {
  const user = requireSignedIn(request, reply);
  if (!user) return null;
  const membership = user.memberships.find((m) => m.organisation.code === organisationCode);
  if (membership && (!roles || roles.includes(membership.role))) return membership;
  reply.callNotFound();
  return null;
}

function forbid(request: FastifyRequest, reply: FastifyReply): void {
  if (isApi(request)) {
    reply.code(403).send({ error: 'forbidden' });
    return;
  }
  const context = requestState(request)?.context;
  if (!context) {
    reply.code(403).type('text/plain; charset=utf-8').send('You do not have permission to see this page.');
    return;
  }
  sendPage(context, request, reply, 'pages/auth/forbidden.njk', { title: 'You do not have permission to see this page' }, 403);
}
