/**
 * Importing a reporting year from the browser. The form takes every file at once (several files, a folder or a
 * zip), whose kinds the job recognises from their headings; each file is encrypted as it arrives into a private
 * folder (sealed-upload.ts), checked in full and written in one transaction by a background job in a worker thread
 * whose page shows progress, then every problem (file, row, column, value, what was expected) with a CSV of them,
 * or the result. After a problem the files are kept, sealed, for an hour: the page takes just the files chosen again
 * (each replacing the earlier file of its kind), what kind an unrecognised file is, and headings mapped onto
 * Mirror's columns (remembered for the organisation, and shared as a named preset if the person names one), then
 * checks the whole set again. A request that ends before a job starts (refused, invalid, not multipart, a file too
 * large) deletes whatever it had received; a job deletes the files when it succeeds or they expire.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SOURCE_KINDS, type SourceKind } from '../../core/records.ts';
import type { ImportJob, ImportJobs } from '../../services/import-jobs.ts';
import type { SealedUpload } from '../../services/sealed-upload.ts';
import { type CurrentUser, requireSignedIn } from '../../web/auth/plugin.ts';
import type { UploadLimits } from '../../web/config.ts';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';
import { canImport, formView, validateForm } from './form.ts';
import { importTarget, mappingPresets, openUpload, presetNameProblem, problemsCsvOf, recordOutcome, rememberedMappings } from './service.ts';
import { type FormError, statusView } from './status.ts';
import { readUpload } from './upload.ts';

export function registerImportRoutes(app: FastifyInstance, services: Services, jobs: ImportJobs, limits: UploadLimits): void {
  const render = (request: FastifyRequest, reply: FastifyReply, template: string, extra: { title: string } & Record<string, unknown>) =>
    reply.type('text/html').send(services.render(template, pageContext(request, reply, extra)));

  app.get('/import', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    if (!canImport(user)) return reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, { title: 'You cannot import', message: 'Only analysts and administrators can import data.' })));
    return render(request, reply, 'import/views/form.njk', formView(user, {}, []));
  });

  app.post('/import', { config: { csrf: 'manual', admission: 'unqueued' } }, async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    if (!canImport(user)) return reply.code(403).send();
    if (!request.isMultipart()) {
      return render(request, reply.code(415), 'import/views/form.njk', formView(user, {}, [{ href: '#files', text: 'Send the form with its files, from the import page' }]));
    }
    const id = randomUUID();
    // Nothing is written until the first file arrives. Unless a job takes the upload, whatever was received is
    // deleted before the answer is sent.
    const upload = openUpload(services, id);
    let answer: () => FastifyReply;
    try {
      answer = await receive(request, reply, user, upload, id);
    } catch (error) {
      await upload.remove();
      throw error;
    }
    return answer();
  });

  /** Reads and checks the upload and starts its job; returns how to answer, having deleted the upload unless started. */
  async function receive(request: FastifyRequest, reply: FastifyReply, user: CurrentUser, upload: SealedUpload, id: string): Promise<() => FastifyReply> {
    const refuse = async (answer: () => FastifyReply) => {
      await upload.remove();
      return answer;
    };
    const received = await readUpload(request, upload, limits, 1, []);
    if (!received.ok) {
      if (received.forbidden) return refuse(() => forbidden(request, reply));
      return refuse(() => render(request, reply.code(received.status), 'import/views/form.njk', formView(user, {}, [{ href: '#files', text: received.message }])));
    }
    const checked = validateForm(user, received.form, received.files.length);
    if (checked.errors.length > 0 || !checked.organisation) {
      return refuse(() => render(request, reply.code(400), 'import/views/form.njk', formView(user, received.form, checked.errors)));
    }
    const newOrganisation = received.form.organisation === '__new';
    const target = await importTarget(services, checked.organisation, newOrganisation);
    if (!target.ok) {
      const error = { href: '#newCode', text: target.message };
      return refuse(() => render(request, reply.code(400), 'import/views/form.njk', formView(user, received.form, [error])));
    }
    const headerMappings = await rememberedMappings(services, target.existing);
    const presets = await mappingPresets(services);
    jobs.start({ id, ownerId: user.id, organisation: checked.organisation, newOrganisation, year: checked.year, upload, headerMappings, files: received.files, presets });
    return () => reply.redirect(`/import/${id}`, 303);
  }

  const forbidden = (request: FastifyRequest, reply: FastifyReply) =>
    reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, { title: 'There is a problem with the request', message: 'The form had expired or came from another site. Go back, reload the page and try again.' })));

  const showStatus = (request: FastifyRequest, reply: FastifyReply, job: ImportJob, errors: FormError[] = []) =>
    render(request, reply, 'import/views/status.njk', statusView(job, jobs.canRetry(job), errors));

  app.get<{ Params: { id: string } }>('/import/:id', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job) return reply.callNotFound();
    if (job.status !== 'running') await recordOutcome(services, user, job);
    return showStatus(request, reply, job);
  });

  // Files chosen again after a problem: added to the kept files as a new attempt, then the whole set is checked.
  app.post<{ Params: { id: string } }>('/import/:id/files', { config: { csrf: 'manual', admission: 'unqueued' } }, async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    const upload = job ? jobs.keptUpload(job) : undefined;
    if (!job || !upload || !job.files) return reply.callNotFound();
    if (!request.isMultipart()) return showStatus(request, reply.code(415), job, [{ href: '#files', text: 'Send the form with its files, from this page' }]);
    const written: string[] = [];
    const removeWritten = async () => {
      for (const name of written) await upload.delete(name);
    };
    let received: Awaited<ReturnType<typeof readUpload>>;
    try {
      received = await readUpload(request, upload, limits, jobs.nextAttempt(job), written);
    } catch (error) {
      await removeWritten();
      throw error;
    }
    if (!received.ok) {
      await removeWritten();
      if (received.forbidden) return forbidden(request, reply);
      return showStatus(request, reply.code(received.status), job, [{ href: '#files', text: received.message }]);
    }
    if (received.files.length === 0) return showStatus(request, reply.code(400), job, [{ href: '#files', text: 'Choose the files to check again: the ones with problems, fixed' }]);
    jobs.retry(job, received.files);
    return reply.redirect(`/import/${job.id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/import/:id/problems.csv', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (job?.status !== 'failed') return reply.callNotFound();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="import-problems.csv"').send(problemsCsvOf(job.problems));
  });

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/import/:id/mapping', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job || !jobs.canRetry(job)) return reply.callNotFound();
    const body = request.body ?? {};
    const mapped: ImportJob['mappedHere'] = {};
    const chosenKinds: Record<string, SourceKind> = {};
    const unknown = new Set(job.recognised.filter((f) => f.kind === null && f.table).map((f) => f.id));
    for (const [field, value] of Object.entries(body)) {
      if (typeof value !== 'string' || value === '') continue;
      const kindOf = /^kind\.(.+)$/.exec(field);
      const chosen = SOURCE_KINDS.find((k) => k === value);
      if (kindOf?.[1] && unknown.has(kindOf[1]) && chosen) chosenKinds[kindOf[1]] = chosen;
      const match = /^map\.([a-z]+)\.([a-z_0-9]+)$/.exec(field);
      const kind = SOURCE_KINDS.find((k) => k === match?.[1]);
      if (kind && match?.[2]) mapped[kind] = { ...mapped[kind], [value]: match[2] };
    }
    const presetName = (body['presetName'] ?? '').trim();
    if (presetName !== '') {
      const problem = await presetNameProblem(services, presetName, Object.keys({ ...job.mappedHere, ...mapped }) as SourceKind[]);
      if (problem) return showStatus(request, reply.code(400), job, [{ href: '#presetName', text: problem }]);
      job.presetName = presetName;
    }
    for (const [kind, mapping] of Object.entries(mapped) as [SourceKind, Record<string, string>][]) {
      job.headerMappings[kind] = { ...job.headerMappings[kind], ...mapping };
      job.mappedHere[kind] = { ...job.mappedHere[kind], ...mapping };
    }
    Object.assign(job.chosenKinds, chosenKinds);
    jobs.retry(job);
    return reply.redirect(`/import/${job.id}`, 303);
  });
}
