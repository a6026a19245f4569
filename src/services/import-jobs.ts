/**
 * Imports started from the browser run in the background so the page can show progress (it refreshes itself; no
 * JavaScript needed), and each runs in a worker thread (import-worker.ts) with its own store connection, so a large
 * file never holds up the web server: other pages and /healthz answer while it reads, counts and writes.
 *
 * The uploaded files arrive sealed (sealed-upload.ts: encrypted with a key held only here, in memory). They are
 * deleted as soon as a run succeeds. When it fails they are kept, sealed, for an hour at most, so a person can map
 * headings, say what kind a file is, or choose again only the files with problems (a later attempt's file replaces
 * the earlier file of its kind, which is then deleted) and run the same set again without uploading it all.
 * Jobs live in this process only: a restart forgets them and their keys, and the start-up sweep deletes what was left.
 * Nothing half-imported can exist because the store writes an import in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { Problem } from '../core/problem.ts';
import type { SourceKind } from '../core/records.ts';
import type { HeaderMapping } from '../ingest/columns.ts';
import type { ReadLimits } from '../ingest/limits.ts';
import type { RecognisedFile, UploadedFile } from '../ingest/load-upload.ts';
import type { MappingPreset } from '../ingest/recognise.ts';
import type { StoreConfig } from '../store/create-store.ts';
import type { ImportVersion, NewOrganisation } from '../store/store.ts';
import type { ImportStage } from './import-service.ts';
import type { ImportWorkerData, ImportWorkerMessage } from './import-worker.ts';
import type { SealedUpload } from './sealed-upload.ts';

export type JobStatus = 'running' | 'failed' | 'succeeded';

export interface ImportJob {
  readonly id: string;
  readonly ownerId: number;
  readonly organisation: NewOrganisation;
  /** The person chose "a new organisation": the import is refused if the code is already taken. */
  readonly newOrganisation: boolean;
  readonly year: number;
  status: JobStatus;
  stage: ImportStage | 'waiting';
  done: number;
  total: number;
  problems: readonly Problem[];
  version: ImportVersion | null;
  headerMappings: Partial<Record<SourceKind, HeaderMapping>>;
  /**
   * The files chosen in the browser, in attempts (see ingest/load-upload.ts), and what became of each on the last
   * run; without them the upload holds one file per kind named after it.
   */
  files?: UploadedFile[];
  recognised: readonly RecognisedFile[];
  /** Mapping presets tried on the files' headings. */
  readonly presets: readonly MappingPreset[];
  /** The kind a person said a file is, by file id. */
  chosenKinds: Record<string, SourceKind>;
  /** The headings mapped on this job's page, per kind, and the name to share them under as presets, if given. */
  mappedHere: Partial<Record<SourceKind, HeaderMapping>>;
  presetName: string | null;
  readonly startedAt: Date;
}

/** What a job starts with; the rest begins empty. */
export interface JobStart {
  ownerId: number;
  organisation: NewOrganisation;
  newOrganisation?: boolean;
  year: number;
  upload: SealedUpload;
  headerMappings: ImportJob['headerMappings'];
  files?: UploadedFile[];
  presets?: readonly MappingPreset[];
  id?: string;
}

