/**
 * The JSON API of interventions under /api/v1 (described in openapi.ts beside it). Reads for every member (and API
 * tokens); changes for analysts and administrators signed in, with the CSRF token. Every read and change is audited.
 * Evaluations in the API always withhold small numbers, as downloads do.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INTERVENTION_CATALOGUE } from '../../core/act/interventions/catalogue.ts';
import { catalogueSource } from '../../core/act/interventions/catalogue.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Membership } from '../../store/store.ts';
import type { Services } from '../../web/services.ts';
import { type ActParams as InterventionParams, editor, idParam, mayUpdate, member } from '../../web/act-access.ts';
import { type EvaluationResult, evaluationOf } from './evaluation-service.ts';
import { createIntervention, editIntervention, inputFromJson, interventionJson, recordUpdate } from './service.ts';

type Req = FastifyRequest<{ Params: InterventionParams }>;
const INTERVENTIONS = { plural: 'interventions' };
const ownerUserOf = (body: unknown) => {
  const value = body && typeof body === 'object' ? (body as Record<string, unknown>)['ownerUserId'] : undefined;
  return typeof value === 'number' || typeof value === 'string' ? value : null;
};

/** The evaluation as the API gives it: the readings and every number behind them. */
export function evaluationJson(result: EvaluationResult) {
  if (!result.available) return { available: false, reason: result.reason };
  const { evaluation, monthly } = result;
  const m = evaluation.monthly;
  return {
    available: true,
    indicator: { standard: result.definition.standard, id: result.definition.id, title: result.definition.title },
    measure: result.measure,
    scope: result.scopeLabel,
    betterDirection: evaluation.direction,
    verdict: evaluation.verdict,
    headline: evaluation.headline,
    sentences: evaluation.sentences,
    monthly: monthly && m ? {
      startMonth: m.startMonth, monthsBefore: m.monthsBefore, monthsAfter: m.monthsAfter, meanBefore: m.meanBefore, meanAfter: m.meanAfter,
      reading: m.reading, unstableBaseline: m.unstableBaseline,
      months: monthly.rows.map((r, i) => ({
        month: r.month, white: r.white, ethnicMinority: r.ethnicMinority, value: r.value, ci95: r.ci95, withheld: r.withheld, smallNumbers: r.smallNumbers,
        recalculated: { mean: m.phases.points[i]?.mean ?? null, lpl: m.phases.points[i]?.lpl ?? null, upl: m.phases.points[i]?.upl ?? null },
        againstBaseline: m.againstBaseline ? { pointType: m.againstBaseline.points[i]?.pointType ?? null, specialCauseType: m.againstBaseline.points[i]?.specialCauseType ?? null } : null,
      })),
    } : null,
    monthlyNote: result.monthlyNote,
    annual: evaluation.annual,
    annualNote: result.annualNote,
    peers: result.peers,
    peersNote: result.peersNote,
  };
}

