/**
 * Comparisons between organisations: funnel plots of one year's figures, with the member's own organisation
 * highlighted among a peer group (every organisation in the store, those of the same region, or those of the same
 * type), and the same figures as a CSV download; for WRES (indicators 2–8) and for WDES (metrics 2, 3 and 4a–8).
 * Membership first (404 otherwise) and every view and export audited, as on the other pages. Other organisations
 * appear only through their organisation-level headline figures, as published in the national returns; no breakdown
 * of theirs is read or shown, and the download withholds their small counts. WRES indicators 2–4 are centred on the
 * national figure where an administrator has entered one for the year (see features/national-figures/), and on the pooled
 * peer figure otherwise; WDES funnels always on the pooled peer figure. Pages and downloads are built by
 * presenters/compare-view.ts.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { nationalRatio, nationalTargetsOf } from '../../core/comparisons/national-figure.ts';
import {
  MINIMUM_PEERS,
  peerFunnelsOf,
  type PeerFunnels,
  type PeerOrganisationOf,
  type PeerRatioIndicator,
} from '../../core/comparisons/peer-funnels.ts';
import { wdesPeerReport } from '../../core/comparisons/wdes-peer-funnels.ts';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { wdesReportFor } from '../../services/standards-report-service.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Organisation, Store } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { requireMembership } from '../auth/plugin.ts';
import { csvText, sendCsv, type CsvCell } from '../csv-download.ts';
import { pageContext } from '../page-context.ts';
import {
  benchmarkRows, compareCsvHeader, compareCsvRowsOf, compareWords, funnelSections, WDES_COMPARE, WRES_COMPARE,
  type CompareFamily, type UsableNationalFigure,
} from '../presenters/compare-view.ts';
import { countsText } from '../../features/national-figures/words.ts';

/** The overview reads funnels and their targets too: presenters/funnel-reading.ts and services/national-targets.ts. */
export { funnelChartPoints, funnelChartScale, withheldReason, type UsableNationalFigure } from '../presenters/compare-view.ts';
export { reading } from '../presenters/funnel-reading.ts';
export { nationalTargetsFor } from '../../services/national-targets.ts';

interface Params { code: string; year: string }

export const PEER_GROUPS = ['all', 'region', 'type'] as const;
export type PeerGroup = (typeof PEER_GROUPS)[number];

