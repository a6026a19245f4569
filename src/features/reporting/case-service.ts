/**
 * The handlers' side of reporting (issue 12, item 5). A case is seen by the handler it is assigned to, and while
 * it is assigned to nobody by the holders of the role its category is routed to (who triage it and assign it);
 * nobody else: not administrators, analysts or viewers, nor holders of other roles. A name or contact is shown
 * only to the assigned handler. Every read and change is audited under the case's number, with the handler's
 * account and never anything of the reporter's.
 */
import {
  CASE_STATUSES, type CaseStatus, canMove, CLOSING_OUTCOMES, type ClosingOutcome, dayOf, nextStatuses, pastRetention,
  REPORTING_ROUTES, WANTED_OUTCOMES,
} from '../../core/reporting/cases.ts';
import type { StoredReportCase } from '../../store/reporting-types.ts';
import type { AuditAction, Organisation, Store } from '../../store/store.ts';
import { type FormProblem, MAX_MESSAGE_CHARACTERS, type ReportingServices, sealerFor } from './service.ts';
import { settingsOf } from './settings-service.ts';

export interface Handling {
  readonly organisation: Organisation;
  readonly userId: number;
  /** The handler roles the person holds in the organisation (at least one). */
  readonly roles: readonly string[];
}

/** The person's handler roles in the organisation the code names, or null when they hold none there. */
export async function handlingOf(store: Store, organisationCode: string, userId: number): Promise<Handling | null> {
  const entry = (await store.reporting.handlerOrganisations(userId)).find((e) => e.organisation.code === organisationCode);
  return entry ? { organisation: entry.organisation, userId, roles: entry.roles } : null;
}

export function caseAudit(store: Store, handling: Handling, action: AuditAction, caseId: number, details?: Record<string, unknown>): Promise<void> {
  return store.audit.record({ userId: handling.userId, action, organisationId: handling.organisation.id, subject: `report-case/${caseId}`, ...(details ? { details } : {}) });
}

/**
 * The roles whose unassigned cases this handler sees: their own, and any role that unassigned cases are routed to
 * but nobody active holds (removed from the settings, or never given), so that no report waits unseen.
 */
export async function rolesSeenBy(store: Store, handling: Handling): Promise<string[]> {
  const held = new Set((await store.reporting.handlers(handling.organisation.id)).map((h) => h.roleKey));
  const orphaned = (await store.reporting.unassignedRoles(handling.organisation.id)).filter((r) => !held.has(r));
  return [...new Set([...handling.roles, ...orphaned])];
}

/** The case, if this handler may see it; null otherwise (the route answers "not found"). */
export async function visibleCase(store: Store, handling: Handling, id: number): Promise<StoredReportCase | null> {
  const found = await store.reporting.caseById(handling.organisation.id, id);
  if (!found) return null;
  if (found.assignedUserId !== null) return found.assignedUserId === handling.userId ? found : null;
  return found.handlerRole !== null && (await rolesSeenBy(store, handling)).includes(found.handlerRole) ? found : null;
}

const label = (list: readonly { readonly key: string; readonly label: string }[], key: string | null) => (key === null ? null : list.find((e) => e.key === key)?.label ?? key);
const statusText = (status: CaseStatus) => CASE_STATUSES.find((s) => s.value === status)?.text ?? status;

/** The handler's list: category, directorate, day received, status, whether it waits for them; no content. */
export async function caseList(store: Store, handling: Handling) {
  const settings = await settingsOf(store, handling.organisation.id);
  const cases = await store.reporting.casesVisibleTo(handling.organisation.id, handling.userId, await rolesSeenBy(store, handling));
  return cases.map((c) => ({
    id: c.id, category: label(settings.categories, c.category), directorate: label(settings.directorates, c.directorate), receivedOn: c.receivedOn,
    status: statusText(c.status), mine: c.assignedUserId === handling.userId, awaitingHandler: c.awaitingHandler && c.status !== 'closed',
    role: label(settings.handlerRoles, c.handlerRole),
    roleHeld: c.handlerRole !== null && handling.roles.includes(c.handlerRole),
  }));
}

/** Everything the handler may see of a case, opened; the contact only for the handler it is assigned to. */
export async function caseDetails(services: ReportingServices, handling: Handling, c: StoredReportCase) {
  const sealer = await sealerFor(services.reportingKey);
  const settings = await settingsOf(services.store, handling.organisation.id);
  const assigned = c.assignedUserId === handling.userId;
  const handlers = await services.store.reporting.handlers(handling.organisation.id);
  const assignee = handlers.find((h) => h.userId === c.assignedUserId) ?? null;
  const messages = await services.store.reporting.messages(c.id);
  return {
    id: c.id,
    route: REPORTING_ROUTES.find((r) => r.value === c.route)?.text ?? c.route,
    routeKey: c.route,
    category: label(settings.categories, c.category),
    directorate: label(settings.directorates, c.directorate),
    wanted: WANTED_OUTCOMES.find((o) => o.value === c.wanted)?.text ?? c.wanted,
    receivedOn: c.receivedOn,
    status: c.status,
    statusText: statusText(c.status),
    closingOutcome: c.closingOutcome === null ? null : CLOSING_OUTCOMES.find((o) => o.value === c.closingOutcome)?.text ?? c.closingOutcome,
    closedOn: c.closedOn,
    keptMonths: settings.retentionMonths,
    role: label(settings.handlerRoles, c.handlerRole),
    assignedTo: assignee?.displayName ?? null,
    assignedToMe: assigned,
    content: sealer.open(c.content),
    /** Only the assigned handler sees a name or contact; others are told one was given. */
    contact: c.contact === null ? 'None: reported anonymously' : assigned ? sealer.open(c.contact) : 'Given, and shown only to the handler the case is assigned to',
    messages: messages.map((m) => ({ kind: m.kind, text: sealer.open(m.body), writtenOn: m.writtenOn, by: m.authorName, sequence: m.sequence })),
    nextStatuses: nextStatuses(c.status).map((s) => ({ value: s, text: statusText(s) })),
    outcomes: CLOSING_OUTCOMES,
    assignable: [...new Map(handlers.filter((h) => h.userId !== c.assignedUserId).map((h) => [h.userId, h])).values()].map((h) => ({
      userId: h.userId, name: h.displayName, roles: handlers.filter((x) => x.userId === h.userId).map((x) => label(settings.handlerRoles, x.roleKey)).join(', '),
    })),
  };
}

