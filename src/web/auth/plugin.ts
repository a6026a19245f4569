/**
 * Authentication and access for the web app, registered by `registerAuth(app, services, config)` in createApp.
 *
 * - An onRequest hook decides who is asking: the session cookie for pages; for /api/, an `Authorization: Bearer`
 *   API token (live: neither expired nor revoked; it sees only its own organisation) or the session cookie. It sets `request.currentUser` (null when signed out) and `request.csrfToken`
 *   (for forms). Inactive people are signed out wherever they are. Unauthenticated /api/ requests get 401 JSON.
 * - A preHandler hook checks the CSRF token on every POST, PUT, PATCH and DELETE (see csrf.ts).
 * - An onSend hook marks every response to a signed-in person `Cache-Control: no-store` unless the route chose.
 * - Routes: sign-in (password, one-time link, and OIDC when configured), sign-out, first-run setup, password,
 *   account and API tokens, and administration.
 */
import cookie from '@fastify/cookie';
import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AppConfig, Services } from '../services.ts';
import type { CurrentUser } from './current-user.ts';
import { toCurrentUser } from './current-user.ts';
import { sendPage, type AuthContext } from './context.ts';
import { csrfCheckNeeded, presentedCsrfToken, sessionCsrfToken, signedOutCsrf, verifyCsrf } from './csrf.ts';
import { setRequestState, type RequestState } from './request-state.ts';
import { clearSessionCookie, findSignedIn, SESSION_COOKIE } from './sessions.ts';
import { createSigner, deriveSigningKey } from './signing.ts';
import { hashToken, looksLikeToken } from '../../services/tokens.ts';
import { dummyPasswordHash } from './passwords.ts';
import { cachedDiscovery, oidcSettingsFromEnv, registerOidcRoutes, type OidcConfigurationSource } from './oidc.ts';
import { registerSignInRoutes } from './routes-sign-in.ts';
import { registerAccountRoutes } from './routes-account.ts';
import { registerAdminRoutes } from './routes-admin.ts';

export type { CurrentUser } from './current-user.ts';
export { requireSignedIn, requireAdministrator, requireMembership, safeNext } from './access.ts';
export { verifyCsrf, CSRF_FIELD, CSRF_HEADER } from './csrf.ts';

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in person with their memberships, or null. Set for every request except static files. */
    currentUser: CurrentUser | null;
    /** The CSRF token to put in this page's forms as `_csrf`. */
    csrfToken: string;
  }
}

export interface AuthOptions {
  /** Where OIDC settings are read from; process.env unless a test says otherwise. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** For tests: the OIDC provider's configuration, instead of discovering it over the network. */
  readonly oidcConfiguration?: OidcConfigurationSource;
}

/** Paths that never need to know who is asking. */
function isPublicFile(path: string): boolean {
  return path.startsWith('/assets/') || path.startsWith('/static/') || path === '/healthz' || path === '/favicon.ico';
}

/**
 * The published reports and open data (features/publish/public-routes.ts) are the same for everyone: no session is
 * read and no cookie set (not even the signed-out CSRF cookie), so they can be cached and nobody is tracked. They
 * take no form, so they need no CSRF token.
 */
function isPublicReport(path: string): boolean {
  return path === '/public' || path.startsWith('/public/');
}

function unauthorised(reply: FastifyReply, invalidToken = false): FastifyReply {
  return reply
    .code(401)
    .header('www-authenticate', invalidToken ? 'Bearer error="invalid_token"' : 'Bearer')
    .header('cache-control', 'no-store')
    .send({ error: 'authentication required' });
}

