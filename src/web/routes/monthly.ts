/**
 * Monthly recruitment for an organisation and year, from the current import's application records: the relative
 * likelihood of White shortlisted applicants being appointed compared with ethnic minority ones (lower is better,
 * towards 1), and the ethnic minority appointment rate (higher is better), each as a Making Data Count XmR chart
 * (docs/methodology.md, "Statistical process control") followed by a table of the same numbers. With fewer than 12
 * months with a figure there are too few for limits, and each series is a run chart only. Same rules as the other
 * pages: membership first (404 otherwise), every view audited.
 */
import type { FastifyInstance } from 'fastify';
import { spc, type ImprovementDirection, type SpcResult } from '../../core/stats/spc/index.ts';
import type { MonthlyAppointments } from '../../store/store.ts';
import type { Services } from '../app.ts';
import { requireMembership } from '../auth/plugin.ts';
import { chartId, formatMonth, POINT_TYPE_LABEL, spcChart, VARIATION_READING, assuranceReading } from '../charts/index.ts';
import { pageContext } from '../page-context.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../../core/stats/disclosure.ts';

interface Params { code: string; year: string }

/** Months with a figure needed before process limits are drawn (Making Data Count's usual minimum). */
export const MINIMUM_MONTHS_FOR_LIMITS = 12;

export interface MonthlyRow {
  readonly month: string;
  readonly label: string;
  readonly counts: MonthlyAppointments;
  readonly value: number | null;
  /** Why there is no figure, when there is none. */
  readonly reason: string | null;
}

