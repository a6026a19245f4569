/**
 * Who may do what with interventions: every member of the organisation reads; its analysts, and administrators who
 * are members, create and edit. API tokens only read. (The same rule as objectives; see features/objectives.)
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Membership } from '../../store/store.ts';
import { requireMembership } from '../../web/auth/plugin.ts';
import { requestState } from '../../web/auth/request-state.ts';
import { organisationPath } from '../../web/organisation-year.ts';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';

export interface InterventionParams { readonly code: string; readonly id?: string; readonly interventionId?: string }

export function canEdit(request: FastifyRequest, membership: Membership): boolean {
  return membership.role === 'analyst' || request.currentUser?.administrator === true;
}

/** The membership, or null having replied (sign in, or 404 so nobody learns which organisations exist). */
export function member(request: FastifyRequest<{ Params: InterventionParams }>, reply: FastifyReply): Membership | null {
  return requireMembership(request, reply, request.params.code);
}

/** The membership of someone who may edit; anyone else gets 403 with words saying who can. */
export function editor(services: Services, request: FastifyRequest<{ Params: InterventionParams }>, reply: FastifyReply): Membership | null {
  const membership = member(request, reply);
  if (!membership) return null;
  const token = requestState(request)?.authentication.kind === 'api-token';
  if (canEdit(request, membership) && !token) return membership;
  if (token) {
    reply.code(403).send({ error: 'API tokens can only read; sign in to change interventions' });
  } else if (request.url.startsWith('/api/')) {
    reply.code(403).send({ error: 'only analysts and administrators can change interventions' });
  } else {
    reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'You cannot change this', message: 'Only the organisation\'s analysts and administrators can add and change interventions. You can read them.',
    })));
  }
  return null;
}

/** A positive whole-number id from the path, or null. */
export function idParam(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function objectivePath(membership: Membership, objectiveId: number): string {
  return `${organisationPath(membership.organisation)}/objectives/${objectiveId}`;
}

export function interventionPath(membership: Membership, objectiveId: number, interventionId: number): string {
  return `${objectivePath(membership, objectiveId)}/interventions/${interventionId}`;
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
