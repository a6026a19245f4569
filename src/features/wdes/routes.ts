/**
 * The Workforce Disability Equality Standard pages of an organisation's year: the summary of every metric, each
 * breakdown of metrics 2 and 3, and every metric year by year. Membership first (404 otherwise), every view audited,
 * analysts see unsuppressed breakdowns on screen; pages carry an ETag and are answered 304 when the browser has them
 * already (web/private-revalidation.ts), audited all the same; the download (the standards feature's wdes.csv)
 * always has disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RatioDimension } from '../../core/counting/people-and-events.ts';
import { WDES_COMPARED } from '../../core/disability/characteristic.ts';
import type { Organisation } from '../../store/store.ts';
import { auditAccess, loadOrganisationYear, organisationPath } from '../../web/organisation-year.ts';
import { sendYearPage } from '../../web/private-revalidation.ts';
import { comparedWords } from '../../web/presenters/compared-words.ts';
import { MINIMUM_POINTS_FOR_LIMITS } from '../../web/presenters/monthly.ts';
import type { Services } from '../../web/services.ts';
import { WDES_BREAKDOWNS, wdesBreakdownLinks, wdesBreakdownView, wdesRows } from './presenters.ts';
import { wdesReport, wdesReportsTo } from './service.ts';
import { wdesTrends } from './trends.ts';
import { returnLinks } from '../returns/access.ts';

interface Params { code: string; year: string }

function base(organisation: Organisation, year: number): string {
  return organisationPath(organisation, year);
}

const loadMembershipAndYear = (services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
  loadOrganisationYear(services, request, reply);

const audit = auditAccess;

export function registerWdesRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params }>('/organisations/:code/:year/wdes', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    const report = await wdesReport(services, loaded.current, year, !analyst);
    if (!report) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wdes/${year}`);
    const links = returnLinks(request, loaded.membership, organisation, year, 'wdes');
    return sendYearPage(services, request, reply, loaded, 'wdes/views/wdes.njk', [report, links], () => ({
      title: `WDES ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/overview`, text: `Overview ${year}` }],
      organisation, year, report, rows: wdesRows(report), clusters: report.metrics['1'].clusters.filter((c) => c.total > 0),
      breakdownLinks: wdesBreakdownLinks(report, base(organisation, year)), csvHref: `${base(organisation, year)}/wdes.csv`,
      trendsHref: `${base(organisation, year)}/wdes/trends`,
      monthlyHref: `${base(organisation, year)}/wdes/monthly`, compareHref: `${base(organisation, year)}/wdes/compare`,
      targetsHref: `${base(organisation, year)}/wdes/targets`,
      returnLinks: links,
      pipeline: report.metrics['1'].pipeline, pipelineWords: comparedWords(WDES_COMPARED),
    }));
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/wdes/trends', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    // Headline figures only, so no breakdown is read; every loaded year up to the one shown.
    const reports = await wdesReportsTo(services, loaded.current, year);
    if (!reports.some((r) => r.year === year)) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wdes/${year}/trends`);
    return sendYearPage(services, request, reply, loaded, 'wdes/views/wdes-trends.njk', [reports], () => ({
      title: `WDES year by year to ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/wdes`, text: `WDES ${year}` }],
      organisation, year, years: reports.map((r) => r.year).sort((a, b) => a - b), trends: wdesTrends(reports),
      minimumPoints: MINIMUM_POINTS_FOR_LIMITS,
    }));
  });

  app.get<{ Params: Params & { metric: string; breakdown: string } }>('/organisations/:code/:year/wdes/:metric/:breakdown', async (request, reply) => {
    const { metric, breakdown } = request.params;
    if ((metric !== '2' && metric !== '3') || !(breakdown in WDES_BREAKDOWNS)) return reply.callNotFound();
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    const report = await wdesReport(services, loaded.current, year, !analyst);
    const m = report?.metrics[metric];
    const rows = m?.available ? m.breakdowns[breakdown as RatioDimension] : undefined;
    if (!report || !m?.available || !rows) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wdes/${year}/metric/${metric}/${breakdown}`);
    return sendYearPage(services, request, reply, loaded, 'pages/breakdown.njk', [report, analyst], () => ({
      title: `${WDES_BREAKDOWNS[breakdown]}, WDES metric ${metric}, ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/wdes`, text: `WDES ${year}` }],
      organisation, year, id: metric, standardCaption: `WDES ${year}, metric ${metric}`, unsuppressed: analyst, minimumCellSize: report.disclosure.minimumCellSize,
      breakdownLabel: WDES_BREAKDOWNS[breakdown], description: 'The same comparison within each group.',
      indicatorShortTitle: m.title, ...wdesBreakdownView(metric, breakdown, rows),
      caption: 'The numbers behind the chart', backHref: `${base(organisation, year)}/wdes`, backText: 'Back to the WDES',
      csvHref: `${base(organisation, year)}/wdes.csv`,
    }));
  });
}
