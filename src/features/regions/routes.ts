/**
 * The regional and national view (issue 15 item 6, issue 13 item 6), for two audiences from one set of pages:
 * - the public, from published versions only, with no sign-in and no cookies (the auth plugin leaves /public/ alone),
 *   an ETag and five minutes' caching like the other public pages, and no audit of who reads them:
 *     GET /public/national[?year=&type=]                       every indicator across every published organisation
 *     GET /public/national/:standard/:indicator                one indicator: funnel plot and league table
 *     GET /public/national/figures.csv                         every indicator's pooled figure and league table, as CSV
 *     GET /public/regions/:region[...]                         the same for one region (and /figures.csv)
 * - administrators, from each organisation's current import in the store, every view audited:
 *     GET /national[...], /national/:standard/:indicator, /national/figures.csv, and the same under /regions/:region
 *   Administrators only: there is no regional role yet, and this is the one view across organisations none of whose
 *   members one is. What it shows is what publication would show (headline figures, any figure resting on a count of
 *   1 to 7 withheld, and left out of the pooled figure and the plot), so it can be shared as it stands.
 * A region, year or type with no organisation answers 404.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { findIndicator, ROLLUP_INDICATORS } from '../../core/regions/indicators.ts';
import { requireAdministrator } from '../../web/auth/plugin.ts';
import { pageContext } from '../../web/page-context.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { PUBLIC_CACHE, sendCached, sendPublicPage } from '../../web/public-response.ts';
import { AREA_CSV_HEADER, areaCsvRows } from './csv.ts';
import type { Services } from '../../web/services.ts';
import { areaPath, areaWords, indicatorView, query, summaryRows } from './present.ts';
import { areaOrganisations, areaRollup, areaRollups, type AreaRequest, type AreaView, type Source } from './service.ts';

interface Params { region?: string; standard?: string; indicator?: string }
interface Query { year?: string; type?: string }
type AreaRequestOf = FastifyRequest<{ Params: Params; Querystring: Query }>;

/** The request's area, or null when it cannot name one (answered 404, as an unknown area is). */
function parseArea(request: AreaRequestOf): AreaRequest | null {
  const { year, type } = request.query;
  if (year !== undefined && !/^\d{4}$/.test(year)) return null;
  if (type !== undefined && (typeof type !== 'string' || type.length === 0 || type.length > 200)) return null;
  const region = request.params.region ?? null;
  if (region !== null && !/^[a-z0-9-]{1,100}$/.test(region)) return null;
  return { regionSlug: region, type: type ?? null, year: year === undefined ? null : Number(year) };
}

/** The links every page of the view shares: other years, regions and types, and the pages' own addresses. */
function navigation(source: Source, view: AreaView, request: AreaRequest) {
  const here = areaPath(source, request.regionSlug);
  const yearQuery = (year: number) => query(year === view.years[0] ? null : year, view.type);
  const asked = request.year === null ? null : view.year;
  return {
    here, areaHref: `${here}${query(asked, view.type)}`,
    nationalHref: `${areaPath(source, null)}${query(asked, null)}`,
    years: view.years.map((y) => ({ year: y, href: `${here}${yearQuery(y)}`, current: y === view.year })),
    regions: view.regions.map((r) => ({ ...r, href: `${areaPath(source, r.slug)}${query(asked, null)}`, current: r.name === view.region })),
    types: view.types.map((t) => ({ type: t, href: `${here}${query(asked, t)}`, current: t === view.type })),
    allTypesHref: `${here}${query(asked, null)}`,
    indicatorHref: (standard: string, id: string) => `${here}/${standard}/${encodeURIComponent(id)}${query(asked, view.type)}`,
    csvHref: `${here}/figures.csv${query(asked, view.type)}`,
  };
}

function heading(view: AreaView): string {
  const where = view.region ?? 'England';
  return `${view.type ? `${view.type} organisations, ` : ''}${where}, ${view.year}`;
}

