/**
 * Who may do what with objectives, comply-or-explain and interventions (issue 11), shared by their routes:
 * - every member of the organisation reads (404 for anyone else, so nobody learns which organisations exist);
 * - its analysts, and administrators who are members, create and edit;
 * - an owner (the membership role "owner") reads as a viewer does and updates only what is assigned to them: adds
 *   reviews to their objectives, and records the status of their interventions with a note; nothing else;
 * - API tokens only read: a change needs the person's session (and its CSRF token).
 * A refused change gets 403 with words saying who can.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Membership } from '../store/store.ts';
import { requireMembership } from './auth/plugin.ts';
import { requestState } from './auth/request-state.ts';
import { organisationPath } from './organisation-year.ts';
import { pageContext } from './page-context.ts';
import type { Services } from './services.ts';

export interface ActParams { readonly code: string; readonly id?: string; readonly interventionId?: string }

/** What a refusal names: "objectives and comply-or-explain records", "interventions". */
export interface Subject {
  readonly plural: string;
}

export function canEdit(request: FastifyRequest, membership: Membership): boolean {
  return membership.role === 'analyst' || request.currentUser?.administrator === true;
}

/** Whether this person may update a record assigned to `ownerUserId`: an editor, or the owner it is assigned to. */
export function canUpdate(request: FastifyRequest, membership: Membership, ownerUserId: number | null): boolean {
  if (canEdit(request, membership)) return true;
  return membership.role === 'owner' && ownerUserId !== null && request.currentUser?.id === ownerUserId;
}

function byToken(request: FastifyRequest): boolean {
  return requestState(request)?.authentication.kind === 'api-token';
}

/** The membership, or null having replied (sign in, or 404 so nobody learns which organisations exist). */
export function member(request: FastifyRequest<{ Params: ActParams }>, reply: FastifyReply): Membership | null {
  return requireMembership(request, reply, request.params.code);
}

/** Replies 403 with words saying who may change what. */
export function refuse(services: Services, request: FastifyRequest, reply: FastifyReply, subject: Subject, owners: boolean): void {
  const who = owners ? 'analysts, administrators and the owner it is assigned to' : 'analysts and administrators';
  if (byToken(request)) {
    reply.code(403).send({ error: `API tokens can only read; sign in to change ${subject.plural}` });
  } else if (request.url.startsWith('/api/')) {
    reply.code(403).send({ error: `only ${who} can change ${subject.plural}` });
  } else {
    reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'You cannot change this', message: `Only the organisation's ${who} can change ${subject.plural}. You can read them.`,
    })));
  }
}

/** The membership of someone who may create and edit; anyone else gets 403. */
export function editor(services: Services, request: FastifyRequest<{ Params: ActParams }>, reply: FastifyReply, subject: Subject): Membership | null {
  const membership = member(request, reply);
  if (!membership) return null;
  if (canEdit(request, membership) && !byToken(request)) return membership;
  refuse(services, request, reply, subject, false);
  return null;
}

/**
 * After loading the record: true when this person may update it (an editor, or its assigned owner, signed in);
 * otherwise false having replied 403.
 */
export function mayUpdate(services: Services, request: FastifyRequest, reply: FastifyReply, membership: Membership, ownerUserId: number | null, subject: Subject): boolean {
  if (canUpdate(request, membership, ownerUserId) && !byToken(request)) return true;
  refuse(services, request, reply, subject, true);
  return false;
}

/** A positive whole-number id from the path, or null. */
export function idParam(raw: string | undefined): number | null {
  return raw !== undefined && /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : null;
}

export function objectivesPath(membership: Membership): string {
  return `${organisationPath(membership.organisation)}/objectives`;
}

export function objectivePath(membership: Membership, objectiveId: number): string {
  return `${objectivesPath(membership)}/${objectiveId}`;
}

export function interventionPath(membership: Membership, objectiveId: number, interventionId: number): string {
  return `${objectivePath(membership, objectiveId)}/interventions/${interventionId}`;
}

export function complyPath(membership: Membership): string {
  return `${organisationPath(membership.organisation)}/comply-or-explain`;
}

/** Breadcrumbs every page of these features starts with. */
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
