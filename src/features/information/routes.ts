/**
 * Pages anyone may read, signed in or not: the methodology (rendered from docs/methodology.md, so the page and the
 * document can never differ), the accessibility statement and the privacy notice on equality data.
 */
import type { FastifyInstance } from 'fastify';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';
import { methodology } from './service.ts';

export function registerInformationRoutes(app: FastifyInstance, services: Services): void {
  const { html, contents } = methodology();
  app.get('/methodology', async (request, reply) =>
    reply.type('text/html').send(services.render('information/views/methodology.njk', pageContext(request, reply, { title: 'How the figures are calculated', methodologyHtml: html, methodologyContents: contents.map((c) => ({ href: `#${c.id}`, text: c.text })) }))));
  app.get('/accessibility', async (request, reply) =>
    reply.type('text/html').send(services.render('information/views/accessibility.njk', pageContext(request, reply, { title: 'Accessibility statement' }))));
  app.get('/privacy', async (request, reply) =>
    reply.type('text/html').send(services.render('information/views/privacy.njk', pageContext(request, reply, { title: 'Privacy and equality data' }))));
}