export function registerRegionRoutes(app: FastifyInstance, services: Services): void {
  /** Loads the area for either audience; null once answered (404, or sign-in and 403 for the administrators' pages). */
  async function load(source: Source, request: AreaRequestOf, reply: FastifyReply) {
    if (source === 'current' && !requireAdministrator(request, reply)) return null;
    const parsed = parseArea(request);
    const result = parsed ? await areaOrganisations(services, source, parsed, request.signal) : { found: false as const };
    if (!parsed || !result.found) {
      reply.callNotFound();
      return null;
    }
    return { parsed, ...result, nav: navigation(source, result.view, parsed) };
  }

  function send(source: Source, request: FastifyRequest, reply: FastifyReply, template: string, context: { title: string } & Record<string, unknown>) {
    const full = { ...context, public: source === 'published', dataHref: '/public/data' };
    if (source === 'published') return sendPublicPage(services, request, reply, template, full, PUBLIC_CACHE.changing);
    reply.header('cache-control', 'no-store');
    return reply.type('text/html; charset=utf-8').send(services.render(template, pageContext(request, reply, full)));
  }

  async function audit(request: FastifyRequest, subject: string, details: Record<string, unknown>) {
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: null, subject, details });
  }

  const subjectOf = (view: AreaView, parsed: AreaRequest) => `${parsed.regionSlug === null ? 'national' : `regions/${parsed.regionSlug}`}/${view.year}`;

  function areaPage(source: Source) {
    return async (request: AreaRequestOf, reply: FastifyReply) => {
      const loaded = await load(source, request, reply);
      if (!loaded) return reply;
      const { view, organisations, nav, parsed } = loaded;
      const rollups = await areaRollups(services, organisations);
      if (source === 'current') await audit(request, subjectOf(view, parsed), { organisations: view.organisations, type: view.type });
      return send(source, request, reply, 'regions/views/area.njk', {
        title: `Workforce equality across organisations: ${heading(view)}`, synthetic: view.synthetic,
        heading: heading(view), area: areaWords(view), view, nav,
        standards: [
          { id: 'wres', name: 'Workforce Race Equality Standard (WRES)', rows: summaryRows(rollups.filter((r) => r.indicator.standard === 'wres'), (i) => nav.indicatorHref(i.standard, i.id)) },
          { id: 'wdes', name: 'Workforce Disability Equality Standard (WDES)', rows: summaryRows(rollups.filter((r) => r.indicator.standard === 'wdes'), (i) => nav.indicatorHref(i.standard, i.id)) },
        ],
      });
    };
  }

  function indicatorPage(source: Source) {
    return async (request: AreaRequestOf, reply: FastifyReply) => {
      const indicator = findIndicator(request.params.standard ?? '', request.params.indicator ?? '');
      if (!indicator) {
        if (source === 'current' && !requireAdministrator(request, reply)) return reply;
        return reply.callNotFound();
      }
      const loaded = await load(source, request, reply);
      if (!loaded) return reply;
      const { view, organisations, nav, parsed } = loaded;
      const result = await areaRollup(services, indicator, organisations);
      if (source === 'current') {
        await audit(request, `${subjectOf(view, parsed)}/${indicator.standard}/${indicator.id}`, { organisations: view.organisations, withheld: result.withheld, type: view.type });
      }
      const page = indicatorView(result, view);
      const siblings = ROLLUP_INDICATORS.filter((i) => i.standard === indicator.standard);
      const at = siblings.indexOf(indicator);
      const link = (i: (typeof siblings)[number] | undefined) => (i ? { href: nav.indicatorHref(i.standard, i.id), text: i.title } : null);
      return send(source, request, reply, 'regions/views/indicator.njk', {
        title: `${page.name}: ${heading(view)}`, synthetic: view.synthetic,
        breadcrumbs: [{ href: nav.areaHref, text: heading(view) }],
        heading: heading(view), area: areaWords(view), view, nav, indicator: page,
        previous: link(siblings[at - 1]), next: link(siblings[at + 1]),
      });
    };
  }

  function areaCsv(source: Source) {
    return async (request: AreaRequestOf, reply: FastifyReply) => {
      const loaded = await load(source, request, reply);
      if (!loaded) return reply;
      const { view, organisations, parsed } = loaded;
      const rollups = await areaRollups(services, organisations);
      const body = csvText(AREA_CSV_HEADER, areaCsvRows(view.year, rollups, organisations));
      const fileName = `${parsed.regionSlug ?? 'national'}-${view.year}${view.type ? `-${view.type.toLowerCase().replace(/[^a-z0-9]+/g, '-')}` : ''}.csv`;
      if (source === 'published') return sendCached(request, reply, body, 'text/csv; charset=utf-8', PUBLIC_CACHE.changing, fileName);
      await services.store.audit.record({
        userId: request.currentUser?.id ?? null, action: 'export', organisationId: null, subject: `${subjectOf(view, parsed)}.csv`,
        details: { organisations: view.organisations, type: view.type },
      });
      return sendCsv(reply, fileName, body);
    };
  }

  for (const source of ['published', 'current'] as const) {
    const base = source === 'published' ? '/public' : '';
    app.get<{ Params: Params; Querystring: Query }>(`${base}/national`, areaPage(source));
    app.get<{ Params: Params; Querystring: Query }>(`${base}/national/:standard/:indicator`, indicatorPage(source));
    app.get<{ Params: Params; Querystring: Query }>(`${base}/national/figures.csv`, areaCsv(source));
    app.get<{ Params: Params; Querystring: Query }>(`${base}/regions/:region`, areaPage(source));
    app.get<{ Params: Params; Querystring: Query }>(`${base}/regions/:region/figures.csv`, areaCsv(source));
    app.get<{ Params: Params; Querystring: Query }>(`${base}/regions/:region/:standard/:indicator`, indicatorPage(source));
  }
}