export interface MonthlySeriesView {
  readonly rows: readonly (MonthlyRow & { mean: number | null; lpl: number | null; upl: number | null; pointType: string })[];
  readonly result: SpcResult;
  readonly known: number;
  readonly showLimits: boolean;
  readonly variationReading: string | null;
  readonly assuranceReading: string;
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Every calendar month from the first to the last with applications; months between with none are zero. */
export function fillMonths(counts: readonly MonthlyAppointments[]): MonthlyAppointments[] {
  if (counts.length === 0) return [];
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  const last = counts[counts.length - 1]!.month;
  const out: MonthlyAppointments[] = [];
  for (let month = counts[0]!.month; month <= last; month = nextMonth(month)) {
    out.push(byMonth.get(month) ?? { month, white: { shortlisted: 0, appointed: 0 }, ethnicMinority: { shortlisted: 0, appointed: 0 } });
  }
  return out;
}

/** White appointment rate ÷ ethnic minority appointment rate, or the reason there is none. */
export function relativeLikelihoodRow(c: MonthlyAppointments): MonthlyRow {
  const base = { month: c.month, label: formatMonth(c.month), counts: c };
  if (c.white.shortlisted === 0 && c.ethnicMinority.shortlisted === 0) return { ...base, value: null, reason: 'No shortlisted applicants' };
  if (c.white.shortlisted === 0) return { ...base, value: null, reason: 'No White shortlisted applicants' };
  if (c.ethnicMinority.shortlisted === 0) return { ...base, value: null, reason: 'No ethnic minority shortlisted applicants' };
  if (c.ethnicMinority.appointed === 0) return { ...base, value: null, reason: 'No ethnic minority applicants appointed' };
  const value = (c.white.appointed / c.white.shortlisted) / (c.ethnicMinority.appointed / c.ethnicMinority.shortlisted);
  return { ...base, value, reason: null };
}

/** The ethnic minority appointment rate from shortlisting, as a percentage, or the reason there is none. */
export function ethnicMinorityRateRow(c: MonthlyAppointments): MonthlyRow {
  const base = { month: c.month, label: formatMonth(c.month), counts: c };
  if (c.ethnicMinority.shortlisted === 0) return { ...base, value: null, reason: 'No ethnic minority shortlisted applicants' };
  return { ...base, value: (100 * c.ethnicMinority.appointed) / c.ethnicMinority.shortlisted, reason: null };
}

/**
 * For anyone but the organisation's analysts, a month resting on 1 to 7 people in any count (shortlisted,
 * appointed or not appointed, in either group) is withheld whole: its figure becomes a gap and its counts are hidden.
 */
export function withholdSmallMonths(rows: readonly MonthlyRow[], policy: DisclosurePolicy): MonthlyRow[] {
  return rows.map((r) => {
    const { white, ethnicMinority } = r.counts;
    const cells = [white.shortlisted, white.appointed, white.shortlisted - white.appointed,
      ethnicMinority.shortlisted, ethnicMinority.appointed, ethnicMinority.shortlisted - ethnicMinority.appointed];
    if (!cells.some((n) => isDisclosive(n, policy))) return r;
    const hidden = { shortlisted: null, appointed: null } as unknown as MonthlyAppointments['white'];
    return { ...r, value: null, reason: `Withheld: fewer than ${policy.minimumCellSize} people in a count`, counts: { ...r.counts, white: hidden, ethnicMinority: hidden } };
  });
}

export function monthlySeries(rows: readonly MonthlyRow[], direction: ImprovementDirection): MonthlySeriesView {
  const result = spc(rows.map((r) => ({ date: r.month, value: r.value })), { direction });
  const known = rows.filter((r) => r.value !== null).length;
  const showLimits = known >= MINIMUM_MONTHS_FOR_LIMITS;
  return {
    rows: rows.map((r, i) => {
      const p = result.points[i];
      return {
        ...r,
        mean: p?.mean ?? null,
        lpl: showLimits ? p?.lpl ?? null : null,
        upl: showLimits ? p?.upl ?? null : null,
        pointType: showLimits && r.value !== null && p ? POINT_TYPE_LABEL[p.pointType] : '',
      };
    }),
    result,
    known,
    showLimits,
    variationReading: showLimits && result.variation ? VARIATION_READING[result.variation] : null,
    assuranceReading: assuranceReading(result.assurance),
  };
}

export function registerMonthlyRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params }>('/organisations/:code/:year/monthly', async (request, reply) => {
    const membership = await requireMembership(request, reply, request.params.code);
    if (!membership) return reply;
    const organisation = membership.organisation;
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
    const version = year === null ? null : await services.store.imports.current(organisation.id, year);
    if (year === null || !version) return reply.callNotFound();

    const months = fillMonths(await services.store.imports.monthlyAppointments(version.id));
    const control = (rows: MonthlyRow[]) => (membership.role === 'analyst' ? rows : withholdSmallMonths(rows, DEFAULT_DISCLOSURE_POLICY));
    const likelihood = monthlySeries(control(months.map(relativeLikelihoodRow)), 'decrease');
    const rate = monthlySeries(control(months.map(ethnicMinorityRateRow)), 'increase');
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: `monthly/${year}` });

    const chart = (series: MonthlySeriesView, name: string, yLabel: string, unit: 'ratio' | 'pct') => spcChart(series.result.points, {
      id: chartId('monthly', name), title: yLabel, yLabel, unit, variation: series.result.variation, assurance: series.result.assurance,
      showLimits: series.showLimits, referenceLine: unit === 'ratio' ? 1 : null,
    });
    const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
    const page = services.render('pages/monthly.njk', pageContext(request, reply, {
      title: `Monthly recruitment ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: `WRES ${year}` }],
      organisation, year, base, minimumMonths: MINIMUM_MONTHS_FOR_LIMITS, monthCount: months.length,
      series: [
        {
          key: 'likelihood', heading: 'Relative likelihood of White applicants being appointed from shortlisting',
          intro: 'Each month, the White appointment rate from shortlisting divided by the ethnic minority rate. 1 means equal likelihood; lower is better, towards 1.',
          view: likelihood, chart: likelihood.known > 0 ? chart(likelihood, 'likelihood', 'Relative likelihood of appointment (White ÷ ethnic minority)', 'ratio') : null,
          valueHeading: 'Relative likelihood', unit: 'ratio',
        },
        {
          key: 'rate', heading: 'Ethnic minority appointment rate',
          intro: 'Each month, the percentage of ethnic minority shortlisted applicants who were appointed. Higher is better.',
          view: rate, chart: rate.known > 0 ? chart(rate, 'rate', 'Ethnic minority applicants appointed from shortlisting (%)', 'pct') : null,
          valueHeading: 'Appointment rate', unit: 'pct',
        },
      ],
    }));
    return reply.type('text/html').send(page);
  });
}
