/**
 * Comparisons between organisations: funnel plots of one year's figures, with the member's own organisation
 * highlighted among a peer group (every organisation in the store, those of the same region, or those of the same
 * type), and the same figures as a CSV download; for WRES (indicators 2–8) and for WDES (metrics 2, 3 and 4a–8).
 * Membership first (404 otherwise) and every view and export audited, as on the other pages. Other organisations
 * appear only through their organisation-level headline figures, as published in the national returns; no breakdown
 * of theirs is read or shown (service.ts), and the download withholds their small counts (presenters.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { MINIMUM_PEERS, type PeerRatioIndicator } from '../../core/comparisons/peer-funnels.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { sendYearPage } from '../../web/private-revalidation.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import {
  benchmarkRows, compareCsvHeader, compareCsvRowsOf, compareWords, funnelSections, nationalTargetView, WDES_COMPARE, WRES_COMPARE,
  type CompareFamily,
} from './presenters.ts';
import { comparison, parsePeerGroup, type PeerGroup } from './service.ts';

interface Params { code: string; year: string }
type CompareRequest = FastifyRequest<{ Params: Params; Querystring: { peers?: string } }>;

/** A family's pages: where they are and what audit records and file names call them. */
interface CompareRoutes {
  readonly family: CompareFamily;
  /** Path under the organisation's year: "" for WRES, "/wdes" for WDES. */
  readonly prefix: string;
  /** What audit records and file names call a comparison: "compare/2025/all", "wdes/2025/compare/all". */
  subject(year: number, group: PeerGroup): string;
  fileName(code: string, year: number, group: PeerGroup): string;
}

const WRES_ROUTES: CompareRoutes = {
  family: WRES_COMPARE,
  prefix: '',
  subject: (year, group) => `compare/${year}/${group}`,
  fileName: (code, year, group) => `compare-${code}-${year}${group === 'all' ? '' : `-${group}`}.csv`,
};

const WDES_ROUTES: CompareRoutes = {
  family: WDES_COMPARE,
  prefix: '/wdes',
  subject: (year, group) => `wdes/${year}/compare/${group}`,
  fileName: (code, year, group) => `wdes-compare-${code}-${year}${group === 'all' ? '' : `-${group}`}.csv`,
};

/** Membership and year first (404 otherwise), then the peer group (400 for an unknown one); null once replied. */
async function loadComparison(services: Services, routes: CompareRoutes, request: CompareRequest, reply: FastifyReply) {
  const loaded = await loadOrganisationYear(services, request, reply);
  if (!loaded) return null;
  const { organisation, year } = loaded;
  const group = parsePeerGroup(request.query.peers);
  if (group === null) {
    reply.code(400);
    renderPage(services, request, reply, 'pages/request-problem.njk', {
      title: 'There is a problem with the request', message: 'Choose a peer group from the links on the comparisons page: every organisation, the same region or the same type.',
    });
    return null;
  }
  const figures = await comparison(services, routes.family.standard, organisation, year, group, request.signal);
  return { organisation, year, group, yearPage: loaded, figures, ...figures };
}

function registerFamily(app: FastifyInstance, services: Services, routes: CompareRoutes): void {
  const { family, prefix } = routes;
  app.get<{ Params: Params; Querystring: { peers?: string } }>(`/organisations/:code/:year${prefix}/compare`, async (request, reply) => {
    const loaded = await loadComparison(services, routes, request, reply);
    if (!loaded) return reply;
    const { organisation, year, group, peers, enough, national, result } = loaded;
    await auditAccess(services, request, 'view', organisation, routes.subject(year, group), { organisations: peers.length });
    // Built from the comparison (a frozen result of the computed cache, one object per set of peers' imports and
    // national figures) and the organisation: kept once per such set for everyone else (web/page-cache.ts).
    return sendYearPage(services, request, reply, loaded.yearPage, 'compare/views/compare.njk', [loaded.figures, group], () => {
      const nationalView = (id: string) => {
        const usable = national[id];
        return usable ? nationalTargetView(id as PeerRatioIndicator, usable) : null;
      };
      const funnels = result ? funnelSections(family, result, organisation.code, year, nationalView) : [];
      const benchmark = result ? benchmarkRows(family, result, organisation.code) : [];
      const standardHref = `${organisationPath(organisation, year)}${prefix}`;
      const href = (g: PeerGroup) => `${standardHref}/compare${g === 'all' ? '' : `?peers=${g}`}`;
      const groups = [
        { key: 'all', text: 'Every organisation with figures for this year', href: href('all') },
        ...(organisation.region ? [{ key: 'region', text: `Organisations in the same region (${organisation.region})`, href: href('region') }] : []),
        ...(organisation.type ? [{ key: 'type', text: `Organisations of the same type (${organisation.type})`, href: href('type') }] : []),
      ].map((g) => ({ ...g, current: g.key === group }));
      return {
        title: `${family.standard === 'WRES' ? '' : 'WDES '}Comparisons ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
        breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: standardHref, text: `${family.standard} ${year}` }],
        organisation, year, group, groups, enough, count: peers.length, minimum: MINIMUM_PEERS,
        funnels, benchmark, ...compareWords(family), dashboardHref: standardHref,
        csvHref: `${standardHref}/compare.csv${group === 'all' ? '' : `?peers=${group}`}`,
      };
    });
  });

  app.get<{ Params: Params; Querystring: { peers?: string } }>(`/organisations/:code/:year${prefix}/compare.csv`, async (request, reply) => {
    const loaded = await loadComparison(services, routes, request, reply);
    if (!loaded) return reply;
    const { organisation, year, group, peers, national, result } = loaded;
    const rows = result ? compareCsvRowsOf(family, result, organisation.code, national) : [];
    await auditAccess(services, request, 'export', organisation, `${routes.subject(year, group)}.csv`, {
      organisations: peers.length, withheld: rows.filter((r) => r[r.length - 1] !== '').length,
    });
    return sendCsv(reply, routes.fileName(organisation.code, year, group), csvText(compareCsvHeader(family), rows));
  });
}

export function registerCompareRoutes(app: FastifyInstance, services: Services): void {
  registerFamily(app, services, WRES_ROUTES);
  registerFamily(app, services, WDES_ROUTES);
}
