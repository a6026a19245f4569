/**
 * Model Employer-style targets and trajectories for an organisation, from every loaded year up to the one asked for
 * (docs/methodology.md, "Targets and trajectories"; Mirror's reading, Unverified), on a page and as a CSV download.
 * Same rules as the other pages: membership first (404 otherwise), every view and export audited. `?goal=` sets a
 * local population share, validated. The download withholds counts of 1 to 7 and every figure derived from them.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { headsNeeded, modelEmployerTargets, STATUS_LABELS, type BandHeadcount, type ModelEmployerTargets } from '../../core/targets/model-employer.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Services } from '../services.ts';
import { requireMembership } from '../auth/plugin.ts';
import { csvText, sendCsv, type CsvCell } from '../csv-download.ts';
import { chartId, trendChart } from '../charts/index.ts';
import { pageContext } from '../page-context.ts';

interface Params { code: string; year: string }

/** A percentage above 0 and no more than 100, as typed: "35", "35.5" or "35%". */
export function parseGoal(raw: unknown): { ok: true; value: number | null } | { ok: false; message: string } {
  if (raw === undefined || raw === null || (typeof raw === 'string' && raw.trim() === '')) return { ok: true, value: null };
  const text = typeof raw === 'string' ? raw.trim().replace(/%$/, '') : '';
  const n = Number(text);
  if (!/^\d{1,3}(\.\d+)?$/.test(text) || n <= 0 || n > 100) {
    return { ok: false, message: 'Enter the local population share as a percentage above 0 and no more than 100, like 35 or 35.5' };
  }
  return { ok: true, value: n };
}

export const TARGETS_CSV_HEADER = [
  'band', 'year', 'ethnic_minority_headcount', 'band_headcount', 'share_pct', 'ci95_low_pct', 'ci95_high_pct',
  'trajectory_pct', 'goal_pct', 'horizon_year', 'status', 'heads_needed_now', 'heads_needed_at_horizon', 'withheld',
] as const;

/** People, ethnic minority staff or everyone else in the band numbering 1 to 7. */
function small(h: BandHeadcount, policy: DisclosurePolicy): boolean {
  return [h.ethnicMinority, h.total, h.total - h.ethnicMinority].some((n) => isDisclosive(n, policy));
}

/**
 * The download: one row per band per year, with the page's figures. Heads needed at the horizon are given for the
 * latest year only, as on the page (they are at today's band size).
 *
 * Disclosure control, which the page (for the organisation's own members) does not apply: where a band's count of
 * ethnic minority staff, of everyone, or of everyone else is 1 to 7 in a year, that year's counts, share, interval,
 * status and heads needed are withheld; where it is so in the baseline year, the trajectory is withheld in every
 * year (it starts from the baseline share, which would give the counts away), with the status and heads needed that
 * come from it. `withheld` says why.
 */
export function targetsCsvRows(targets: ModelEmployerTargets, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): CsvCell[][] {
  const limit = policy.minimumCellSize - 1;
  return targets.bands.flatMap((band) => {
    const baselineSmall = small(band.baseline, policy);
    return band.years.map((y): CsvCell[] => {
      const rowSmall = small(y.actual, policy);
      const current = y.year === band.current.year;
      const reasons = [
        rowSmall ? `a count of 1 to ${limit} in this band in ${y.year}, so its counts and the figures from them are withheld` : null,
        baselineSmall ? `a count of 1 to ${limit} in this band in the baseline year ${band.baseline.year}, so the trajectory that starts from it is withheld` : null,
      ].filter((r): r is string => r !== null);
      const a = y.actual;
      return [
        band.band, y.year,
        rowSmall ? null : a.ethnicMinority, rowSmall ? null : a.total,
        rowSmall ? null : a.pct, rowSmall ? null : a.ci95?.[0], rowSmall ? null : a.ci95?.[1],
        baselineSmall ? null : y.trajectoryPct,
        band.goalPct, targets.horizonYear,
        rowSmall || baselineSmall ? null : STATUS_LABELS[y.status],
        rowSmall || baselineSmall ? null : y.headsNeeded,
        current && !rowSmall ? headsNeeded(band.goalPct, a.total, a.ethnicMinority) : null,
        reasons.join('; '),
      ];
    });
  });
}

