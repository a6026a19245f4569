/** First-run setup, setting a password, and the account page (its API tokens are in routes-api-tokens.ts). */
import { DEMO_ORGANISATION } from '../../services/demo-loader.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { audit, sendPage, type AuthContext } from './context.ts';
import { requireSignedIn } from './access.ts';
import {
  FormErrors, formBody, textField, normaliseEmail, emailProblem, displayNameProblem,
  EMAIL_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH, PASSWORD_FIELD_MAX,
} from './forms.ts';
import { hashPassword, passwordProblem, verifyPassword } from './passwords.ts';
import { cookieOptions, SESSION_COOKIE, startSession } from './sessions.ts';
import { SETUP_COOKIE, SETUP_COOKIE_PATH } from './setup-cookie.ts';
import { revokeTokensOf } from '../../services/api-tokens.ts';
import { apiTokensView, registerApiTokenRoutes } from './routes-api-tokens.ts';

export function registerAccountRoutes(app: FastifyInstance, context: AuthContext): void {
  const { store } = context;

  // ---- First administrator -------------------------------------------------------------------------------------

  /** True when this browser used a first-run link in the last 30 minutes and nobody has an account yet. */
  const maySetUp = async (request: FastifyRequest) =>
    context.signer.verify('setup', request.cookies[SETUP_COOKIE], context.clock()) === 'first-administrator' && (await store.users.count()) === 0;

  const setupRefused = (request: FastifyRequest, reply: FastifyReply) =>
    sendPage(context, request, reply, 'pages/auth/link-refused.njk', {
      title: 'You need a new sign-in link to set up Mirror',
      heading: 'You need a new sign-in link to set up Mirror',
      paragraphs: [
        'Setting up Mirror starts from a one-time sign-in link, and has to be finished within 30 minutes of using it.',
        'Run npx mirror sign-in-link, or restart the server, to get a new link.',
      ],
    }, 403);

  const setupPage = (request: FastifyRequest, reply: FastifyReply, values: Record<string, string>, errors = new FormErrors(), status = 200) =>
    sendPage(context, request, reply, 'pages/account/setup.njk', { title: 'Set up your administrator account', values, ...errors.context() }, status);

  app.get('/account/setup', async (request, reply) => {
    if ((await store.users.count()) > 0) return reply.redirect('/sign-in', 303);
    if (!(await maySetUp(request))) return setupRefused(request, reply);
    return setupPage(request, reply, { displayName: '', email: '' });
  });

  app.post('/account/setup', async (request, reply) => {
    if (!(await maySetUp(request))) return setupRefused(request, reply);
    const body = formBody(request.body);
    const displayName = textField(body, 'displayName', { max: DISPLAY_NAME_MAX_LENGTH + 1 });
    const email = normaliseEmail(textField(body, 'email', { max: EMAIL_MAX_LENGTH + 1 }));
    const password = textField(body, 'password', { trim: false, max: PASSWORD_FIELD_MAX });
    const errors = new FormErrors()
      .add('displayName', displayNameProblem(displayName))
      .add('email', emailProblem(email))
      .add('password', passwordProblem(password, { email, displayName }));
    if (errors.any) return setupPage(request, reply, { displayName, email }, errors, 400);

    const user = await store.users.create({ email, displayName, administrator: true });
    await store.users.setPasswordHash(user.id, await hashPassword(password));
    // The first administrator can see the synthetic demonstration trust at once, as an analyst. Other organisations
    // (its synthetic peers, or one imported from the command line) are offered on the first page, where every
    // administrator sees the organisations nobody can see.
    for (const organisation of (await store.organisations.all()).filter((o) => o.synthetic && o.code === DEMO_ORGANISATION.code)) {
      await store.users.setMembership(user.id, organisation.id, 'analyst');
      await audit(context, { userId: user.id, action: 'membership-changed', organisationId: organisation.id, subject: `user/${user.id}`, details: { role: 'analyst', previous: null, via: 'first-run' } });
    }
    reply.clearCookie(SETUP_COOKIE, cookieOptions(context.secure, { path: SETUP_COOKIE_PATH }));
    await startSession(store, reply, { userId: user.id, now: context.clock(), secure: context.secure, previousToken: request.cookies[SESSION_COOKIE] });
    await audit(context, { userId: user.id, action: 'user-created', subject: `user/${user.id}`, details: { administrator: true, via: 'first-run' } });
    await audit(context, { userId: user.id, action: 'password-set', subject: `user/${user.id}` });
    await audit(context, { userId: user.id, action: 'sign-in', subject: `user/${user.id}`, details: { method: 'first-run' } });
    return reply.redirect('/', 303);
  });

  // ---- Password ------------------------------------------------------------------------------------------------

  const passwordPage = (request: FastifyRequest, reply: FastifyReply, errors = new FormErrors(), status = 200) =>
    sendPage(context, request, reply, 'pages/account/password.njk', {
      title: request.currentUser?.hasPassword ? 'Change your password' : 'Create a password',
      hasPassword: request.currentUser?.hasPassword ?? false,
      ...errors.context(),
    }, status);

  app.get('/account/password', async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return passwordPage(request, reply);
  });

  app.post('/account/password', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const body = formBody(request.body);
    const currentPassword = textField(body, 'currentPassword', { trim: false, max: PASSWORD_FIELD_MAX });
    const newPassword = textField(body, 'newPassword', { trim: false, max: PASSWORD_FIELD_MAX });
    const errors = new FormErrors();
    if (user.hasPassword) {
      if (currentPassword === '') errors.add('currentPassword', 'Enter your current password');
      else {
        const storedHash = await store.users.passwordHash(user.id);
        if (storedHash === null || !(await verifyPassword(storedHash, currentPassword))) errors.add('currentPassword', 'Your current password is not correct');
      }
    }
    errors.add('newPassword', passwordProblem(newPassword, user));
    if (errors.any) return passwordPage(request, reply, errors, 400);

    await store.users.setPasswordHash(user.id, await hashPassword(newPassword));
    // A new password ends every other session and every API token, in case someone else was signed in as this person.
    await store.sessions.deleteForUser(user.id);
    await revokeTokensOf(store, { userId: user.id, now: context.clock(), by: user.id, reason: 'password-changed' });
    await startSession(store, reply, { userId: user.id, now: context.clock(), secure: context.secure });
    await audit(context, { userId: user.id, action: 'password-set', subject: `user/${user.id}` });
    return reply.redirect('/account?saved=password', 303);
  });

  // ---- Account and API tokens ----------------------------------------------------------------------------------

  const accountPage = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) => {
    const user = request.currentUser!;
    const saved = (request.query as Record<string, unknown>)['saved'];
    return sendPage(context, request, reply, 'pages/account/index.njk', {
      title: 'Your account',
      account: { displayName: user.displayName, email: user.email, administrator: user.administrator, hasPassword: user.hasPassword },
      memberships: user.memberships.map((m) => ({ code: m.organisation.code, name: m.organisation.name, role: m.role })),
      membershipRows: user.memberships.map((m) => [
        { text: m.organisation.name }, { text: m.organisation.code }, { text: m.role === 'analyst' ? 'Analyst' : m.role === 'owner' ? 'Owner' : 'Viewer' },
      ]),
      saved: saved === 'password' || saved === 'token-revoked' ? saved : null,
      ...(await apiTokensView(context, user)),
      ...extra,
    }, status);
  };

  app.get('/account', async (request, reply) => {
    if (!requireSignedIn(request, reply)) return reply;
    return accountPage(request, reply);
  });

  registerApiTokenRoutes(app, context, accountPage);
}
