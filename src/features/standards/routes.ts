/**
 * Every registered standard's JSON API document, CSV download and generic report page, written once over the
 * registry. Routes are thin: check membership (404 otherwise), call the report service, audit, render.
 * - GET /api/v1/organisations/:code/<standard>/:year: exactly what `mirror <standard> --format json` prints for the
 *   same files; the standard's settings are query parameters of the same names.
 * - GET /organisations/:code/:year/<standard>.csv: exactly what `mirror <standard> --format csv` prints.
 * - GET /organisations/:code/:year/standards/<standard>: the report as sections, each a table of its figures.
 * Each takes `?scope=directorate:NAME`, `staff-group:NAME` or `medical`: the standard's whole report for that part
 * of the organisation, counted from the import's records (404 with the directorates there are when nobody is in
 * it; 409 when the year was imported before its records kept everything counted).
 * Downloads and the API always have disclosure control; on the page, an organisation's analysts see small numbers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyStandard } from '../../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Services } from '../../web/services.ts';
import { requireMembership } from '../../web/auth/plugin.ts';
import { sendCsv } from '../../web/csv-download.ts';
import { pageContext } from '../../web/page-context.ts';
import { auditSubject, checkSettings, csvFileName, csvOf, failure, readScope, reportFor, scopedPage, settingsQuery, withScope } from './service.ts';

interface Params { code: string; year: string }

async function membershipAndYear(request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  return { membership, organisation: membership.organisation, year };
}

export function registerStandardRoutes(app: FastifyInstance, services: Services): void {
  for (const standard of services.standards.all()) registerStandard(app, services, standard);
}

function registerStandard(app: FastifyInstance, services: Services, standard: AnyStandard): void {
  app.get<{ Params: Params; Querystring: Record<string, string> }>(`/api/v1/organisations/:code/${standard.id}/:year`, async (request, reply) => {
    const loaded = await membershipAndYear(request, reply);
    if (!loaded) return reply;
    const scope = readScope(request.query.scope);
    if (!scope.ok) return reply.code(400).send({ error: scope.message });
    const settings = checkSettings(standard, settingsQuery(request.query));
    if (!settings.ok) return reply.code(400).send({ error: settings.message });
    const result = await reportFor(services, standard, loaded.organisation.id, loaded.year, scope.scope, { suppressBreakdowns: true, settings: settings.values });
    if (result.status !== 'ok') {
      const { code, message } = failure(result);
      return reply.code(code).send({ error: message });
    }
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'api-read', organisationId: loaded.organisation.id, subject: auditSubject(standard, loaded.year, result.scope),
    });
    // Serialised here, not by Fastify, so that the bytes match the command line's JSON exactly.
    return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(result.report, null, 2)}\n`);
  });

  app.get<{ Params: Params; Querystring: Record<string, string> }>(`/organisations/:code/:year/${standard.id}.csv`, async (request, reply) => {
    const loaded = await membershipAndYear(request, reply);
    if (!loaded) return reply;
    const scope = readScope(request.query.scope);
    if (!scope.ok) return reply.code(400).type('text/plain; charset=utf-8').send(scope.message);
    const result = await reportFor(services, standard, loaded.organisation.id, loaded.year, scope.scope, { suppressBreakdowns: true });
    if (result.status === 'no-import') return reply.callNotFound();
    if (result.status !== 'ok') {
      const { code, message } = failure(result);
      return reply.code(code).type('text/plain; charset=utf-8').send(message);
    }
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'export', organisationId: loaded.organisation.id, subject: auditSubject(standard, loaded.year, result.scope, '.csv'),
    });
    return sendCsv(reply, csvFileName(standard, loaded.organisation.code, loaded.year, result.scope), csvOf(standard, result.scope, result.report));
  });

  app.get<{ Params: Params; Querystring: Record<string, string> }>(`/organisations/:code/:year/standards/${standard.id}`, async (request, reply) => {
    const loaded = await membershipAndYear(request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const analyst = loaded.membership.role === 'analyst';
    const page = await scopedPage(services, standard, organisation.id, year, request.query.scope, { suppressBreakdowns: !analyst });
    if (!page) return reply.callNotFound();
    if (page.report !== null) {
      await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: auditSubject(standard, year, page.scope) });
    }
    const yearPath = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
    return reply.code(page.code).type('text/html').send(services.render('standards/views/standard-report.njk', pageContext(request, reply, {
      title: `${standard.shortName} ${year}${page.scope ? ` for ${page.scope.label}` : ''}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: yearPath, text: `${year}` }],
      organisation, year, standard: { id: standard.id, name: standard.name, shortName: standard.shortName },
      scope: page.scope, scopeItems: page.scopeItems, errors: page.errors, importAgain: page.importAgain,
      pageHref: `${yearPath}/standards/${standard.id}`,
      sections: page.report === null ? [] : standard.sections(page.report),
      unsuppressed: analyst, minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      csvHref: withScope(`${yearPath}/${standard.id}.csv`, page.chosen),
    })));
  });
}
