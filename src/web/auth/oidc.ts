/**
 * Sign-in with an organisation account through OpenID Connect: NHS Care Identity Service 2 (CIS2) or Microsoft
 * Entra ID. Configured only by environment variables:
 *
 *   MIRROR_OIDC_ISSUER         the identity provider's issuer, an https:// address
 *   MIRROR_OIDC_CLIENT_ID      Mirror's client ID there
 *   MIRROR_OIDC_CLIENT_SECRET  its client secret
 *   MIRROR_OIDC_SCOPES         optional; default "openid email profile"
 *
 * and the redirect address to register with the provider is <baseUrl>/auth/oidc/callback. None set: this sign-in
 * is off. Some set: the server refuses to start, naming what is missing.
 *
 * The flow is the authorization code flow with PKCE (S256), with state and nonce; the verifier, state, nonce and
 * return address travel in a signed, 10-minute cookie scoped to /auth/oidc. The person is matched by a verified
 * email address to an existing, active Mirror user: there is no automatic account creation. An email counts as
 * verified when the ID token (or the UserInfo response) says `email_verified: true`, or, for Entra ID, carries the
 * optional claim `xms_edov: true` (the email's domain is verified by the tenant); configure that claim in Entra.
 */
import * as client from 'openid-client';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, sendPage, type AuthContext, type OidcSettings } from './context.ts';
import { safeNext } from './access.ts';
import { cookieOptions, startSession } from './sessions.ts';
import { normaliseEmail } from './forms.ts';
import { SESSION_COOKIE } from './sessions.ts';

export const DEFAULT_OIDC_SCOPES = 'openid email profile';
export const OIDC_CALLBACK_PATH = '/auth/oidc/callback';
export const OIDC_START_PATH = '/auth/oidc/start';
const OIDC_COOKIE = 'mirror_oidc';
const OIDC_COOKIE_PATH = '/auth/oidc';
const OIDC_COOKIE_LIFETIME_MS = 10 * 60 * 1000;

export type { OidcSettings } from './context.ts';

export class OidcConfigurationError extends Error {
  override readonly name = 'OidcConfigurationError';
}

const REQUIRED = ['MIRROR_OIDC_ISSUER', 'MIRROR_OIDC_CLIENT_ID', 'MIRROR_OIDC_CLIENT_SECRET'] as const;

/** The OIDC settings from the environment, null when none are set; throws OidcConfigurationError when incomplete. */
export function oidcSettingsFromEnv(env: Readonly<Record<string, string | undefined>>): OidcSettings | null {
  const value = (name: string) => {
    const v = env[name]?.trim();
    return v ? v : undefined;
  };
  const present = REQUIRED.filter((name) => value(name) !== undefined);
  const scopesValue = value('MIRROR_OIDC_SCOPES');
  if (present.length === 0 && scopesValue === undefined) return null;
  const missing = REQUIRED.filter((name) => value(name) === undefined);
  if (missing.length > 0) {
    throw new OidcConfigurationError(
      `Sign-in with an organisation account is partly configured. Also set ${missing.join(', ')}, or unset every MIRROR_OIDC_ variable to turn it off.`,
    );
  }
  let issuer: URL;
  try {
    issuer = new URL(value('MIRROR_OIDC_ISSUER')!);
  } catch {
    throw new OidcConfigurationError('MIRROR_OIDC_ISSUER must be a web address, like https://login.microsoftonline.com/<tenant>/v2.0');
  }
  if (issuer.protocol !== 'https:') throw new OidcConfigurationError('MIRROR_OIDC_ISSUER must be an https:// address.');
  const scopes = (scopesValue ?? DEFAULT_OIDC_SCOPES).split(/\s+/).filter(Boolean);
  if (!scopes.includes('openid')) throw new OidcConfigurationError('MIRROR_OIDC_SCOPES must include "openid".');
  return { issuer, clientId: value('MIRROR_OIDC_CLIENT_ID')!, clientSecret: value('MIRROR_OIDC_CLIENT_SECRET')!, scopes: scopes.join(' ') };
}

