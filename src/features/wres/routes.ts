/**
 * The WRES pages of an organisation's year: the dashboard, each indicator, each breakdown, and CSV downloads.
 * Every handler checks membership first (another organisation's pages answer 404), audits the view or export, reads
 * stored counts through the WRES service and renders; pages are sent with an ETag and answered 304 when the browser
 * has them already (web/private-revalidation.ts), audited all the same. Analysts see unsuppressed breakdowns on
 * screen, clearly labelled; viewers, downloads and the API always get disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { sendCsv } from '../../web/csv-download.ts';
import { returnLinks } from '../returns/access.ts';
import { auditAccess, loadOrganisationYear, organisationPath } from '../../web/organisation-year.ts';
import { sendYearPage } from '../../web/private-revalidation.ts';
import { dashboardRows, indicatorGlance, type IndicatorId } from '../../web/presenters/dashboard.ts';
import { BREAKDOWN_DESCRIPTIONS, BREAKDOWN_LABELS, isBreakdownKey, isIndicatorId } from '../../web/presenters/indicator.ts';
import { breakdownView, indicatorView } from '../../web/presenters/indicator-view.ts';
import { standsOutView } from '../../web/presenters/stands-out.ts';
import type { Services } from '../../web/services.ts';
import { breakdownLinks, csvOf, monthlyHrefFor } from './presenters.ts';
import { everyYearReport, previousYearReport, wresReport } from './service.ts';

interface YearParams { code: string; year: string }

const orgPath = organisationPath;

/** The organisation, year and report the path names, or null having replied 404 (web/organisation-year.ts). */
async function loadYear(services: Services, request: FastifyRequest<{ Params: YearParams }>, reply: FastifyReply, suppressFor: 'role' | 'always') {
  const loaded = await loadOrganisationYear(services, request, reply);
  if (!loaded) return null;
  const suppressBreakdowns = suppressFor === 'always' || !loaded.analyst;
  const report = await wresReport(services, loaded.current, loaded.year, suppressBreakdowns);
  if (!report) {
    await reply.callNotFound();
    return null;
  }
  return { ...loaded, report, suppressBreakdowns };
}

const audit = auditAccess;

export function registerWresRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: YearParams }>('/organisations/:code/:year', async (request, reply) => {
    const loaded = await loadYear(services, request, reply, 'role');
    if (!loaded) return reply;
    const { organisation, year, years, report } = loaded;
    const previous = await previousYearReport(services, loaded.current, year);
    await audit(services, request, 'view', organisation, `wres/${year}`);
    const links = returnLinks(request, loaded.membership, organisation, year, 'wres');
    return sendYearPage(services, request, reply, loaded, 'wres/views/dashboard.njk', [report, previous, links], () => ({
      title: `WRES ${year}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }],
      organisation, year, years, period: report.period, notes: report.notes,
      rows: dashboardRows(report, previous), standsOut: standsOutView(report),
      returnLinks: links,
    }));
  });

  app.get<{ Params: YearParams & { id: string } }>('/organisations/:code/:year/indicators/:id', async (request, reply) => {
    if (request.params.id.endsWith('.csv')) return indicatorCsv(request, reply, request.params.id.slice(0, -4));
    if (!isIndicatorId(request.params.id)) return reply.callNotFound();
    const loaded = await loadYear(services, request, reply, 'role');
    if (!loaded) return reply;
    const { organisation, year, report } = loaded;
    const id = request.params.id as IndicatorId;
    const reports = await everyYearReport(services, loaded.current);
    await audit(services, request, 'view', organisation, `wres/${year}/indicator/${id}`);
    const base = `${orgPath(organisation, year)}/indicators/${id}`;
    return sendYearPage(services, request, reply, loaded, 'wres/views/indicator.njk', [report, reports], () => ({
      title: `Indicator ${id}, WRES ${year}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: orgPath(organisation, year), text: `WRES ${year}` }],
      organisation, year, id, breakdowns: breakdownLinks(report, id, base), csvHref: `${base}.csv`,
      monthlyHref: monthlyHrefFor(orgPath(organisation, year), id), glance: indicatorGlance(report, reports, id),
      ...indicatorView(report, id, reports),
    }));
  });

  app.get<{ Params: YearParams & { id: string; breakdown: string } }>('/organisations/:code/:year/indicators/:id/:breakdown', async (request, reply) => {
    const { id, breakdown } = request.params;
    if (breakdown.endsWith('.csv')) return breakdownCsv(request, reply, id, breakdown.slice(0, -4));
    if (!['2', '3', '4'].includes(id) || !isBreakdownKey(breakdown)) return reply.callNotFound();
    const loaded = await loadYear(services, request, reply, 'role');
    if (!loaded) return reply;
    const { organisation, year, report, suppressBreakdowns } = loaded;
    const view = breakdownView(report, id as '2' | '3' | '4', breakdown);
    if (!view) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wres/${year}/indicator/${id}/${breakdown}`);
    const indicatorHref = `${orgPath(organisation, year)}/indicators/${id}`;
    return sendYearPage(services, request, reply, loaded, 'pages/breakdown.njk', [report, suppressBreakdowns], () => ({
      title: `${BREAKDOWN_LABELS[breakdown]}, indicator ${id}, WRES ${year}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [
        { href: '/', text: 'Organisations' }, { href: orgPath(organisation, year), text: `WRES ${year}` },
        { href: indicatorHref, text: `Indicator ${id}` },
      ],
      organisation, year, id, unsuppressed: !suppressBreakdowns, minimumCellSize: report.disclosure.minimumCellSize,
      breakdownLabel: BREAKDOWN_LABELS[breakdown], description: BREAKDOWN_DESCRIPTIONS[breakdown],
      csvHref: `${indicatorHref}/${breakdown}.csv`,
      ...view,
    }));
  });

  /** "/indicators/2.csv": the path parameter carries the extension, as the router has no suffix routes. */
  async function indicatorCsv(request: FastifyRequest<{ Params: YearParams & { id: string } }>, reply: FastifyReply, id: string) {
    if (!isIndicatorId(id)) return reply.callNotFound();
    const loaded = await loadYear(services, request, reply, 'always');
    if (!loaded) return reply;
    await audit(services, request, 'export', loaded.organisation, `wres/${loaded.year}/indicator/${id}.csv`);
    return sendCsv(reply, `wres-${loaded.organisation.code}-${loaded.year}-indicator-${id}.csv`, csvOf(loaded.report, (row) => row[0] === id));
  }

  async function breakdownCsv(request: FastifyRequest<{ Params: YearParams & { id: string; breakdown: string } }>, reply: FastifyReply, id: string, breakdown: string) {
    if (!['2', '3', '4'].includes(id) || !isBreakdownKey(breakdown)) return reply.callNotFound();
    const loaded = await loadYear(services, request, reply, 'always');
    if (!loaded) return reply;
    await audit(services, request, 'export', loaded.organisation, `wres/${loaded.year}/indicator/${id}/${breakdown}.csv`);
    return sendCsv(
      reply,
      `wres-${loaded.organisation.code}-${loaded.year}-indicator-${id}-${breakdown}.csv`,
      csvOf(loaded.report, (row) => row[0] === id && row[1] === breakdown),
    );
  }
}
