/**
 * The catalogue of evidence-based interventions, read-only and public (it holds no organisation's data):
 * - GET /catalogue/interventions       every entry, with what it targets and the strength of its evidence
 * - GET /catalogue/interventions/:id   one entry: its evidence with sources and strength, cautions, typical measures
 */
import type { FastifyInstance } from 'fastify';
import { catalogueIntervention, INTERVENTION_CATALOGUE } from '../../core/act/interventions/catalogue.ts';
import { renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { catalogueEntryView } from './present.ts';

export function registerCatalogueRoutes(app: FastifyInstance, services: Services): void {
  app.get('/catalogue/interventions', async (request, reply) => renderPage(services, request, reply, 'interventions/views/catalogue.njk', {
    title: 'Catalogue of interventions',
    breadcrumbs: [{ href: '/', text: 'Home' }],
    entries: INTERVENTION_CATALOGUE.map((entry) => catalogueEntryView(services.standards, entry)),
  }));

  app.get<{ Params: { id: string } }>('/catalogue/interventions/:id', async (request, reply) => {
    const entry = catalogueIntervention(request.params.id);
    if (!entry) return reply.callNotFound();
    return renderPage(services, request, reply, 'interventions/views/catalogue-entry.njk', {
      title: entry.name,
      breadcrumbs: [{ href: '/', text: 'Home' }, { href: '/catalogue/interventions', text: 'Catalogue of interventions' }],
      entry: catalogueEntryView(services.standards, entry),
    });
  });
}