export function oidcRedirectUri(baseUrl: string): string {
  return new URL(OIDC_CALLBACK_PATH, baseUrl).toString();
}

/** Fetches the provider's metadata (/.well-known/openid-configuration). */
export function discoverOidc(settings: OidcSettings): Promise<client.Configuration> {
  return client.discovery(settings.issuer, settings.clientId, settings.clientSecret);
}

export interface AuthorizationRequest {
  /** Where to send the browser. */
  readonly url: URL;
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
}

/** A fresh authorization request: PKCE verifier and S256 challenge, state and nonce. */
export async function createAuthorizationRequest(
  configuration: client.Configuration,
  options: { redirectUri: string; scopes: string },
): Promise<AuthorizationRequest> {
  const codeVerifier = client.randomPKCECodeVerifier();
  const state = client.randomState();
  const nonce = client.randomNonce();
  const url = client.buildAuthorizationUrl(configuration, {
    redirect_uri: options.redirectUri,
    scope: options.scopes,
    response_type: 'code',
    code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
    code_challenge_method: 'S256',
    state,
    nonce,
  });
  return { url, state, nonce, codeVerifier };
}

/** The email address from claims, normalised, when the provider says it is verified; otherwise null. */
export function verifiedEmail(claims: Readonly<Record<string, unknown>> | undefined): string | null {
  if (!claims) return null;
  const email = claims['email'];
  if (typeof email !== 'string' || !email.includes('@')) return null;
  const verified = claims['email_verified'] === true || claims['xms_edov'] === true;
  return verified ? normaliseEmail(email) : null;
}

interface PendingSignIn {
  readonly state: string;
  readonly nonce: string;
  readonly codeVerifier: string;
  readonly next: string;
}

function parsePending(text: string | null): PendingSignIn | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as Partial<PendingSignIn>;
    if (typeof value.state !== 'string' || typeof value.nonce !== 'string' || typeof value.codeVerifier !== 'string') return null;
    return { state: value.state, nonce: value.nonce, codeVerifier: value.codeVerifier, next: safeNext(value.next) };
  } catch {
    return null;
  }
}

export type OidcConfigurationSource = () => Promise<client.Configuration>;

/** Discovers once, on first use, and tries again after a failure. */
export function cachedDiscovery(settings: OidcSettings): OidcConfigurationSource {
  let pending: Promise<client.Configuration> | null = null;
  return () => {
    pending ??= discoverOidc(settings).catch((error: unknown) => {
      pending = null;
      throw error;
    });
    return pending;
  };
}

