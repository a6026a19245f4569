/**
 * Answers of the public pages and open data (features/publish/public-routes.ts, features/regions/public-routes.ts):
 * an ETag (a hash of the body) with Cache-Control, 304 when the client has the body already, and a
 * Content-Security-Policy that allows the page's inline scripts by hash rather than by a nonce, so the same bytes
 * can be served again.
 */
import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Services } from './services.ts';

const YEAR_SECONDS = 31_536_000;

/** A version's data never changes (a year); a version's page may improve in design (a day); lists change (five minutes). */
export const PUBLIC_CACHE = {
  frozen: `public, max-age=${YEAR_SECONDS}, immutable`,
  versionPage: 'public, max-age=86400',
  changing: 'public, max-age=300',
} as const;

/** The inline scripts' hashes take the place of the response's nonce, so the page's bytes do not change. */
export function fixedPolicy(reply: FastifyReply, html: string): void {
  const policy = reply.getHeader('content-security-policy');
  if (typeof policy !== 'string') return;
  const hashes = [...html.matchAll(/<script>([^<]*)<\/script>/g)].map((m) => `'sha256-${createHash('sha256').update(m[1]!).digest('base64')}'`);
  const directives = policy.split(';').map((d) => d.trim()).filter(Boolean).map((d) => {
    const [name, ...values] = d.split(/\s+/);
    const kept = values.filter((v) => !v.startsWith("'nonce-"));
    return [name, ...kept, ...(name === 'script-src' ? hashes : [])].join(' ');
  });
  reply.header('content-security-policy', directives.join(';'));
}

/** Whether the request's If-None-Match names the ETag (weak comparison, as RFC 9110 says for If-None-Match). */
export function clientHas(request: FastifyRequest, etag: string): boolean {
  const presented = request.headers['if-none-match'];
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  return typeof presented === 'string' && presented.split(',').map(opaque).includes(opaque(etag));
}

/** Sends a body with its ETag and caching, or 304 when the client has it already. */
export function sendCached(request: FastifyRequest, reply: FastifyReply, body: string, type: string, cacheControl: string, fileName?: string): FastifyReply {
  const etag = `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
  reply.header('etag', etag).header('cache-control', cacheControl).header('x-robots-tag', 'all');
  if (fileName) reply.header('content-disposition', `inline; filename="${fileName}"`);
  if (clientHas(request, etag)) return reply.code(304).send();
  return reply.type(type).send(body);
}

/** A public page with the layout's context for someone not signed in: no navigation, no forms, no nonce. */
export function sendPublicPage(
  services: Pick<Services, 'render'>, request: FastifyRequest, reply: FastifyReply, template: string, context: Record<string, unknown>, cacheControl: string,
): FastifyReply {
  const html = services.render(template, { ...context, currentUser: null, navigation: [], csrfToken: '', cspNonce: '' });
  fixedPolicy(reply, html);
  return sendCached(request, reply, html, 'text/html; charset=utf-8', cacheControl);
}
