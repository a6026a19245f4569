/**
 * Trends of reports (issue 12, item 7).
 * - GET /organisations/:code/report-trends[?year=]      every member of the organisation (viewers, owners, analysts,
 *   administrators who are members): the reporting years that have ended, small counts withheld; audited
 * - GET /organisations/:code/report-trends.csv[?year=]  the same figures, the same withheld, as CSV; audited
 * - GET /cases/:code/trends[?year=]                      the organisation's handlers: every count, the year in progress
 *   too; audited
 * Non-members get "not found", as for every page of an organisation.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Organisation } from '../../store/store.ts';
import { requireSignedIn } from '../../web/auth/plugin.ts';
import { crumbs, member } from '../../web/act-access.ts';
import { sendCsv } from '../../web/csv-download.ts';
import { auditAccess, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { handlingOf } from './case-service.ts';
import { trendsCsv, trendsView } from './trends-present.ts';
import { reportTrends, trendYears } from './trends-service.ts';

type TrendRequest = FastifyRequest<{ Params: { code: string }; Querystring: { year?: string } }>;

export function registerTrendRoutes(app: FastifyInstance, services: Services): void {
  /** The year asked for (the newest by default) and the trends, or null having replied 404. */
  const yearOf = async (request: TrendRequest, reply: FastifyReply, organisation: Organisation, handler: boolean) => {
    const years = await trendYears(services, organisation, { handler });
    const asked = request.query.year;
    const year = asked === undefined ? years[0] : /^\d{4}$/.test(asked) ? Number(asked) : -1;
    if (year === undefined) return { years, trends: null };
    const trends = await reportTrends(services, organisation, year, { handler });
    if (!trends) {
      await reply.callNotFound();
      return null;
    }
    return { years, trends };
  };

  const page = (request: TrendRequest, reply: FastifyReply, organisation: Organisation, found: NonNullable<Awaited<ReturnType<typeof yearOf>>>, base: string, extra: Record<string, unknown>) =>
    renderPage(services, request, reply, 'reporting/views/trends.njk', {
      title: found.trends ? `Reports of racism and discrimination, ${found.trends.year - 1} to ${found.trends.year}` : 'Reports of racism and discrimination',
      organisation,
      t: found.trends,
      view: found.trends ? trendsView(found.trends) : null,
      yearLinks: found.years.map((y) => ({ href: `${base}?year=${y}`, text: `${y - 1} to ${y}`, current: y === found.trends?.year })),
      ...extra,
    });

  app.get('/organisations/:code/report-trends', async (request: TrendRequest, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const found = await yearOf(request, reply, membership.organisation, false);
    if (!found) return reply;
    await auditAccess(services, request, 'view', membership.organisation, `report-trends/${found.trends?.year ?? 'none'}`, { withheld: found.trends?.trends.withheld ?? 0 });
    const base = `${organisationPath(membership.organisation)}/report-trends`;
    return page(request, reply, membership.organisation, found, base, {
      breadcrumbs: crumbs(membership),
      csvHref: found.trends ? `${base}.csv?year=${found.trends.year}` : null,
    });
  });

  app.get('/organisations/:code/report-trends.csv', async (request: TrendRequest, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const found = await yearOf(request, reply, membership.organisation, false);
    if (!found) return reply;
    if (!found.trends) return reply.callNotFound();
    await auditAccess(services, request, 'export', membership.organisation, `report-trends/${found.trends.year}.csv`, { withheld: found.trends.trends.withheld });
    return sendCsv(reply, `report-trends-${membership.organisation.code}-${found.trends.year}.csv`, trendsCsv(found.trends));
  });

  app.get('/cases/:code/trends', async (request: TrendRequest, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const handling = await handlingOf(services.store, request.params.code, user.id);
    if (!handling) return reply.callNotFound();
    const found = await yearOf(request, reply, handling.organisation, true);
    if (!found) return reply;
    await auditAccess(services, request, 'view', handling.organisation, `report-trends/${found.trends?.year ?? 'none'}/handlers`);
    reply.header('cache-control', 'no-store');
    return page(request, reply, handling.organisation, found, `/cases/${encodeURIComponent(handling.organisation.code)}/trends`, {
      breadcrumbs: [{ href: '/cases', text: 'Cases' }, { href: `/cases/${encodeURIComponent(handling.organisation.code)}`, text: handling.organisation.name }],
      csvHref: null,
    });
  });
}
