/**
 * The board pack of an organisation's year (issue 11): one page to print for the board, its CSV and its JSON API.
 * Thin: membership and year first (404 otherwise), the service, audit, render. The organisation's analysts see small
 * numbers on screen, warned, with a link to the pack as everyone else sees it (`?withheld=yes`), which is the one to
 * print for the board; the CSV and the API always withhold them.
 * - GET /organisations/:code/:year/board-pack
 * - GET /organisations/:code/:year/board-pack.csv           the objectives with their progress as at the year
 * - GET /api/v1/organisations/:code/:year/board-pack
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { auditAccess, loadOrganisationYear, type OrganisationYearParams, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { BOARD_PACK_CSV_HEADER, boardPackCsvRows, boardPackDocument } from './document.ts';
import { boardPackView } from './present.ts';
import { boardPack } from './service.ts';

type Req = FastifyRequest<{ Params: OrganisationYearParams; Querystring: { withheld?: string } }>;

export function registerBoardPackRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: OrganisationYearParams; Querystring: { withheld?: string } }>('/organisations/:code/:year/board-pack', async (request: Req, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const unsuppressed = loaded.analyst && request.query.withheld !== 'yes';
    const policy = unsuppressed ? null : DEFAULT_DISCLOSURE_POLICY;
    const pack = await boardPack(services, organisation.id, year, policy);
    if (!pack) return reply.callNotFound();
    await auditAccess(services, request, 'view', organisation, `board-pack/${year}`);
    const base = organisationPath(organisation, year);
    return renderPage(services, request, reply, 'board-pack/views/board-pack.njk', {
      title: `Board pack ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: organisation.name }, { href: `${base}/overview`, text: `Overview ${year}` }],
      organisation, year, base, orgBase: organisationPath(organisation),
      prepared: services.clock().toISOString().slice(0, 10),
      unsuppressed, analyst: loaded.analyst, withheldHref: `${base}/board-pack?withheld=yes`,
      csvHref: `${base}/board-pack.csv`, apiHref: `/api/v1${base}/board-pack`,
      minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      ...boardPackView(pack, organisation, services.standards, policy),
    });
  });

  app.get<{ Params: OrganisationYearParams }>('/organisations/:code/:year/board-pack.csv', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const pack = await boardPack(services, organisation.id, year, DEFAULT_DISCLOSURE_POLICY);
    if (!pack) return reply.callNotFound();
    await auditAccess(services, request, 'export', organisation, `board-pack/${year}.csv`);
    return sendCsv(reply, `board-pack-${organisation.code}-${year}.csv`, csvText(BOARD_PACK_CSV_HEADER, boardPackCsvRows(pack)));
  });

  app.get<{ Params: OrganisationYearParams }>('/api/v1/organisations/:code/:year/board-pack', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const pack = await boardPack(services, organisation.id, year, DEFAULT_DISCLOSURE_POLICY);
    if (!pack) return reply.code(404).send({ error: 'not found' });
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'api-read', organisationId: organisation.id, subject: `board-pack/${year}` });
    return reply.send(boardPackDocument(pack, services.standards, DEFAULT_DISCLOSURE_POLICY));
  });
}
