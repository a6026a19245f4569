/**
 * Importing a reporting year from the browser. The form takes one file per kind; each file is encrypted as it
 * arrives into a private folder (sealed-upload.ts), checked in full and written in one transaction by a background
 * job in a worker thread whose page shows progress, then every problem (file, row, column, value, what was expected)
 * with a CSV of them, or the result. When a file's headings differ from the canonical names, the page offers to map
 * them and remembers the mapping for the organisation. A request that ends before a job starts (refused, invalid,
 * not multipart, a file too large) deletes whatever it had received; the job deletes the files when it ends.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SOURCE_KINDS } from '../../core/records.ts';
import type { ImportJobs } from '../../services/import-jobs.ts';
import type { SealedUpload } from '../../services/sealed-upload.ts';
import { type CurrentUser, requireSignedIn } from '../../web/auth/plugin.ts';
import type { UploadLimits } from '../../web/config.ts';
import { pageContext } from '../../web/page-context.ts';
import type { Services } from '../../web/services.ts';
import { canImport, formView, validateForm } from './form.ts';
import { importTarget, openUpload, problemsCsvOf, recordOutcome, rememberedMappings } from './service.ts';
import { statusView } from './status.ts';
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

  app.post('/import', { config: { csrf: 'manual' } }, async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    if (!canImport(user)) return reply.code(403).send();
    if (!request.isMultipart()) {
      return render(request, reply.code(415), 'import/views/form.njk', formView(user, {}, [{ href: '#staff', text: 'Send the form with its files, from the import page' }]));
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
    const received = await readUpload(request, upload, limits);
    if (!received.ok) {
      if (received.forbidden) return refuse(() => reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, { title: 'There is a problem with the request', message: 'The form had expired or came from another site. Go back, reload the page and try again.' }))));
      return refuse(() => render(request, reply.code(received.status), 'import/views/form.njk', formView(user, {}, [{ href: '#staff', text: received.message }])));
    }
    const checked = validateForm(user, received.form, received.files);
    if (checked.errors.length > 0 || !checked.organisation) {
      return refuse(() => render(request, reply.code(400), 'import/views/form.njk', formView(user, received.form, checked.errors)));
    }
    const newOrganisation = received.form.organisation === '__new';
    const target = await importTarget(services, checked.organisation, newOrganisation);
    if (!target.ok) {
      const error = { href: '#newCode', text: target.message };
      return refuse(() => render(request, reply.code(400), 'import/views/form.njk', formView(user, received.form, [error])));
    }
    const headerMappings = await rememberedMappings(services, target.existing, received.files);
    jobs.start({ id, ownerId: user.id, organisation: checked.organisation, newOrganisation, year: checked.year, upload, headerMappings });
    return () => reply.redirect(`/import/${id}`, 303);
  }

  app.get<{ Params: { id: string } }>('/import/:id', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job) return reply.callNotFound();
    if (job.status !== 'running') await recordOutcome(services, user, job);
    return render(request, reply, 'import/views/status.njk', statusView(job, jobs.canRetry(job)));
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
    for (const [field, header] of Object.entries(request.body ?? {})) {
      const match = /^map\.([a-z]+)\.([a-z_]+)$/.exec(field);
      const kind = SOURCE_KINDS.find((k) => k === match?.[1]);
      if (!kind || !match?.[2] || typeof header !== 'string' || header === '') continue;
      job.headerMappings[kind] = { ...job.headerMappings[kind], [header]: match[2] };
    }
    jobs.retry(job);
    return reply.redirect(`/import/${job.id}`, 303);
  });
}
