/**
 * Model Employer-style targets and trajectories for an organisation, from every loaded year up to the one asked for
 * (docs/methodology.md, "Targets and trajectories"; Mirror's reading, Unverified). Same rules as the other pages:
 * membership first (404 otherwise), every view audited. `?goal=` sets a local population share, validated.
 */
import type { FastifyInstance } from 'fastify';
import { modelEmployerTargets, STATUS_LABELS } from '../../core/targets/model-employer.ts';
import type { WresReport } from '../../core/wres/report.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import type { Services } from '../app.ts';
import { requireMembership } from '../auth/plugin.ts';
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

export function registerTargetsRoutes(app: FastifyInstance, services: Services): void {
  app.get<{ Params: Params; Querystring: { goal?: string } }>('/organisations/:code/:year/targets', async (request, reply) => {
    const membership = await requireMembership(request, reply, request.params.code);
    if (!membership) return reply;
    const organisation = membership.organisation;
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
    const loadedYears = await services.store.organisations.years(organisation.id);
    if (year === null || !loadedYears.includes(year)) return reply.callNotFound();
    const years = loadedYears.filter((y) => y <= year).sort((a, b) => a - b);
    const reports = (await Promise.all(years.map((y) => wresReportFor(services.store, organisation.id, y, { suppressBreakdowns: true }))))
      .filter((r): r is WresReport => r !== null);
    if (reports.length === 0) return reply.callNotFound();

    const goal = parseGoal(request.query.goal);
    const result = modelEmployerTargets(reports, { goalPct: goal.ok ? goal.value : null });
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: organisation.id, subject: `targets/${year}` });
    const base = `/organisations/${encodeURIComponent(organisation.code)}/${year}`;
    const page = services.render('pages/targets.njk', pageContext(request, reply, {
      title: `${goal.ok ? '' : 'Error: '}Targets and trajectories ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: `WRES ${year}` }],
      organisation, year, base,
      targets: result.ok ? result.value : null,
      reason: result.ok ? null : result.reason,
      statusLabels: STATUS_LABELS,
      goalValue: typeof request.query.goal === 'string' ? request.query.goal : '',
      errors: goal.ok ? [] : [{ text: goal.message, href: '#goal' }],
      goalError: goal.ok ? null : goal.message,
    }));
    return reply.code(goal.ok ? 200 : 400).type('text/html').send(page);
  });
}
