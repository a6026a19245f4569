/**
 * Pages anyone may read, signed in or not: the methodology (rendered from docs/methodology.md, so the page and the
 * document can never differ), the accessibility statement and the privacy notice on equality data.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { Marked } from 'marked';
import type { Services } from '../services.ts';
import { pageContext } from '../page-context.ts';

const here = dirname(fileURLToPath(import.meta.url));
const DOCS = join(here, '..', '..', '..', 'docs');

/**
 * Markdown to HTML with the design system's table classes; the source is our own repository file, not user input.
 * Each table sits in the design system's scroll region, named by the heading above it, so a wide table scrolls
 * within itself on a phone instead of widening the page.
 */
export function renderMethodology(markdown: string): string {
  const marked = new Marked({ gfm: true });
  const html = marked.parse(markdown, { async: false }).replace(/<h1>[^<]*<\/h1>/, '');
  let heading = 'How the figures are calculated';
  return html.replace(/<h[2-6][^>]*>([\s\S]*?)<\/h[2-6]>|<table>([\s\S]*?)<\/table>/g, (match, headingHtml: string | undefined, body: string | undefined) => {
    if (headingHtml !== undefined) {
      heading = headingHtml.replace(/<[^>]+>/g, '').replace(/"/g, '&quot;');
      return match;
    }
    return `<div class="nhsuk-scroll" data-module="nhsuk-scroll"><div class="nhsuk-scroll__content" role="region" aria-label="Table: ${heading}">`
      + `<table class="nhsuk-table">${body}</table></div></div>`;
  });
}

export function registerInformationRoutes(app: FastifyInstance, services: Services): void {
  const methodologyHtml = renderMethodology(readFileSync(join(DOCS, 'methodology.md'), 'utf8'));
  app.get('/methodology', async (request, reply) =>
    reply.type('text/html').send(services.render('pages/methodology.njk', pageContext(request, reply, { title: 'How the figures are calculated', methodologyHtml }))));
  app.get('/accessibility', async (request, reply) =>
    reply.type('text/html').send(services.render('pages/accessibility.njk', pageContext(request, reply, { title: 'Accessibility statement' }))));
  app.get('/privacy', async (request, reply) =>
    reply.type('text/html').send(services.render('pages/privacy.njk', pageContext(request, reply, { title: 'Privacy and equality data' }))));
}
