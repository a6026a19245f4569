/**
 * Monthly series for an organisation, from the current imports of every loaded year up to the one shown: recruitment
 * (appointment from shortlisting), entries into the formal disciplinary process and take-up of non-mandatory
 * training, each as two Making Data Count charts (docs/methodology.md, "Monthly series") followed by a table of the
 * same numbers, and as a CSV download. Same rules as the other pages: membership first (404 otherwise), every view
 * and download audited; small counts are withheld from everyone but the organisation's analysts on screen, and
 * always in the download.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { isMonthlyMeasureKey, MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES, type MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { monthlyCountsFor } from '../../services/monthly-counts-service.ts';
import type { Services } from '../services.ts';
import { requireMembership } from '../auth/plugin.ts';
import { assuranceIconSvg, chartId, formatSpcValue, spcChart, variationIconSvg } from '../charts/index.ts';
import { formatCount } from '../charts/text.ts';
import type { EventCount } from '../../core/stats/relative-likelihood.ts';
import { csvText, sendCsv } from '../csv-download.ts';
import { pageContext } from '../page-context.ts';
import { MINIMUM_POINTS_FOR_LIMITS, monthlyMeasureViews, type MonthlySeriesView } from '../presenters/monthly.ts';

interface Params { code: string; year: string; measure?: string }

/** Where each measure's page is; recruitment keeps the address it has always had. */
export function monthlyPath(base: string, measure: MonthlyMeasure['key']): string {
  return measure === 'recruitment' ? `${base}/monthly` : `${base}/monthly/${measure}`;
}

const NAVIGATION_TEXT: Readonly<Record<MonthlyMeasure['key'], string>> = {
  recruitment: 'Recruitment',
  disciplinary: 'Disciplinary process',
  training: 'Non-mandatory training',
};

function chartOf(series: MonthlySeriesView, measure: MonthlyMeasure): string | null {
  if (series.known === 0) return null;
  return spcChart(series.result.points, {
    id: chartId('monthly', `${measure.key}-${series.key}`), title: series.heading, yLabel: series.heading, unit: series.unit,
    variation: series.result.variation, assurance: series.result.assurance, showLimits: series.showLimits,
    referenceLine: series.unit === 'ratio' ? 1 : null,
  });
}

/** The Making Data Count icons for a series with limits; none for a run chart, which has no reading. */
function iconsOf(series: MonthlySeriesView, measure: MonthlyMeasure): { variation: string; assurance: string } | null {
  if (!series.showLimits || !series.result.variation) return null;
  return {
    variation: variationIconSvg(series.result.variation, { id: chartId('variation', `${measure.key}-${series.key}`) }),
    assurance: assuranceIconSvg(series.result.assurance, { id: chartId('assurance', `${measure.key}-${series.key}`) }),
  };
}

/** Every figure formatted as the chart writes it, so the table and the chart say the same. */
function tableRows(series: MonthlySeriesView) {
  const format = formatSpcValue(series.unit);
  const maybe = (v: number | null) => (v === null ? '–' : format(v));
  const range = (lo: number | null, hi: number | null) => (lo === null || hi === null ? '–' : `${format(lo)} to ${format(hi)}`);
  const counts = (c: EventCount | null) => (c ? `${formatCount(c.events)} of ${formatCount(c.population)}` : 'Withheld');
  return series.rows.map((r) => ({
    ...r,
    whiteText: counts(r.white),
    ethnicMinorityText: counts(r.ethnicMinority),
    valueText: r.reason ? `No figure: ${r.reason.charAt(0).toLowerCase()}${r.reason.slice(1)}` : maybe(r.value),
    intervalText: range(r.ci95?.[0] ?? null, r.ci95?.[1] ?? null),
    meanText: maybe(r.mean),
    limitsText: range(r.lpl, r.upl),
  }));
}

