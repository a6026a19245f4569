/**
 * Importing a reporting year from the browser. The form takes one file per kind; the upload is saved to a private
 * folder, checked in full and written in one transaction by a background job whose page shows progress, then every
 * problem (file, row, column, value, what was expected) with a CSV of them, or the result. When a file's headings
 * differ from the canonical names, the page offers to map them and remembers the mapping for the organisation.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SOURCE_KINDS, type SourceKind } from '../../core/records.ts';
import { NARRATIVE_FILE } from '../../ingest/load-folder.ts';
import { formatProblem, problemsCsv, sortByRow } from '../../ingest/problem.ts';
import type { ImportJob, ImportJobs } from '../../services/import-jobs.ts';
import { OrganisationExistsError, type NewOrganisation } from '../../store/store.ts';
import type { Services } from '../app.ts';
import { requireSignedIn, verifyCsrf, CSRF_FIELD, type CurrentUser } from '../auth/plugin.ts';
import { pageContext } from '../page-context.ts';

const KIND_LABELS: Readonly<Record<SourceKind, string>> = {
  staff: 'Staff in post at 31 March (required)',
  applications: 'Applications',
  disciplinary: 'Disciplinary investigations',
  training: 'Training and development',
  board: 'Board members',
  survey: 'Staff survey results',
  capability: 'Capability process (for the Workforce Disability Equality Standard)',
};

const PROBLEMS_SHOWN = 200;

/** WDES metric 9b's narrative comes as a text file beside the CSV files. */
const NARRATIVE_FIELD = 'wdes_9b';

interface ImportForm {
  organisation: string;
  newCode: string;
  newName: string;
  year: string;
}

/** Organisations this person may import into: where they are an analyst. */
function importableOrganisations(user: CurrentUser) {
  return user.memberships.filter((m) => m.role === 'analyst').map((m) => m.organisation);
}

function canImport(user: CurrentUser): boolean {
  return user.administrator || importableOrganisations(user).length > 0;
}

function formView(user: CurrentUser, form: Partial<ImportForm>, errors: { href: string; text: string }[]) {
  return {
    title: 'Import a reporting year',
    organisations: importableOrganisations(user),
    canCreate: user.administrator,
    kinds: SOURCE_KINDS.map((kind) => ({ kind, label: KIND_LABELS[kind] })),
    form, errors,
    errorFor: Object.fromEntries(errors.map((e) => [e.href.slice(1), e.text])),
  };
}

/** Reads the multipart form: the CSRF field first, then fields and one file per kind into `folder`. */
async function readUpload(request: FastifyRequest, folder: string): Promise<{ ok: true; form: ImportForm; files: SourceKind[] } | { ok: false; forbidden: true } | { ok: false; forbidden: false; message: string }> {
  const form: ImportForm = { organisation: '', newCode: '', newName: '', year: '' };
  const files: SourceKind[] = [];
  let csrfChecked = false;
  for await (const part of request.parts()) {
    if (!csrfChecked) {
      if (part.type !== 'field' || part.fieldname !== CSRF_FIELD || !verifyCsrf(request, String(part.value))) return { ok: false, forbidden: true };
      csrfChecked = true;
      continue;
    }
    if (part.type === 'field') {
      if (part.fieldname in form) form[part.fieldname as keyof ImportForm] = String(part.value).trim();
      continue;
    }
    const kind = SOURCE_KINDS.find((k) => k === part.fieldname);
    const extension = extname(part.filename).toLowerCase();
    if (part.fieldname === NARRATIVE_FIELD && part.filename) {
      if (extension !== '.txt') {
        part.file.resume();
        return { ok: false, forbidden: false, message: 'The WDES narrative must be a .txt file' };
      }
      await pipeline(part.file, createWriteStream(join(folder, NARRATIVE_FILE), { mode: 0o600 }));
      continue;
    }
    if (!kind || !part.filename) {
      part.file.resume();
      continue;
    }
    if (extension !== '.csv' && extension !== '.xlsx') {
      part.file.resume();
      return { ok: false, forbidden: false, message: `The ${kind} file must be a .csv or .xlsx file` };
    }
    await pipeline(part.file, createWriteStream(join(folder, `${kind}${extension}`), { mode: 0o600 }));
    if (part.file.truncated) return { ok: false, forbidden: false, message: `The ${kind} file is larger than the 200 MB limit` };
    files.push(kind);
  }
  return csrfChecked ? { ok: true, form, files } : { ok: false, forbidden: true };
}

