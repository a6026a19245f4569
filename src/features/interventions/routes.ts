/**
 * Interventions pages and downloads (issue 11). Thin: check membership (404 otherwise) and, for changes, the role
 * (403 for viewers), call the service, audit, render. Forms work without JavaScript and come back with the error
 * summary naming every problem.
 * - GET  /organisations/:code/interventions                      every intervention of the organisation
 * - GET  /organisations/:code/interventions.csv                  the same as CSV
 * - GET  /organisations/:code/objectives/:id/interventions/new   the form; POST .../interventions adds
 * - GET  /organisations/:code/objectives/:id/interventions/:interventionId             details, status history, evaluation
 * - GET  /organisations/:code/objectives/:id/interventions/:interventionId/evaluation.csv  the evaluation's numbers
 * - GET  /organisations/:code/objectives/:id/interventions/:interventionId/edit        POST saves
 * - POST /organisations/:code/objectives/:id/interventions/:interventionId/updates     the status with a note (analysts,
 *   administrators, or the owner the intervention is assigned to)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { INTERVENTION_STATUSES } from '../../core/act/interventions/plan.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Intervention } from '../../store/intervention-types.ts';
import type { Objective } from '../../store/objective-types.ts';
import type { Membership } from '../../store/store.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { organisationPath, renderPage } from '../../web/organisation-year.ts';
import { networkInputsView } from '../networks/present.ts';
import { languageAdvice } from '../../web/presenters/language-advice.ts';
import type { Services } from '../../web/services.ts';
import { type ActParams as InterventionParams, canEdit, canUpdate, crumbs, editor, formFields, idParam, interventionPath, mayUpdate, member, objectivePath } from '../../web/act-access.ts';
import { assignedName, ownerChoices } from '../objectives/service.ts';
import { evaluationOf } from './evaluation-service.ts';
import { type catalogueEntryView, EVALUATION_CSV_HEADER, evaluationCsvRows, evaluationView, historyView, indicatorLabel, interventionView } from './present.ts';
import { catalogueChoices, createIntervention, editIntervention, formValues, INTERVENTION_CSV_HEADER, interventionCsvRow, inputFromForm, recordUpdate } from './service.ts';

type Req = FastifyRequest<{ Params: InterventionParams }>;
type Problems = readonly { field: string; message: string }[];
const FIELDS = ['source', 'name', 'description', 'ownerName', 'ownerRole', 'ownerUser', 'startDate', 'endDate', 'status', 'staffNetworks', 'cost', 'shareEvaluation'] as const;
const INTERVENTIONS = { plural: 'interventions' };

function errorsOf(problems: Problems) {
  // Radios: the first of each set has the field's name as its id (the source's is set below), so the summary links to it.
  const errors = problems.map((p) => ({ text: p.message, href: `#${p.field}` }));
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  return { errors, fieldErrors };
}

export function registerInterventionRoutes(app: FastifyInstance, services: Services): void {
  const audit = (request: FastifyRequest, membership: Membership, action: 'view' | 'export', subject: string) =>
    services.store.audit.record({ userId: request.currentUser?.id ?? null, action, organisationId: membership.organisation.id, subject });

  /** The objective the path names, or null having replied 404. */
  const loadObjective = async (request: Req, reply: FastifyReply, membership: Membership | null): Promise<Objective | null> => {
    if (!membership) return null;
    const id = idParam(request.params.id);
    const objective = id === null ? null : await services.store.objectives.byId(membership.organisation.id, id);
    if (!objective) await reply.callNotFound();
    return objective;
  };

  /** The objective and the intervention under it the path names, or null having replied 404. */
  const loadBoth = async (request: Req, reply: FastifyReply, membership: Membership | null) => {
    const objective = await loadObjective(request, reply, membership);
    if (!objective || !membership) return null;
    const id = idParam(request.params.interventionId);
    const intervention = id === null ? null : await services.store.interventions.byId(membership.organisation.id, id);
    if (!intervention || intervention.objectiveId !== objective.id) {
      await reply.callNotFound();
      return null;
    }
    return { objective, intervention };
  };

  const objectiveCrumbs = (membership: Membership, objective: Objective) =>
    crumbs(membership, { href: `${organisationPath(membership.organisation)}/objectives`, text: 'Objectives' }, { href: objectivePath(membership, objective.id), text: `Objective ${objective.id}` });

  const renderForm = async (request: Req, reply: FastifyReply, membership: Membership, objective: Objective, intervention: Intervention | null, values: Record<string, string>, problems: Problems) => {
    const choices = catalogueChoices(objective);
    const option = (entry: Parameters<typeof catalogueEntryView>[1], index: number) => ({
      value: entry.id, text: entry.name, checked: values['source'] === entry.id, hint: { text: entry.summary }, ...(index === 0 ? { id: 'source' } : {}),
    });
    const [firstList, secondList] = choices.targeting.length ? [choices.targeting, choices.others] : [choices.others, []];
    reply.code(problems.length ? 400 : 200).header('cache-control', 'no-store');
    return renderPage(services, request, reply, 'interventions/views/intervention-form.njk', {
      title: intervention ? `Change intervention ${intervention.id}` : 'Add an intervention',
      synthetic: membership.organisation.synthetic,
      breadcrumbs: objectiveCrumbs(membership, objective),
      organisation: membership.organisation,
      objectiveLabel: indicatorLabel(services.standards, objective.standard, objective.indicator),
      intervention: intervention ? interventionView(intervention, interventionPath(membership, objective.id, intervention.id)) : null,
      action: intervention ? `${interventionPath(membership, objective.id, intervention.id)}/edit` : `${objectivePath(membership, objective.id)}/interventions`,
      sourceItems: [
        { divider: choices.targeting.length ? "Aimed at this objective's indicator" : 'Interventions in the catalogue' }, ...firstList.map(option),
        ...(secondList.length ? [{ divider: 'Other interventions in the catalogue' }, ...secondList.map((e, i) => option(e, i + 1))] : []),
      ],
      ownChecked: values['source'] === 'own',
      statuses: INTERVENTION_STATUSES.map((s) => ({ ...s, checked: s.value === (values['status'] || 'planned') })),
      ownerUsers: await ownerChoices(services, membership.organisation.id, values['ownerUser'] ?? ''),
      values,
      ...errorsOf(problems),
    });
  };

  app.get<{ Params: InterventionParams }>('/organisations/:code/interventions', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const list = await services.store.interventions.list(membership.organisation.id);
    const objectives = new Map((await services.store.objectives.list(membership.organisation.id)).map((o) => [o.id, o]));
    await audit(request, membership, 'view', 'interventions');
    const base = organisationPath(membership.organisation);
    return renderPage(services, request, reply, 'interventions/views/interventions.njk', {
      title: `Interventions: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership), organisation: membership.organisation,
      rows: list.map((i) => {
        const objective = objectives.get(i.objectiveId);
        return {
          ...interventionView(i, interventionPath(membership, i.objectiveId, i.id)),
          objectiveHref: objectivePath(membership, i.objectiveId),
          objectiveText: objective ? `Objective ${objective.id}: ${indicatorLabel(services.standards, objective.standard, objective.indicator)}` : `Objective ${i.objectiveId}`,
        };
      }),
      csvHref: `${base}/interventions.csv`, objectivesHref: `${base}/objectives`,
    });
  });

  app.get<{ Params: InterventionParams }>('/organisations/:code/interventions.csv', async (request, reply) => {
    const membership = member(request, reply);
    if (!membership) return reply;
    const list = await services.store.interventions.list(membership.organisation.id);
    await audit(request, membership, 'export', 'interventions.csv');
    return sendCsv(reply, `interventions-${membership.organisation.code}.csv`, csvText(INTERVENTION_CSV_HEADER, list.map(interventionCsvRow)));
  });

  app.get<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions/new', async (request, reply) => {
    const membership = editor(services, request, reply, INTERVENTIONS);
    const objective = await loadObjective(request, reply, membership);
    if (!membership || !objective) return reply;
    return renderForm(request, reply, membership, objective, null, { status: 'planned' }, []);
  });

  app.post<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions', async (request, reply) => {
    const membership = editor(services, request, reply, INTERVENTIONS);
    const objective = await loadObjective(request, reply, membership);
    if (!membership || !objective) return reply;
    const values = formFields(request.body, FIELDS);
    const actor = { organisationId: membership.organisation.id, userId: request.currentUser?.id ?? null };
    const result = await createIntervention(services.store, actor, objective, inputFromForm(values), values['ownerUser']);
    if (!result.ok) return renderForm(request, reply, membership, objective, null, values, result.problems);
    return reply.redirect(`${interventionPath(membership, objective.id, result.intervention.id)}?added=1`, 303);
  });

  const detail = async (request: Req, reply: FastifyReply, membership: Membership, objective: Objective, intervention: Intervention, values: Record<string, string>, problems: Problems) => {
    const analyst = membership.role === 'analyst';
    const result = await evaluationOf(services, objective, intervention, analyst ? null : DEFAULT_DISCLOSURE_POLICY);
    const history = await services.store.interventions.statusHistory(intervention.id);
    await audit(request, membership, 'view', `interventions/${intervention.id}`);
    const query = request.query as Record<string, unknown>;
    const href = interventionPath(membership, objective.id, intervention.id);
    reply.code(problems.length ? 400 : 200);
    const writes = canEdit(request, membership) || canUpdate(request, membership, intervention.ownerUserId);
    return renderPage(services, request, reply, 'interventions/views/intervention.njk', {
      // Advice on the words the team wrote (core/language), for those who write them; a catalogue entry's own words are not checked.
      languageAdvice: writes ? languageAdvice([
        { field: 'name', label: 'Name', text: intervention.own?.name },
        { field: 'description', label: 'What will be done', text: intervention.own?.description },
        { field: 'ownerRole', label: "Owner's role", text: intervention.ownerRole },
        { field: 'staffNetworks', label: 'Staff networks involved in designing it', text: intervention.staffNetworks.join('\n') },
        ...history.map((h, i) => ({ field: `history.${i}.note`, label: `Update of ${historyView([h])[0]!.at}`, text: h.note })),
      ]) : [],
      title: `${interventionView(intervention, href).name}: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: objectiveCrumbs(membership, objective), organisation: membership.organisation,
      objectiveLabel: indicatorLabel(services.standards, objective.standard, objective.indicator), objectiveHref: objectivePath(membership, objective.id),
      intervention: interventionView(intervention, href), history: historyView(history).reverse(), assignedTo: await assignedName(services, intervention.ownerUserId),
      evaluation: evaluationView(result, intervention.id), csvHref: `${href}/evaluation.csv`,
      ...(await networkInputsView(services.store, membership.organisation, { interventionId: intervention.id })),
      canEdit: canEdit(request, membership), canUpdate: canUpdate(request, membership, intervention.ownerUserId), editHref: `${href}/edit`, updateAction: `${href}/updates`,
      updateStatuses: INTERVENTION_STATUSES.map((s) => ({ ...s, checked: s.value === (values['status'] || intervention.status) })),
      unsuppressed: analyst, values, ...errorsOf(problems),
      notice: query['added'] !== undefined ? 'The intervention has been added' : query['changed'] !== undefined ? 'The intervention has been changed'
        : query['updated'] !== undefined ? 'Your update has been added' : null,
    });
  };

  app.get<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions/:interventionId', async (request, reply) => {
    const membership = member(request, reply);
    const both = await loadBoth(request, reply, membership);
    if (!membership || !both) return reply;
    return detail(request, reply, membership, both.objective, both.intervention, {}, []);
  });

  app.post<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions/:interventionId/updates', async (request, reply) => {
    const membership = member(request, reply);
    const both = await loadBoth(request, reply, membership);
    if (!membership || !both) return reply;
    if (!mayUpdate(services, request, reply, membership, both.intervention.ownerUserId, INTERVENTIONS)) return reply;
    const values = formFields(request.body, ['status', 'note']);
    const actor = { organisationId: membership.organisation.id, userId: request.currentUser?.id ?? null };
    const result = await recordUpdate(services.store, actor, both.intervention, values);
    if (!result.ok) return detail(request, reply, membership, both.objective, both.intervention, values, result.problems);
    return reply.redirect(`${interventionPath(membership, both.objective.id, both.intervention.id)}?updated=1#history`, 303);
  });

  app.get<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions/:interventionId/evaluation.csv', async (request, reply) => {
    const membership = member(request, reply);
    const both = await loadBoth(request, reply, membership);
    if (!membership || !both) return reply;
    const result = await evaluationOf(services, both.objective, both.intervention, DEFAULT_DISCLOSURE_POLICY);
    await audit(request, membership, 'export', `interventions/${both.intervention.id}/evaluation.csv`);
    return sendCsv(reply, `intervention-${both.intervention.id}-evaluation-${membership.organisation.code}.csv`, csvText(EVALUATION_CSV_HEADER, evaluationCsvRows(result)));
  });

  app.get<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions/:interventionId/edit', async (request, reply) => {
    const membership = editor(services, request, reply, INTERVENTIONS);
    const both = await loadBoth(request, reply, membership);
    if (!membership || !both) return reply;
    return renderForm(request, reply, membership, both.objective, both.intervention, formValues(both.intervention), []);
  });

  app.post<{ Params: InterventionParams }>('/organisations/:code/objectives/:id/interventions/:interventionId/edit', async (request, reply) => {
    const membership = editor(services, request, reply, INTERVENTIONS);
    const both = await loadBoth(request, reply, membership);
    if (!membership || !both) return reply;
    const values: Record<string, string> = { ...formFields(request.body, FIELDS), source: both.intervention.catalogueId ?? 'own' };
    const actor = { organisationId: membership.organisation.id, userId: request.currentUser?.id ?? null };
    const result = await editIntervention(services.store, actor, both.intervention, inputFromForm(values), values['ownerUser']);
    if (!result.ok) return renderForm(request, reply, membership, both.objective, both.intervention, values, result.problems);
    return reply.redirect(`${interventionPath(membership, both.objective.id, both.intervention.id)}?changed=1`, 303);
  });
}