/** Moves the case to a status it may move to; closing needs an outcome. Audited. */
export async function changeStatus(store: Store, handling: Handling, c: StoredReportCase, to: string, outcome: string, today: Date): Promise<FormProblem | null> {
  const status = CASE_STATUSES.find((s) => s.value === to)?.value;
  if (!status || !canMove(c.status, status)) return { field: 'status', message: 'Choose a status the case can move to' };
  const closing = CLOSING_OUTCOMES.find((o) => o.value === outcome)?.value as ClosingOutcome | undefined;
  if (status === 'closed' && !closing) return { field: 'outcome', message: 'Choose the outcome the case is closed with' };
  await store.reporting.updateCase(c.id, status === 'closed'
    ? { status, closingOutcome: closing ?? null, closedOn: dayOf(today) }
    : { status, closingOutcome: null, closedOn: null });
  await caseAudit(store, handling, 'report-case-changed', c.id, { from: c.status, to: status, ...(closing ? { outcome: closing } : {}) });
  return null;
}

/**
 * Assigns the case to another handler of the organisation (the first assignment after triage, or a reassignment
 * when there is a conflict of interest); the one who assigned it no longer sees it unless it is theirs. Audited.
 */
export async function assignCase(store: Store, handling: Handling, c: StoredReportCase, toUserId: number): Promise<FormProblem | null> {
  const handlers = await store.reporting.handlers(handling.organisation.id);
  const target = handlers.find((h) => h.userId === toUserId);
  if (!target || toUserId === c.assignedUserId) return { field: 'assignee', message: 'Choose a handler to assign the case to' };
  const status: CaseStatus = c.status === 'received' || c.status === 'triaged' ? 'assigned' : c.status;
  await store.reporting.updateCase(c.id, { assignedUserId: toUserId, status });
  await caseAudit(store, handling, 'report-case-changed', c.id, { assignedFrom: c.assignedUserId, assignedTo: toUserId, from: c.status, to: status });
  return null;
}

/** A reply the reporter will read, or a note only handlers read; sealed, ordered, dated to the day. Audited. */
export async function addHandlerMessage(services: ReportingServices, handling: Handling, c: StoredReportCase, kind: 'handler' | 'note', text: string): Promise<FormProblem | null> {
  const field = kind === 'note' ? 'note' : 'message';
  if (text.trim() === '') return { field, message: kind === 'note' ? 'Write the note' : 'Write your reply' };
  if (text.length > MAX_MESSAGE_CHARACTERS) return { field, message: `Write at most ${MAX_MESSAGE_CHARACTERS.toLocaleString('en-GB')} characters` };
  const sealer = await sealerFor(services.reportingKey);
  const sequence = await services.store.reporting.addMessage(c.id, { kind, body: sealer.seal(text.trim()), authorUserId: handling.userId, writtenOn: dayOf(services.clock()) });
  await caseAudit(services.store, handling, kind === 'note' ? 'report-note-added' : 'report-message-sent', c.id, { sequence });
  return null;
}

/**
 * Deletes every closed case past its organisation's retention period on `today`, with its messages and notes.
 * Audited once an organisation, with how many were deleted. Returns the number deleted.
 */
export async function deleteExpiredCases(store: Store, today: Date): Promise<number> {
  const day = dayOf(today);
  const byOrganisation = new Map<number, number[]>();
  const months = new Map<number, number>();
  for (const c of await store.reporting.closedCases()) {
    if (!months.has(c.organisationId)) months.set(c.organisationId, (await settingsOf(store, c.organisationId)).retentionMonths);
    if (pastRetention(c.closedOn, months.get(c.organisationId)!, day)) byOrganisation.set(c.organisationId, [...(byOrganisation.get(c.organisationId) ?? []), c.id]);
  }
  let deleted = 0;
  for (const [organisationId, ids] of byOrganisation) {
    const n = await store.reporting.deleteCases(ids);
    deleted += n;
    await store.audit.record({ userId: null, action: 'report-cases-deleted', organisationId, subject: 'report-cases', details: { deleted: n, retentionMonths: months.get(organisationId) } });
  }
  return deleted;
}
