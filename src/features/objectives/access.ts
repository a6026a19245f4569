/**
 * Who may do what with objectives and comply-or-explain: every member of the organisation reads; its analysts, and
 * administrators who are members, create and edit (a future "owner" role, who would update their own objectives,
 * is not there yet). Shared by the slice's routes, which stay thin.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Membership } from '../../store/store.ts';
import { requireMembership } from '../../web/auth/plugin.ts';
import { requestState } from '../../web/auth/request-state.ts';
import { organisationPath } from '../../web/organisation-year.ts';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';

export interface CodeParams { readonly code: string; readonly id?: string }

export function canEdit(request: FastifyRequest, membership: Membership): boolean {
  return membership.role === 'analyst' || request.currentUser?.administrator === true;
}

/** The membership, or null having replied (sign in, or 404 so nobody learns which organisations exist). */
export function member(request: FastifyRequest<{ Params: CodeParams }>, reply: FastifyReply): Membership | null {
  return requireMembership(request, reply, request.params.code);
}

/** The membership of someone who may edit; a viewer gets 403 with words saying who can. */
export function editor(services: Services, request: FastifyRequest<{ Params: CodeParams }>, reply: FastifyReply): Membership | null {
  const membership = member(request, reply);
  if (!membership) return null;
  // API tokens are for reading: a change through the API needs the person's session (and its CSRF token).
  const token = requestState(request)?.authentication.kind === 'api-token';
  if (canEdit(request, membership) && !token) return membership;
  if (token) {
    reply.code(403).send({ error: 'API tokens can only read; sign in to change objectives and comply-or-explain records' });
  } else if (request.url.startsWith('/api/')) {
    reply.code(403).send({ error: 'only analysts and administrators can change objectives and comply-or-explain records' });
  } else {
    reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'You cannot change this', message: 'Only the organisation\'s analysts and administrators can create and edit objectives and comply-or-explain records. You can read them.',
    })));
  }
  return null;
}

/** A positive whole-number id from the path, or null. */
export function idParam(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function objectivesPath(membership: Membership): string {
  return `${organisationPath(membership.organisation)}/objectives`;
}

export function complyPath(membership: Membership): string {
  return `${organisationPath(membership.organisation)}/comply-or-explain`;
}

/** Breadcrumbs every page of the slice starts with. */
export function crumbs(membership: Membership, ...more: { href: string; text: string }[]) {
  return [{ href: '/', text: 'Organisations' }, { href: organisationPath(membership.organisation), text: membership.organisation.name }, ...more];
}

/** Form fields as strings (the first of any sent twice), cut to `max`. */
export function formFields(body: unknown, names: readonly string[], max = 4000): Record<string, string> {
  const b = body && typeof body === 'object' ? (body as Record<string, unknown>) : {};
  return Object.fromEntries(names.map((n) => {
    const raw = b[n];
    const value = typeof raw === 'string' ? raw : Array.isArray(raw) && typeof raw[0] === 'string' ? raw[0] : '';
    return [n, value.slice(0, max)];
  }));
}