/**
 * Each band's actual shares, with their 95% intervals, against its trajectory to the goal and the goal itself: the
 * picture of "will the targets be met", followed on the page by the table of the same numbers.
 */
export function bandCharts(targets: ModelEmployerTargets): string[] {
  return targets.bands.map((band) => trendChart(
    band.years.map((y) => ({ year: y.year, value: y.actual.pct, ci95: y.actual.ci95 })),
    {
      id: chartId('targets', band.band), title: `${band.band}: ethnic minority share against the trajectory to the goal`,
      yLabel: `Ethnic minority staff in ${band.band} (%)`, unit: 'pct',
      referenceLine: band.goalPct, referenceLineLabel: `Goal by ${targets.horizonYear}`,
      trajectory: { label: `Trajectory from ${band.baseline.year} to the goal`, points: band.trajectory.map((p) => ({ year: p.year, value: p.pct })) },
    },
  ));
}

type TargetsRequest = FastifyRequest<{ Params: Params; Querystring: { goal?: string } }>;

/** Membership first (404 otherwise), then every loaded year up to the one asked for; null once replied. */
async function loadTargets(services: Services, request: TargetsRequest, reply: FastifyReply) {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const organisation = membership.organisation;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  const loadedYears = await services.store.organisations.years(organisation.id);
  const years = year === null ? [] : loadedYears.filter((y) => y <= year).sort((a, b) => a - b);
  const reports = year === null || !loadedYears.includes(year) ? []
    : (await Promise.all(years.map((y) => wresReportFor(services.store, organisation.id, y, { suppressBreakdowns: true })))).filter((r): r is WresReport => r !== null);
  if (year === null || reports.length === 0) {
    await reply.callNotFound();
    return null;
  }
  const goal = parseGoal(request.query.goal);
  const result = modelEmployerTargets(reports, { goalPct: goal.ok ? goal.value : null });
  const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
  return { organisation, year, goal, result, base };
}

export function registerTargetsRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params; Querystring: { goal?: string } }>('/organisations/:code/:year/targets', async (request, reply) => {
    const loaded = await loadTargets(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, goal, result, base } = loaded;
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: `targets/${year}` });
    const page = services.render('pages/targets.njk', pageContext(request, reply, {
      title: `${goal.ok ? '' : 'Error: '}Targets and trajectories ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: `WRES ${year}` }],
      organisation, year, base,
      targets: result.ok ? result.value : null,
      charts: result.ok ? bandCharts(result.value) : [],
      reason: result.ok ? null : result.reason,
      statusLabels: STATUS_LABELS,
      goalValue: typeof request.query.goal === 'string' ? request.query.goal : '',
      errors: goal.ok ? [] : [{ text: goal.message, href: '#goal' }],
      goalError: goal.ok ? null : goal.message,
      csvHref: `${base}/targets.csv${goal.ok && goal.value !== null ? `?goal=${encodeURIComponent(String(goal.value))}` : ''}`,
    }));
    return reply.code(goal.ok ? 200 : 400).type('text/html').send(page);
  });

  app.get<{ Params: Params; Querystring: { goal?: string } }>('/organisations/:code/:year/targets.csv', async (request, reply) => {
    const loaded = await loadTargets(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year, goal, result } = loaded;
    if (!goal.ok) {
      return reply.code(400).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
        title: 'There is a problem with the request', message: `${goal.message}. Choose the goal on the targets page and download the figures from there.`,
      })));
    }
    const rows = result.ok ? targetsCsvRows(result.value) : [];
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'export', organisationId: organisation.id, subject: `targets/${year}.csv`,
      details: { withheld: rows.filter((r) => r[r.length - 1] !== '').length },
    });
    return sendCsv(reply, `targets-${organisation.code}-${year}.csv`, csvText(TARGETS_CSV_HEADER, rows));
  });
}
