/**
 * Publishing an organisation's year (issue 13), for its members. Who may do what (docs/methodology.md, "Publishing"):
 * every member sees the year's publishing page, its published versions and the draft; the organisation's analysts,
 * and administrators who are members, prepare a draft (a correction with its note) or discard it; only an
 * administrator who is a member approves a draft, which publishes it. There is no separate approver role: the
 * administrator already answers for the organisation's accounts, and an analyst cannot publish their own draft.
 * - GET  /organisations/:code/:year/publish            the year's draft, versions and forms
 * - GET  /organisations/:code/:year/publish/draft      the draft exactly as it would be published
 * - POST /organisations/:code/:year/publish/draft      prepare (or remake) the draft; a correction needs its note
 * - POST /organisations/:code/:year/publish/approve    publish the draft shown (its id in the form)
 * - POST /organisations/:code/:year/publish/discard    discard the draft
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { CORRECTION_NOTE_MAX, type PublishedReport } from '../../core/publish/report.ts';
import { canEdit, formFields, refuse } from '../../web/act-access.ts';
import { auditAccess, loadOrganisationYear, type OrganisationYear, type OrganisationYearParams, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { languageAdvice } from '../../web/presenters/language-advice.ts';
import { publicPath, reportView, versionsView } from './present.ts';
import { approveDraft, discardDraft, prepareDraft, publishingState } from './service.ts';

type Req = FastifyRequest<{ Params: OrganisationYearParams }>;
const PUBLICATIONS = { plural: 'publications' };

function mayApprove(request: FastifyRequest): boolean {
  return request.currentUser?.administrator === true;
}

/** What people wrote, of what a draft would publish: the correction note, WDES 9b's narrative, interventions' own names. */
function writtenWords(report: PublishedReport, correctionNote: string | null) {
  return [
    { field: 'note', label: 'The correction note', text: correctionNote },
    { field: 'narrative', label: 'WDES metric 9b: what the organisation wrote', text: report.narrative?.text ?? null },
    ...report.evaluations.map((e) => ({ field: `intervention-${e.number}`, label: `Intervention ${e.number}`, text: e.intervention })),
  ];
}

export function registerPublishRoutes(app: FastifyInstance, services: Services): void {
  async function publishingPage(request: Req, reply: FastifyReply, loaded: OrganisationYear, problem: { text: string; note: string } | null = null) {
    const { organisation, year, membership } = loaded;
    const { draft, versions } = await publishingState(services, organisation.id, year);
    const base = organisationPath(organisation, year);
    return renderPage(services, request, reply.code(problem ? 400 : 200), 'publish/views/publishing.njk', {
      title: `Publish ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: organisation.name }, { href: `${base}/overview`, text: `Overview ${year}` }],
      organisation, year, base,
      draft: draft ? { id: draft.id, prepared: draft.preparedAt.toISOString().slice(0, 10), correctionNote: draft.correctionNote, href: `${base}/publish/draft` } : null,
      versions: versionsView(organisation.code, versions, null), publicHref: publicPath(organisation.code, year),
      correcting: versions.length > 0, nextVersion: (versions[0]?.version ?? 0) + 1,
      canPrepare: canEdit(request, membership), canApprove: mayApprove(request),
      noteMax: CORRECTION_NOTE_MAX,
      // The language check on the words people wrote that the draft would publish: advice before approval, never a bar.
      languageAdvice: draft ? languageAdvice(writtenWords(draft.snapshot as PublishedReport, draft.correctionNote)) : [],
      errors: problem ? [{ text: problem.text, href: '#note' }] : [], noteError: problem?.text ?? null, note: problem?.note ?? '',
    });
  }

  app.get<{ Params: OrganisationYearParams }>('/organisations/:code/:year/publish', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    return publishingPage(request, reply, loaded);
  });

  app.get<{ Params: OrganisationYearParams }>('/organisations/:code/:year/publish/draft', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const { draft, versions } = await publishingState(services, organisation.id, year);
    if (!draft) return reply.callNotFound();
    await auditAccess(services, request, 'view', organisation, `publications/${year}/draft`);
    const report = draft.snapshot as PublishedReport;
    const base = organisationPath(organisation, year);
    return renderPage(services, request, reply, 'publish/views/report.njk', {
      title: `Draft: workforce equality report ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: [{ href: '/', text: 'Organisations' }, { href: base, text: organisation.name }, { href: `${base}/publish`, text: `Publish ${year}` }],
      report, year, version: (versions[0]?.version ?? 0) + 1, isLatest: true, preview: true, publishHref: `${base}/publish`,
      correctionNote: draft.correctionNote, publishedOn: null, versions: versionsView(organisation.code, versions, null), files: null,
      ...reportView(report, services.standards),
    });
  });

  app.post<{ Params: OrganisationYearParams }>('/organisations/:code/:year/publish/draft', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    if (!canEdit(request, loaded.membership)) {
      refuse(services, request, reply, PUBLICATIONS, false);
      return reply;
    }
    const { note } = formFields(request.body, ['note'], CORRECTION_NOTE_MAX + 1);
    const result = await prepareDraft(services, loaded.organisation, loaded.year, note ?? '', request.currentUser?.id ?? null);
    if (!result) return reply.callNotFound();
    if (!result.ok) return publishingPage(request, reply, loaded, { text: result.problem, note: note ?? '' });
    return reply.redirect(`${organisationPath(loaded.organisation, loaded.year)}/publish/draft`, 303);
  });

  app.post<{ Params: OrganisationYearParams }>('/organisations/:code/:year/publish/approve', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    if (!mayApprove(request)) {
      return renderPage(services, request, reply.code(403), 'pages/request-problem.njk', {
        title: 'You cannot publish this', message: 'Only an administrator who is a member of the organisation can approve a draft and publish it. You can prepare the draft.',
      });
    }
    const { draft: raw } = formFields(request.body, ['draft']);
    const draftId = /^[1-9]\d{0,9}$/.test(raw ?? '') ? Number(raw) : null;
    const published = draftId === null ? null : await approveDraft(services, loaded.organisation, loaded.year, draftId, request.currentUser?.id ?? null);
    if (!published) return publishingPage(request, reply, loaded, { text: 'The draft has changed or gone since the page was opened: look at the draft again before approving it', note: '' });
    return reply.redirect(publicPath(loaded.organisation.code, loaded.year, published.version!), 303);
  });

  app.post<{ Params: OrganisationYearParams }>('/organisations/:code/:year/publish/discard', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    if (!canEdit(request, loaded.membership)) {
      refuse(services, request, reply, PUBLICATIONS, false);
      return reply;
    }
    await discardDraft(services, loaded.organisation, loaded.year, request.currentUser?.id ?? null);
    return reply.redirect(`${organisationPath(loaded.organisation, loaded.year)}/publish`, 303);
  });
}
