/**
 * The context every page in layout.njk needs: title, the signed-in person, the CSRF token for forms, the CSP nonce
 * for scripts and the header's navigation, with the current section marked. Pages add their own values in `extra`.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { cspNonce } from './csp-nonce.ts';
import { isAnalystAnywhere, type CurrentUser } from './auth/current-user.ts';

export interface NavigationItem {
  readonly href: string;
  readonly text: string;
  /** This link is the page being shown. */
  readonly current: boolean;
  /** The page being shown is within this link's section. */
  readonly active: boolean;
}

/** What the layout shows of the signed-in person: nothing personal beyond the name in the header. */
export interface LayoutUser {
  readonly displayName: string;
  readonly administrator: boolean;
}

export type Section = 'organisations' | 'import' | 'administration' | 'none';

export interface PageExtra {
  readonly title: string;
  /** Overrides the section worked out from the path, for pages whose address does not say where they belong. */
  readonly section?: Section;
  readonly [key: string]: unknown;
}

function sectionOf(path: string): Section {
  if (path === '/import' || path.startsWith('/import/')) return 'import';
  if (path === '/admin' || path.startsWith('/admin/')) return 'administration';
  if (path === '/' || path.startsWith('/organisations') || path.startsWith('/o/')) return 'organisations';
  return 'none';
}

/**
 * The header navigation for a person on a path: "Organisations" for everyone signed in, "Import" for analysts and
 * administrators (an administrator may need to bring in an organisation's first year), "Administration" for
 * administrators. Nothing for a signed-out visitor.
 */
export function navigationFor(user: CurrentUser | null, path: string, section: Section = sectionOf(path)): NavigationItem[] {
  if (!user) return [];
  const items: { href: string; text: string; section: Section }[] = [{ href: '/', text: 'Organisations', section: 'organisations' }];
  if (user.administrator || isAnalystAnywhere(user)) items.push({ href: '/import', text: 'Import', section: 'import' });
  if (user.administrator) items.push({ href: '/admin/users', text: 'Administration', section: 'administration' });
  return items.map((item) => ({
    href: item.href,
    text: item.text,
    current: path === item.href,
    active: section === item.section,
  }));
}

export function pageContext(request: FastifyRequest, reply: FastifyReply, extra: PageExtra): Record<string, unknown> {
  const path = request.url.split('?')[0] ?? '/';
  const user = request.currentUser ?? null;
  const { section, ...rest } = extra;
  const layoutUser: LayoutUser | null = user ? { displayName: user.displayName, administrator: user.administrator } : null;
  return {
    ...rest,
    currentUser: layoutUser,
    csrfToken: request.csrfToken ?? '',
    cspNonce: cspNonce(reply),
    navigation: navigationFor(user, path, section),
  };
}
