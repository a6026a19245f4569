/**
 * The pages beside WRES for an organisation and year: the Workforce Disability Equality Standard (with drill-down
 * for metrics 2 and 3), WRES for the medical and dental workforce, pay gaps by gender, ethnicity and disability, and
 * one combined overview. Same rules as the
 * WRES pages: membership first (404 otherwise), audit every view and export, analysts see unsuppressed breakdowns on
 * screen, downloads always have disclosure control.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { RatioDimension } from '../../core/counting/people-and-events.ts';
import type { WdesReport } from '../../core/wdes/report.ts';
import { medicalReportFor, payGapFor, wdesReportFor } from '../../services/standards-report-service.ts';
import { medicalView } from '../presenters/medical.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Organisation } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { loadOrganisationYear } from '../organisation-year.ts';
import {
  chartId, forestPlot, forestRowsFromBreakdown, formatMonth, funnelThumbnail, spcThumbnail, targetThumbnail, variationIconSvg,
} from '../charts/index.ts';
import { pageContext } from '../page-context.ts';
import { coreIndicatorRows, dashboardRows } from '../presenters/dashboard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { MINIMUM_PEERS, peerFunnels, type PeerOrganisation } from '../../core/comparisons/peer-funnels.ts';
import { modelEmployerTargets } from '../../core/targets/model-employer.ts';
import { funnelChartPoints, funnelChartScale, nationalTargetsFor, reading } from './compare.ts';
import { MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES, type MonthlyMeasureKey } from '../../core/monthly/monthly-measures.ts';
import { monthlyCountsFor } from '../../services/monthly-counts-service.ts';
import { MINIMUM_POINTS_FOR_LIMITS, monthlyMeasureViews, monthlyReading } from '../presenters/monthly.ts';
import { wdesTrends } from '../presenters/wdes-trends.ts';
import { comparedWords } from '../presenters/compared-words.ts';
import { WDES_COMPARED } from '../../core/disability/characteristic.ts';
import { monthlyPath } from './monthly.ts';

interface Params { code: string; year: string }

/** What the board's "Is it improving?" calls each monthly relative likelihood. */
const BOARD_NAMES: Readonly<Record<MonthlyMeasureKey, string>> = {
  recruitment: 'Appointment from shortlisting',
  disciplinary: 'Entry into the formal disciplinary process',
  training: 'Access to non-mandatory training',
};

const WDES_BREAKDOWNS: Readonly<Record<string, string>> = {
  staffGroup: 'Staff groups', payBand: 'Pay bands', directorate: 'Directorates',
  internationalRecruit: 'International recruitment', gender: 'Gender', ethnicity: 'Ethnicity',
};

const SURVEY_METRICS = ['4a_patients', '4a_managers', '4a_colleagues', '4b', '5', '6', '7', '8'] as const;
const DISPLAY_ID: Readonly<Record<string, string>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };

