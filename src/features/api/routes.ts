/**
 * JSON API under /api/v1, with the same session or an API token (Authorization: Bearer …): the OpenAPI document and
 * the caller's organisations. Each standard's document is served by the standards feature
 * (src/features/standards/routes.ts), exactly as `mirror <standard> --format json` prints it.
 * Unauthenticated requests get 401; organisations the caller does not belong to answer 404.
 */
import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../web/auth/plugin.ts';
import type { Services } from '../../web/services.ts';
import { OPENAPI_DOCUMENT, organisationsOf } from './service.ts';

export function registerApiRoutes(app: FastifyInstance, services: Services): void {
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.send(OPENAPI_DOCUMENT));

  app.get('/api/v1/organisations', async (request, reply) => {
    const user = await requireSignedIn(request, reply);
    if (!user) return reply;
    return reply.send(await organisationsOf(services, user));
  });
}
