/** Administration: people, their memberships and access to Mirror, sign-in links for them, and the audit log. */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Role, User } from '../../store/store.ts';
import { audit, sendPage, type AuthContext } from './context.ts';
import { requireAdministrator } from './access.ts';
import { FormErrors, formBody, textField, normaliseEmail, emailProblem, displayNameProblem, EMAIL_MAX_LENGTH, DISPLAY_NAME_MAX_LENGTH } from './forms.ts';
import { createSignInLink } from '../../services/sign-in-links.ts';
import { revokeTokensOf } from '../../services/api-tokens.ts';

/** Links made for people an administrator adds last a day, so there is time to pass them on. */
export const ADMIN_LINK_LIFETIME_MINUTES = 24 * 60;
export const AUDIT_PAGE_SIZE = 50;

const ROLE_NAMES: Readonly<Record<Role, string>> = { analyst: 'Analyst', viewer: 'Viewer', owner: 'Owner' };

function userIdParam(request: FastifyRequest): number | null {
  const id = (request.params as Record<string, unknown>)['id'];
  return typeof id === 'string' && /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
}

export function registerAdminRoutes(app: FastifyInstance, context: AuthContext): void {
  const { store } = context;
  const breadcrumbs = [{ text: 'Administration', href: '/admin/users' }];

  const usersPage = async (request: FastifyRequest, reply: FastifyReply, extra: Record<string, unknown> = {}, status = 200) => {
    const users = await store.users.all();
    const rows = await Promise.all(
      users.map(async (user) => ({
        id: user.id,
        displayName: user.displayName,
        email: user.email,
        administrator: user.administrator,
        hasPassword: user.hasPassword,
        active: user.active,
        memberships: (await store.users.memberships(user.id)).map((m) => `${m.organisation.name} (${m.organisation.code}): ${ROLE_NAMES[m.role]}`),
      })),
    );
    return sendPage(context, request, reply, 'pages/admin/users.njk', {
      title: 'People',
      adminSection: 'people',
      userRows: rows.map((user) => [
        { text: user.displayName, href: `/admin/users/${user.id}` },
        { text: user.email },
        { text: [user.administrator ? 'Administrator' : '', ...user.memberships].filter(Boolean).join('; ') || 'No access yet' },
        { text: !user.active ? 'Inactive' : user.hasPassword ? 'Password set' : 'Waiting to sign in' },
      ]),
      values: { email: '', displayName: '', administrator: false },
      ...extra,
    }, status);
  };

  app.get('/admin/users', async (request, reply) => {
    if (!requireAdministrator(request, reply)) return reply;
    return usersPage(request, reply);
  });

  app.post('/admin/users', async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const body = formBody(request.body);
    const email = normaliseEmail(textField(body, 'email', { max: EMAIL_MAX_LENGTH + 1 }));
    const displayName = textField(body, 'displayName', { max: DISPLAY_NAME_MAX_LENGTH + 1 });
    const administrator = textField(body, 'administrator') === 'yes';
    const errors = new FormErrors()
      .add('displayName', displayNameProblem(displayName))
      .add('email', emailProblem(email));
    if (!errors.any && (await store.users.byEmail(email))) errors.add('email', 'Someone with this email address already has an account');
    if (errors.any) return usersPage(request, reply, { values: { email, displayName, administrator }, ...errors.context() }, 400);

    const user = await store.users.create({ email, displayName, administrator });
    await audit(context, { userId: admin.id, action: 'user-created', subject: `user/${user.id}`, details: { administrator } });
    const link = await createSignInLink(store, {
      baseUrl: context.config.baseUrl, userId: user.id, now: context.clock(), lifetimeMinutes: ADMIN_LINK_LIFETIME_MINUTES, createdBy: admin.id,
    });
    return linkPage(request, reply, user, link, true);
  });

  const linkPage = (request: FastifyRequest, reply: FastifyReply, user: User, link: string, created: boolean) =>
    sendPage(context, request, reply, 'pages/admin/sign-in-link.njk', {
      title: created ? `${user.displayName} has been added` : `New sign-in link for ${user.displayName}`,
      created,
      person: { id: user.id, displayName: user.displayName },
      link,
      lifetime: '24 hours',
      breadcrumbs,
    });

  const userPage = async (request: FastifyRequest, reply: FastifyReply, user: User, extra: Record<string, unknown> = {}, status = 200) => {
    const memberships = await store.users.memberships(user.id);
    const organisations = await store.organisations.all();
    return sendPage(context, request, reply, 'pages/admin/user.njk', {
      title: user.displayName,
      person: {
        id: user.id, displayName: user.displayName, email: user.email, administrator: user.administrator,
        hasPassword: user.hasPassword, active: user.active, createdAt: user.createdAt.toISOString().slice(0, 10),
        self: user.id === request.currentUser?.id,
      },
      membershipRows: memberships.map((m) => [{ text: m.organisation.name }, { text: m.organisation.code }, { text: ROLE_NAMES[m.role] }]),
      organisations: organisations.map((o) => ({ value: o.code, text: `${o.name} (${o.code})` })),
      values: { organisation: '', role: '' },
      breadcrumbs,
      ...extra,
    }, status);
  };

  const findUser = async (request: FastifyRequest, reply: FastifyReply): Promise<User | null> => {
    const id = userIdParam(request);
    const user = id === null ? null : await store.users.byId(id);
    if (!user) reply.callNotFound();
    return user;
  };

  app.get('/admin/users/:id', async (request, reply) => {
    if (!requireAdministrator(request, reply)) return reply;
    const user = await findUser(request, reply);
    if (!user) return reply;
    return userPage(request, reply, user);
  });

  app.post('/admin/users/:id/memberships', async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const user = await findUser(request, reply);
    if (!user) return reply;
    const body = formBody(request.body);
    const code = textField(body, 'organisation', { max: 40 });
    const roleText = textField(body, 'role');
    const organisation = code === '' ? null : await store.organisations.byCode(code);
    const errors = new FormErrors()
      .add('organisation', organisation ? null : 'Select an organisation')
      .add('role', ['analyst', 'viewer', 'owner', 'none'].includes(roleText) ? null : 'Select a role, or remove access');
    if (errors.any || !organisation) return userPage(request, reply, user, { values: { organisation: code, role: roleText }, ...errors.context() }, 400);

    const role: Role | null = roleText === 'none' ? null : (roleText as Role);
    const previous = (await store.users.memberships(user.id)).find((m) => m.organisation.id === organisation.id)?.role ?? null;
    await store.users.setMembership(user.id, organisation.id, role);
    await audit(context, { userId: admin.id, action: 'membership-changed', organisationId: organisation.id, subject: `user/${user.id}`, details: { role, previous } });
    // Their tokens for it end too, so that giving access back later does not bring old tokens back to life.
    if (role === null && previous !== null) await revokeTokensOf(store, { userId: user.id, now: context.clock(), by: admin.id, reason: 'access-removed', organisationId: organisation.id });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  // Removing someone's access to Mirror signs them out everywhere and ends every API token; giving it back lets them
  // sign in again, but brings no token back.
  app.post('/admin/users/:id/status', async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const user = await findUser(request, reply);
    if (!user) return reply;
    const active = textField(formBody(request.body), 'active');
    const errors = new FormErrors()
      .add('active', active !== 'yes' && active !== 'no' ? 'Choose whether they can use Mirror' : user.id === admin.id && active === 'no' ? 'You cannot remove your own access. Ask another administrator.' : null);
    if (errors.any) return userPage(request, reply, user, errors.context(), 400);
    const now = context.clock();
    await store.users.setActive(user.id, active === 'yes');
    if (active === 'no') {
      await store.sessions.deleteForUser(user.id);
      await revokeTokensOf(store, { userId: user.id, now, by: admin.id, reason: 'deactivated' });
    }
    await audit(context, { userId: admin.id, action: active === 'yes' ? 'user-reactivated' : 'user-deactivated', subject: `user/${user.id}` });
    return reply.redirect(`/admin/users/${user.id}`, 303);
  });

  app.post('/admin/users/:id/sign-in-link', async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const user = await findUser(request, reply);
    if (!user) return reply;
    const link = await createSignInLink(store, {
      baseUrl: context.config.baseUrl, userId: user.id, now: context.clock(), lifetimeMinutes: ADMIN_LINK_LIFETIME_MINUTES, createdBy: admin.id,
    });
    return linkPage(request, reply, user, link, false);
  });

  app.get('/admin/audit', async (request, reply) => {
    const admin = requireAdministrator(request, reply);
    if (!admin) return reply;
    const pageText = (request.query as Record<string, unknown>)['page'];
    const page = typeof pageText === 'string' && /^[1-9][0-9]{0,6}$/.test(pageText) ? Number(pageText) : 1;
    // Viewing the log is itself recorded, before reading it, so the newest entry on page 1 is this view.
    await audit(context, { userId: admin.id, action: 'audit-viewed', subject: 'audit', details: { page } });
    const events = await store.audit.list({ limit: AUDIT_PAGE_SIZE + 1, offset: (page - 1) * AUDIT_PAGE_SIZE });
    const users = new Map((await store.users.all()).map((u) => [u.id, u.displayName]));
    const organisations = new Map((await store.organisations.all()).map((o) => [o.id, o.code]));
    const rows = events.slice(0, AUDIT_PAGE_SIZE).map((event) => [
      { text: event.at.toISOString().replace('T', ' ').slice(0, 19) },
      { text: event.userId === null ? 'No one signed in' : users.get(event.userId) ?? `Person ${event.userId}` },
      { text: event.action },
      { text: event.organisationId === null ? '' : organisations.get(event.organisationId) ?? String(event.organisationId) },
      { text: event.subject },
      { text: Object.keys(event.details).length === 0 ? '' : JSON.stringify(event.details) },
    ]);
    return sendPage(context, request, reply, 'pages/admin/audit.njk', {
      title: page === 1 ? 'Audit log' : `Audit log (page ${page})`,
      adminSection: 'audit',
      events: rows,
      page,
      previous: page > 1 ? { href: page === 2 ? '/admin/audit' : `/admin/audit?page=${page - 1}`, label: { text: `Page ${page - 1}` } } : null,
      next: events.length > AUDIT_PAGE_SIZE ? { href: `/admin/audit?page=${page + 1}`, label: { text: `Page ${page + 1}` } } : null,
      breadcrumbs,
    });
  });
}