function base(organisation: Organisation, year: number): string {
  return `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
}

/** The organisation and year the path names (web/organisation-year.ts), or null having replied 404. */
const loadMembershipAndYear = (services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply) =>
  loadOrganisationYear(services, request, reply);

async function audit(services: Services, request: FastifyRequest, action: 'view' | 'export', organisation: Organisation, subject: string) {
  await services.store.audit.record({ userId: request.currentUser?.id ?? null, action, organisationId: organisation.id, subject });
}

function html(services: Services, request: FastifyRequest, reply: FastifyReply, template: string, extra: { title: string } & Record<string, unknown>) {
  return reply.type('text/html').send(services.render(template, pageContext(request, reply, extra)));
}

/** One line per WDES metric for the summary table. */
function wdesRows(report: WdesReport) {
  const m = report.metrics;
  const pct = (n: number | null | undefined) => (typeof n === 'number' ? `${n.toFixed(1)}%` : '–');
  const rows: { id: string; title: string; figure: string; statement: string; declaration: string | null; href: string | null; note: string | null }[] = [];
  rows.push({ id: '1', title: m['1'].title, figure: `${pct(m['1'].overall.disabled.pct)} Disabled`, statement: m['1'].statement, declaration: pct(m['1'].overall.declarationRate.pct), href: null, note: null });
  for (const id of ['2', '3'] as const) {
    const metric = m[id];
    rows.push(metric.available
      ? { id, title: metric.title, figure: metric.value === null ? 'Not calculable' : metric.value.toFixed(2), statement: metric.statement, declaration: pct(metric.declarationRate.pct), href: id, note: metric.smallNumbers ? 'Small numbers' : metric.withinNonAdverseRange === false ? 'Outside 0.80 to 1.25' : null }
      : { id, title: metric.title, figure: 'Not available', statement: metric.reason, declaration: null, href: null, note: null });
  }
  for (const id of SURVEY_METRICS) {
    const metric = m[id];
    rows.push(metric.available
      ? { id: DISPLAY_ID[id] ?? id, title: metric.title, figure: `${pct(metric.groups.disabled?.pct)} of Disabled staff`, statement: metric.statement, declaration: null, href: null, note: metric.groups.disabled?.smallNumbers ? 'Fewer than 11 respondents' : null }
      : { id: DISPLAY_ID[id] ?? id, title: metric.title, figure: 'Not available', statement: metric.reason, declaration: null, href: null, note: null });
  }
  const e = m['9a'];
  rows.push(e.available
    ? { id: '9a', title: e.title, figure: `${e.groups.disabled?.score?.toFixed(1) ?? '–'} out of 10 for Disabled staff`, statement: e.statement, declaration: null, href: null, note: null }
    : { id: '9a', title: e.title, figure: 'Not available', statement: e.reason, declaration: null, href: null, note: null });
  const n = m['9b'];
  rows.push(n.available
    ? { id: '9b', title: n.title, figure: n.answer === null ? 'Not given' : n.answer ? 'Yes' : 'No', statement: n.narrative, declaration: null, href: null, note: null }
    : { id: '9b', title: n.title, figure: 'Not available', statement: n.reason, declaration: null, href: null, note: null });
  const b = m['10'];
  const points = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)} points`);
  rows.push(b.available
    ? { id: '10', title: b.title, figure: `${points(b.voting.differencePp)} (voting members)`, statement: b.voting.statement, declaration: pct(b.declarationRate.pct), href: null, note: null }
    : { id: '10', title: b.title, figure: 'Not available', statement: b.reason, declaration: null, href: null, note: null });
  return rows;
}

