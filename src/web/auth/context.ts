/** Everything the authentication routes and hooks share, built once by registerAuth. */
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { AuditAction, Store } from '../../store/store.ts';
import type { Renderer } from '../render.ts';
import type { AppConfig } from '../services.ts';
import type { Signer } from './signing.ts';
import { pageContext } from '../page-context.ts';

/** Sign-in with an OpenID Connect provider (NHS CIS2, Entra ID), from MIRROR_OIDC_* (see oidc.ts). */
export interface OidcSettings {
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes: string;
}

export interface AuthContext {
  readonly store: Store;
  readonly render: Renderer;
  readonly clock: () => Date;
  readonly config: AppConfig;
  /** True when the service is reached over https, so cookies carry the Secure attribute. */
  readonly secure: boolean;
  readonly signer: Signer;
  readonly oidc: OidcSettings | null;
}

/** Renders a page in the layout, never cached: these pages are about a person or their access. */
export function sendPage(
  context: AuthContext,
  request: FastifyRequest,
  reply: FastifyReply,
  template: string,
  extra: { title: string } & Record<string, unknown>,
  status = 200,
): FastifyReply {
  return reply
    .code(status)
    .type('text/html; charset=utf-8')
    .header('cache-control', 'no-store')
    .send(context.render(template, pageContext(request, reply, extra)));
}

/** Records an audit event. Details must never hold an email address, a name, a password or a token. */
export async function audit(
  context: AuthContext,
  event: { userId: number | null; action: AuditAction; subject: string; organisationId?: number | null; details?: Record<string, unknown> },
): Promise<void> {
  await context.store.audit.record(event);
}
