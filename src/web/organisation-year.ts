/**
 * What every page and download of an organisation's year starts with, written once for all features: the
 * membership that lets the person see it (404 otherwise, so nobody learns which organisations exist), the year the
 * path names (404 when it is not a year that was imported), whether the person is the organisation's analyst, and
 * the audit of each view and export. Feature routes call these and stay thin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type CurrentImports, currentImports } from '../services/standard-reports.ts';
import type { Membership, Organisation } from '../store/store.ts';
import { requireMembership } from './auth/plugin.ts';
import { pageContext } from './page-context.ts';
import type { Services } from './services.ts';

export interface OrganisationYearParams { readonly code: string; readonly year: string }

export interface OrganisationYear {
  readonly membership: Membership;
  readonly organisation: Organisation;
  readonly year: number;
  /** Every imported year of the organisation, newest first. */
  readonly years: readonly number[];
  /**
   * The organisation's current import versions, read once for the request (in the same query as the years): the
   * page's reports and its validator (private-revalidation.ts) take them from here rather than read them again.
   */
  readonly current: CurrentImports;
  /** The organisation's analysts see small numbers on screen; everyone else, and every download, never does. */
  readonly analyst: boolean;
}

/** "/organisations/RXX" or "/organisations/RXX/2025": the base of an organisation's (year's) pages. */
export function organisationPath(organisation: Pick<Organisation, 'code'>, year?: number): string {
  return `/organisations/${encodeURIComponent(organisation.code)}${year === undefined ? '' : `/${year}`}`;
}

/** The organisation and year the path names, or null having replied 404 (or sent the person to sign in). */
export async function loadOrganisationYear(
  services: Pick<Services, 'store'>,
  request: FastifyRequest<{ Params: OrganisationYearParams }>,
  reply: FastifyReply,
): Promise<OrganisationYear | null> {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  const current = await currentImports(services.store, membership.organisation.id);
  const { years } = current;
  if (year === null || !years.includes(year)) {
    await reply.callNotFound();
    return null;
  }
  return { membership, organisation: membership.organisation, year, years, current, analyst: membership.role === 'analyst' };
}

/** Records that the person viewed or exported an organisation's equality data (with what was shown, if given). */
export async function auditAccess(
  services: Pick<Services, 'store'>,
  request: FastifyRequest,
  action: 'view' | 'export',
  organisation: Organisation,
  subject: string,
  details?: Readonly<Record<string, unknown>>,
): Promise<void> {
  await services.store.audit.record({ userId: request.currentUser?.id ?? null, action, organisationId: organisation.id, subject, ...(details ? { details } : {}) });
}

/** Renders a page with the page context (navigation, CSRF token, nonce) every page has. */
export function renderPage(
  services: Pick<Services, 'render'>,
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  context: { readonly title: string } & Record<string, unknown>,
): FastifyReply {
  return reply.type('text/html').send(services.render(template, pageContext(request, reply, context)));
}
