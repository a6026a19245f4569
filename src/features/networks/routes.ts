/**
 * Staff networks' pages, for the organisation's members (issue 12, item 9). Every member reads (404 for anyone else);
 * analysts and administrators who are members add and change networks; they and the network's chair (when the chair's
 * Mirror account is named) record the network's input, its mentoring programmes and its pulse questions. Every view is
 * audited, and every change.
 * - GET  /organisations/:code/networks                          the networks
 * - GET  /organisations/:code/networks/new; POST …/networks    add one (editors)
 * - GET  /organisations/:code/networks/:id                      a network: chair, sponsor, input, programmes, questions
 * - GET  /organisations/:code/networks/:id/edit; POST …/edit   change its name, purpose, chair or sponsor (editors)
 * - POST /organisations/:code/networks/:id/inputs              record what it said on an objective or intervention
 * - POST /organisations/:code/networks/:id/programmes          add a mentoring programme
 * - GET  /organisations/:code/networks/:id/programmes/:programmeId; POST the same: change it, with its evaluation
 * - POST /organisations/:code/networks/:id/pulse               add a pulse question (answered at /networks/…, see public-routes.ts)
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Membership } from '../../store/store.ts';
import type { StaffNetwork } from '../../store/staff-network-types.ts';
import { canEdit, crumbs, editor, formFields, idParam, member, refuse } from '../../web/act-access.ts';
import { requestState } from '../../web/auth/request-state.ts';
import { auditAccess, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { networkPageView, programmeValues } from './present.ts';
import { type FormProblem, MENTORING_KINDS, networkFromForm, networkPage, programmeFromForm, questionFromForm, recordInput, subjectChoices } from './service.ts';

type Params = { code: string; id?: string; programmeId?: string };
type Req = FastifyRequest<{ Params: Params }>;
const SUBJECT = { plural: 'staff networks' };
const NETWORK_FIELDS = ['id', 'name', 'purpose', 'chairName', 'chairRole', 'chairUser', 'sponsorName', 'sponsorRole'] as const;
const PROGRAMME_FIELDS = ['name', 'kind', 'pairs', 'startDate', 'endDate', 'evaluation', 'pairsCompleted', 'responses', 'positiveResponses'] as const;

function errorsOf(problems: readonly FormProblem[]) {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  return { errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })), fieldErrors };
}

export function registerNetworkRoutes(app: FastifyInstance, services: Services): void {
  const { store } = services;
  const base = (m: Membership) => `${organisationPath(m.organisation)}/networks`;

  /** Analysts and member administrators, or the network's chair; signed in (not by an API token). */
  const mayContribute = (request: FastifyRequest, membership: Membership, network: StaffNetwork) =>
    requestState(request)?.authentication.kind !== 'api-token'
    && (canEdit(request, membership) || (network.chairUserId !== null && network.chairUserId === request.currentUser?.id));

  const loadNetwork = async (request: Req, reply: FastifyReply) => {
    const membership = member(request, reply);
    if (!membership) return null;
    const id = idParam(request.params.id);
    const network = id === null ? null : await store.staffNetworks.byId(membership.organisation.id, id);
    if (!network) {
      await reply.callNotFound();
      return null;
    }
    return { membership, network };
  };

  const chairChoices = async (m: Membership, selected: string) => [
    { value: '', text: 'None: the chair has no Mirror account here', selected: selected === '' },
    ...(await store.users.members(m.organisation.id)).map((u) => ({ value: String(u.userId), text: u.displayName, selected: String(u.userId) === selected })),
  ];

  const networkForm = async (request: Req, reply: FastifyReply, m: Membership, network: StaffNetwork | null, values: Record<string, string>, problems: readonly FormProblem[] = []) => {
    reply.code(problems.length ? 400 : 200);
    return renderPage(services, request, reply, 'networks/views/network-form.njk', {
      title: network ? `Change ${network.name}` : 'Add a staff network', organisation: m.organisation,
      breadcrumbs: crumbs(m, { href: base(m), text: 'Staff networks' }), action: network ? `${base(m)}/${network.id}/edit` : base(m),
      values, chairUsers: await chairChoices(m, values['chairUser'] ?? ''), ...errorsOf(problems),
    });
  };

  const page = async (request: Req, reply: FastifyReply, m: Membership, network: StaffNetwork, problems: readonly FormProblem[] = [], values: Record<string, string> = {}, form = '') => {
    const data = await networkPage(services, network);
    await auditAccess(services, request, 'view', m.organisation, `networks/${network.id}`);
    reply.code(problems.length ? 400 : 200);
    const href = `${base(m)}/${network.id}`;
    return renderPage(services, request, reply, 'networks/views/network.njk', {
      title: `${network.name}: ${m.organisation.name}`, organisation: m.organisation, breadcrumbs: crumbs(m, { href: base(m), text: 'Staff networks' }),
      ...networkPageView(data, m.organisation),
      href, canEdit: canEdit(request, m), contributes: mayContribute(request, m, network),
      subjects: [{ value: '', text: 'Choose' }, ...(await subjectChoices(services, m.organisation.id))].map((s) => ({ ...s, selected: s.value === values['subject'] })),
      kinds: MENTORING_KINDS.map((k) => ({ value: k.value, text: k.text, hint: { text: k.hint }, checked: k.value === values['kind'] })),
      form, values, ...errorsOf(problems),
      notice: (request.query as Record<string, unknown>)['saved'] !== undefined ? 'Saved' : null,
    });
  };

  app.get('/organisations/:code/networks', async (request: Req, reply) => {
    const m = member(request, reply);
    if (!m) return reply;
    const networks = await store.staffNetworks.list(m.organisation.id);
    await auditAccess(services, request, 'view', m.organisation, 'networks');
    return renderPage(services, request, reply, 'networks/views/networks.njk', {
      title: `Staff networks: ${m.organisation.name}`, organisation: m.organisation, breadcrumbs: crumbs(m),
      networks: networks.map((n) => ({ ...n, href: `${base(m)}/${n.id}` })), canEdit: canEdit(request, m), newHref: `${base(m)}/new`,
    });
  });

  app.get('/organisations/:code/networks/new', async (request: Req, reply) => {
    const m = editor(services, request, reply, SUBJECT);
    if (!m) return reply;
    return networkForm(request, reply, m, null, {});
  });

  app.post('/organisations/:code/networks', async (request: Req, reply) => {
    const m = editor(services, request, reply, SUBJECT);
    if (!m) return reply;
    const values = formFields(request.body, NETWORK_FIELDS, 1000);
    const result = await networkFromForm(store, m.organisation.id, { ...values, id: '' });
    if ('problems' in result) return networkForm(request, reply, m, null, values, result.problems);
    const id = await store.staffNetworks.create(m.organisation.id, result.fields, request.currentUser?.id ?? null);
    await store.audit.record({ userId: request.currentUser?.id ?? null, action: 'network-created', organisationId: m.organisation.id, subject: `networks/${id}` });
    return reply.redirect(`${base(m)}/${id}?saved=1`, 303);
  });

  app.get('/organisations/:code/networks/:id', async (request: Req, reply) => {
    const found = await loadNetwork(request, reply);
    if (!found) return reply;
    return page(request, reply, found.membership, found.network);
  });

  const editorOf = async (request: Req, reply: FastifyReply) => {
    const found = await loadNetwork(request, reply);
    if (!found) return null;
    if (!editor(services, request, reply, SUBJECT)) return null;
    return found;
  };

  app.get('/organisations/:code/networks/:id/edit', async (request: Req, reply) => {
    const found = await editorOf(request, reply);
    if (!found) return reply;
    const n = found.network;
    return networkForm(request, reply, found.membership, n, {
      name: n.name, purpose: n.purpose, chairName: n.chairName, chairRole: n.chairRole, chairUser: n.chairUserId === null ? '' : String(n.chairUserId),
      sponsorName: n.sponsorName, sponsorRole: n.sponsorRole,
    });
  });

  app.post('/organisations/:code/networks/:id/edit', async (request: Req, reply) => {
    const found = await editorOf(request, reply);
    if (!found) return reply;
    const values = formFields(request.body, NETWORK_FIELDS, 1000);
    const result = await networkFromForm(store, found.membership.organisation.id, { ...values, id: String(found.network.id) });
    if ('problems' in result) return networkForm(request, reply, found.membership, found.network, values, result.problems);
    await store.staffNetworks.update(found.network.id, result.fields);
    await store.audit.record({ userId: request.currentUser?.id ?? null, action: 'network-changed', organisationId: found.membership.organisation.id, subject: `networks/${found.network.id}` });
    return reply.redirect(`${base(found.membership)}/${found.network.id}?saved=1`, 303);
  });

  /** A change the network's chair may make too; anyone else who is a member gets 403. */
  const contribution = (path: string, fields: readonly string[], run: (found: { membership: Membership; network: StaffNetwork }, values: Record<string, string>, userId: number | null) => Promise<{ problems: readonly FormProblem[]; form: string; audit?: { action: 'network-input-recorded' | 'mentoring-programme-saved' | 'pulse-question-created'; subject: string } }>) => {
    app.post(`/organisations/:code/networks/:id/${path}`, async (request: Req, reply) => {
      const found = await loadNetwork(request, reply);
      if (!found) return reply;
      if (!mayContribute(request, found.membership, found.network)) {
        refuse(services, request, reply, { plural: "a staff network's input, programmes and questions (the network's chair can too)" }, false);
        return reply;
      }
      const values = formFields(request.body, fields, 4000);
      const result = await run(found, values, request.currentUser?.id ?? null);
      if (result.problems.length) return page(request, reply, found.membership, found.network, result.problems, values, result.form);
      if (result.audit) await store.audit.record({ userId: request.currentUser?.id ?? null, action: result.audit.action, organisationId: found.membership.organisation.id, subject: result.audit.subject });
      return reply.redirect(`${base(found.membership)}/${found.network.id}?saved=1`, 303);
    });
  };

  contribution('inputs', ['subject', 'said', 'givenOn'], async ({ network }, values, userId) => {
    const problems = await recordInput(services, network, values, userId);
    return { problems, form: 'input', audit: { action: 'network-input-recorded', subject: `networks/${network.id}/inputs` } };
  });

  contribution('programmes', PROGRAMME_FIELDS, async ({ network }, values, userId) => {
    const result = programmeFromForm(values);
    if ('problems' in result) return { problems: result.problems, form: 'programme' };
    const id = await store.staffNetworks.saveProgramme(network.id, result.fields, userId);
    return { problems: [], form: 'programme', audit: { action: 'mentoring-programme-saved', subject: `networks/${network.id}/programmes/${id}` } };
  });

  contribution('pulse', ['question', 'options', 'opensOn', 'closesOn'], async ({ network }, values, userId) => {
    const result = questionFromForm(values);
    if ('problems' in result) return { problems: result.problems, form: 'pulse' };
    const id = await store.staffNetworks.createQuestion({ networkId: network.id, ...result, createdBy: userId });
    return { problems: [], form: 'pulse', audit: { action: 'pulse-question-created', subject: `networks/${network.id}/pulse/${id}` } };
  });

  const programmeOf = async (request: Req, reply: FastifyReply) => {
    const found = await loadNetwork(request, reply);
    if (!found) return null;
    const programmeId = idParam(request.params.programmeId);
    const programme = (await store.staffNetworks.programmes(found.network.id)).find((p) => p.id === programmeId);
    if (!programme) {
      await reply.callNotFound();
      return null;
    }
    if (!mayContribute(request, found.membership, found.network)) {
      refuse(services, request, reply, { plural: "a staff network's mentoring programmes (the network's chair can too)" }, false);
      return null;
    }
    return { ...found, programme };
  };

  const programmeForm = (request: Req, reply: FastifyReply, found: NonNullable<Awaited<ReturnType<typeof programmeOf>>>, values: Record<string, string>, problems: readonly FormProblem[] = []) => {
    reply.code(problems.length ? 400 : 200);
    const m = found.membership;
    return renderPage(services, request, reply, 'networks/views/programme-form.njk', {
      title: `Change ${found.programme.name}`, organisation: m.organisation,
      breadcrumbs: crumbs(m, { href: base(m), text: 'Staff networks' }, { href: `${base(m)}/${found.network.id}`, text: found.network.name }),
      action: `${base(m)}/${found.network.id}/programmes/${found.programme.id}`, values,
      kinds: MENTORING_KINDS.map((k) => ({ value: k.value, text: k.text, hint: { text: k.hint }, checked: k.value === values['kind'] })),
      ...errorsOf(problems),
    });
  };

  app.get('/organisations/:code/networks/:id/programmes/:programmeId', async (request: Req, reply) => {
    const found = await programmeOf(request, reply);
    if (!found) return reply;
    return programmeForm(request, reply, found, programmeValues(found.programme));
  });

  app.post('/organisations/:code/networks/:id/programmes/:programmeId', async (request: Req, reply) => {
    const found = await programmeOf(request, reply);
    if (!found) return reply;
    const values = formFields(request.body, PROGRAMME_FIELDS, 4000);
    const result = programmeFromForm(values);
    if ('problems' in result) return programmeForm(request, reply, found, values, result.problems);
    await store.staffNetworks.saveProgramme(found.network.id, result.fields, request.currentUser?.id ?? null, found.programme.id);
    await store.audit.record({ userId: request.currentUser?.id ?? null, action: 'mentoring-programme-saved', organisationId: found.membership.organisation.id, subject: `networks/${found.network.id}/programmes/${found.programme.id}` });
    return reply.redirect(`${base(found.membership)}/${found.network.id}?saved=1`, 303);
  });

}
