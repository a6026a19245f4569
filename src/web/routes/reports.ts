/**
 * The WRES pages: organisations, the dashboard for a year, each indicator, each breakdown, and CSV downloads.
 * Every handler checks membership first (another organisation's pages answer 404), audits the view or export, reads
 * stored counts through the report service and renders. Analysts see unsuppressed breakdowns on screen, clearly
 * labelled; viewers, downloads and the API always get disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { wresRows } from '../../core/outputs/wres-csv.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Membership, Organisation } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { requireMembership, requireSignedIn } from '../auth/plugin.ts';
import { MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES } from '../../core/monthly/monthly-measures.ts';
import { csvText, sendCsv } from '../csv-download.ts';
import { pageContext } from '../page-context.ts';
import { monthlyPath } from './monthly.ts';
import { dashboardRows, type IndicatorId } from '../presenters/dashboard.ts';
import { BREAKDOWN_DESCRIPTIONS, BREAKDOWN_LABELS, BREAKDOWN_ORDER, isBreakdownKey, isIndicatorId } from '../presenters/indicator.ts';
import { breakdownView, indicatorView } from '../presenters/indicator-view.ts';

interface YearParams { code: string; year: string }

function parseYear(raw: string): number | null {
  return /^\d{4}$/.test(raw) ? Number(raw) : null;
}

function orgPath(organisation: Organisation, year?: number): string {
  return `/organisations/${encodeURIComponent(organisation.code)}${year ? `/${year}` : ''}`;
}

/** Loads the organisation and year the path names, replying 404 when the person may not see them or they do not exist. */
async function loadYear(services: Services, request: FastifyRequest<{ Params: YearParams }>, reply: FastifyReply, suppressFor: 'role' | 'always') {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const year = parseYear(request.params.year);
  const organisation = membership.organisation;
  const years = await services.store.organisations.years(organisation.id);
  if (year === null || !years.includes(year)) {
    await reply.callNotFound();
    return null;
  }
  const suppressBreakdowns = suppressFor === 'always' || membership.role !== 'analyst';
  const report = await wresReportFor(services.store, organisation.id, year, { suppressBreakdowns });
  if (!report) {
    await reply.callNotFound();
    return null;
  }
  return { membership, organisation, year, years, report, suppressBreakdowns };
}

async function audit(services: Services, request: FastifyRequest, action: 'view' | 'export', organisation: Organisation, subject: string): Promise<void> {
  await services.store.audit.record({ userId: request.currentUser?.id ?? null, action, organisationId: organisation.id, subject });
}

/** The monthly series of indicators 2, 3 and 4; null for the others. */
function monthlyHrefFor(yearPath: string, id: IndicatorId): string | null {
  const measure = MONTHLY_MEASURE_KEYS.find((key) => MONTHLY_MEASURES[key].definition.id === id);
  return measure ? monthlyPath(yearPath, measure) : null;
}

export function registerReportRoutes(app: FastifyInstance, services: Services): void {
  app.get('/', async (request, reply) => {
    const user = await requireSignedIn(request, reply);
    if (!user) return reply;
    const organisations = await Promise.all(
      user.memberships.map(async (m: Membership) => {
        const years = await services.store.organisations.years(m.organisation.id);
        return { ...m.organisation, role: m.role, years, latestYear: years[0] ?? null };
      }),
    );
    return reply.type('text/html').send(services.render('pages/organisations.njk', pageContext(request, reply, { title: 'Your organisations', organisations })));
  });

  app.get<{ Params: { code: string } }>('/organisations/:code', async (request, reply) => {
    const membership = await requireMembership(request, reply, request.params.code);
    if (!membership) return reply;
    const years = await services.store.organisations.years(membership.organisation.id);
    if (years.length === 0) return reply.redirect('/');
    return reply.redirect(orgPath(membership.organisation, years[0]));
  });

  app.get<{ Params: YearParams }>('/organisations/:code/:year', async (request, reply) => {
    const loaded = await loadYear(services, request, reply, 'role');
    if (!loaded) return reply;
    const { organisation, year, years, report } = loaded;
    const previous = years.includes(year - 1) ? await wresReportFor(services.store, organisation.id, year - 1, { suppressBreakdowns: true }) : null;
    await audit(services, request, 'view', organisation, `wres/${year}`);
    return reply.type('text/html').send(services.render('pages/dashboard.njk', pageContext(request, reply, {
      title: `WRES ${year}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }],
      organisation, year, years, period: report.period, notes: report.notes,
      rows: dashboardRows(report, previous),
    })));
  });

  app.get<{ Params: YearParams & { id: string } }>('/organisations/:code/:year/indicators/:id', async (request, reply) => {
    if (request.params.id.endsWith('.csv')) return indicatorCsv(request, reply, request.params.id.slice(0, -4));
    if (!isIndicatorId(request.params.id)) return reply.callNotFound();
    const loaded = await loadYear(services, request, reply, 'role');
    if (!loaded) return reply;
    const { organisation, year, years, report } = loaded;
    const id = request.params.id as IndicatorId;
    const reports = await allYears(services, organisation, years);
    await audit(services, request, 'view', organisation, `wres/${year}/indicator/${id}`);
    const base = `${orgPath(organisation, year)}/indicators/${id}`;
    const breakdowns = breakdownLinks(report, id, base);
    return reply.type('text/html').send(services.render('pages/indicator.njk', pageContext(request, reply, {
      title: `Indicator ${id}, WRES ${year}: ${organisation.name}`,
      synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: orgPath(organisation, year), text: `WRES ${year}` }],
      organisation, year, id, breakdowns, csvHref: `${base}.csv`,
      monthlyHref: monthlyHrefFor(orgPath(organisation, year), id),
      ...indicatorView(report, id, reports),
    })));
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
    return reply.type('text/html').send(services.render('pages/breakdown.njk', pageContext(request, reply, {
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
    })));
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

function csvOf(report: WresReport, keep: (row: ReturnType<typeof wresRows>[number]) => boolean): string {
  return csvText(['indicator', 'section', 'item', 'group', 'measure', 'value'], wresRows(report).filter(keep));
}

async function allYears(services: Services, organisation: Organisation, years: readonly number[]): Promise<WresReport[]> {
  const reports = await Promise.all(years.map((y) => wresReportFor(services.store, organisation.id, y, { suppressBreakdowns: true })));
  return reports.filter((r): r is WresReport => r !== null);
}

function breakdownLinks(report: WresReport, id: IndicatorId, base: string) {
  if (id !== '2' && id !== '3' && id !== '4') return [];
  const indicator = report.indicators[id];
  if (!indicator.available) return [];
  return BREAKDOWN_ORDER.filter((key) => (indicator.breakdowns[key]?.length ?? 0) > 0).map((key) => ({
    key, label: BREAKDOWN_LABELS[key], description: BREAKDOWN_DESCRIPTIONS[key], href: `${base}/${key}`,
  }));
}