export async function registerAuth(app: FastifyInstance, services: Services, config: AppConfig, options: AuthOptions = {}): Promise<void> {
  // Throws a clear error at start when OIDC is partly configured.
  const oidc = oidcSettingsFromEnv(options.env ?? process.env);

  // Made now, not at the first unknown email, so that first refusal takes no longer than the others.
  await dummyPasswordHash();
  if (!app.hasReplyDecorator('setCookie')) await app.register(cookie);
  if (!app.hasDecorator('createRateLimit')) await app.register(rateLimit, { global: false });

  const context: AuthContext = {
    store: services.store,
    render: services.render,
    clock: services.clock,
    config,
    secure: config.baseUrl.startsWith('https://'),
    signer: createSigner(deriveSigningKey(services.pseudonymKey)),
    oidc,
  };
  const { store } = context;

  app.decorateRequest('currentUser', null);
  app.decorateRequest('csrfToken', '');

  app.addHook('onRequest', async (request: FastifyRequest, reply: FastifyReply) => {
    const path = request.url.split('?')[0] ?? '';
    if (isPublicFile(path) || isPublicReport(path)) return;
    const now = context.clock();
    const state: RequestState = { context, authentication: { kind: 'none' }, expectedCsrf: null };
    setRequestState(request, state);
    const api = path.startsWith('/api/');

    if (api && request.headers.authorization !== undefined) {
      const match = /^Bearer +([A-Za-z0-9_-]+) *$/i.exec(request.headers.authorization);
      const token = match?.[1];
      // Only a token that has neither expired nor been revoked is found.
      const used = looksLikeToken(token) ? await store.apiTokens.use(hashToken(token), now) : null;
      const user = used === null ? null : await store.users.byId(used.userId);
      if (!used || !user?.active) return unauthorised(reply, true);
      // A token reads its own organisation only (a token from before tokens had one reads all the person's).
      const memberships = (await store.users.memberships(user.id)).filter((m) => used.organisationId === null || m.organisation.id === used.organisationId);
      if (used.organisationId !== null && memberships.length === 0) return unauthorised(reply, true);
      request.currentUser = toCurrentUser(user, memberships);
      state.authentication = { kind: 'api-token', tokenId: used.tokenId };
      return;
    }

    const sessionToken = request.cookies[SESSION_COOKIE];
    // The session, its person and their memberships in one query.
    const signedIn = await findSignedIn(store, sessionToken, now);
    if (signedIn && sessionToken) {
      const { session, user } = signedIn;
      if (user.active) {
        request.currentUser = toCurrentUser(user, signedIn.memberships);
        state.authentication = { kind: 'session', token: sessionToken, session };
        state.expectedCsrf = request.csrfToken = sessionCsrfToken(session.csrfSecret);
        return;
      }
      // Someone made inactive is signed out everywhere.
      await store.sessions.deleteForUser(session.userId);
      clearSessionCookie(reply, context.secure);
    } else if (sessionToken !== undefined) {
      clearSessionCookie(reply, context.secure);
    }

    // The API's own description is public, so people can learn how to authenticate.
    if (api && path !== '/api/v1/openapi.json') return unauthorised(reply);
    const csrf = signedOutCsrf(request, reply, { signer: context.signer, now, secure: context.secure });
    state.expectedCsrf = csrf.expected;
    request.csrfToken = csrf.token;
  });

  app.addHook('preHandler', async (request, reply) => {
    if (!csrfCheckNeeded(request)) return;
    if (verifyCsrf(request, presentedCsrfToken(request))) return;
    request.log.info('request refused: missing or incorrect CSRF token');
    if (request.url.startsWith('/api/')) return reply.code(403).send({ error: 'missing or incorrect CSRF token' });
    return sendPage(context, request, reply, 'pages/auth/form-expired.njk', { title: 'This form has expired' }, 403);
  });

  app.addHook('onSend', async (request, reply) => {
    if (request.currentUser && !reply.hasHeader('cache-control')) reply.header('cache-control', 'no-store');
  });

  registerSignInRoutes(app, context);
  registerAccountRoutes(app, context);
  registerAdminRoutes(app, context);
  if (oidc) registerOidcRoutes(app, context, oidc, options.oidcConfiguration ?? cachedDiscovery(oidc));
}
