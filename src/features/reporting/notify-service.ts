/**
 * Notifications that carry nothing (issue 12, item 6): when a report arrives, or a reporter writes, the handlers who
 * can see the case get an email saying only that something is waiting, with the address of their cases. No
 * content, no category, no organisation, no name, no case number. Reporters never get email (they give none).
 * Sent after the reply to the reporter, and failures are dropped: a report never waits for, or fails because of,
 * the mail server.
 */
import type { Mailer } from '../../services/mailer.ts';
import type { Store } from '../../store/store.ts';

export const NOTIFICATION_SUBJECT = 'Something is waiting for you in Mirror';

export function notificationText(baseUrl: string): string {
  return [
    'Something is waiting for you in Mirror.',
    '',
    `Sign in to see it: ${baseUrl.replace(/\/$/, '')}/cases`,
    '',
    'This email says nothing more on purpose.',
  ].join('\n');
}

/** The email addresses of the handlers who can see the case now: its assignee, or else the holders of its role (or every handler when nobody holds it). */
export async function recipientsFor(store: Store, organisationId: number, caseId: number): Promise<string[]> {
  const found = await store.reporting.caseById(organisationId, caseId);
  if (!found) return [];
  const handlers = await store.reporting.handlers(organisationId);
  const routed = handlers.filter((h) => h.roleKey === found.handlerRole);
  // A role nobody holds: every handler of the organisation, as they can all see the case (case-service.ts).
  const chosen = found.assignedUserId !== null ? handlers.filter((h) => h.userId === found.assignedUserId) : routed.length ? routed : handlers;
  return [...new Set(chosen.map((h) => h.email))];
}

/** Emails each handler who can see the case; resolves when all are sent or have failed. */
export async function notifyHandlers(store: Store, mailer: Mailer | null, baseUrl: string, organisationId: number, caseId: number): Promise<number> {
  if (!mailer) return 0;
  const recipients = await recipientsFor(store, organisationId, caseId);
  const results = await Promise.allSettled(recipients.map((to) => mailer.send({ to, subject: NOTIFICATION_SUBJECT, text: notificationText(baseUrl) })));
  return results.filter((r) => r.status === 'fulfilled').length;
}
