/**
 * Objectives pages and download (issue 11). Thin: check membership (404 otherwise) and, for changes, the role (403
 * for viewers), call the service, audit reads, render. Forms work without JavaScript and come back with the error
 * summary naming every missing part.
 * - GET  /organisations/:code/objectives            every objective with its baseline and progress
 * - GET  /organisations/:code/objectives.csv        the same as CSV
 * - GET  /organisations/:code/objectives/new        the form; POST /organisations/:code/objectives creates
 * - GET  /organisations/:code/objectives/:id        baseline, progress, figures by year, reviews
 * - GET  /organisations/:code/objectives/:id/edit   target, date, owner, action; POST saves
 * - POST /organisations/:code/objectives/:id/reviews appends a review (analysts, administrators, or the owner the
 *   objective is assigned to)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { statusText } from '../../core/act/interventions/plan.ts';
import type { Objective } from '../../store/objective-types.ts';
import type { Membership } from '../../store/store.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { renderPage } from '../../web/organisation-year.ts';
import { networkInputsView } from '../networks/present.ts';
import { languageAdvice } from '../../web/presenters/language-advice.ts';
import type { Services } from '../../web/services.ts';
import { type ActParams as CodeParams, canEdit, canUpdate, crumbs, editor, formFields, idParam, interventionPath, mayUpdate, member, objectivesPath } from '../../web/act-access.ts';
import { interventionName } from '../interventions/service.ts';
import { figureView, objectiveView, reviewView } from './present.ts';
import {
  addReview, assignedName, createObjective, editObjective, FORM_CHOICES, findMeasure, inputFromForm, measureChoices, measureKey, OBJECTIVE_CSV_HEADER,
  objectiveCsvRow, objectiveScopes, ownerChoices, progressOf,
} from './service.ts';

type Req = FastifyRequest<{ Params: CodeParams }>;
const FIELDS = ['measure', 'scope', 'targetKind', 'targetValue', 'targetDate', 'ownerName', 'ownerRole', 'ownerUser', 'action'] as const;
const OBJECTIVES = { plural: 'objectives' };
const FIELD_IDS: Readonly<Record<string, string>> = { indicator: 'measure' };

function errorsOf(problems: readonly { field: string; message: string }[]) {
  const errors = problems.map((p) => ({ text: p.message, href: `#${FIELD_IDS[p.field] ?? p.field}` }));
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[FIELD_IDS[p.field] ?? p.field] ??= p.message;
  return { errors, fieldErrors };
}

function valuesOf(objective: Objective): Record<string, string> {
  return {
    measure: measureKey(objective.standard, objective.indicator), scope: objective.scope, targetKind: objective.target.kind,
    targetValue: objective.target.kind === 'value' ? String(objective.target.value) : '', targetDate: objective.targetDate,
    ownerName: objective.ownerName, ownerRole: objective.ownerRole, ownerUser: objective.ownerUserId === null ? '' : String(objective.ownerUserId), action: objective.action ?? '',
  };
}

export function registerObjectiveRoutes(app: FastifyInstance, services: Services): void {
  const renderForm = async (request: Req, reply: FastifyReply, membership: Membership, objective: Objective | null, values: Record<string, string>, problems: readonly { field: string; message: string }[]) => {
    const base = objectivesPath(membership);
    const scopes = await objectiveScopes(services, membership.organisation.id);
    const selected = (items: readonly { value: string; text: string }[], value: string | undefined) => items.map((i) => ({ ...i, selected: i.value === value }));
    reply.code(problems.length ? 400 : 200).header('cache-control', 'no-store');
    return renderPage(services, request, reply, 'objectives/views/objective-form.njk', {
      title: objective ? `Change objective ${objective.id}` : 'New objective',
      synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: base, text: 'Objectives' }),
      organisation: membership.organisation,
      objective: objective ? objectiveView(services.standards, objective, null) : null,
      action: objective ? `${base}/${objective.id}/edit` : base,
      values,
      measures: selected([{ value: '', text: 'Choose an indicator' }, ...measureChoices(services.standards)], values['measure']),
      scopes: selected(scopes.map((s) => ({ value: s.key, text: s.text })), values['scope'] || 'organisation'),
      ownerRoles: selected([{ value: '', text: 'Choose a role' }, ...FORM_CHOICES.ownerRoles], values['ownerRole']),
      ownerUsers: await ownerChoices(services, membership.organisation.id, values['ownerUser'] ?? ''),
      actions: selected([{ value: '', text: 'None chosen' }, ...FORM_CHOICES.actions.map((a) => ({ value: a.id, text: `${a.id}. ${a.title}` }))], values['action']),
      ...errorsOf(problems),
    });
  };

  app.get<{ Params: CodeParams }>('/organisations/:code/objectives', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const objectives = await services.store.objectives.list(membership.organisation.id);
    const rows = [];
    for (const o of objectives) rows.push(objectiveView(services.standards, o, (await progressOf(services, o)).progress));
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: membership.organisation.id, subject: 'objectives' });
    const base = objectivesPath(membership);
    return renderPage(services, request, reply, 'objectives/views/objectives.njk', {
      title: `Objectives: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership), organisation: membership.organisation, rows, base,
      canEdit: canEdit(request, membership), csvHref: `${base}.csv`,
      // The board pack of the latest year imported, where the objectives are reported.
      packYear: (await services.store.organisations.years(membership.organisation.id))[0] ?? null,
      created: (request.query as Record<string, unknown>)['created'] !== undefined,
    });
  });

  app.get<{ Params: CodeParams }>('/organisations/:code/objectives.csv', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const rows = [];
    for (const o of await services.store.objectives.list(membership.organisation.id)) rows.push(objectiveCsvRow(o, (await progressOf(services, o)).progress));
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'export', organisationId: membership.organisation.id, subject: 'objectives.csv' });
    return sendCsv(reply, `objectives-${membership.organisation.code}.csv`, csvText(OBJECTIVE_CSV_HEADER, rows));
  });

  app.get<{ Params: CodeParams }>('/organisations/:code/objectives/new', async (request, reply) => {
    const membership = editor(services, request, reply, OBJECTIVES);
    if (!membership) return reply;
    const query = request.query as Record<string, unknown>;
    const measure = typeof query['measure'] === 'string' ? query['measure'] : '';
    // A scope may be given (the #InclusiveHR challenge opens the form for its directorate); the form offers it when the latest year has it.
    const scope = typeof query['scope'] === 'string' && query['scope'] !== '' ? query['scope'] : 'organisation';
    return renderForm(request, reply, membership, null, { measure, scope }, []);
  });

  app.post<{ Params: CodeParams }>('/organisations/:code/objectives', async (request, reply) => {
    const membership = editor(services, request, reply, OBJECTIVES);
    if (!membership) return reply;
    const values = formFields(request.body, FIELDS);
    const result = await createObjective(services, membership.organisation.id, request.currentUser?.id ?? null, inputFromForm(values), values['ownerUser']);
    if (!result.ok) return renderForm(request, reply, membership, null, values, result.problems);
    return reply.redirect(`${objectivesPath(membership)}/${result.objective.id}?created=1`, 303);
  });

  const loadObjective = async (request: Req, reply: FastifyReply, membership: Membership | null) => {
    if (!membership) return null;
    const id = idParam(request.params.id);
    const objective = id === null ? null : await services.store.objectives.byId(membership.organisation.id, id);
    if (!objective) {
      await reply.callNotFound();
      return null;
    }
    return objective;
  };

  const detail = async (request: Req, reply: FastifyReply, membership: Membership, objective: Objective, problems: readonly { field: string; message: string }[], values: Record<string, string>) => {
    const { figures, progress } = await progressOf(services, objective);
    const reviews = await services.store.objectives.reviews(objective.id);
    const interventions = await services.store.interventions.forObjective(objective.id);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'view', organisationId: membership.organisation.id, subject: `objectives/${objective.id}` });
    const base = objectivesPath(membership);
    const query = request.query as Record<string, unknown>;
    const writes = canEdit(request, membership) || canUpdate(request, membership, objective.ownerUserId);
    reply.code(problems.length ? 400 : 200);
    return renderPage(services, request, reply, 'objectives/views/objective.njk', {
      // Advice on the words of the objective and its reviews, for those who write them (core/language).
      languageAdvice: writes ? languageAdvice([
        { field: 'ownerName', label: 'Owner', text: objective.ownerName },
        ...reviews.map((r) => ({ field: `reviews.${r.id}.note`, label: `Review of ${reviewView(r).at}`, text: r.note })),
      ]) : [],
      title: `Objective ${objective.id}: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: base, text: 'Objectives' }), organisation: membership.organisation,
      objective: objectiveView(services.standards, objective, progress), figures: figures.map((f) => figureView(f, findMeasure(services.standards, objective.standard, objective.indicator)?.definition ?? null)),
      trajectory: progress.trajectory, reviews: reviews.map(reviewView).reverse(), canEdit: canEdit(request, membership),
      canReview: canUpdate(request, membership, objective.ownerUserId), assignedTo: await assignedName(services, objective.ownerUserId),
      interventions: interventions.map((i) => ({ name: interventionName(i), href: interventionPath(membership, objective.id, i.id), status: statusText(i.status), owner: `${i.ownerName}, ${i.ownerRole}` })),
      addInterventionHref: `${base}/${objective.id}/interventions/new`,
      ...(await networkInputsView(services.store, membership.organisation, { objectiveId: objective.id })),
      editHref: `${base}/${objective.id}/edit`, reviewAction: `${base}/${objective.id}/reviews`,
      statuses: [{ value: '', text: 'Choose' }, ...FORM_CHOICES.reviewStatuses].map((s) => ({ ...s, selected: s.value === (values['status'] ?? '') })),
      values, notice: query['created'] !== undefined ? 'The objective has been saved with its baseline' : query['reviewed'] !== undefined ? 'Your review has been added' : query['changed'] !== undefined ? 'The objective has been changed' : null,
      ...errorsOf(problems),
    });
  };

  app.get<{ Params: CodeParams }>('/organisations/:code/objectives/:id', async (request, reply) => {
    const membership = member(request, reply);
    const objective = await loadObjective(request, reply, membership);
    if (!membership || !objective) return reply;
    return detail(request, reply, membership, objective, [], {});
  });

  app.get<{ Params: CodeParams }>('/organisations/:code/objectives/:id/edit', async (request, reply) => {
    const membership = editor(services, request, reply, OBJECTIVES);
    const objective = await loadObjective(request, reply, membership);
    if (!membership || !objective) return reply;
    return renderForm(request, reply, membership, objective, valuesOf(objective), []);
  });

  app.post<{ Params: CodeParams }>('/organisations/:code/objectives/:id/edit', async (request, reply) => {
    const membership = editor(services, request, reply, OBJECTIVES);
    const objective = await loadObjective(request, reply, membership);
    if (!membership || !objective) return reply;
    const values: Record<string, string> = { ...formFields(request.body, FIELDS), measure: measureKey(objective.standard, objective.indicator), scope: objective.scope };
    const result = await editObjective(services, objective, request.currentUser?.id ?? null, inputFromForm(values), values['ownerUser']);
    if (!result.ok) return renderForm(request, reply, membership, objective, values, result.problems);
    return reply.redirect(`${objectivesPath(membership)}/${objective.id}?changed=1`, 303);
  });

  app.post<{ Params: CodeParams }>('/organisations/:code/objectives/:id/reviews', async (request, reply) => {
    const membership = member(request, reply);
    const objective = await loadObjective(request, reply, membership);
    if (!membership || !objective) return reply;
    if (!mayUpdate(services, request, reply, membership, objective.ownerUserId, OBJECTIVES)) return reply;
    const values = formFields(request.body, ['status', 'note']);
    const result = await addReview(services, objective, request.currentUser?.id ?? null, values);
    if (!result.ok) return detail(request, reply, membership, objective, result.problems, values);
    return reply.redirect(`${objectivesPath(membership)}/${objective.id}?reviewed=1#reviews`, 303);
  });
}
