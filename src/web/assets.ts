/**
 * Static files, all served from this machine: the NHS design system's CSS, JavaScript, icons and manifest, and
 * Mirror's own few files. The design system's CSS loads the Frutiger font from assets.nhs.uk; those @font-face
 * rules are removed when the CSS is served, so browsers fall back to Arial without reaching out to the internet.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import { NHSUK_DIST } from './render.ts';

const here = dirname(fileURLToPath(import.meta.url));
const NHSUK = join(NHSUK_DIST, 'nhsuk');

/** Drops every @font-face rule that points outside this service. */
export function withoutRemoteFonts(css: string): string {
  return css.replace(/@font-face\s*\{[^}]*https?:\/\/[^}]*\}/g, '');
}

export async function registerAssets(app: FastifyInstance): Promise<void> {
  const css = withoutRemoteFonts(readFileSync(join(NHSUK, 'nhsuk-frontend.min.css'), 'utf8'));
  const js = readFileSync(join(NHSUK, 'nhsuk-frontend.min.js'), 'utf8');
  const cacheFor = 'public, max-age=86400';

  app.get('/assets/nhsuk-frontend.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', cacheFor).send(css));
  app.get('/assets/nhsuk-frontend.min.js', async (_request, reply) =>
    reply.type('text/javascript; charset=utf-8').header('cache-control', cacheFor).send(js));
  await app.register(fastifyStatic, { root: join(NHSUK, 'assets'), prefix: '/assets/', decorateReply: false, index: false, maxAge: 86_400_000 });
  await app.register(fastifyStatic, { root: join(here, 'public'), prefix: '/static/', decorateReply: false, index: false, maxAge: 3_600_000 });
}
