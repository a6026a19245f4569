/**
 * What the authentication tests share (auth-sign-in.test.ts, auth-access.test.ts): the test password, signing in
 * through the form, and reading the audit log.
 */
import type { AuditAction, AuditEvent } from '../../store/store.ts';
import type { Browser, Harness } from './test-harness.ts';

export const PASSWORD = 'correct horse battery staple';

/** The path and query of an absolute link. */
export function path(link: string): string {
  const url = new URL(link);
  return `${url.pathname}${url.search}`;
}

export async function auditActions(h: Harness): Promise<AuditAction[]> {
  return (await h.store.audit.list({ limit: 1000, offset: 0 })).map((e) => e.action);
}

export async function auditEvents(h: Harness, action: AuditAction): Promise<AuditEvent[]> {
  return (await h.store.audit.list({ limit: 1000, offset: 0 })).filter((e) => e.action === action);
}

export async function signIn(browser: Browser, email: string, password = PASSWORD) {
  await browser.get('/sign-in');
  return browser.post('/sign-in', { email, password });
}