/** One row per series per month, always with disclosure control: the download leaves the analyst's view. */
export function monthlyCsv(measure: MonthlyMeasure, views: readonly MonthlySeriesView[]): string {
  const unitName = { ratio: 'ratio', pct: 'percent', per1000: 'per_1000' } as const;
  const rows = views.flatMap((series) => series.rows.map((r) => [
    measure.key, series.key === 'likelihood' ? 'relative likelihood' : 'ethnic minority rate', r.month,
    r.white?.events, r.white?.population, r.ethnicMinority?.events, r.ethnicMinority?.population,
    r.value, unitName[series.unit], r.ci95?.[0], r.ci95?.[1], r.value === null ? null : r.smallNumbers,
    r.mean, r.lpl, r.upl, r.pointType, r.specialCause, r.reason,
  ]));
  const header = [
    'measure', 'series', 'month',
    `white_${measure.eventsHeading}`, `white_${measure.populationHeading}`,
    `ethnic_minority_${measure.eventsHeading}`, `ethnic_minority_${measure.populationHeading}`,
    'value', 'unit', 'ci95_low', 'ci95_high', 'small_numbers', 'mean', 'lower_process_limit', 'upper_process_limit', 'point_type', 'special_cause', 'no_figure_because',
  ].map((h) => h.replace(/[ ,]+/g, '_'));
  return csvText(header, rows);
}

async function loadMeasure(services: Services, request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, key: string) {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const organisation = membership.organisation;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  const years = await services.store.organisations.years(organisation.id);
  if (year === null || !years.includes(year) || !isMonthlyMeasureKey(key)) {
    await reply.callNotFound();
    return null;
  }
  const measure = MONTHLY_MEASURES[key];
  const counts = await monthlyCountsFor(services.store, organisation.id, year, measure);
  return { membership, organisation, year, measure, counts };
}

export function registerMonthlyRoutes(app: FastifyInstance, services: Services): void {
  const page = async (request: FastifyRequest<{ Params: Params }>, reply: FastifyReply, key: string) => {
    const loaded = await loadMeasure(services, request, reply, key);
    if (!loaded) return reply;
    const { membership, organisation, year, measure, counts } = loaded;
    const views = monthlyMeasureViews(measure, counts.months, membership.role === 'analyst' ? null : DEFAULT_DISCLOSURE_POLICY);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: `monthly/${year}/${measure.key}` });
    const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
    const included = counts.years.filter((y) => y.included).map((y) => y.year);
    return reply.type('text/html').send(services.render('pages/monthly.njk', pageContext(request, reply, {
      title: `${measure.title} ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: `WRES ${year}` }],
      organisation, year, base, measure, minimumMonths: MINIMUM_POINTS_FOR_LIMITS, monthCount: counts.months.length,
      included, leftOut: counts.years.filter((y) => !y.included),
      analyst: membership.role === 'analyst', minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      smallNumberEvents: DEFAULT_DISCLOSURE_POLICY.smallNumberEvents,
      measureLinks: MONTHLY_MEASURE_KEYS.map((k) => ({ href: monthlyPath(base, k), text: NAVIGATION_TEXT[k], current: k === measure.key })),
      csvHref: `${base}/monthly/${measure.key}.csv`,
      series: views.map((view) => ({ view, chart: chartOf(view, measure), rows: tableRows(view), icons: iconsOf(view, measure) })),
    })));
  };

  app.get<{ Params: Params }>('/organisations/:code/:year/monthly', (request, reply) => page(request, reply, 'recruitment'));

  /** "/monthly/training.csv": the path parameter carries the extension, as the router has no suffix routes. */
  app.get<{ Params: Params }>('/organisations/:code/:year/monthly/:measure', async (request, reply) => {
    const requested = request.params.measure ?? '';
    if (!requested.endsWith('.csv')) return page(request, reply, requested);
    const loaded = await loadMeasure(services, request, reply, requested.slice(0, -4));
    if (!loaded) return reply;
    const { organisation, year, measure, counts } = loaded;
    const views = monthlyMeasureViews(measure, counts.months, DEFAULT_DISCLOSURE_POLICY);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'export', organisationId: organisation.id, subject: `monthly/${year}/${measure.key}.csv` });
    return sendCsv(reply, `monthly-${measure.key}-${organisation.code}-${year}.csv`, monthlyCsv(measure, views));
  });
}
