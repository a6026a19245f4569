/**
 * The JSON API of objectives and comply-or-explain under /api/v1 (described in openapi.ts beside it). Reads for
 * every member; creating an objective and recording a case for analysts and administrators, adding a review for them
 * and for the owner the objective is assigned to, with the same checks as the forms (a refused objective gets 400
 * naming every missing part). Every read and change is audited.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { missingSentence } from '../../core/act/objectives.ts';
import type { Services } from '../../web/services.ts';
import { type ActParams as CodeParams, editor, idParam, mayUpdate, member } from '../../web/act-access.ts';
import { recordCase, ruleDocument, ruleSummary } from './comply-service.ts';
import { addReview, createObjective, objectiveDocument, progressOf } from './service.ts';

type Body = Readonly<Record<string, unknown>>;
const text = (body: Body, name: string) => (typeof body[name] === 'string' ? (body[name] as string) : typeof body[name] === 'number' ? String(body[name]) : undefined);
const bodyOf = (request: FastifyRequest): Body => (request.body && typeof request.body === 'object' ? (request.body as Body) : {});

const OBJECTIVES = { plural: 'objectives' };
const COMPLY = { plural: 'comply-or-explain records' };

export function registerObjectiveApiRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;
  const read = (request: FastifyRequest, organisationId: number, subject: string) =>
    store.audit.record({ userId: request.currentUser?.id ?? null, action: 'api-read', organisationId, subject });

  app.get<{ Params: CodeParams }>('/api/v1/organisations/:code/objectives', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const documents = [];
    for (const o of await store.objectives.list(membership.organisation.id)) documents.push(objectiveDocument(services.standards, o, await progressOf(services, o), null));
    await read(request, membership.organisation.id, 'objectives');
    return reply.send({ objectives: documents });
  });

  app.post<{ Params: CodeParams }>('/api/v1/organisations/:code/objectives', async (request, reply) => {
    const membership = editor(services, request, reply, OBJECTIVES);
    if (!membership) return reply;
    const b = bodyOf(request);
    const result = await createObjective(services, membership.organisation.id, request.currentUser?.id ?? null, {
      standard: text(b, 'standard'), indicator: text(b, 'indicator'), scope: text(b, 'scope'), targetKind: text(b, 'targetKind'),
      targetValue: text(b, 'targetValue'), targetDate: text(b, 'targetDate'), ownerName: text(b, 'ownerName'), ownerRole: text(b, 'ownerRole'), action: text(b, 'action'),
    }, text(b, 'ownerUserId') ?? null);
    if (!result.ok) return reply.code(400).send({ error: missingSentence(result.problems), problems: result.problems });
    return reply.code(201).send(objectiveDocument(services.standards, result.objective, await progressOf(services, result.objective), []));
  });

  app.get<{ Params: CodeParams }>('/api/v1/organisations/:code/objectives/:id', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const id = idParam(request.params.id);
    const objective = id === null ? null : await store.objectives.byId(membership.organisation.id, id);
    if (!objective) return reply.code(404).send({ error: 'not found' });
    await read(request, membership.organisation.id, `objectives/${objective.id}`);
    return reply.send(objectiveDocument(services.standards, objective, await progressOf(services, objective), await store.objectives.reviews(objective.id)));
  });

  app.post<{ Params: CodeParams }>('/api/v1/organisations/:code/objectives/:id/reviews', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const id = idParam(request.params.id);
    const objective = id === null ? null : await store.objectives.byId(membership.organisation.id, id);
    if (!objective) return reply.code(404).send({ error: 'not found' });
    if (!mayUpdate(services, request, reply, membership, objective.ownerUserId, OBJECTIVES)) return reply;
    const b = bodyOf(request);
    const result = await addReview(services, objective, request.currentUser?.id ?? null, { status: text(b, 'status'), note: text(b, 'note') });
    if (!result.ok) return reply.code(400).send({ error: result.problems.map((p) => p.message).join('; '), problems: result.problems });
    const r = result.review;
    return reply.code(201).send({ id: r.id, at: r.at.toISOString(), by: r.by, status: r.status, note: r.note });
  });

  app.get<{ Params: CodeParams }>('/api/v1/organisations/:code/comply-or-explain', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const rules = [];
    for (const rule of await store.complyOrExplain.rules(membership.organisation.id)) rules.push(ruleDocument(await ruleSummary(store, rule)));
    await read(request, membership.organisation.id, 'comply-or-explain');
    return reply.send({ rules });
  });

  app.post<{ Params: CodeParams }>('/api/v1/organisations/:code/comply-or-explain/:id/cases', async (request, reply) => {
    const membership = editor(services, request, reply, COMPLY);
    if (!membership) return reply;
    const id = idParam(request.params.id);
    const rule = id === null ? null : await store.complyOrExplain.rule(membership.organisation.id, id);
    if (!rule) return reply.code(404).send({ error: 'not found' });
    const b = bodyOf(request);
    const complied = b['complied'] === true ? 'yes' : b['complied'] === false ? 'no' : text(b, 'complied');
    const result = await recordCase(store, rule, request.currentUser?.id ?? null, { month: text(b, 'month'), complied, explanation: text(b, 'explanation') }, services.clock().toISOString().slice(0, 10));
    if (!result.ok) return reply.code(400).send({ error: result.problems.map((p) => p.message).join('; '), problems: result.problems });
    const c = result.value;
    return reply.code(201).send({ id: c.id, month: c.month, complied: c.complied, explanation: c.explanation });
  });
}
