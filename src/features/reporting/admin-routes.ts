/**
 * Reporting settings, for administrators (issue 12, items 1 and 5): each organisation's categories, directorates,
 * handler roles, routing and retention, and who holds each handler role. Administrators set these up but cannot
 * read any case: only handlers can (a handler role given to oneself is audited like any other).
 * - GET  /admin/reporting           the organisations, with links to their settings
 * - GET  /admin/reporting/:code     the settings and the handlers; POST saves the settings
 * - POST /admin/reporting/:code/handlers   gives a role (email and role) or takes one away (remove = "userId:role")
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { requireAdministrator } from '../../web/auth/plugin.ts';
import { formFields } from '../../web/act-access.ts';
import { renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import type { Organisation } from '../../store/store.ts';
import type { ReportSettings } from '../../store/reporting-types.ts';
import { addHandler, settingsFromForm, settingsOf, type SettingsProblem } from './settings-service.ts';

type CodeRequest = FastifyRequest<{ Params: { code: string } }>;

export function registerReportingAdminRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;
  const breadcrumbs = [{ text: 'Administration', href: '/admin/users' }, { text: 'Reporting', href: '/admin/reporting' }];

  const organisationFor = async (request: CodeRequest, reply: FastifyReply): Promise<Organisation | null> => {
    if (!requireAdministrator(request, reply)) return null;
    const organisation = await store.organisations.byCode(request.params.code);
    if (!organisation) await reply.callNotFound();
    return organisation;
  };

  const settingsPage = async (request: CodeRequest, reply: FastifyReply, organisation: Organisation, settings: ReportSettings, problems: readonly SettingsProblem[] = [], values?: Record<string, string>) => {
    const handlers = await store.reporting.handlers(organisation.id);
    const fieldErrors: Record<string, string> = {};
    for (const p of problems) fieldErrors[p.field] ??= p.message;
    const roleLabel = (key: string) => settings.handlerRoles.find((r) => r.key === key)?.label ?? key;
    reply.code(problems.length ? 400 : 200);
    return renderPage(services, request, reply, 'reporting/views/settings.njk', {
      title: `Reporting at ${organisation.name}`,
      adminSection: 'reporting',
      breadcrumbs,
      organisation,
      action: `/admin/reporting/${encodeURIComponent(organisation.code)}`,
      formHref: `/report/${encodeURIComponent(organisation.code)}`,
      values: values ?? {
        categories: settings.categories.map((c) => c.label).join('\n'),
        directorates: settings.directorates.map((d) => d.label).join('\n'),
        handlerRoles: settings.handlerRoles.map((r) => r.label).join('\n'),
        retentionMonths: String(settings.retentionMonths),
      },
      routing: settings.categories.map((c) => ({
        id: `route-${c.key}`, label: c.label,
        items: settings.handlerRoles.map((r) => ({ value: r.key, text: r.label, selected: (settings.routing[c.key] ?? settings.handlerRoles[0]?.key) === r.key })),
      })),
      roles: [{ value: '', text: 'Choose a role' }, ...settings.handlerRoles.map((r) => ({ value: r.key, text: r.label }))],
      handlers: handlers.map((h) => ({ name: h.displayName, email: h.email, role: roleLabel(h.roleKey), remove: `${h.userId}:${h.roleKey}` })),
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
      fieldErrors,
    });
  };

  app.get('/admin/reporting', async (request, reply) => {
    if (!requireAdministrator(request, reply)) return reply;
    const organisations = await store.organisations.all();
    return renderPage(services, request, reply, 'reporting/views/admin.njk', { title: 'Reporting racism and discrimination', adminSection: 'reporting', organisations, breadcrumbs: breadcrumbs.slice(0, 1) });
  });

  app.get('/admin/reporting/:code', async (request: CodeRequest, reply) => {
    const organisation = await organisationFor(request, reply);
    if (!organisation) return reply;
    return settingsPage(request, reply, organisation, await settingsOf(store, organisation.id));
  });

  app.post('/admin/reporting/:code', async (request: CodeRequest, reply) => {
    const organisation = await organisationFor(request, reply);
    if (!organisation) return reply;
    const previous = await settingsOf(store, organisation.id);
    const routeFields = previous.categories.map((c) => `route-${c.key}`);
    const fields = formFields(request.body, ['categories', 'directorates', 'handlerRoles', 'retentionMonths', ...routeFields], 20_000);
    const result = settingsFromForm(fields, previous);
    if ('problems' in result) return settingsPage(request, reply, organisation, previous, result.problems, fields);
    await store.reporting.saveSettings(organisation.id, result.settings);
    await store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'report-settings-saved', organisationId: organisation.id, subject: 'report-settings',
      details: { categories: result.settings.categories.length, directorates: result.settings.directorates.length, roles: result.settings.handlerRoles.length, retentionMonths: result.settings.retentionMonths },
    });
    return reply.redirect(`/admin/reporting/${encodeURIComponent(organisation.code)}`, 303);
  });

  app.post('/admin/reporting/:code/handlers', async (request: CodeRequest, reply) => {
    const organisation = await organisationFor(request, reply);
    if (!organisation) return reply;
    const fields = formFields(request.body, ['email', 'role', 'remove'], 300);
    const settings = await settingsOf(store, organisation.id);
    const removal = /^(\d{1,10}):(.+)$/.exec(fields['remove'] ?? '');
    let userId: number;
    let roleKey: string;
    if (removal) {
      userId = Number(removal[1]);
      roleKey = removal[2]!;
      await store.reporting.setHandler(organisation.id, roleKey, userId, false);
    } else {
      const added = await addHandler(store, organisation.id, fields['email'] ?? '', fields['role'] ?? '');
      if ('problem' in added) return settingsPage(request, reply, organisation, settings, [added.problem]);
      userId = added.userId;
      roleKey = fields['role'] ?? '';
    }
    await store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'report-handler-changed', organisationId: organisation.id, subject: `report-handlers/${userId}`,
      details: { role: roleKey, holds: !removal },
    });
    return reply.redirect(`/admin/reporting/${encodeURIComponent(organisation.code)}`, 303);
  });
}
