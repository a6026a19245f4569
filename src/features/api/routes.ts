/**
 * JSON API under /api/v1, with the same session or an API token (Authorization: Bearer …): the OpenAPI document and
 * the caller's organisations. Each standard's document is served by the standards feature
 * (src/features/standards/routes.ts), exactly as `mirror <standard> --format json` prints it.
 * Unauthenticated requests get 401; organisations the caller does not belong to answer 404.
 */
import type { FastifyInstance } from 'fastify';
import { requireSignedIn } from '../../web/auth/plugin.ts';
import { pageContext } from '../../web/page-context.ts';
import type { AppConfig, Services } from '../../web/services.ts';
import { apiDocs } from './docs.ts';
import { OPENAPI_DOCUMENT, organisationsOf } from './service.ts';

export function registerApiRoutes(app: FastifyInstance, services: Services, config: Pick<AppConfig, 'baseUrl'>): void {
  app.get('/api/v1/openapi.json', async (_request, reply) => reply.send(OPENAPI_DOCUMENT));

  // The documentation page, written from the same document; anyone may read it, as they may the document.
  const docs = apiDocs(OPENAPI_DOCUMENT as unknown as Record<string, unknown>);
  app.get('/api', async (request, reply) =>
    reply.type('text/html').send(services.render('api/views/api-docs.njk', pageContext(request, reply, { title: 'The Mirror API', docs, baseUrl: config.baseUrl }))));

  app.get('/api/v1/organisations', async (request, reply) => {
    const user = await requireSignedIn(request, reply);
    if (!user) return reply;
    return reply.send(await organisationsOf(services, user));
  });
}
