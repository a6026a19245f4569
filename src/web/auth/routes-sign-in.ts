/** Signing in with an email and password, with a one-time link, and signing out. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, sendPage, type AuthContext } from './context.ts';
import { safeNext } from './access.ts';
import { FormErrors, formBody, normaliseEmail, textField, EMAIL_MAX_LENGTH, PASSWORD_FIELD_MAX } from './forms.ts';
import { dummyPasswordHash, verifyPassword } from './passwords.ts';
import { cookieOptions, endSession, SESSION_COOKIE, startSession } from './sessions.ts';
import { sessionTokenOf } from './request-state.ts';
import { hashToken, looksLikeToken } from '../../services/tokens.ts';
import { OIDC_START_PATH } from './oidc.ts';
import { SETUP_COOKIE, SETUP_COOKIE_PATH, SETUP_LIFETIME_MS } from './setup-cookie.ts';

export const SIGN_IN_ATTEMPTS = 10;
export const SIGN_IN_WINDOW_MS = 15 * 60 * 1000;

const GENERIC_FAILURE = 'Enter a correct email address and password';

export function registerSignInRoutes(app: FastifyInstance, context: AuthContext): void {
  const { store } = context;
  const limitByAddress = app.createRateLimit({
    max: SIGN_IN_ATTEMPTS,
    timeWindow: SIGN_IN_WINDOW_MS,
    keyGenerator: (request) => `sign-in/ip/${request.ip}`,
  });
  // Keyed by a hash so that email addresses are not held in memory longer than the request.
  const limitByEmail = app.createRateLimit({
    max: SIGN_IN_ATTEMPTS,
    timeWindow: SIGN_IN_WINDOW_MS,
    keyGenerator: (request) => `sign-in/email/${hashToken(normaliseEmail(textField(formBody(request.body), 'email', { max: EMAIL_MAX_LENGTH })))}`,
  });

  const signInPage = (request: FastifyRequest, reply: FastifyReply, values: { email?: string; next: string }, errors = new FormErrors(), status = 200) =>
    sendPage(context, request, reply, 'pages/auth/sign-in.njk', {
      title: 'Sign in',
      values: { email: values.email ?? '' },
      next: values.next,
      oidcHref: context.oidc ? `${OIDC_START_PATH}${values.next === '/' ? '' : `?next=${encodeURIComponent(values.next)}`}` : null,
      ...errors.context(),
    }, status);

  app.get('/sign-in', async (request, reply) => {
    const next = safeNext((request.query as Record<string, unknown>)['next']);
    if (request.currentUser) return reply.redirect(next, 303);
    return signInPage(request, reply, { next });
  });

  app.post('/sign-in', async (request, reply) => {
    const body = formBody(request.body);
    const emailText = textField(body, 'email', { max: EMAIL_MAX_LENGTH });
    const password = textField(body, 'password', { trim: false, max: PASSWORD_FIELD_MAX });
    const next = safeNext(textField(body, 'next'));
    const errors = new FormErrors()
      .add('email', emailText === '' ? 'Enter your email address' : null)
      .add('password', password === '' ? 'Enter your password' : null);
    if (errors.any) return signInPage(request, reply, { email: emailText, next }, errors, 400);

    for (const limit of [limitByAddress, limitByEmail]) {
      const outcome = await limit(request);
      if (!outcome.isAllowed && outcome.isExceeded) {
        await audit(context, { userId: null, action: 'sign-in-failed', subject: 'sign-in', details: { method: 'password', reason: 'too-many-attempts' } });
        reply.header('retry-after', String(outcome.ttlInSeconds));
        return sendPage(context, request, reply, 'pages/auth/sign-in-wait.njk', { title: 'You have tried to sign in too many times' }, 429);
      }
    }

    const user = await store.users.byEmail(normaliseEmail(emailText));
    const storedHash = user ? await store.users.passwordHash(user.id) : null;
    // Always verify a hash, a dummy one for an unknown person, so the time taken does not say who has an account.
    const matches = await verifyPassword(storedHash ?? (await dummyPasswordHash()), password);
    if (!user || storedHash === null || !matches || !user.active) {
      const reason = !user ? 'unknown-account' : storedHash === null ? 'no-password' : !matches ? 'wrong-password' : 'inactive-account';
      await audit(context, { userId: user?.id ?? null, action: 'sign-in-failed', subject: 'sign-in', details: { method: 'password', reason } });
      return signInPage(request, reply, { email: emailText, next }, new FormErrors().add('email', GENERIC_FAILURE), 401);
    }

    await startSession(store, reply, { userId: user.id, now: context.clock(), secure: context.secure, previousToken: request.cookies[SESSION_COOKIE] });
    await audit(context, { userId: user.id, action: 'sign-in', subject: `user/${user.id}`, details: { method: 'password' } });
    return reply.redirect(next, 303);
  });

  app.post('/sign-out', async (request, reply) => {
    const user = request.currentUser;
    await endSession(store, reply, sessionTokenOf(request) ?? request.cookies[SESSION_COOKIE], context.secure);
    if (user) await audit(context, { userId: user.id, action: 'sign-out', subject: `user/${user.id}` });
    // Report pages may be kept by the browser (`private, no-cache`, web/private-revalidation.ts): signing out
    // clears them, so the next person at a shared computer cannot page back to them.
    return reply.header('clear-site-data', '"cache"').redirect('/sign-in', 303);
  });

  const linkRefused = (request: FastifyRequest, reply: FastifyReply, paragraphs: string[]) =>
    sendPage(context, request, reply, 'pages/auth/link-refused.njk', { title: 'This sign-in link cannot be used', heading: 'This sign-in link cannot be used', paragraphs }, 400);

  /**
   * Opening a link only shows a button; pressing it (a POST) uses the link. Email security scanners follow links
   * with GET to check them, and would otherwise use up a one-time link before the person clicks it.
   */
  app.get('/sign-in/link', async (request, reply) => {
    const token = (request.query as Record<string, unknown>)['token'];
    if (!looksLikeToken(token)) return useLink(request, reply, token);
    return sendPage(context, request, reply.header('cache-control', 'no-store'), 'pages/auth/link-confirm.njk', { title: 'Sign in to Mirror', token });
  });

  app.post('/sign-in/link', async (request, reply) => useLink(request, reply, formBody(request.body)['token']));

  async function useLink(request: FastifyRequest, reply: FastifyReply, token: unknown): Promise<FastifyReply> {
    const now = context.clock();
    const failed = (reason: string) =>
      audit(context, { userId: null, action: 'sign-in-failed', subject: 'sign-in', details: { method: 'link', reason } });
    const link = looksLikeToken(token) ? await store.signInLinks.consume(hashToken(token), now) : null;
    if (!link) {
      await failed('unknown-used-or-expired-link');
      return linkRefused(request, reply, [
        'It may have expired, or it may have been used already. Each link works once.',
        'Ask your Mirror administrator for a new link. If you are setting up Mirror, run npx mirror sign-in-link to make one.',
      ]);
    }

    if (link.userId === null) {
      if ((await store.users.count()) > 0) {
        await failed('already-set-up');
        return linkRefused(request, reply, ['Mirror has already been set up. Ask your Mirror administrator for a sign-in link.']);
      }
      await audit(context, { userId: null, action: 'sign-in-link-used', subject: 'first-administrator' });
      const signed = context.signer.sign('setup', 'first-administrator', new Date(now.getTime() + SETUP_LIFETIME_MS));
      reply.setCookie(SETUP_COOKIE, signed, cookieOptions(context.secure, { path: SETUP_COOKIE_PATH, maxAge: SETUP_LIFETIME_MS / 1000 }));
      return reply.header('cache-control', 'no-store').redirect(SETUP_COOKIE_PATH, 303);
    }

    const user = await store.users.byId(link.userId);
    if (!user?.active) {
      await failed('inactive-account');
      return linkRefused(request, reply, ['The account this link is for cannot be used. Ask your Mirror administrator for help.']);
    }
    await startSession(store, reply, { userId: user.id, now, secure: context.secure, previousToken: request.cookies[SESSION_COOKIE] });
    await audit(context, { userId: user.id, action: 'sign-in-link-used', subject: `user/${user.id}` });
    await audit(context, { userId: user.id, action: 'sign-in', subject: `user/${user.id}`, details: { method: 'link' } });
    return reply.header('cache-control', 'no-store').redirect(user.hasPassword ? '/' : '/account/password', 303);
  }
}
