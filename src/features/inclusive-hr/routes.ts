/**
 * The #InclusiveHR five-step challenge's pages (issue 14, item 1). Thin: membership and an imported year first (404
 * otherwise), a directorate of that year's staff file (404 otherwise), for changes the role (403 for viewers and
 * owners: analysts and administrators who are members change, `web/act-access.ts`), the service, audit, render.
 * Every page and form works without JavaScript.
 * - GET  /organisations/:code/:year/inclusive-hr                               every directorate and the step it has reached
 * - GET  /organisations/:code/:year/inclusive-hr/:directorate/:step           a step (data, review, lived-experience,
 *   themes, evaluate) or the summary to share (summary)
 * - POST /organisations/:code/:year/inclusive-hr/:directorate/:step/done      marks a step done or not done
 * - POST /organisations/:code/:year/inclusive-hr/:directorate/review          the team's own reading
 * - POST /organisations/:code/:year/inclusive-hr/:directorate/lived-experience/notes             a listening session's note
 * - POST /organisations/:code/:year/inclusive-hr/:directorate/lived-experience/notes/:id/remove
 * - POST /organisations/:code/:year/inclusive-hr/:directorate/themes          the themes chosen
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { checkReading, checkThemes, type Problem, stepBySlug, STEPS } from '../../core/inclusive-hr/steps.ts';
import type { Membership, Organisation } from '../../store/store.ts';
import { canEdit, crumbs, editor, formFields, idParam } from '../../web/act-access.ts';
import { auditAccess, loadOrganisationYear, organisationPath, renderPage } from '../../web/organisation-year.ts';
import type { Services } from '../../web/services.ts';
import { checkNote, livedExperience } from './lived-experience-service.ts';
import { challengePath, errorsOf, NOTICES, plannedView, stepContext, stepPath } from './present.ts';
import { directorateEvaluations, directorateFigures, directorateObjectives, directorateReview, findDirectorate, overview, progressOf } from './service.ts';
import { summaryOf } from './summary-service.ts';

interface Params { readonly code: string; readonly year: string; readonly directorate?: string; readonly step?: string; readonly id?: string }
type Req = FastifyRequest<{ Params: Params }>;
const CHALLENGE = { plural: 'the #InclusiveHR challenge\'s progress, readings, notes and themes' };

interface Loaded { readonly membership: Membership; readonly organisation: Organisation; readonly year: number; readonly directorate: string }

export function registerInclusiveHrRoutes(app: FastifyInstance, services: Services): void {
  /** A member's organisation, year and directorate, or null having replied 404. */
  const load = async (request: Req, reply: FastifyReply): Promise<Loaded | null> => {
    const loaded = await loadOrganisationYear(services, request as FastifyRequest<{ Params: { code: string; year: string } }>, reply);
    if (!loaded) return null;
    const directorate = await findDirectorate(services.store, loaded.organisation.id, loaded.year, request.params.directorate ?? '');
    if (!directorate) {
      await reply.callNotFound();
      return null;
    }
    return { membership: loaded.membership, organisation: loaded.organisation, year: loaded.year, directorate };
  };

  /** For a change: an editor's organisation, imported year and directorate, or null having replied. */
  const forChange = async (request: Req, reply: FastifyReply): Promise<Loaded | null> => {
    const membership = editor(services, request as FastifyRequest<{ Params: { code: string } }>, reply, CHALLENGE);
    if (!membership) return null;
    return load(request, reply);
  };

  const actor = (request: FastifyRequest) => request.currentUser?.id ?? null;
  const audit = (request: FastifyRequest, l: Loaded, action: 'inclusive-hr-step-marked' | 'inclusive-hr-reading-saved' | 'inclusive-hr-themes-saved' | 'inclusive-hr-note-added' | 'inclusive-hr-note-removed', subject: string, details?: Record<string, unknown>) =>
    services.store.audit.record({ userId: actor(request), action, organisationId: l.organisation.id, subject: `inclusive-hr/${l.year}/${l.directorate}/${subject}`, ...(details ? { details } : {}) });

  /** Renders a step (or the summary), with the problems of a form sent back. */
  const renderStep = async (request: Req, reply: FastifyReply, l: Loaded, slug: string, problems: readonly Problem[] = [], values: Record<string, string> = {}) => {
    const { organisation, year, directorate, membership } = l;
    const progress = await progressOf(services, organisation.id, year, directorate);
    const base = { ...stepContext(organisation, year, directorate, slug, progress, canEdit(request, membership)), values, ...errorsOf(problems) };
    const query = request.query as Record<string, unknown>;
    const notice = NOTICES[String(query['saved'] ?? '')] ?? null;
    reply.code(problems.length ? 400 : 200);
    if (problems.length) reply.header('cache-control', 'no-store');
    await auditAccess(services, request, 'view', organisation, `inclusive-hr/${year}/${directorate}/${slug}`);
    const page = (template: string, more: Record<string, unknown>) => renderPage(services, request, reply, `inclusive-hr/views/${template}.njk`, {
      synthetic: organisation.synthetic, organisation, breadcrumbs: crumbs(membership, { href: challengePath(organisation, year), text: `#InclusiveHR ${year}` }),
      packYear: year, notice, ...base, ...more,
    });
    switch (slug) {
      case 'data':
        return page('data', { standards: await directorateFigures(services, organisation.id, year, directorate) });
      case 'review':
        return page('review', { ...(await directorateReview(services, organisation.id, year, directorate)), reading: values['reading'] ?? progress.reading ?? '' });
      case 'lived-experience':
        return page('lived-experience', { lived: await livedExperience(services, organisation.id, year, directorate) });
      case 'themes':
        return page('themes', { planned: plannedView(services.standards, await directorateObjectives(services, organisation.id, directorate)) });
      case 'evaluate':
        return page('evaluate', { evaluations: await directorateEvaluations(services, await directorateObjectives(services, organisation.id, directorate)) });
      default:
        return page('summary', { summary: await summaryOf(services, organisation.id, year, directorate, progress) });
    }
  };

  app.get<{ Params: Params }>('/organisations/:code/:year/inclusive-hr', async (request, reply) => {
    const loaded = await loadOrganisationYear(services, request as FastifyRequest<{ Params: { code: string; year: string } }>, reply);
    if (!loaded) return reply;
    const { membership, organisation, year } = loaded;
    const rows = await overview(services, organisation.id, year);
    await auditAccess(services, request, 'view', organisation, `inclusive-hr/${year}`);
    return renderPage(services, request, reply, 'inclusive-hr/views/overview.njk', {
      title: `#InclusiveHR five-step challenge ${year}: ${organisation.name}`, synthetic: organisation.synthetic,
      breadcrumbs: crumbs(membership, { href: `${organisationPath(organisation, year)}/overview`, text: `Overview ${year}` }),
      organisation, year, packYear: year, steps: STEPS,
      rows: rows.map((r) => ({ ...r, href: stepPath(organisation, year, r.name, r.next === 'complete' ? 'summary' : r.next.slug), summaryHref: stepPath(organisation, year, r.name, 'summary') })),
    });
  });

  app.get<{ Params: Params }>('/organisations/:code/:year/inclusive-hr/:directorate/:step', async (request, reply) => {
    const l = await load(request, reply);
    if (!l) return reply;
    const slug = request.params.step ?? '';
    if (!stepBySlug(slug) && slug !== 'summary') return reply.callNotFound();
    return renderStep(request, reply, l, slug);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/inclusive-hr/:directorate/:step/done', async (request, reply) => {
    const l = await forChange(request, reply);
    if (!l) return reply;
    const step = stepBySlug(request.params.step ?? '');
    if (!step) return reply.callNotFound();
    const done = formFields(request.body, ['done'])['done'] !== 'no';
    const before = await services.store.inclusiveHr.markStep(l.organisation.id, l.year, l.directorate, step.number, done, actor(request));
    await audit(request, l, 'inclusive-hr-step-marked', `steps/${step.number}`, { from: before, to: done });
    return reply.redirect(`${stepPath(l.organisation, l.year, l.directorate, step.slug)}?saved=${done ? 'done' : 'undone'}`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/inclusive-hr/:directorate/review', async (request, reply) => {
    const l = await forChange(request, reply);
    if (!l) return reply;
    const values = formFields(request.body, ['reading'], 10_000);
    const checked = checkReading(values['reading']);
    if (!checked.ok) return renderStep(request, reply, l, 'review', checked.problems, values);
    await services.store.inclusiveHr.saveReading(l.organisation.id, l.year, l.directorate, checked.value, actor(request));
    // The audit keeps that the reading changed, never its words.
    await audit(request, l, 'inclusive-hr-reading-saved', 'reading', { cleared: checked.value === null });
    return reply.redirect(`${stepPath(l.organisation, l.year, l.directorate, 'review')}?saved=reading#team-reading`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/inclusive-hr/:directorate/lived-experience/notes', async (request, reply) => {
    const l = await forChange(request, reply);
    if (!l) return reply;
    const values = formFields(request.body, ['title', 'heldOn-day', 'heldOn-month', 'heldOn-year', 'notes'], 10_000);
    const checked = checkNote(values, services.clock().toISOString().slice(0, 10));
    if (!checked.ok) return renderStep(request, reply, l, 'lived-experience', checked.problems, values);
    const note = await services.store.inclusiveHr.addNote({ organisationId: l.organisation.id, year: l.year, directorate: l.directorate, ...checked.value, createdBy: actor(request) });
    await audit(request, l, 'inclusive-hr-note-added', `notes/${note.id}`);
    return reply.redirect(`${stepPath(l.organisation, l.year, l.directorate, 'lived-experience')}?saved=note#listening`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/inclusive-hr/:directorate/lived-experience/notes/:id/remove', async (request, reply) => {
    const l = await forChange(request, reply);
    if (!l) return reply;
    const id = idParam(request.params.id);
    const removed = id === null ? null : await services.store.inclusiveHr.removeNote(l.organisation.id, l.year, l.directorate, id);
    if (!removed) return reply.callNotFound();
    await audit(request, l, 'inclusive-hr-note-removed', `notes/${removed.id}`);
    return reply.redirect(`${stepPath(l.organisation, l.year, l.directorate, 'lived-experience')}?saved=removed#listening`, 303);
  });

  app.post<{ Params: Params }>('/organisations/:code/:year/inclusive-hr/:directorate/themes', async (request, reply) => {
    const l = await forChange(request, reply);
    if (!l) return reply;
    const body = (request.body ?? {}) as Record<string, unknown>;
    const chosen = ([] as unknown[]).concat(body['themes'] ?? []).filter((t): t is string => typeof t === 'string');
    const own = formFields(request.body, ['own'])['own'] ?? '';
    const checked = checkThemes(chosen, own);
    if (!checked.ok) return renderStep(request, reply, l, 'themes', checked.problems, { own });
    await services.store.inclusiveHr.saveThemes(l.organisation.id, l.year, l.directorate, checked.value, actor(request));
    await audit(request, l, 'inclusive-hr-themes-saved', 'themes', { count: checked.value.length });
    return reply.redirect(`${stepPath(l.organisation, l.year, l.directorate, 'themes')}?saved=themes#chosen-themes`, 303);
  });
}
