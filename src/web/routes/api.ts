/**
 * JSON API under /api/v1, with the same session or an API token (Authorization: Bearer …): the OpenAPI document and
 * the caller's organisations. Each standard's document is served by the standards feature
 * (src/features/standards/routes.ts), exactly as `mirror <standard> --format json` prints it.
 * Unauthenticated requests get 401; organisations the caller does not belong to answer 404.
 */
import type { FastifyInstance } from 'fastify';
import type { Services } from '../services.ts';
import { requireSignedIn } from '../auth/plugin.ts';
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

}
