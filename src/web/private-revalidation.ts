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
 * - the person's name in the header, and the hash of the page as kept (web/page-cache.ts: built once per key from
 *   every input it reads, with placeholders for the request's own parts), which with the parts above is the page
 *   sent, so no input can be missed. What a 304 saves is sending the page and the browser's work on it, never the
 *   check of access or the audit; what the page cache saves is building the page again.
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
import type { FastifyReply, FastifyRequest } from 'fastify';
// The application's build (name and version) is in every ETag, so a new release is never answered 304 from an older
// one's page; in a copy laid out otherwise it is 'unknown build', and the page itself is in the ETag too.
import { BUILD } from '../services/code-stamp.ts';
import { withChartsApart } from './charts/index.ts';
import { cspNonce } from './csp-nonce.ts';
import type { OrganisationYear } from './organisation-year.ts';
import { isAnalystAnywhere } from './auth/current-user.ts';
import { fillPage, pageCache, pageKey, PLACEHOLDERS } from './page-cache.ts';
import { type LayoutUser, pageContext, type PageExtra } from './page-context.ts';
import { clientHas } from './public-response.ts';
import type { Services } from './services.ts';

/** The person's browser may keep the page, but must ask each time; no shared cache may keep it. */
export const PRIVATE_REVALIDATE = 'private, no-cache';

/** The ids of the current import versions of an organisation's years (null where a year has none), in order. */
function currentVersionIds(loaded: OrganisationYear): (number | null)[] {
  return loaded.years.map((year) => loaded.current.byYear.get(year)?.id ?? null);
}

/**
 * The weak ETag of a viewer's page (see the module's comment): the request's parts (address, person, session,
 * name in the header), the versions, and the hash of the page as kept (web/page-cache.ts), which is the page sent
 * with those parts filled in.
 */
function privateEtag(request: FastifyRequest, versions: readonly (number | null)[], pageHash: string): string {
  const user = request.currentUser ?? null;
  const hash = createHash('sha256')
    .update(JSON.stringify([BUILD, request.url, user?.id ?? null, user?.displayName ?? null, request.csrfToken ?? '', 'viewer', versions, pageHash]))
    .digest('base64url');
  return `W/"${hash.slice(0, 32)}"`;
}

/** What a page of an organisation's year is built from, and how: see sendYearPage. */
export type PageBuilder = () => PageExtra | Promise<PageExtra>;

/**
 * A page of an organisation's year (web/organisation-year.ts), sent after the route has checked membership and
 * audited the view. `inputs` are everything `build` reads beyond the organisation, year, years, role and person
 * (web/page-cache.ts): the reports and other results it is made from.
 *
 * An analyst's page is built and rendered for this request alone and sent `no-store` with no ETag: never kept. A
 * viewer's page is taken from the page cache (built once per key) with this request's nonce, CSRF token and name
 * filled in, and sent with its ETag and `private, no-cache`, or as 304 (no body, no Content-Security-Policy) when
 * the browser's copy is still the page.
 */
export async function sendYearPage(
  services: Pick<Services, 'render' | 'store'>,
  request: FastifyRequest,
  reply: FastifyReply,
  loaded: OrganisationYear,
  template: string,
  inputs: readonly unknown[],
  build: PageBuilder,
): Promise<FastifyReply> {
  // Its charts drawn once the rest is rendered, off the event loop (charts/off-thread.ts).
  const rendered = (context: () => Promise<Record<string, unknown>>) =>
    withChartsApart(request.server.charts, request.signal, async () => services.render(template, await context()));
  if (loaded.analyst) {
    const html = await rendered(async () => pageContext(request, reply, await build()));
    return reply.header('cache-control', 'no-store').type('text/html').send(html);
  }
  const user = request.currentUser ?? null;
  // As the route read them with the year (web/organisation-year.ts): no query of their own.
  const versions = currentVersionIds(loaded);
  const key = pageKey([
    BUILD, template, request.url, loaded.membership.role, user ? [user.administrator, isAnalystAnywhere(user)] : null,
    loaded.organisation, loaded.year, loaded.years, versions, ...inputs,
  ]);
  const page = await pageCache(services.store).get(key, () => rendered(async () => {
    const context = pageContext(request, reply, await build());
    const layoutUser = context['currentUser'] as LayoutUser | null;
    return {
      ...context,
      currentUser: layoutUser ? { ...layoutUser, displayName: PLACEHOLDERS.displayName } : null,
      csrfToken: PLACEHOLDERS.csrfToken,
      cspNonce: PLACEHOLDERS.nonce,
    };
  }), request.url);
  const etag = privateEtag(request, versions, page.hash);
  reply.header('etag', etag).header('cache-control', PRIVATE_REVALIDATE);
  if (clientHas(request, etag)) {
    reply.removeHeader('content-security-policy');
    return reply.code(304).send();
  }
  const html = fillPage(page, { nonce: cspNonce(reply), csrfToken: request.csrfToken ?? '', displayName: user?.displayName ?? '' });
  return reply.type('text/html').send(html);
}