function base(organisation: Organisation, year: number): string {
  return `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
}

/** The year's national figures that can centre a funnel (ratio above 0), by indicator. */
export async function nationalFiguresFor(store: Store, year: number): Promise<Partial<Record<PeerRatioIndicator, UsableNationalFigure>>> {
  const out: Partial<Record<PeerRatioIndicator, UsableNationalFigure>> = {};
  for (const figure of await store.nationalFigures.forYear(year)) {
    const ratio = nationalRatio(figure.indicator, figure);
    if (ratio.usableAsTarget) out[figure.indicator] = { figure, ratio };
  }
  return out;
}

/** What the page and the download say about a national target: its ratio, interval, counts and source. */
function nationalTargetView(indicator: PeerRatioIndicator, usable: UsableNationalFigure) {
  const { figure, ratio } = usable;
  const people = indicator === '2' ? 'applicants' : 'staff';
  return {
    value: ratio.value,
    ci95: ratio.ci95,
    white: `White ${people}: ${countsText(indicator, figure.white)}`,
    ethnicMinority: `Ethnic minority ${people}: ${countsText(indicator, figure.ethnicMinority)}`,
    source: figure.source,
  };
}

export const COMPARE_CSV_HEADER: readonly string[] = compareCsvHeader(WRES_COMPARE);

/** The WRES download's rows (see compareCsvRowsOf): White and ethnic minority counts, national targets where entered. */
export function compareCsvRows(
  result: PeerFunnels,
  ownCode: string,
  national: Partial<Record<PeerRatioIndicator, UsableNationalFigure>>,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): CsvCell[][] {
  return compareCsvRowsOf(WRES_COMPARE, result as unknown as PeerFunnels<string>, ownCode, national, policy);
}

function parsePeerGroup(value: unknown): PeerGroup | null {
  if (value === undefined) return 'all';
  return typeof value === 'string' && (PEER_GROUPS as readonly string[]).includes(value) ? (value as PeerGroup) : null;
}

function inGroup(group: PeerGroup, own: Organisation, other: Organisation): boolean {
  if (group === 'region') return own.region !== null && other.region === own.region;
  if (group === 'type') return own.type !== null && other.type === own.type;
  return true;
}

/** A family's pages: where they are, how the peers' headline figures are read, and the national targets (WRES only). */
interface CompareRoutes {
  readonly family: CompareFamily;
  /** Path under the organisation's year: "" for WRES, "/wdes" for WDES. */
  readonly prefix: string;
  /** One organisation's headline figures for the year, or null when it has none. */
  peerReport(store: Store, organisationId: number, year: number): Promise<PeerOrganisationOf<string>['report'] | null>;
  national(store: Store, year: number): Promise<Partial<Record<string, UsableNationalFigure>>>;
  /** What audit records and file names call a comparison: "compare/2025/all", "wdes/2025/compare/all". */
  subject(year: number, group: PeerGroup): string;
  fileName(code: string, year: number, group: PeerGroup): string;
}

// Headline figures only: each report with disclosure control, of which nothing below organisation level is read.
const WRES_ROUTES: CompareRoutes = {
  family: WRES_COMPARE,
  prefix: '',
  peerReport: async (store, id, year) => (await wresReportFor(store, id, year, { suppressBreakdowns: true })) as unknown as PeerOrganisationOf<string>['report'] | null,
  national: nationalFiguresFor,
  subject: (year, group) => `compare/${year}/${group}`,
  fileName: (code, year, group) => `compare-${code}-${year}${group === 'all' ? '' : `-${group}`}.csv`,
};

const WDES_ROUTES: CompareRoutes = {
  family: WDES_COMPARE,
  prefix: '/wdes',
  peerReport: async (store, id, year) => {
    const report = await wdesReportFor(store, id, year, { suppressBreakdowns: true });
    return report ? (wdesPeerReport(report) as unknown as PeerOrganisationOf<string>['report']) : null;
  },
  national: async () => ({}),
  subject: (year, group) => `wdes/${year}/compare/${group}`,
  fileName: (code, year, group) => `wdes-compare-${code}-${year}${group === 'all' ? '' : `-${group}`}.csv`,
};

/** Where a comparison's figures come from, for the page and its download alike. */
interface Comparison {
  readonly organisation: Organisation;
  readonly year: number;
  readonly group: PeerGroup;
  readonly peers: readonly PeerOrganisationOf<string>[];
  readonly enough: boolean;
  readonly national: Partial<Record<string, UsableNationalFigure>>;
  readonly result: PeerFunnels<string> | null;
}

/**
 * Membership first (404 otherwise), then the year and the peer group (400 for an unknown group); null once replied.
 * Each organisation in the group is read through its headline figures only, and the year's national figures
 * become the targets of WRES indicators 2–4 where an administrator has entered them.
 */
async function loadComparison(
  services: Services,
  routes: CompareRoutes,
  request: FastifyRequest<{ Params: Params; Querystring: { peers?: string } }>,
  reply: FastifyReply,
): Promise<Comparison | null> {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const organisation = membership.organisation;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  if (year === null || !(await services.store.organisations.years(organisation.id)).includes(year)) {
    await reply.callNotFound();
    return null;
  }
  const group = parsePeerGroup(request.query.peers);
  if (group === null) {
    await reply.code(400).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
      title: 'There is a problem with the request', message: 'Choose a peer group from the links on the comparisons page: every organisation, the same region or the same type.',
    })));
    return null;
  }

  const candidates = (await services.store.organisations.all()).filter((o) => inGroup(group, organisation, o) || o.id === organisation.id);
  const peers: PeerOrganisationOf<string>[] = [];
  for (const o of candidates) {
    const report = await routes.peerReport(services.store, o.id, year);
    if (report) peers.push({ code: o.code, name: o.name, report });
  }
  peers.sort((a, b) => (a.code === organisation.code ? -1 : b.code === organisation.code ? 1 : a.name.localeCompare(b.name)));
  const enough = peers.length >= MINIMUM_PEERS;
  const national = await routes.national(services.store, year);
  const nationalTargets = nationalTargetsOf(Object.values(national).flatMap((n) => (n ? [n.figure] : [])));
  const result = enough ? peerFunnelsOf(routes.family.set, year, peers, { nationalTargets }) : null;
  return { organisation, year, group, peers, enough, national, result };
}

function registerFamily(app: FastifyInstance, services: Services, routes: CompareRoutes): void {
  const { family, prefix } = routes;
  app.get<{ Params: Params; Querystring: { peers?: string } }>(`/organisations/:code/:year${prefix}/compare`, async (request, reply) => {
    const comparison = await loadComparison(services, routes, request, reply);
    if (!comparison) return reply;
    const { organisation, year, group, peers, enough, national, result } = comparison;
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: routes.subject(year, group),
      details: { organisations: peers.length },
    });
    const nationalView = (id: string) => {
      const usable = national[id];
      return usable ? nationalTargetView(id as PeerRatioIndicator, usable) : null;
    };
    const funnels = result ? funnelSections(family, result, organisation.code, year, nationalView) : [];
    const benchmark = result ? benchmarkRows(family, result, organisation.code) : [];
    const standardHref = `${base(organisation, year)}${prefix}`;
    const href = (g: PeerGroup) => `${standardHref}/compare${g === 'all' ? '' : `?peers=${g}`}`;
    const groups = [
      { key: 'all', text: 'Every organisation with figures for this year', href: href('all') },
      ...(organisation.region ? [{ key: 'region', text: `Organisations in the same region (${organisation.region})`, href: href('region') }] : []),
      ...(organisation.type ? [{ key: 'type', text: `Organisations of the same type (${organisation.type})`, href: href('type') }] : []),
    ].map((g) => ({ ...g, current: g.key === group }));

    return reply.type('text/html').send(services.render('pages/compare.njk', pageContext(request, reply, {
      title: `${family.standard === 'WRES' ? '' : 'WDES '}Comparisons ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: standardHref, text: `${family.standard} ${year}` }],
      organisation, year, group, groups, enough, count: peers.length, minimum: MINIMUM_PEERS,
      funnels, benchmark, ...compareWords(family), dashboardHref: standardHref,
      csvHref: `${standardHref}/compare.csv${group === 'all' ? '' : `?peers=${group}`}`,
    })));
  });

  app.get<{ Params: Params; Querystring: { peers?: string } }>(`/organisations/:code/:year${prefix}/compare.csv`, async (request, reply) => {
    const comparison = await loadComparison(services, routes, request, reply);
    if (!comparison) return reply;
    const { organisation, year, group, peers, national, result } = comparison;
    const rows = result ? compareCsvRowsOf(family, result, organisation.code, national) : [];
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'export', organisationId: organisation.id, subject: `${routes.subject(year, group)}.csv`,
      details: { organisations: peers.length, withheld: rows.filter((r) => r[r.length - 1] !== '').length },
    });
    return sendCsv(reply, routes.fileName(organisation.code, year, group), csvText(compareCsvHeader(family), rows));
  });
}

export function registerCompareRoutes(app: FastifyInstance, services: Services): void {
  registerFamily(app, services, WRES_ROUTES);
  registerFamily(app, services, WDES_ROUTES);
}
