/**
 * Importing a reporting year from the browser. The form takes one file per kind; each file is encrypted as it
 * arrives into a private folder (sealed-upload.ts), checked in full and written in one transaction by a background
 * job in a worker thread whose page shows progress, then every problem (file, row, column, value, what was expected)
 * with a CSV of them, or the result. When a file's headings differ from the canonical names, the page offers to map
 * them and remembers the mapping for the organisation. A request that ends before a job starts (refused, invalid,
 * not multipart, a file too large) deletes whatever it had received; the job deletes the files when it ends.
 */
import { extname, join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { SOURCE_KINDS, type SourceKind } from '../../core/records.ts';
import { NARRATIVE_FILE } from '../../ingest/load-folder.ts';
import { formatProblem, problemsCsv, sortByRow } from '../../ingest/problem.ts';
import type { ImportJob, ImportJobs } from '../../services/import-jobs.ts';
import { SealedUpload } from '../../services/sealed-upload.ts';
import { OrganisationExistsError, type NewOrganisation } from '../../store/store.ts';
import type { Services } from '../services.ts';
import { requireSignedIn, verifyCsrf, CSRF_FIELD, type CurrentUser } from '../auth/plugin.ts';
import { MAX_UPLOAD_SETTING, type UploadLimits } from '../config.ts';
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

type UploadResult =
  | { ok: true; form: ImportForm; files: SourceKind[] }
  | { ok: false; forbidden: true }
  | { ok: false; forbidden: false; status: number; message: string };

function tooLarge(field: string, limits: UploadLimits): UploadResult {
  const mb = Math.floor(limits.maxUploadBytes / (1024 * 1024));
  return {
    ok: false, forbidden: false, status: 413,
    message: `The ${field} file is larger than ${mb} MB, the most Mirror accepts for one file. ` +
      `Split it, or ask whoever runs Mirror to raise ${MAX_UPLOAD_SETTING}`,
  };
}

/** Reads the multipart form: the CSRF field first, then fields and one file per kind, sealed into `upload`. */
async function readUpload(request: FastifyRequest, upload: SealedUpload, limits: UploadLimits): Promise<UploadResult> {
  try {
    return await readParts(request, upload, limits);
  } catch (error) {
    const { code, part } = error as { code?: string; part?: { fieldname?: string } };
    if (code === 'FST_REQ_FILE_TOO_LARGE') return tooLarge(part?.fieldname === NARRATIVE_FIELD ? 'WDES narrative' : part?.fieldname ?? 'uploaded', limits);
    throw error;
  }
}

async function readParts(request: FastifyRequest, upload: SealedUpload, limits: UploadLimits): Promise<UploadResult> {
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
        return { ok: false, forbidden: false, status: 400, message: 'The WDES narrative must be a .txt file' };
      }
      await upload.write(NARRATIVE_FILE, part.file);
      if (part.file.truncated) return tooLarge('WDES narrative', limits);
      continue;
    }
    if (!kind || !part.filename) {
      part.file.resume();
      continue;
    }
    if (extension !== '.csv' && extension !== '.xlsx') {
      part.file.resume();
      return { ok: false, forbidden: false, status: 400, message: `The ${kind} file must be a .csv or .xlsx file` };
    }
    await upload.write(`${kind}${extension}`, part.file);
    if (part.file.truncated) return tooLarge(kind, limits);
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

export function registerImportRoutes(app: FastifyInstance, services: Services, jobs: ImportJobs, limits: UploadLimits): void {
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
    if (!request.isMultipart()) {
      return render(request, reply.code(415), 'pages/import/form.njk', formView(user, {}, [{ href: '#staff', text: 'Send the form with its files, from the import page' }]));
    }
    const id = randomUUID();
    // Nothing is written until the first file arrives. Unless a job takes the upload, whatever was received is
    // deleted before the answer is sent.
    const upload = new SealedUpload(join(services.dataDir, 'uploads', id));
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
      return refuse(() => render(request, reply.code(received.status), 'pages/import/form.njk', formView(user, {}, [{ href: '#staff', text: received.message }])));
    }
    const checked = validateForm(user, received.form, received.files);
    if (checked.errors.length > 0 || !checked.organisation) {
      return refuse(() => render(request, reply.code(400), 'pages/import/form.njk', formView(user, received.form, checked.errors)));
    }
    const existing = await services.store.organisations.byCode(checked.organisation.code);
    const newOrganisation = received.form.organisation === '__new';
    if (newOrganisation && existing) {
      // Never taken over through this form: the store refuses it too, should another import add the code meanwhile.
      const error = { href: '#newCode', text: new OrganisationExistsError(existing.code).message };
      return refuse(() => render(request, reply.code(400), 'pages/import/form.njk', formView(user, received.form, [error])));
    }
    const headerMappings: ImportJob['headerMappings'] = {};
    if (existing) {
      for (const kind of received.files) {
        const mapping = await services.store.columnMappings.get(existing.id, kind);
        if (mapping) headerMappings[kind] = mapping;
      }
    }
    jobs.start({ id, ownerId: user.id, organisation: checked.organisation, newOrganisation, year: checked.year, upload, headerMappings });
    return () => reply.redirect(`/import/${id}`, 303);
  }

  app.get<{ Params: { id: string } }>('/import/:id', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (!job) return reply.callNotFound();
    if (job.status !== 'running') await recordOutcome(services, user, job);
    return render(request, reply, 'pages/import/status.njk', statusView(job, jobs.canRetry(job)));
  });

  app.get<{ Params: { id: string } }>('/import/:id/problems.csv', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const job = jobs.get(request.params.id, user.id);
    if (job?.status !== 'failed') return reply.callNotFound();
    return reply.type('text/csv; charset=utf-8').header('content-disposition', 'attachment; filename="import-problems.csv"').send(problemsCsv(job.problems));
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

/** `canRetry`: the files are still kept, so the page can offer to map headings and check them again. */
function statusView(job: ImportJob, canRetry: boolean) {
  const sorted = sortByRow(job.problems);
  const missing = canRetry ? sorted.filter((p) => p.missingColumn?.kind) : [];
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