type Outcome =
  | { readonly ok: true; readonly version: ImportVersion; readonly files?: readonly RecognisedFile[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly files?: readonly RecognisedFile[] };

export const JOB_LIFETIME_MS = 60 * 60 * 1000;

const FAULT: Problem = { file: 'import', message: 'the import stopped because of an unexpected fault; nothing was saved' };
const OUT_OF_MEMORY: Problem = {
  file: 'import',
  message: 'the import ran out of memory and stopped; nothing was saved. Split the largest file, or ask whoever runs Mirror to lower MIRROR_MAX_ROWS or give the server more memory',
};

const WORKER_ENTRY = new URL('./import-worker-entry.mjs', import.meta.url);

export interface ImportJobsOptions {
  /** How the worker opens its own connection to the same store. */
  readonly storeConfig: StoreConfig;
  /** The pseudonym key (see pseudonym.ts). */
  readonly key: Uint8Array;
  readonly clock: () => Date;
  readonly limits: ReadLimits;
}

export class ImportJobs {
  readonly #jobs = new Map<string, ImportJob>();
  /** Sealed files kept for a job that failed, so it can run again; each deleted after JOB_LIFETIME_MS. */
  readonly #uploads = new Map<string, { upload: SealedUpload; expiry: NodeJS.Timeout }>();
  readonly #workers = new Set<Worker>();
  readonly #runs = new Set<Promise<void>>();

  constructor(private readonly options: ImportJobsOptions) {}

  /** Starts a job on an upload, which it then owns and deletes; the caller has already checked who may import what. */
  start(options: JobStart): ImportJob {
    this.#forgetExpired();
    const job: ImportJob = {
      id: options.id ?? randomUUID(), ownerId: options.ownerId, organisation: options.organisation,
      newOrganisation: options.newOrganisation ?? false, year: options.year,
      status: 'running', stage: 'waiting', done: 0, total: 1, problems: [], version: null,
      headerMappings: options.headerMappings, files: options.files, recognised: [], presets: options.presets ?? [],
      chosenKinds: {}, mappedHere: {}, presetName: null, startedAt: this.options.clock(),
    };
    this.#begin(job, options.upload);
    return job;
  }

  #begin(job: ImportJob, upload: SealedUpload): void {
    Object.assign(job, { status: 'running', stage: 'waiting', done: 0, total: 1, problems: [], version: null });
    this.#jobs.set(job.id, job);
    const run = this.#run(job, upload).finally(() => this.#runs.delete(run));
    this.#runs.add(run);
  }

  /** Whether the job's files are still kept (sealed) so it can run again, e.g. after its column mapping changed. */
  canRetry(job: ImportJob): boolean {
    return job.status === 'failed' && this.#uploads.has(job.id);
  }

  /** The kept upload, no longer kept (the caller owns it now), or undefined. */
  #takeUpload(id: string): SealedUpload | undefined {
    const kept = this.#uploads.get(id);
    if (!kept) return undefined;
    clearTimeout(kept.expiry);
    this.#uploads.delete(id);
    return kept.upload;
  }

  /** The kept files of a failed job, still kept (to add files to before `retry`), or undefined. */
  keptUpload(job: ImportJob): SealedUpload | undefined {
    return job.status === 'failed' ? this.#uploads.get(job.id)?.upload : undefined;
  }

  /** Runs the job again on its kept files, with `added` files as a new attempt; false when they are no longer kept. */
  retry(job: ImportJob, added: readonly UploadedFile[] = []): boolean {
    if (job.status !== 'failed') return false;
    const upload = this.#takeUpload(job.id);
    if (!upload) return false;
    if (job.files && added.length > 0) job.files = [...job.files, ...added];
    this.#begin(job, upload);
    return true;
  }

  /** The next attempt's number for a job's files. */
  nextAttempt(job: ImportJob): number {
    return Math.max(0, ...(job.files ?? []).map((f) => f.attempt)) + 1;
  }

  /** The job, only for the person who started it. */
  get(id: string, ownerId: number): ImportJob | null {
    const job = this.#jobs.get(id);
    return job && job.ownerId === ownerId ? job : null;
  }

  /** Resolves when the job has finished (for the command line and tests). */
  async settled(id: string): Promise<ImportJob | null> {
    for (;;) {
      const job = this.#jobs.get(id);
      if (job?.status !== 'running') return job ?? null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  /** Stops running imports (their transactions roll back) and deletes every upload; for shutting down. */
  async close(): Promise<void> {
    await Promise.all([...this.#workers].map((worker) => worker.terminate()));
    await Promise.all([...this.#runs]);
    await Promise.all([...this.#uploads.keys()].map((id) => this.#takeUpload(id)?.remove()));
  }

  async #run(job: ImportJob, upload: SealedUpload): Promise<void> {
    const outcome = await this.#inWorker(job, upload);
    job.recognised = outcome.files ?? [];
    // A file replaced by a later attempt's file of its kind is deleted now (a zip only when all of it was replaced).
    if (job.files) {
      const replaced = job.files.filter((f) => {
        const parts = job.recognised.filter((r) => r.id === f.stored || r.id.startsWith(`${f.stored}#`));
        return parts.length > 0 && parts.every((r) => r.superseded);
      });
      for (const file of replaced) await upload.delete(file.stored);
      job.files = job.files.filter((f) => !replaced.includes(f));
    }
    // The files go before the page can say the import has ended; after a failure they are kept, sealed, so the
    // page can offer to map headings or replace files and run again without uploading everything.
    if (!outcome.ok && (job.files !== undefined || outcome.problems.some((p) => p.missingColumn?.kind))) {
      const expiry = setTimeout(() => void this.#takeUpload(job.id)?.remove(), JOB_LIFETIME_MS).unref();
      this.#uploads.set(job.id, { upload, expiry });
    } else {
      await upload.remove();
    }
    if (outcome.ok) {
      job.version = outcome.version;
      job.status = 'succeeded';
    } else {
      job.problems = outcome.problems;
      job.status = 'failed';
    }
  }

  #inWorker(job: ImportJob, upload: SealedUpload): Promise<Outcome> {
    const data: ImportWorkerData = {
      storeConfig: this.options.storeConfig,
      upload: upload.handle,
      options: {
        organisation: job.organisation, newOrganisation: job.newOrganisation, year: job.year, channel: 'web', importedBy: job.ownerId, key: this.options.key,
        headerMappings: job.headerMappings, limits: this.options.limits,
        ...(job.files ? { uploaded: { files: job.files, presets: job.presets, chosenKinds: job.chosenKinds } } : {}),
      },
    };
    return new Promise((resolve) => {
      // No execArgv: the entry registers TypeScript itself (see import-worker-entry.mjs).
      const worker = new Worker(WORKER_ENTRY, { workerData: data, execArgv: [] });
      this.#workers.add(worker);
      let outcome: Outcome = { ok: false, problems: [FAULT] };
      worker.on('message', (message: ImportWorkerMessage) => {
        if (message.type === 'progress') Object.assign(job, { stage: message.stage, done: message.done, total: message.total });
        else if (message.type === 'result') outcome = message.result;
      });
      worker.on('error', (error: Error & { code?: string }) => {
        outcome = { ok: false, problems: [error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? OUT_OF_MEMORY : FAULT] };
      });
      worker.on('exit', () => {
        this.#workers.delete(worker);
        resolve(outcome);
      });
    });
  }

  #forgetExpired(): void {
    const now = this.options.clock().getTime();
    for (const [id, job] of this.#jobs) {
      if (job.status !== 'running' && now - job.startedAt.getTime() > JOB_LIFETIME_MS) {
        this.#jobs.delete(id);
        void this.#takeUpload(id)?.remove();
      }
    }
  }
}
