/**
 * JSON API under /api/v1, with the same session or an API token (Authorization: Bearer …). The WRES document is
 * exactly what `mirror wres --format json` prints for the same files: same report builder, same disclosure control.
 * Unauthenticated requests get 401; organisations the caller does not belong to answer 404.
 */
import type { FastifyInstance } from 'fastify';
import { wresReportFor } from '../../services/wres-report-service.ts';
import { medicalReportFor, payGapFor, wdesReportFor } from '../../services/standards-report-service.ts';
import type { Services } from '../app.ts';
import { requireMembership, requireSignedIn } from '../auth/plugin.ts';
import { OPENAPI_DOCUMENT } from './openapi.ts';

export function registerApiRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.send(OPENAPI_DOCUMENT));

  app.get('/api/v1/organisations', async (request, reply) => {
    const user = await requireSignedIn(request, reply);
    if (!user) return reply;
    const organisations = await Promise.all(
      user.memberships.map(async (m) => ({
        code: m.organisation.code,
        name: m.organisation.name,
        synthetic: m.organisation.synthetic,
        years: [...(await services.store.organisations.years(m.organisation.id))],
      })),
    );
    await services.store.audit.record({ userId: user.id, action: 'api-read', subject: 'organisations' });
    return reply.send(organisations);
  });

  app.get<{ Params: { code: string; year: string } }>('/api/v1/organisations/:code/wres/:year', async (request, reply) => {
    const membership = await requireMembership(request, reply, request.params.code);
    if (!membership) return reply;
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
    const report = year === null ? null : await wresReportFor(services.store, membership.organisation.id, year, { suppressBreakdowns: true });
    if (!report) return reply.code(404).send({ error: 'not found' });
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'api-read', organisationId: membership.organisation.id, subject: `wres/${year}`,
    });
    // Serialised here, not by Fastify, so that the bytes match the command line's JSON exactly.
    return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(report, null, 2)}\n`);
  });

  // The same for WDES, the medical workforce and pay gaps: exactly what `mirror wdes`, `mirror medical` and
  // `mirror paygap` print for the same files.
  for (const standard of ['wdes', 'medical', 'paygap'] as const) {
    app.get<{ Params: { code: string; year: string } }>(`/api/v1/organisations/:code/${standard}/:year`, async (request, reply) => {
      const membership = await requireMembership(request, reply, request.params.code);
      if (!membership) return reply;
      const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
      const organisationId = membership.organisation.id;
      const report = year === null ? null
        : standard === 'wdes' ? await wdesReportFor(services.store, organisationId, year, { suppressBreakdowns: true })
        : standard === 'medical' ? await medicalReportFor(services.store, organisationId, year, { suppressBreakdowns: true })
        : await payGapFor(services.store, organisationId, year, { forSharing: true });
      if (!report) return reply.code(404).send({ error: 'not found' });
      await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'api-read', organisationId, subject: `${standard}/${year}` });
      return reply.type('application/json; charset=utf-8').send(`${JSON.stringify(report, null, 2)}\n`);
    });
  }
}
