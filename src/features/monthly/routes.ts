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
import { sendCsv } from '../../web/csv-download.ts';
import { sendYearPage } from '../../web/private-revalidation.ts';
import { auditAccess, loadOrganisationYear, organisationPath } from '../../web/organisation-year.ts';
import { MINIMUM_POINTS_FOR_LIMITS, monthlyMeasureViews } from '../../web/presenters/monthly.ts';
import type { Services } from '../../web/services.ts';
import {
  auditSubject, csvFileName, familyPath, groupHeadings, monthlyCsv, monthlySeriesSections, WDES_MONTHLY, WRES_MONTHLY, type MonthlyFamily,
} from './presenters.ts';
import { monthlyCounts } from './service.ts';

interface Params { code: string; year: string; measure?: string }

/** Membership and year first, then the measure (404 for any of them); null once replied. */
async function loadMeasure(services: Services, family: MonthlyFamily, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, key: string) {
  const loaded = await loadOrganisationYear(services, request, reply);
  if (!loaded) return null;
  const measure = family.measure(key);
  if (!measure) {
    await reply.callNotFound();
    return null;
  }
  const { organisation, year, analyst } = loaded;
  const counts = await monthlyCounts(services, organisation.id, year, measure);
  return { organisation, year, analyst, measure, counts, yearPage: loaded };
}

function registerFamily(app: FastifyInstance, services: Services, family: MonthlyFamily): void {
  const page = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, key: string) => {
    const loaded = await loadMeasure(services, family, request, reply, key);
    if (!loaded) return reply;
    const { organisation, year, analyst, measure, counts, yearPage } = loaded;
    await auditAccess(services, request, 'view', organisation, auditSubject(family, year, measure.key));
    const base = organisationPath(organisation, year);
    const included = counts.years.filter((y) => y.included).map((y) => y.year);
    // The counts are a new object each time, so they are in the key by value (web/page-cache.ts).
    return sendYearPage(services, request, reply, yearPage, 'monthly/views/monthly.njk', [counts, analyst], () => ({
      title: `${measure.title} ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, family.crumb(base, year)],
      organisation, year, base, measure, minimumMonths: MINIMUM_POINTS_FOR_LIMITS, monthCount: counts.months.length,
      included, leftOut: counts.years.filter((y) => !y.included), indicatorLabel: family.indicatorLabel, groupHeadings: groupHeadings(measure),
      analyst, minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      smallNumberEvents: DEFAULT_DISCLOSURE_POLICY.smallNumberEvents,
      measureLinks: family.keys.map((k) => ({ href: familyPath(family, base, k), text: family.navigation[k], current: k === measure.key })),
      csvHref: `${base}${family.prefix}/monthly/${measure.key}.csv`,
      series: monthlySeriesSections(family, measure, monthlyMeasureViews(measure, counts.months, analyst ? null : DEFAULT_DISCLOSURE_POLICY)),
    }));
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
    await auditAccess(services, request, 'export', organisation, `${auditSubject(family, year, measure.key)}.csv`);
    return sendCsv(reply, csvFileName(family, measure.key, organisation.code, year), monthlyCsv(measure, views));
  });
}

export function registerMonthlyRoutes(app: FastifyInstance, services: Services): void {
  registerFamily(app, services, WRES_MONTHLY);
  registerFamily(app, services, WDES_MONTHLY);
}
