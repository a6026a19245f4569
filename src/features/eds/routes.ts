/**
 * EDS 2022 pages and download (issue 14, item 2). Thin: membership and year first (404 otherwise), for changes the
 * role (403 for viewers and owners: analysts and administrators change, as for objectives, `web/act-access.ts`),
 * the service, audit, render. Forms work without JavaScript and come back with the error summary.
 * - GET  /organisations/:code/:year/eds                                  the summary in the template's layout, year on year
 * - GET  /organisations/:code/:year/eds.csv                              the same as CSV
 * - GET  /organisations/:code/:year/eds/outcomes/:outcome                an outcome's evidence and ratings, with the forms
 * - POST /organisations/:code/:year/eds/outcomes/:outcome/evidence       attaches evidence
 * - POST /organisations/:code/:year/eds/outcomes/:outcome/evidence/:id/remove
 * - POST /organisations/:code/:year/eds/outcomes/:outcome/stakeholder-ratings   a stakeholder group's rating
 * - POST /organisations/:code/:year/eds/outcomes/:outcome/agreed-rating  the agreed rating and its owner
 * - POST /organisations/:code/:year/eds/thresholds                       the organisation's threshold set
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type EdsOutcome, edsOutcome, EDS_RATINGS, RATING_LABELS, ratingText } from '../../core/eds/outcomes.ts';
import { THRESHOLD_SETS } from '../../core/eds/scoring.ts';
import type { Membership } from '../../store/store.ts';
import { canEdit, crumbs, editor, formFields, idParam } from '../../web/act-access.ts';
import { csvText, sendCsv } from '../../web/csv-download.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { EDS_CSV_HEADER, edsCsvRows, edsView } from './present.ts';
import { checkAgreedRating, checkEvidence, checkStakeholderRating, edsYear, figureChoices, type Problem } from './service.ts';

interface Params { readonly code: string; readonly year: string; readonly outcome?: string; readonly id?: string }
type Req = FastifyRequest<{ Params: Params }>;
const EDS = { plural: 'EDS evidence and ratings' };
const NOTICES: Readonly<Record<string, string>> = {
  evidence: 'The evidence has been attached', removed: 'The evidence has been removed', stakeholder: 'The stakeholder group\'s rating has been saved',
  agreed: 'The agreed rating has been saved', thresholds: 'The threshold set has been changed',
};

const edsPath = (membership: Membership, year: number) => `${organisationPath(membership.organisation, year)}/eds`;
const outcomePath = (membership: Membership, year: number, id: string) => `${edsPath(membership, year)}/outcomes/${id}`;

/** The four ratings for a select, after "Choose a rating", the one sent back selected. */
function ratingItems(selected: string | undefined) {
  return [{ value: '', text: 'Choose a rating' }, ...EDS_RATINGS.map((r) => ({ value: String(r), text: `${r}: ${RATING_LABELS[r]}`, selected: String(r) === selected }))];
}

function errorsOf(problems: readonly Problem[]) {
  const fieldErrors: Record<string, string> = {};
  for (const p of problems) fieldErrors[p.field] ??= p.message;
  return { errors: problems.map((p) => ({ text: p.message, href: `#${p.field}` })), fieldErrors };
}

