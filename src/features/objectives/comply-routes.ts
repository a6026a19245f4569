/**
 * Comply-or-explain pages and download (issue 11). Thin: membership (404 otherwise), role for changes (403 for
 * viewers), the service, audit, render.
 * - GET  /organisations/:code/comply-or-explain              the rules, each with its compliance; the form for a new rule
 * - POST /organisations/:code/comply-or-explain              creates a rule
 * - GET  /organisations/:code/comply-or-explain/:id          compliance by month as SPC, the explanations, the case form
 * - POST /organisations/:code/comply-or-explain/:id/cases    records a case
 * - GET  /organisations/:code/comply-or-explain/:id/cases.csv every case
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ComplyRule } from '../../store/objective-types.ts';
import type { Membership } from '../../store/store.ts';
import { chartId, formatMonth, POINT_TYPE_LABEL, spcChart, VARIATION_READING } from '../../web/charts/index.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { type ActParams as CodeParams, canEdit, complyPath, crumbs, editor, formFields, idParam, member } from '../../web/act-access.ts';
import { CASES_CSV_HEADER, caseCsvRows, createRule, type FieldProblem, type RuleSummary, recordCase, ruleSummary } from './comply-service.ts';

type Req = FastifyRequest<{ Params: CodeParams }>;

function errorsOf(problems: readonly FieldProblem[]) {
  return {
    errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })),
    fieldErrors: Object.fromEntries(problems.map((p) => [p.field, p.message])),
  };
}

function chartOf(summary: RuleSummary): string | null {
  const { series } = summary;
  if (!series.months.some((m) => m.pct !== null)) return null;
  return spcChart(series.spc.points, {
    id: chartId('comply', String(summary.rule.id)), title: `${summary.rule.title}: cases complied with, by month`,
    yLabel: 'Cases complied with (%)', unit: 'pct', variation: series.spc.variation, assurance: series.spc.assurance,
    showLimits: series.showLimits, referenceLine: 100, referenceLineLabel: 'Every case',
  });
}

const COMPLY = { plural: 'comply-or-explain records' };

export function registerComplyRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;

  const listPage = async (request: Req, reply: FastifyReply, membership: Membership, problems: readonly FieldProblem[], values: Record<string, string>) => {
    const rules = await store.complyOrExplain.rules(membership.organisation.id);
    const rows = [];
    for (const rule of rules) {
      const s = await ruleSummary(store, rule);
      rows.push({ id: rule.id, title: rule.title, description: rule.description, cases: s.cases.length, complied: s.complied, explained: s.explanations.length });
    }
    await store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: membership.organisation.id, subject: 'comply-or-explain' });
    reply.code(problems.length ? 400 : 200);
    return renderPage(services, request, reply, 'objectives/views/comply-rules.njk', {
      title: `Comply or explain: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership), organisation: membership.organisation, rows, base: complyPath(membership),
      canEdit: canEdit(request, membership), values, ...errorsOf(problems),
      packYear: (await store.organisations.years(membership.organisation.id))[0] ?? null,
    });
  };

  const rulePage = async (request: Req, reply: FastifyReply, membership: Membership, rule: ComplyRule, problems: readonly FieldProblem[], values: Record<string, string>) => {
    const summary = await ruleSummary(store, rule);
    await store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: membership.organisation.id, subject: `comply-or-explain/${rule.id}` });
    const base = complyPath(membership);
    const { series } = summary;
    reply.code(problems.length ? 400 : 200);
    return renderPage(services, request, reply, 'objectives/views/comply-rule.njk', {
      title: `${rule.title}: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: base, text: 'Comply or explain' }), organisation: membership.organisation, rule,
      cases: summary.cases.length, complied: summary.complied,
      months: series.months.map((m, i) => ({
        ...m, label: formatMonth(m.month), interval: m.ci95 ? `${m.ci95[0].toFixed(1)}% to ${m.ci95[1].toFixed(1)}%` : null,
        pointType: series.showLimits && m.pct !== null && series.spc.points[i] ? POINT_TYPE_LABEL[series.spc.points[i]!.pointType] : '',
      })),
      showLimits: series.showLimits, variationReading: series.showLimits && series.spc.variation ? VARIATION_READING[series.spc.variation] : null,
      chart: chartOf(summary),
      explanations: summary.explanations.map((c) => ({ month: formatMonth(c.month), explanation: c.explanation })),
      canEdit: canEdit(request, membership), caseAction: `${base}/${rule.id}/cases`, csvHref: `${base}/${rule.id}/cases.csv`,
      values, notice: (request.query as Record<string, unknown>)['recorded'] !== undefined ? 'The case has been recorded' : null,
      ...errorsOf(problems),
    });
  };

  const loadRule = async (request: Req, reply: FastifyReply, membership: Membership | null) => {
    if (!membership) return null;
    const id = idParam(request.params.id);
    const rule = id === null ? null : await store.complyOrExplain.rule(membership.organisation.id, id);
    if (!rule) {
      await reply.callNotFound();
      return null;
    }
    return rule;
  };

  app.get<{ Params: CodeParams }>('/organisations/:code/comply-or-explain', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    return listPage(request, reply, membership, [], {});
  });

  app.post<{ Params: CodeParams }>('/organisations/:code/comply-or-explain', async (request, reply) => {
    const membership = editor(services, request, reply, COMPLY);
    if (!membership) return reply;
    const values = formFields(request.body, ['title', 'description']);
    const result = await createRule(store, membership.organisation.id, request.currentUser?.id ?? null, values);
    if (!result.ok) return listPage(request, reply, membership, result.problems, values);
    return reply.redirect(`${complyPath(membership)}/${result.value.id}`, 303);
  });

  app.get<{ Params: CodeParams }>('/organisations/:code/comply-or-explain/:id', async (request, reply) => {
    const membership = member(request, reply);
    const rule = await loadRule(request, reply, membership);
    if (!membership || !rule) return reply;
    return rulePage(request, reply, membership, rule, [], {});
  });

  app.post<{ Params: CodeParams }>('/organisations/:code/comply-or-explain/:id/cases', async (request, reply) => {
    const membership = editor(services, request, reply, COMPLY);
    const rule = await loadRule(request, reply, membership);
    if (!membership || !rule) return reply;
    const values = formFields(request.body, ['month', 'complied', 'explanation']);
    const result = await recordCase(store, rule, request.currentUser?.id ?? null, values, services.clock().toISOString().slice(0, 10));
    if (!result.ok) return rulePage(request, reply, membership, rule, result.problems, values);
    return reply.redirect(`${complyPath(membership)}/${rule.id}?recorded=1`, 303);
  });

  app.get<{ Params: CodeParams }>('/organisations/:code/comply-or-explain/:id/cases.csv', async (request, reply) => {
    const membership = member(request, reply);
    const rule = await loadRule(request, reply, membership);
    if (!membership || !rule) return reply;
    const summary = await ruleSummary(store, rule);
    await store.audit.record({ userId: request.currentUser?.id ?? null, action: 'export', organisationId: membership.organisation.id, subject: `comply-or-explain/${rule.id}/cases.csv` });
    return sendCsv(reply, `comply-or-explain-${membership.organisation.code}-${rule.id}.csv`, csvText(CASES_CSV_HEADER, caseCsvRows(summary)));
  });
}
