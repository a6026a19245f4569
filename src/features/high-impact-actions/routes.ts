/**
 * The six high-impact actions of the EDI Improvement Plan for an organisation's year (issue 14, item 3): one page a
 * board can read, its CSV, and the analysts' forms. Thin: membership and year first (404 otherwise), for changes the
 * role (analysts and administrators, `web/act-access.ts`), the service, audit, render. The organisation's analysts
 * see small numbers on screen, warned, with a link to the page as everyone else sees it (`?withheld=yes`); viewers,
 * owners and the CSV always have counts of 1 to 7 withheld.
 * - GET  /organisations/:code/:year/high-impact-actions
 * - GET  /organisations/:code/:year/high-impact-actions.csv
 * - POST /organisations/:code/:year/high-impact-actions/entries            a metric's figure, with its source and year
 * - POST /organisations/:code/:year/high-impact-actions/links              links an objective or intervention to an action
 * - POST /organisations/:code/:year/high-impact-actions/links/:id/remove
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { HIGH_IMPACT_ACTIONS } from '../../core/act/high-impact-actions.ts';
import { SUCCESS_METRICS } from '../../core/actions/success-metrics.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { Membership } from '../../store/store.ts';
import { canEdit, crumbs, editor, formFields, idParam } from '../../web/act-access.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { interventionName } from '../interventions/service.ts';
import { ACTIONS_CSV_HEADER, actionsCsvRows, actionsView } from './present.ts';
import { checkEntry, checkLink, highImpactActions, type Problem } from './service.ts';

interface Params { readonly code: string; readonly year: string; readonly id?: string }
type Req = FastifyRequest<{ Params: Params; Querystring: { withheld?: string; saved?: string } }>;
const SUBJECT = { plural: 'the high-impact actions\' figures and links' };
const NOTICES: Readonly<Record<string, string>> = { entry: 'The figure has been saved with its source', linked: 'The link has been saved', unlinked: 'The link has been removed' };

const actionsPath = (membership: Membership, year: number) => `${organisationPath(membership.organisation, year)}/high-impact-actions`;

export function registerHighImpactActionRoutes(app: FastifyInstance, services: Services): void {
  const forChange = async (request: Req, reply: FastifyReply): Promise<{ membership: Membership; year: number } | null> => {
    const membership = editor(services, request as FastifyRequest<{ Params: { code: string } }>, reply, SUBJECT);
    if (!membership) return null;
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
    if (year === null || !(await services.store.organisations.years(membership.organisation.id)).includes(year)) {
      await reply.callNotFound();
      return null;
    }
    return { membership, year };
  };

  const render = async (request: Req, reply: FastifyReply, membership: Membership, year: number, analyst: boolean, problems: readonly Problem[], values: Record<string, string>) => {
    const { organisation } = membership;
    const unsuppressed = analyst && request.query.withheld !== 'yes';
    const actions = await highImpactActions(services, organisation.id, year, unsuppressed ? null : DEFAULT_DISCLOSURE_POLICY);
    const base = organisationPath(organisation, year);
    const path = actionsPath(membership, year);
    const editable = canEdit(request, membership);
    const objectives = editable ? await services.store.objectives.list(organisation.id) : [];
    const interventions = editable ? await services.store.interventions.list(organisation.id) : [];
    const fieldErrors: Record<string, string> = {};
    for (const p of problems) fieldErrors[p.field] ??= p.message;
    reply.code(problems.length ? 400 : 200);
    return renderPage(services, request, reply, 'high-impact-actions/views/actions.njk', {
      title: `High-impact actions ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: `${base}/overview`, text: `Overview ${year}` }),
      organisation, year, base, path, packYear: year, analyst, unsuppressed, canEdit: editable,
      withheldHref: `${path}?withheld=yes`, csvHref: `${path}.csv`, minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
      actions: actionsView(services.standards, actions, base, organisationPath(organisation), (id) => `${path}/links/${id}/remove`),
      metricChoices: [{ value: '', text: 'Choose a metric' }, ...SUCCESS_METRICS.map((m) => ({ value: m.id, text: `${m.id}. ${m.text}`, selected: m.id === values['metric'] }))],
      actionChoices: [{ value: '', text: 'Choose an action' }, ...HIGH_IMPACT_ACTIONS.map((a) => ({ value: a.id, text: `${a.id}. ${a.title}`, selected: a.id === values['action'] }))],
      targetChoices: [
        { value: '', text: 'Choose an objective or intervention' },
        ...objectives.map((o) => ({ value: `objective:${o.id}`, text: `Objective ${o.id}: ${o.standard.toUpperCase()} ${o.indicator}, owner ${o.ownerName}`, selected: values['target'] === `objective:${o.id}` })),
        ...interventions.map((i) => ({ value: `intervention:${i.id}`, text: `Intervention: ${interventionName(i)} (objective ${i.objectiveId})`, selected: values['target'] === `intervention:${i.id}` })),
      ],
      values, notice: NOTICES[request.query.saved ?? ''] ?? null,
      errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })), fieldErrors,
    });
  };

  app.get<{ Params: Params; Querystring: { withheld?: string; saved?: string } }>('/organisations/:code/:year/high-impact-actions', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    await auditAccess(services, request, 'view', loaded.organisation, `high-impact-actions/${loaded.year}`, { withheld: !(loaded.analyst && request.query.withheld !== 'yes') });
    return render(request, reply, loaded.membership, loaded.year, loaded.analyst, [], {});
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/high-impact-actions.csv', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const actions = await highImpactActions(services, organisation.id, year, DEFAULT_DISCLOSURE_POLICY);
    await auditAccess(services, request, 'export', organisation, `high-impact-actions/${year}.csv`);
    return sendCsv(reply, `high-impact-actions-${organisation.code}-${year}.csv`, csvText(ACTIONS_CSV_HEADER, actionsCsvRows(services.standards, actions, year, organisationPath(organisation, year))));
  });

  app.post<{ Params: Params; Querystring: { withheld?: string; saved?: string } }>('/organisations/:code/:year/high-impact-actions/entries', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year } = change;
    const values = formFields(request.body, ['metric', 'value', 'source', 'sourceYear']);
    const checked = checkEntry(values, year);
    if (!checked.ok) return render(request, reply, membership, year, membership.role === 'analyst', checked.problems, values);
    const before = await services.store.highImpactActions.enter(membership.organisation.id, { ...checked.value, updatedBy: request.currentUser?.id ?? null });
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'action-metric-entered', organisationId: membership.organisation.id,
      subject: `high-impact-actions/${year}/${checked.value.metric}`, details: { replaced: before !== null, sourceYear: checked.value.sourceYear },
    });
    return reply.redirect(`${actionsPath(membership, year)}?saved=entry#action-${checked.value.metric.charAt(0)}`, 303);
  });

  app.post<{ Params: Params; Querystring: { withheld?: string; saved?: string } }>('/organisations/:code/:year/high-impact-actions/links', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year } = change;
    const values = formFields(request.body, ['action', 'target']);
    const checked = checkLink(values);
    if (!checked.ok) return render(request, reply, membership, year, membership.role === 'analyst', checked.problems, values);
    const saved = await services.store.highImpactActions.link(membership.organisation.id, checked.value, request.currentUser?.id ?? null);
    if (!saved) {
      return render(request, reply, membership, year, membership.role === 'analyst', [{ field: 'target', message: 'Choose one of the organisation\'s objectives or interventions not already linked to this action' }], values);
    }
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'action-linked', organisationId: membership.organisation.id, subject: `high-impact-actions/${saved.action}`,
      details: { objective: saved.objectiveId, intervention: saved.interventionId },
    });
    return reply.redirect(`${actionsPath(membership, year)}?saved=linked#action-${saved.action}`, 303);
  });

  app.post<{ Params: Params; Querystring: { withheld?: string; saved?: string } }>('/organisations/:code/:year/high-impact-actions/links/:id/remove', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year } = change;
    const id = idParam(request.params.id);
    const removed = id === null ? null : await services.store.highImpactActions.unlink(membership.organisation.id, id);
    if (!removed) return reply.callNotFound();
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'action-unlinked', organisationId: membership.organisation.id, subject: `high-impact-actions/${removed.action}`,
      details: { objective: removed.objectiveId, intervention: removed.interventionId },
    });
    return reply.redirect(`${actionsPath(membership, year)}?saved=unlinked#action-${removed.action}`, 303);
  });
}