export function registerInterventionApiRoutes(app: FastifyInstance, services: Services): void {
  const audit = (request: FastifyRequest, membership: Membership, subject: string) =>
    services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'api-read', organisationId: membership.organisation.id, subject });

  const objectiveOf = async (request: Req, reply: FastifyReply, membership: Membership | null) => {
    if (!membership) return null;
    const id = idParam(request.params.id);
    const objective = id === null ? null : await services.store.objectives.byId(membership.organisation.id, id);
    if (!objective) reply.code(404).send({ error: 'not found' });
    return objective;
  };

  const bothOf = async (request: Req, reply: FastifyReply, membership: Membership | null) => {
    const objective = await objectiveOf(request, reply, membership);
    if (!objective || !membership) return null;
    const id = idParam(request.params.interventionId);
    const intervention = id === null ? null : await services.store.interventions.byId(membership.organisation.id, id);
    if (!intervention || intervention.objectiveId !== objective.id) {
      reply.code(404).send({ error: 'not found' });
      return null;
    }
    return { objective, intervention };
  };

  app.get('/api/v1/interventions/catalogue', async (_request, reply) => reply.send(INTERVENTION_CATALOGUE.map((entry) => ({
    ...entry,
    evidence: entry.evidence.map((e) => ({ ...e, sources: e.sources.map((key) => ({ key, ...catalogueSource(key) })) })),
  }))));

  app.get<{ Params: InterventionParams }>('/api/v1/organisations/:code/interventions', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const list = await services.store.interventions.list(membership.organisation.id);
    await audit(request, membership, 'interventions');
    return reply.send(list.map((i) => interventionJson(i)));
  });

  app.get<{ Params: InterventionParams }>('/api/v1/organisations/:code/objectives/:id/interventions', async (request, reply) => {
    const membership = member(request, reply);
    const objective = await objectiveOf(request, reply, membership);
    if (!membership || !objective) return reply;
    const list = await services.store.interventions.forObjective(objective.id);
    await audit(request, membership, `objectives/${objective.id}/interventions`);
    return reply.send(list.map((i) => interventionJson(i)));
  });

  app.post<{ Params: InterventionParams }>('/api/v1/organisations/:code/objectives/:id/interventions', async (request, reply) => {
    const membership = editor(services, request, reply, INTERVENTIONS);
    const objective = await objectiveOf(request, reply, membership);
    if (!membership || !objective) return reply;
    const actor = { organisationId: membership.organisation.id, userId: request.currentUser?.id ?? null };
    const result = await createIntervention(services.store, actor, objective, inputFromJson(request.body), ownerUserOf(request.body));
    if (!result.ok) return reply.code(400).send({ error: 'the intervention is not complete', problems: result.problems });
    return reply.code(201).send(interventionJson(result.intervention, await services.store.interventions.statusHistory(result.intervention.id)));
  });

  app.get<{ Params: InterventionParams }>('/api/v1/organisations/:code/objectives/:id/interventions/:interventionId', async (request, reply) => {
    const membership = member(request, reply);
    const both = await bothOf(request, reply, membership);
    if (!membership || !both) return reply;
    const history = await services.store.interventions.statusHistory(both.intervention.id);
    const result = await evaluationOf(services, both.objective, both.intervention, DEFAULT_DISCLOSURE_POLICY);
    await audit(request, membership, `interventions/${both.intervention.id}`);
    return reply.send({ intervention: interventionJson(both.intervention, history), evaluation: evaluationJson(result) });
  });

  app.put<{ Params: InterventionParams }>('/api/v1/organisations/:code/objectives/:id/interventions/:interventionId', async (request, reply) => {
    const membership = editor(services, request, reply, INTERVENTIONS);
    const both = await bothOf(request, reply, membership);
    if (!membership || !both) return reply;
    const actor = { organisationId: membership.organisation.id, userId: request.currentUser?.id ?? null };
    const result = await editIntervention(services.store, actor, both.intervention, inputFromJson(request.body), ownerUserOf(request.body));
    if (!result.ok) return reply.code(400).send({ error: 'the intervention is not valid', problems: result.problems });
    return reply.send(interventionJson(result.intervention, await services.store.interventions.statusHistory(result.intervention.id)));
  });

  app.post<{ Params: InterventionParams }>('/api/v1/organisations/:code/objectives/:id/interventions/:interventionId/updates', async (request, reply) => {
    const membership = member(request, reply);
    const both = await bothOf(request, reply, membership);
    if (!membership || !both) return reply;
    if (!mayUpdate(services, request, reply, membership, both.intervention.ownerUserId, INTERVENTIONS)) return reply;
    const b = request.body && typeof request.body === 'object' ? (request.body as Record<string, unknown>) : {};
    const str = (key: string) => (typeof b[key] === 'string' ? (b[key] as string) : undefined);
    const actor = { organisationId: membership.organisation.id, userId: request.currentUser?.id ?? null };
    const result = await recordUpdate(services.store, actor, both.intervention, { status: str('status'), note: str('note') });
    if (!result.ok) return reply.code(400).send({ error: result.problems.map((p) => p.message).join('; '), problems: result.problems });
    return reply.code(201).send(interventionJson(result.intervention, await services.store.interventions.statusHistory(result.intervention.id)));
  });
}