function validateForm(user: CurrentUser, form: ImportForm, files: readonly SourceKind[]): { errors: { href: string; text: string }[]; organisation: NewOrganisation | null; year: number } {
  const errors: { href: string; text: string }[] = [];
  const year = /^\d{4}$/.test(form.year) ? Number(form.year) : NaN;
  let organisation: NewOrganisation | null = null;
  if (form.organisation === '__new') {
    if (!user.administrator) errors.push({ href: '#organisation', text: 'Only an administrator can add an organisation' });
    else if (!/^[A-Z0-9]{2,10}$/.test(form.newCode.toUpperCase())) errors.push({ href: '#newCode', text: 'Enter the organisation code, 2 to 10 letters or digits, for example RXX' });
    else if (form.newName === '') errors.push({ href: '#newName', text: 'Enter the organisation name' });
    else organisation = { code: form.newCode.toUpperCase(), name: form.newName };
  } else {
    const existing = importableOrganisations(user).find((o) => o.code === form.organisation);
    if (!existing) errors.push({ href: '#organisation', text: 'Choose an organisation you are an analyst for' });
    else organisation = { code: existing.code, name: existing.name };
  }
  // In the order the fields appear on the form, as the error summary should list them.
  if (!(year >= 2000 && year <= 2100)) errors.push({ href: '#year', text: 'Enter the reporting year as 4 digits, for example 2025' });
  if (!files.includes('staff')) errors.push({ href: '#staff', text: 'Choose the staff file: it is required' });
  return { errors, organisation, year };
}

export function registerImportRoutes(app: FastifyInstance, services: Services, jobs: ImportJobs): void {
  const render = (request: FastifyRequest, reply: FastifyReply, template: string, extra: { title: string } & Record<string, unknown>) =>
    reply.type('text/html').send(services.render(template, pageContext(request, reply, extra)));

  app.get('/import', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    if (!canImport(user)) return reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, { title: 'You cannot import', message: 'Only analysts and administrators can import data.' })));
    return render(request, reply, 'pages/import/form.njk', formView(user, {}, []));
  });

  app.post('/import', { config: { csrf: 'manual' } }, async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    if (!canImport(user)) return reply.code(403).send();
    const id = randomUUID();
    const folder = join(services.dataDir, 'uploads', id);
    await mkdir(folder, { recursive: true, mode: 0o700 });
    const upload = await readUpload(request, folder);
    if (!upload.ok) {
      await rm(folder, { recursive: true, force: true });
      if (upload.forbidden) return reply.code(403).type('text/html').send(services.render('pages/request-problem.njk', pageContext(request, reply, { title: 'There is a problem with the request', message: 'The form had expired or came from another site. Go back, reload the page and try again.' })));
      return render(request, reply, 'pages/import/form.njk', formView(user, {}, [{ href: '#staff', text: upload.message }]));
    }
    const checked = validateForm(user, upload.form, upload.files);
    if (checked.errors.length > 0 || !checked.organisation) {
      await rm(folder, { recursive: true, force: true });
      return render(request, reply.code(400), 'pages/import/form.njk', formView(user, upload.form, checked.errors));
    }
    const existing = await services.store.organisations.byCode(checked.organisation.code);
    const newOrganisation = upload.form.organisation === '__new';
    if (newOrganisation && existing) {
      // Never taken over through this form: the store refuses it too, should another import add the code meanwhile.
      await rm(folder, { recursive: true, force: true });
      const error = { href: '#newCode', text: new OrganisationExistsError(existing.code).message };
      return render(request, reply.code(400), 'pages/import/form.njk', formView(user, upload.form, [error]));
    }
    const headerMappings: ImportJob['headerMappings'] = {};
    if (existing) {
      for (const kind of upload.files) {
        const mapping = await services.store.columnMappings.get(existing.id, kind);
        if (mapping) headerMappings[kind] = mapping;
      }
    }
    jobs.start({ id, ownerId: user.id, organisation: checked.organisation, newOrganisation, year: checked.year, folder, headerMappings });
    return reply.redirect(`/import/${id}`, 303);
  });

  app.get<{ Params: { id: string } }>('/import/:id', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job) return reply.callNotFound();
    if (job.status !== 'running') await recordOutcome(services, user, job);
    return render(request, reply, 'pages/import/status.njk', statusView(job));
  });

  app.get<{ Params: { id: string } }>('/import/:id/problems.csv', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job || job.status !== 'failed') return reply.callNotFound();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="import-problems.csv"').send(problemsCsv(job.problems));
  });

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/import/:id/mapping', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job || job.status !== 'failed') return reply.callNotFound();
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