export function registerEdsRoutes(app: FastifyInstance, services: Services): void {
  /** For a change: an editor's membership, an imported year and (when the path names one) an outcome; otherwise replied. */
  const forChange = async (request: Req, reply: FastifyReply): Promise<{ membership: Membership; year: number; outcome: EdsOutcome | null } | null> => {
    const membership = editor(services, request as FastifyRequest<{ Params: { code: string } }>, reply, EDS);
    if (!membership) return null;
    const year = /^\d{4}$/.test(request.params.year) ? Number(request.params.year) : null;
    const outcome = request.params.outcome === undefined ? null : edsOutcome(request.params.outcome);
    const years = await services.store.organisations.years(membership.organisation.id);
    if (year === null || !years.includes(year) || (request.params.outcome !== undefined && !outcome)) {
      await reply.callNotFound();
      return null;
    }
    return { membership, year, outcome };
  };

  const renderOutcome = async (request: Req, reply: FastifyReply, membership: Membership, year: number, outcome: EdsOutcome, problems: readonly Problem[], values: Record<string, string>) => {
    const eds = await edsYear(services, membership.organisation.id, year);
    const o = eds.outcomes.find((x) => x.outcome.id === outcome.id)!;
    const base = outcomePath(membership, year, outcome.id);
    const choices = figureChoices(services.standards, membership.organisation.code, year);
    const query = request.query as Record<string, unknown>;
    reply.code(problems.length ? 400 : 200);
    if (problems.length) reply.header('cache-control', 'no-store');
    return renderPage(services, request, reply, 'eds/views/outcome.njk', {
      title: `EDS 2022 outcome ${outcome.id} ${year}: ${membership.organisation.name}`, synthetic: membership.organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: edsPath(membership, year), text: `EDS 2022: ${year}` }),
      organisation: membership.organisation, year, outcome, base, canEdit: canEdit(request, membership),
      evidence: o.evidence.map((e) => ({ ...e, removeAction: `${base}/evidence/${e.id}/remove` })),
      stakeholders: o.stakeholders.map((s) => ({ group: s.group, rating: ratingText(s.rating) })),
      agreed: o.agreed ? { rating: ratingText(o.agreed.rating), owner: o.agreed.owner } : null,
      figureChoices: [{ value: '', text: 'Choose a figure' }, ...choices.map((c) => ({ value: c.value, text: c.text, selected: c.value === values['figure'] }))],
      ratingChoices: ratingItems(values['rating']), agreedChoices: ratingItems(values['agreed-rating']),
      values, notice: NOTICES[String(query['saved'] ?? '')] ?? null, ...errorsOf(problems),
    });
  };

  app.get<{ Params: Params }>('/organisations/:code/:year/eds', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { membership, organisation, year } = loaded;
    const eds = await edsYear(services, organisation.id, year);
    await auditAccess(services, request, 'view', organisation, `eds/${year}`);
    const base = edsPath(membership, year);
    const query = request.query as Record<string, unknown>;
    return renderPage(services, request, reply, 'eds/views/eds.njk', {
      title: `EDS 2022 ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: `${organisationPath(organisation, year)}/overview`, text: `Overview ${year}` }),
      organisation, year, base, csvHref: `${base}.csv`, canEdit: canEdit(request, membership), packYear: year,
      notice: NOTICES[String(query['saved'] ?? '')] ?? null, thresholdsAction: `${base}/thresholds`,
      ...edsView(eds, (id) => `${base}/outcomes/${id}`),
    });
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/eds.csv', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const { organisation, year } = loaded;
    const eds = await edsYear(services, organisation.id, year);
    await auditAccess(services, request, 'export', organisation, `eds/${year}.csv`);
    return sendCsv(reply, `eds-${organisation.code}-${year}.csv`, csvText(EDS_CSV_HEADER, edsCsvRows(eds)));
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/eds/outcomes/:outcome', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request, reply);
    if (!loaded) return reply;
    const outcome = edsOutcome(request.params.outcome ?? '');
    if (!outcome) return reply.callNotFound();
    await auditAccess(services, request, 'view', loaded.organisation, `eds/${loaded.year}/${outcome.id}`);
    return renderOutcome(request, reply, loaded.membership, loaded.year, outcome, [], {});
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/eds/outcomes/:outcome/evidence', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year, outcome } = change;
    const values = formFields(request.body, ['kind', 'figure', 'title', 'href']);
    const checked = checkEvidence(figureChoices(services.standards, membership.organisation.code, year), values);
    if (!checked.ok) return renderOutcome(request, reply, membership, year, outcome!, checked.problems, values);
    const saved = await services.store.eds.addEvidence({ organisationId: membership.organisation.id, year, outcome: outcome!.id, ...checked.value, createdBy: request.currentUser?.id ?? null });
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'eds-evidence-added', organisationId: membership.organisation.id, subject: `eds/${year}/${outcome!.id}/evidence/${saved.id}`, details: { kind: saved.kind } });
    return reply.redirect(`${outcomePath(membership, year, outcome!.id)}?saved=evidence`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/eds/outcomes/:outcome/evidence/:id/remove', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year, outcome } = change;
    const id = idParam(request.params.id);
    const existing = id === null ? [] : (await services.store.eds.evidence(membership.organisation.id, year)).filter((e) => e.id === id && e.outcome === outcome!.id);
    if (existing.length === 0) return reply.callNotFound();
    await services.store.eds.removeEvidence(membership.organisation.id, id!);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'eds-evidence-removed', organisationId: membership.organisation.id, subject: `eds/${year}/${outcome!.id}/evidence/${id}` });
    return reply.redirect(`${outcomePath(membership, year, outcome!.id)}?saved=removed`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/eds/outcomes/:outcome/stakeholder-ratings', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year, outcome } = change;
    const values = formFields(request.body, ['group', 'rating']);
    const checked = checkStakeholderRating(values);
    if (!checked.ok) return renderOutcome(request, reply, membership, year, outcome!, checked.problems, values);
    const before = await services.store.eds.rateAsStakeholder(membership.organisation.id, year, { outcome: outcome!.id, ...checked.value }, request.currentUser?.id ?? null);
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'eds-stakeholder-rated', organisationId: membership.organisation.id, subject: `eds/${year}/${outcome!.id}`,
      details: { from: before, to: checked.value.rating },
    });
    return reply.redirect(`${outcomePath(membership, year, outcome!.id)}?saved=stakeholder`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/eds/outcomes/:outcome/agreed-rating', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year, outcome } = change;
    const values = formFields(request.body, ['rating', 'owner']);
    const checked = checkAgreedRating(values);
    if (!checked.ok) return renderOutcome(request, reply, membership, year, outcome!, checked.problems, { 'agreed-rating': values['rating'] ?? '', owner: values['owner'] ?? '' });
    const before = await services.store.eds.agree(membership.organisation.id, year, { outcome: outcome!.id, ...checked.value }, request.currentUser?.id ?? null);
    await services.store.audit.record({
      userId: request.currentUser?.id ?? null, action: 'eds-rating-agreed', organisationId: membership.organisation.id, subject: `eds/${year}/${outcome!.id}`,
      details: { from: before, to: checked.value.rating },
    });
    return reply.redirect(`${outcomePath(membership, year, outcome!.id)}?saved=agreed`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/eds/thresholds', async (request, reply) => {
    const change = await forChange(request, reply);
    if (!change) return reply;
    const { membership, year } = change;
    const chosen = formFields(request.body, ['thresholds'])['thresholds'];
    if (chosen !== 'guidance' && chosen !== 'leeds') {
      reply.code(400).type('text/html');
      return renderPage(services, request, reply, 'pages/request-problem.njk', { title: 'Choose a threshold set', message: `Choose one of: ${Object.values(THRESHOLD_SETS).map((s) => s.name).join('; ')}.` });
    }
    const before = await services.store.eds.thresholds(membership.organisation.id);
    await services.store.eds.setThresholds(membership.organisation.id, chosen, request.currentUser?.id ?? null);
    await services.store.audit.record({ userId: request.currentUser?.id ?? null, action: 'eds-thresholds-chosen', organisationId: membership.organisation.id, subject: 'eds/thresholds', details: { from: before, to: chosen } });
    return reply.redirect(`${edsPath(membership, year)}?saved=thresholds#overall`, 303);
  });
}
