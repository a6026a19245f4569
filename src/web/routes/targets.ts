/**
 * Model Employer-style targets and trajectories for an organisation, from every loaded year up to the one asked for
 * (docs/methodology.md, "Targets and trajectories"; Mirror's reading, Unverified), on a page and as a CSV download:
 * for ethnic minority staff (WRES) and, by the same method, for Disabled staff (WDES). Same rules as the other
 * pages: membership first (404 otherwise), every view and export audited. `?goal=` sets a local population share,
 * validated. The download withholds counts of 1 to 7 and every figure derived from them (presenters/targets-view.ts).
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DEFAULT_DISCLOSURE_POLICY, type DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { WDES_TARGET_GROUP } from '../../core/targets/band-shares.ts';
import {
  modelEmployerTargets, modelEmployerTargetsFor, STATUS_LABELS, WRES_TARGET_GROUP, type ModelEmployerTargets, type TargetGroup, type TargetsResult,
} from '../../core/targets/model-employer.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { wdesTargetYears } from '../../services/standards-report-service.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Store } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { requireMembership } from '../auth/plugin.ts';
import { csvText, sendCsv, type CsvCell } from '../csv-download.ts';
import { pageContext } from '../page-context.ts';
import { bandChartsOf, targetsCsvHeader, targetsCsvRowsOf } from '../presenters/targets-view.ts';

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

export const TARGETS_CSV_HEADER: readonly string[] = targetsCsvHeader(WRES_TARGET_GROUP);

/** The WRES download's rows (see targetsCsvRowsOf). */
export function targetsCsvRows(targets: ModelEmployerTargets, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): CsvCell[][] {
  return targetsCsvRowsOf(WRES_TARGET_GROUP, targets, policy);
}

/** The WRES band charts (see bandChartsOf). */
export function bandCharts(targets: ModelEmployerTargets): string[] {
  return bandChartsOf(WRES_TARGET_GROUP, targets);
}

/** A standard's targets pages: where they are, the group followed, and how its years are read. */
interface TargetsFamily<F extends string> {
  readonly standard: 'WRES' | 'WDES';
  /** Path under the organisation's year: "" for WRES, "/wdes" for WDES. */
  readonly prefix: string;
  readonly group: TargetGroup<F>;
  /** The targets from every loaded year up to the one asked for; null when none of them has the standard's figures. */
  targets(store: Store, organisationId: number, years: readonly number[], goalPct: number | null): Promise<TargetsResult<F> | null>;
}

const WRES_TARGETS: TargetsFamily<'ethnicMinority'> = {
  standard: 'WRES',
  prefix: '',
  group: WRES_TARGET_GROUP,
  async targets(store, organisationId, years, goalPct) {
    const reports = (await Promise.all(years.map((y) => wresReportFor(store, organisationId, y, { suppressBreakdowns: true })))).filter((r): r is WresReport => r !== null);
    return reports.length === 0 ? null : modelEmployerTargets(reports, { goalPct });
  },
};

const WDES_TARGETS: TargetsFamily<'disabled'> = {
  standard: 'WDES',
  prefix: '/wdes',
  group: WDES_TARGET_GROUP,
  async targets(store, organisationId, years, goalPct) {
    const inputs = await wdesTargetYears(store, organisationId, years);
    return inputs.length === 0 ? null : modelEmployerTargetsFor(WDES_TARGET_GROUP, inputs, { goalPct });
  },
};

type TargetsRequest = FastifyRequest<{ Params: Params; Querystring: { goal?: string } }>;

/** Membership first (404 otherwise), then every loaded year up to the one asked for; null once replied. */
async function loadTargets<F extends string>(services: Services, family: TargetsFamily<F>, request: TargetsRequest, reply: FastifyReply) {
  const membership = await requireMembership(request, reply, request.params.code);
  if (!membership) return null;
  const organisation = membership.organisation;
  const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
  const loadedYears = await services.store.organisations.years(organisation.id);
  const years = year === null ? [] : loadedYears.filter((y) => y <= year).sort((a, b) => a - b);
  const goal = parseGoal(request.query.goal);
  const result = year === null || !loadedYears.includes(year) ? null
    : await family.targets(services.store, organisation.id, years, goal.ok ? goal.value : null);
  if (year === null || result === null) {
    await reply.callNotFound();
    return null;
  }
  const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
  return { organisation, year, goal, result, base, standardBase: `${base}${family.prefix}` };
}

function auditSubject(family: TargetsFamily<string>, year: number): string {
  return family.standard === 'WRES' ? `targets/${year}` : `wdes/${year}/targets`;
}

function registerFamily<F extends string>(app: FastifyInstance, services: Services, family: TargetsFamily<F>): void {
  app.get<{ Params: Params; Querystring: { goal?: string } }>(`/organisations/:code/:year${family.prefix}/targets`, async (request, reply) => {
    const loaded = await loadTargets(services, family, request, reply);
    if (!loaded) return reply;
    const { organisation, year, goal, result, standardBase } = loaded;
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: auditSubject(family, year) });
    const page = services.render('pages/targets.njk', pageContext(request, reply, {
      title: `${goal.ok ? '' : 'Error: '}${family.standard === 'WRES' ? '' : 'WDES '}Targets and trajectories ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: standardBase, text: `${family.standard} ${year}` }],
      organisation, year, base: standardBase, standard: family.standard, focusKey: family.group.key, focusInSentence: family.group.adjective,
      targets: result.ok ? result.value : null,
      charts: result.ok ? bandChartsOf(family.group, result.value, family.standard === 'WRES' ? 'targets' : 'wdes-targets') : [],
      reason: result.ok ? null : result.reason,
      statusLabels: STATUS_LABELS,
      goalValue: typeof request.query.goal === 'string' ? request.query.goal : '',
      errors: goal.ok ? [] : [{ text: goal.message, href: '#goal' }],
      goalError: goal.ok ? null : goal.message,
      csvHref: `${standardBase}/targets.csv${goal.ok && goal.value !== null ? `?goal=${encodeURIComponent(String(goal.value))}` : ''}`,
    }));
    return reply.code(goal.ok ? 200 : 400).type('text/html').send(page);
  });

  app.get<{ Params: Params; Querystring: { goal?: string } }>(`/organisations/:code/:year${family.prefix}/targets.csv`, async (request, reply) => {
    const loaded = await loadTargets(services, family, request, reply);
    if (!loaded) return reply;
    const { organisation, year, goal, result } = loaded;
    if (!goal.ok) {
      return reply.code(400).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, {
        title: 'There is a problem with the request', message: `${goal.message}. Choose the goal on the targets page and download the figures from there.`,
      })));
    }
    const rows = result.ok ? targetsCsvRowsOf(family.group, result.value) : [];
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'export', organisationId: organisation.id, subject: `${auditSubject(family, year)}.csv`,
      details: { withheld: rows.filter((r) => r[r.length - 1] !== '').length },
    });
    const name = `${family.standard === 'WRES' ? '' : 'wdes-'}targets-${organisation.code}-${year}.csv`;
    return sendCsv(reply, name, csvText(targetsCsvHeader(family.group), rows));
  });
}

export function registerTargetsRoutes(app: FastifyInstance, services: Services): void {
  registerFamily(app, services, WRES_TARGETS);
  registerFamily(app, services, WDES_TARGETS);
}