const audited = new WeakSet<ImportJob>();

/** Audits an import's outcome once, and on success remembers its column mappings and gives an administrator who
 * brought in a new organisation an analyst's membership of it (audited). */
async function recordOutcome(services: Services, user: CurrentUser, job: ImportJob): Promise<void> {
  if (audited.has(job)) return;
  audited.add(job);
  const organisation = await services.store.organisations.byCode(job.organisation.code);
  if (job.status === 'failed') {
    await services.store.audit.record({ userId: user.id, action: 'import-rejected', organisationId: organisation?.id ?? null, subject: `import/${job.year}`, details: { problems: job.problems.length } });
    return;
  }
  if (!organisation || !job.version) return;
  await services.store.audit.record({ userId: user.id, action: 'import', organisationId: organisation.id, subject: `import/${job.version.id}`, details: { year: job.year, version: job.version.version } });
  for (const [kind, mapping] of Object.entries(job.headerMappings) as [SourceKind, Record<string, string>][]) {
    await services.store.columnMappings.save(organisation.id, kind, mapping);
  }
  // Only the organisation this import created: any other was chosen from the person's own, as its analyst.
  if (job.newOrganisation && !user.memberships.some((m) => m.organisation.id === organisation.id)) {
    await services.store.users.setMembership(user.id, organisation.id, 'analyst');
    await services.store.audit.record({ userId: user.id, action: 'membership-changed', organisationId: organisation.id, subject: `user/${user.id}`, details: { role: 'analyst', previous: null, via: 'import of a new organisation' } });
  }
}

function statusView(job: ImportJob) {
  const sorted = sortByRow(job.problems);
  const missing = sorted.filter((p) => p.missingColumn?.kind);
  return {
    title: job.status === 'running' ? 'Importing' : job.status === 'failed' ? 'The files have problems' : 'Import complete',
    job,
    refresh: job.status === 'running',
    percent: job.total > 0 ? Math.round((job.done / job.total) * 100) : 0,
    problems: sorted.slice(0, PROBLEMS_SHOWN).map((p) => ({ ...p, text: formatProblem(p) })),
    moreProblems: Math.max(0, sorted.length - PROBLEMS_SHOWN),
    problemCount: sorted.length,
    mappings: missing.map((p) => ({
      field: `map.${p.missingColumn!.kind}.${p.missingColumn!.column}`,
      kind: p.missingColumn!.kind, column: p.missingColumn!.column, headers: p.missingColumn!.headers, file: p.file,
    })),
    dashboard: job.version ? `/organisations/${encodeURIComponent(job.organisation.code)}/${job.year}` : null,
  };
}
