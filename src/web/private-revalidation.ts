/**
 * Private report pages revalidated (issue 15 item 5): the pages of an organisation's year that read stored reports
 * (the WRES dashboard, indicators and breakdowns, the WDES pages, the overview, the comparisons, the monthly and
 * the targets pages) are sent with an ETag and
 * `Cache-Control: private, no-cache`, so the person's own browser may keep the page but asks each time whether it
 * still holds, and is answered 304 with no body when it does. Never a shared cache: `private`.
 *
 * The ETag (weak: two answers differ in their nonce, see below) is a hash of everything the page depends on:
 * - the application's build (its package name and version);
 * - the address with its query string;
 * - the person (their id) and their session (the CSRF token the page's forms carry is the session's own), so
 *   nobody's ETag matches another's, nor that of the same person's earlier session;
 * - the view: an analyst's (small numbers on screen) or a viewer's;
 * - the ids of the current import versions of the organisation's years, so a new import is a new ETag;
 * - and the page itself as rendered, without its nonce: whatever else it reads (peers' imports and national
 *   figures on the overview, the organisation's name, targets, the header's navigation) is in it, so no input can
 *   be missed. The page is therefore rendered on every request (from cached reports, services/computed-cache.ts):
 *   what a 304 saves is sending the page and the browser's work on it, never the check of access or the audit.
 *
 * The route checks membership and records the view in the audit before calling this, exactly as before, so a 304
 * is a view audited like any other.
 *
 * Only the everyone-else view is kept: an analyst's page shows counts of 1 to 7 (special-category data about a few
 * people), so it is sent `no-store` with no ETag, as before, and never lands in a browser's cache on a computer that
 * may be shared. The viewer's page has every such count withheld, like a download.
 *
 * The nonce: every response has a new Content-Security-Policy nonce, which the page's scripts carry. A browser
 * merges a 304's headers into the response it kept, so a 304 with a new policy would pair the kept page's scripts
 * with a nonce they do not carry, and block them. So a 304 is sent with no Content-Security-Policy at all: the
 * browser keeps the policy it stored with that page, whose nonce the page's scripts carry. (Reusing a nonce across
 * responses was the other choice, and was not taken: a nonce is only worth having if each page's is new.) A 304
 * has no body, so it needs no policy of its own.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Store } from '../store/store.ts';
import { cspNonce } from './csp-nonce.ts';
import type { OrganisationYear } from './organisation-year.ts';
import { pageContext, type PageExtra } from './page-context.ts';
import { clientHas } from './public-response.ts';
import type { Services } from './services.ts';

/** The person's browser may keep the page, but must ask each time; no shared cache may keep it. */
export const PRIVATE_REVALIDATE = 'private, no-cache';

/**
 * The application's build, in every ETag, so a new release is never answered 304 from an older one's page: the
 * package's name and version, from the package.json two folders up (from src/web/ or dist/web/). A copy laid out
 * otherwise still works: the page itself is in the ETag too.
 */
export const BUILD = buildStamp();

function buildStamp(): string {
  try {
    const { name, version } = createRequire(import.meta.url)('../../package.json') as { name: string; version: string };
    return `${name}@${version}`;
  } catch {
    return 'unknown build';
  }
}

/** What a page of an organisation's year is, beyond its address and the person asking. */
export interface PageVariant {
  /** Whether the page is the analyst's view (small numbers on screen) or everyone else's. */
  readonly analyst: boolean;
  /** The ids of the current import versions the page reads (see currentVersionIds). */
  readonly versions: readonly (number | null)[];
}

/** The ids of the current import versions of an organisation's years (null where a year has none), in order. */
export async function currentVersionIds(store: Store, organisationId: number, years: readonly number[]): Promise<(number | null)[]> {
  const ids: (number | null)[] = [];
  for (const year of years) ids.push((await store.imports.current(organisationId, year))?.id ?? null);
  return ids;
}

/** The weak ETag of a private page (see the module's comment); `html` is the page as sent, nonce and all. */
export function privateEtag(request: FastifyRequest, reply: FastifyReply, variant: PageVariant, html: string): string {
  const nonce = cspNonce(reply);
  const page = nonce ? html.replaceAll(nonce, '') : html;
  const hash = createHash('sha256')
    .update(JSON.stringify([BUILD, request.url, request.currentUser?.id ?? null, request.csrfToken ?? '', variant.analyst ? 'analyst' : 'viewer', variant.versions]))
    .update('\n')
    .update(page)
    .digest('base64url');
  return `W/"${hash.slice(0, 32)}"`;
}

/**
 * Renders a private page with the page context and sends it with its ETag and `private, no-cache`, or 304 (no body,
 * no Content-Security-Policy) when the browser's copy is still the page.
 */
export function sendPrivatePage(
  services: Pick<Services, 'render'>,
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  context: PageExtra,
  variant: PageVariant,
): FastifyReply {
  const html = services.render(template, pageContext(request, reply, context));
  if (variant.analyst) return reply.header('cache-control', 'no-store').type('text/html').send(html);
  const etag = privateEtag(request, reply, variant, html);
  reply.header('etag', etag).header('cache-control', PRIVATE_REVALIDATE);
  if (clientHas(request, etag)) {
    reply.removeHeader('content-security-policy');
    return reply.code(304).send();
  }
  return reply.type('text/html').send(html);
}

/**
 * A page of an organisation's year (web/organisation-year.ts) sent as above: the variant is the person's view and
 * the current versions of every year the organisation has imported (any of which the page may read).
 */
export async function sendYearPage(
  services: Pick<Services, 'render' | 'store'>,
  request: FastifyRequest,
  reply: FastifyReply,
  loaded: OrganisationYear,
  template: string,
  context: PageExtra,
): Promise<FastifyReply> {
  const versions = await currentVersionIds(services.store, loaded.organisation.id, loaded.years);
  return sendPrivatePage(services, request, reply, template, context, { analyst: loaded.analyst, versions });
}