export function registerStandardsRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params }>('/organisations/:code/:year/wdes', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    const report = await wdesReportFor(services.store, organisation.id, year, { suppressBreakdowns: !analyst });
    if (!report) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wdes/${year}`);
    const breakdownLinks = (['2', '3'] as const).flatMap((id) => {
      const metric = report.metrics[id];
      if (!metric.available) return [];
      return Object.keys(metric.breakdowns).map((key) => ({ id, key, label: WDES_BREAKDOWNS[key] ?? key, href: `${base(organisation, year)}/wdes/${id}/${key}` }));
    });
    return html(services, request, reply, 'pages/wdes.njk', {
      title: `WDES ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/overview`, text: `Overview ${year}` }],
      organisation, year, report, rows: wdesRows(report), clusters: report.metrics['1'].clusters.filter((c) => c.total > 0),
      breakdownLinks, csvHref: `${base(organisation, year)}/wdes.csv`, trendsHref: `${base(organisation, year)}/wdes/trends`,
      monthlyHref: `${base(organisation, year)}/wdes/monthly`, compareHref: `${base(organisation, year)}/wdes/compare`,
      targetsHref: `${base(organisation, year)}/wdes/targets`,
      pipeline: report.metrics['1'].pipeline, pipelineWords: comparedWords(WDES_COMPARED),
    });
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/wdes/trends', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    // Headline figures only, so no breakdown is read; every loaded year up to the one shown.
    const years = (await services.store.organisations.years(organisation.id)).filter((y) => y <= year);
    const reports = (await Promise.all(years.map((y) => wdesReportFor(services.store, organisation.id, y, { suppressBreakdowns: true }))))
      .filter((r): r is WdesReport => r !== null);
    if (!reports.some((r) => r.year === year)) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wdes/${year}/trends`);
    return html(services, request, reply, 'pages/wdes-trends.njk', {
      title: `WDES year by year to ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/wdes`, text: `WDES ${year}` }],
      organisation, year, years: reports.map((r) => r.year).sort((a, b) => a - b), trends: wdesTrends(reports),
      minimumPoints: MINIMUM_POINTS_FOR_LIMITS,
    });
  });

  app.get<{ Params: Params & { metric: string; breakdown: string } }>('/organisations/:code/:year/wdes/:metric/:breakdown', async (request, reply) => {
    const { metric, breakdown } = request.params;
    if ((metric !== '2' && metric !== '3') || !(breakdown in WDES_BREAKDOWNS)) return reply.callNotFound();
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    const report = await wdesReportFor(services.store, organisation.id, year, { suppressBreakdowns: !analyst });
    const m = report?.metrics[metric];
    const rows = m?.available ? m.breakdowns[breakdown as RatioDimension] : undefined;
    if (!report || !m?.available || !rows) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `wdes/${year}/metric/${metric}/${breakdown}`);
    const [num, den] = metric === '2' ? ['Non-disabled applicants', 'Disabled applicants'] : ['Disabled staff', 'Non-disabled staff'];
    return html(services, request, reply, 'pages/breakdown.njk', {
      title: `${WDES_BREAKDOWNS[breakdown]}, WDES metric ${metric}, ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/wdes`, text: `WDES ${year}` }],
      organisation, year, id: metric, standardCaption: `WDES ${year}, metric ${metric}`, unsuppressed: analyst, minimumCellSize: report.disclosure.minimumCellSize,
      breakdownLabel: WDES_BREAKDOWNS[breakdown], description: 'The same comparison within each group.',
      indicatorShortTitle: m.title, rows, itemHeading: 'Group', numeratorHeading: num, denominatorHeading: den,
      caption: 'The numbers behind the chart', backHref: `${base(organisation, year)}/wdes`, backText: 'Back to the WDES',
      chart: forestPlot(forestRowsFromBreakdown(rows, { flagSmallNumbers: true }), { id: chartId(`wdes${metric}`, breakdown), title: `WDES metric ${metric} by ${breakdown}`, axisLabel: 'Relative likelihood (log scale)' }),
      csvHref: `${base(organisation, year)}/wdes.csv`,
    });
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/medical', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    // Null here means the year's import predates medical counts (the year itself is loaded): the page says so.
    const report = await medicalReportFor(services.store, organisation.id, year, { suppressBreakdowns: !analyst });
    await audit(services, request, 'view', organisation, `medical/${year}`);
    return html(services, request, reply, 'pages/medical.njk', {
      title: `Medical and dental workforce ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/overview`, text: `Overview ${year}` }],
      organisation, year, report, view: report ? medicalView(report) : null, unsuppressed: analyst, canImport: analyst,
      minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize, csvHref: `${base(organisation, year)}/medical.csv`,
    });
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/paygap', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, analyst } = loaded;
    const reference = (request.query as { reference?: string }).reference === 'white-british' ? 'whiteBritish' : 'white';
    const report = await payGapFor(services.store, organisation.id, year, { ethnicityReference: reference, forSharing: !analyst });
    if (!report) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `paygap/${year}`);
    return html(services, request, reply, 'pages/paygap.njk', {
      title: `Pay gaps ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: `${base(organisation, year)}/overview`, text: `Overview ${year}` }],
      organisation, year, report, reference, unsuppressed: analyst,
      characteristics: [report.gender, report.ethnicity, report.disability].map((c) => ({ ...c, comparisons: Object.values(c.groups) })),
      csvHref: `${base(organisation, year)}/paygap.csv`,
    });
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/overview', async (request, reply) => {
    const loaded = await loadMembershipAndYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const [wres, previousWres, wdes, paygap, medical] = await Promise.all([
      wresReportFor(services.store, organisation.id, year, { suppressBreakdowns: true }),
      wresReportFor(services.store, organisation.id, year - 1, { suppressBreakdowns: true }),
      wdesReportFor(services.store, organisation.id, year, { suppressBreakdowns: true }),
      payGapFor(services.store, organisation.id, year, { forSharing: true }),
      medicalReportFor(services.store, organisation.id, year, { suppressBreakdowns: true }),
    ]);
    if (!wres) return reply.callNotFound();
    await audit(services, request, 'view', organisation, `overview/${year}`);
    const board = await boardReadings(services, organisation, year, loaded.analyst);
    return html(services, request, reply, 'pages/overview.njk', {
      title: `Overview ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }],
      organisation, year, base: base(organisation, year),
      wresRows: dashboardRows(wres, previousWres).filter((r) => ['2', '3', '4', '7', '9'].includes(r.id)),
      wdesRows: wdes ? wdesRows(wdes).filter((r) => ['1', '2', '3', '5', '10'].includes(r.id)) : [],
      pay: paygap ? [paygap.gender, paygap.ethnicity, paygap.disability] : [],
      // Appointment, disciplinary entry and training for doctors and dentists, and appointment to consultant posts.
      medical: medical
        ? [
          ...coreIndicatorRows(medical.indicators).filter((r) => r.id !== '1').map((r) => (r.available ? r.statement : `Indicator ${r.id}: ${r.unavailableReason}.`)),
          ...(medical.consultantAppointment.available ? [`Consultant posts: ${medical.consultantAppointment.statement}`] : []),
        ]
        : null,
      board,
    });
  });
}

