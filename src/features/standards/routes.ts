/**
 * Every registered standard's JSON API document, CSV download and generic report page, written once over the
 * registry. Routes are thin: check membership (404 otherwise), call the report service, audit, render.
 * - GET /api/v1/organisations/:code/<standard>/:year: exactly what `mirror <standard> --format json` prints for the
 *   same files; the standard's settings are query parameters of the same names.
 * - GET /organisations/:code/:year/<standard>.csv: exactly what `mirror <standard> --format csv` prints.
 * - GET /organisations/:code/:year/standards/<standard>: the report as sections, each a table of its figures.
 * Downloads and the API always have disclosure control; on the page, an organisation's analysts see small numbers.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { AnyStandard } from '../../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Services } from '../../web/services.ts';
import { requireMembership } from '../../web/auth/plugin.ts';
import { sendCsv } from '../../web/csv-download.ts';
import { pageContext } from '../../web/page-context.ts';
import { checkSettings, reportFor } from './service.ts';

interface Params { code: string; year: string }

async function membershipAndYear(services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) {
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
    const loaded = await membershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const settings = checkSettings(standard, request.query);
    if (!settings.ok) return reply.code(400).send({ error: settings.message });
    const report = loaded.year === null ? null
      : await reportFor(services, standard, loaded.organisation.id, loaded.year, { suppressBreakdowns: true, settings: settings.values });
    if (report === null) return reply.code(404).send({ error: 'not found' });
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'api-read', organisationId: loaded.organisation.id, subject: `${standard.id}/${loaded.year}`,
    });
    // Serialised here, not by Fastify, so that the bytes match the command line's JSON exactly.
    return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(report, null, 2)}\n`);
  });

  app.get<{ Params: Params }>(`/organisations/:code/:year/${standard.id}.csv`, async (request, reply) => {
    const loaded = await membershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const report = loaded.year === null ? null : await reportFor(services, standard, loaded.organisation.id, loaded.year, { suppressBreakdowns: true });
    if (report === null) return reply.callNotFound();
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'export', organisationId: loaded.organisation.id, subject: `${standard.id}/${loaded.year}.csv` });
    return sendCsv(reply, `${standard.id}-${loaded.organisation.code}-${loaded.year}.csv`, standard.csv(report));
  });

  app.get<{ Params: Params }>(`/organisations/:code/:year/standards/${standard.id}`, async (request, reply) => {
    const loaded = await membershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const analyst = loaded.membership.role === 'analyst';
    const report = loaded.year === null ? null : await reportFor(services, standard, loaded.organisation.id, loaded.year, { suppressBreakdowns: !analyst });
    if (report === null) return reply.callNotFound();
    const { organisation, year } = loaded;
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: `${standard.id}/${year}` });
    const yearPath = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
    return reply.type('text/html').send(services.render('standards/views/standard-report.njk', pageContext(request, reply, {
      title: `${standard.shortName} ${year}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: yearPath, text: `${year}` }],
      organisation, year, standard: { id: standard.id, name: standard.name, shortName: standard.shortName },
      sections: standard.sections(report), unsuppressed: analyst, minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      csvHref: `${yearPath}/${standard.id}.csv`,
    })));
  });
}