export function registerOidcRoutes(app: FastifyInstance, context: AuthContext, settings: OidcSettings, configurationSource: OidcConfigurationSource): void {
  const redirectUri = oidcRedirectUri(context.config.baseUrl);

  const refuse = (request: FastifyRequest, reply: FastifyReply, status: number, heading: string, paragraphs: string[]) =>
    sendPage(context, request, reply, 'pages/auth/oidc-refused.njk', { title: heading, heading, paragraphs }, status);

  const unavailable = (request: FastifyRequest, reply: FastifyReply) =>
    refuse(request, reply, 503, 'Sign in with your organisation account is not working at the moment', [
      'Try again later.',
      'If you have a Mirror password, you can sign in with your email address and password instead.',
    ]);

  app.get(OIDC_START_PATH, async (request, reply) => {
    let configuration: client.Configuration;
    try {
      configuration = await configurationSource();
    } catch {
      request.log.warn('OIDC discovery failed');
      return unavailable(request, reply);
    }
    const authorization = await createAuthorizationRequest(configuration, { redirectUri, scopes: settings.scopes });
    const next = safeNext((request.query as Record<string, unknown>)['next']);
    const pending: PendingSignIn = { state: authorization.state, nonce: authorization.nonce, codeVerifier: authorization.codeVerifier, next };
    const now = context.clock();
    const signed = context.signer.sign('oidc', JSON.stringify(pending), new Date(now.getTime() + OIDC_COOKIE_LIFETIME_MS));
    reply.setCookie(OIDC_COOKIE, signed, cookieOptions(context.secure, { path: OIDC_COOKIE_PATH, maxAge: OIDC_COOKIE_LIFETIME_MS / 1000 }));
    return reply.header('cache-control', 'no-store').redirect(authorization.url.toString(), 303);
  });

  app.get(OIDC_CALLBACK_PATH, async (request, reply) => {
    const now = context.clock();
    const pending = parsePending(context.signer.verify('oidc', request.cookies[OIDC_COOKIE], now));
    reply.clearCookie(OIDC_COOKIE, cookieOptions(context.secure, { path: OIDC_COOKIE_PATH }));
    const failed = (reason: string) =>
      audit(context, { userId: null, action: 'sign-in-failed', subject: 'sign-in', details: { method: 'oidc', reason } });

    if (!pending) {
      await failed('timed-out');
      return refuse(request, reply, 400, 'Your sign-in timed out', ['Go back to the sign-in page and try again.']);
    }
    const query = request.query as Record<string, unknown>;
    if (typeof query['error'] === 'string') {
      await failed('not-completed');
      return refuse(request, reply, 400, 'You did not finish signing in', [
        'Your organisation account did not confirm who you are. Go back to the sign-in page and try again.',
      ]);
    }

    let configuration: client.Configuration;
    try {
      configuration = await configurationSource();
    } catch {
      request.log.warn('OIDC discovery failed');
      return unavailable(request, reply);
    }

    let claims: Record<string, unknown> | undefined;
    try {
      const currentUrl = new URL(request.url, context.config.baseUrl);
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        expectedNonce: pending.nonce,
        idTokenExpected: true,
      });
      claims = tokens.claims() as Record<string, unknown> | undefined;
      if (claims && typeof claims['email'] !== 'string' && configuration.serverMetadata().userinfo_endpoint && typeof claims['sub'] === 'string') {
        const userInfo = await client.fetchUserInfo(configuration, tokens.access_token, claims['sub']);
        claims = { ...claims, ...(userInfo as Record<string, unknown>) };
      }
    } catch (error) {
      // Only the kind of error is logged: messages from the provider may quote claims.
      request.log.warn({ errorName: error instanceof Error ? error.name : 'unknown', code: (error as { code?: unknown }).code }, 'OIDC sign-in failed');
      await failed('identity-provider-error');
      return refuse(request, reply, 400, 'There is a problem signing you in', [
        'Your organisation account could not be confirmed. Go back to the sign-in page and try again.',
      ]);
    }

    const email = verifiedEmail(claims);
    if (!email) {
      await failed('no-verified-email');
      return refuse(request, reply, 403, 'Your organisation account did not confirm your email address', [
        'Mirror matches your organisation account to your Mirror account by a confirmed email address.',
        'Ask your Mirror administrator for a sign-in link instead.',
      ]);
    }
    const user = await context.store.users.byEmail(email);
    if (!user?.active) {
      await failed(user ? 'inactive-account' : 'unknown-account');
      return refuse(request, reply, 403, 'You do not have a Mirror account', [
        'Your organisation account is not linked to anyone who can use Mirror.',
        'Ask your Mirror administrator to add you, using the same email address as your organisation account.',
      ]);
    }
    await startSession(context.store, reply, { userId: user.id, now, secure: context.secure, previousToken: request.cookies[SESSION_COOKIE] });
    await audit(context, { userId: user.id, action: 'sign-in', subject: `user/${user.id}`, details: { method: 'oidc' } });
    return reply.header('cache-control', 'no-store').redirect(pending.next, 303);
  });
}
