/**
 * Monthly series for an organisation, from the current imports of every loaded year up to the one shown, for WRES
 * (recruitment, entries into the formal disciplinary process and take-up of non-mandatory training) and for WDES
 * (recruitment and entries into the formal capability process), each as two Making Data Count charts
 * (docs/methodology.md, "Monthly series") followed by a table of the same numbers, and as a CSV download. Same rules
 * as the other pages: membership first (404 otherwise), every view and download audited; small counts are withheld
 * from everyone but the organisation's analysts on screen, and always in the download.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { monthlyCountsFor } from '../../services/monthly-counts-service.ts';
import type { Services } from '../services.ts';
import { requireMembership } from '../auth/plugin.ts';
import { sendCsv } from '../csv-download.ts';
import { pageContext } from '../page-context.ts';
import { MINIMUM_POINTS_FOR_LIMITS, monthlyMeasureViews } from '../presenters/monthly.ts';
import {
  auditSubject, csvFileName, familyPath, groupHeadings, monthlyCsv, monthlySeriesSections, WDES_MONTHLY, WRES_MONTHLY, type MonthlyFamily,
} from '../presenters/monthly-page.ts';

/** Where each WRES measure's page is (presenters/monthly-path.ts); exported here as before. */
export { monthlyPath } from '../presenters/monthly-path.ts';

interface Params { code: string; year: string; measure?: string }

async function loadMeasure(services: Services, family: MonthlyFamily, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, key: string) {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const organisation = membership.organisation;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  const years = await services.store.organisations.years(organisation.id);
  const measure = family.measure(key);
  if (year === null || !years.includes(year) || !measure) {
    await reply.callNotFound();
    return null;
  }
  const counts = await monthlyCountsFor(services.store, organisation.id, year, measure);
  return { membership, organisation, year, measure, counts };
}

function registerFamily(app: FastifyInstance, services: Services, family: MonthlyFamily): void {
  const page = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, key: string) => {
    const loaded = await loadMeasure(services, family, request, reply, key);
    if (!loaded) return reply;
    const { membership, organisation, year, measure, counts } = loaded;
    const views = monthlyMeasureViews(measure, counts.months, membership.role === 'analyst' ? null : DEFAULT_DISCLOSURE_POLICY);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: auditSubject(family, year, measure.key) });
    const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
    const included = counts.years.filter((y) => y.included).map((y) => y.year);
    return reply.type('text/html').send(services.render('pages/monthly.njk', pageContext(request, reply, {
      title: `${measure.title} ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, family.crumb(base, year)],
      organisation, year, base, measure, minimumMonths: MINIMUM_POINTS_FOR_LIMITS, monthCount: counts.months.length,
      included, leftOut: counts.years.filter((y) => !y.included), indicatorLabel: family.indicatorLabel, groupHeadings: groupHeadings(measure),
      analyst: membership.role === 'analyst', minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      smallNumberEvents: DEFAULT_DISCLOSURE_POLICY.smallNumberEvents,
      measureLinks: family.keys.map((k) => ({ href: familyPath(family, base, k), text: family.navigation[k], current: k === measure.key })),
      csvHref: `${base}${family.prefix}/monthly/${measure.key}.csv`,
      series: monthlySeriesSections(family, measure, views),
    })));
  };

  app.get<{ Params: Params }>(`/organisations/:code/:year${family.prefix}/monthly`, (request, reply) => page(request, reply, family.first));

  /** "/monthly/training.csv": the path parameter carries the extension, as the router has no suffix routes. */
  app.get<{ Params: Params }>(`/organisations/:code/:year${family.prefix}/monthly/:measure`, async (request, reply) => {
    const requested = request.params.measure ?? '';
    if (!requested.endsWith('.csv')) return page(request, reply, requested);
    const loaded = await loadMeasure(services, family, request, reply, requested.slice(0, -4));
    if (!loaded) return reply;
    const { organisation, year, measure, counts } = loaded;
    const views = monthlyMeasureViews(measure, counts.months, DEFAULT_DISCLOSURE_POLICY);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'export', organisationId: organisation.id, subject: `${auditSubject(family, year, measure.key)}.csv` });
    return sendCsv(reply, csvFileName(family, measure.key, organisation.code, year), monthlyCsv(measure, views));
  });
}

export function registerMonthlyRoutes(app: FastifyInstance, services: Services): void {
  registerFamily(app, services, WRES_MONTHLY);
  registerFamily(app, services, WDES_MONTHLY);
}