/**
 * What a board asks of the figures in words: is it improving (the SPC reading of each monthly relative likelihood:
 * appointment from shortlisting, disciplinary entries and training), how does it compare with peers (funnel position
 * of the relative likelihoods), and will the targets be met (the senior-band trajectories).
 */
async function boardReadings(services: Services, organisation: Organisation, year: number, analyst: boolean) {
  const improving = [];
  for (const key of MONTHLY_MEASURE_KEYS) {
    const measure = MONTHLY_MEASURES[key];
    const counts = await monthlyCountsFor(services.store, organisation.id, year, measure);
    const [likelihood] = monthlyMeasureViews(measure, counts.months, analyst ? null : DEFAULT_DISCLOSURE_POLICY);
    const first = likelihood.rows[0];
    const last = likelihood.rows[likelihood.rows.length - 1];
    improving.push({
      key,
      href: monthlyPath(base(organisation, year), key),
      reading: monthlyReading(BOARD_NAMES[key], likelihood),
      // Small pictures beside the words: the series in miniature and, once it has limits, its variation icon.
      thumbnail: likelihood.known > 0 && first && last
        ? spcThumbnail(likelihood.result.points, {
          id: chartId('board-series', key), unit: 'ratio', showLimits: likelihood.showLimits,
          title: `${BOARD_NAMES[key]}: relative likelihood by month, ${formatMonth(first.month)} to ${formatMonth(last.month)}`,
        })
        : null,
      icon: likelihood.showLimits && likelihood.result.variation
        ? variationIconSvg(likelihood.result.variation, { id: chartId('board-variation', key), size: 48 })
        : null,
    });
  }

  const peers: PeerOrganisation[] = [];
  for (const o of await services.store.organisations.all()) {
    const report = await wresReportFor(services.store, o.id, year, { suppressBreakdowns: true });
    if (report) peers.push({ code: o.code, name: o.name, report });
  }
  // Centred on the national figures an administrator entered for the year, as on the comparisons page.
  const funnels = peers.length >= MINIMUM_PEERS ? peerFunnels(year, peers, { nationalTargets: await nationalTargetsFor(services.store, year) }) : null;
  const compareHref = `${base(organisation, year)}/compare`;
  const comparisons = funnels
    ? (['2', '3', '4'] as const).flatMap((id) => {
      const funnel = funnels.funnels[id];
      return funnel
        ? [{
          reading: `Indicator ${id}: ${reading(funnel, organisation.code)}`,
          href: `${compareHref}#indicator-${id}`,
          picture: funnelThumbnail(funnelChartPoints(funnel, organisation.code), {
            id: chartId('board-funnel', id), title: `Indicator ${id}: your organisation among ${funnel.plotted} organisations, ${year}`, ...funnelChartScale(funnel),
          }),
        }]
        : [];
    })
    : [{ reading: `Fewer than ${MINIMUM_PEERS} organisations have figures for ${year}, so there is no comparison with peers yet.`, href: null, picture: null }];

  const years = (await services.store.organisations.years(organisation.id)).filter((y) => y <= year).sort((a, b) => a - b);
  const reports = (await Promise.all(years.map((y) => wresReportFor(services.store, organisation.id, y, { suppressBreakdowns: true }))))
    .filter((r): r is NonNullable<typeof r> => r !== null);
  const targets = modelEmployerTargets(reports, {});
  // One scale for every band, so that the pictures can be compared with each other.
  const scaleMax = targets.ok
    ? Math.max(...targets.value.bands.flatMap((b) => [b.goalPct, b.current.trajectoryPct, b.current.actual.pct ?? 0, b.current.actual.ci95?.[1] ?? 0]))
    : 0;
  const targetLines = targets.ok
    ? targets.value.bands.map((b) => ({
      reading: b.statement,
      picture: targetThumbnail(b, { id: chartId('board-target', b.band), title: `${b.band}: ethnic minority share, trajectory and goal`, scaleMax }),
    }))
    : [{ reading: targets.reason, picture: null }];
  return { improving, comparisons, targets: targetLines };
}
