/**
 * Imports started from the browser run in the background so the page can show progress (it refreshes itself; no
 * JavaScript needed) and large files do not hold a request open. A job keeps its uploaded files until it succeeds or
 * an hour passes, so a person can map columns and try again without uploading again. Jobs live in this process only:
 * a restart forgets them, and nothing half-imported can exist because the store writes an import in one transaction.
 */
import { randomUUID } from 'node:crypto';
import { rm } from 'node:fs/promises';
import type { Problem } from '../core/problem.ts';
import type { SourceKind } from '../core/records.ts';
import type { HeaderMapping } from '../ingest/columns.ts';
import type { ImportVersion, NewOrganisation, Store } from '../store/store.ts';
import { importFolder, type ImportStage } from './import-service.ts';

export type JobStatus = 'running' | 'failed' | 'succeeded';

export interface ImportJob {
  readonly id: string;
  readonly ownerId: number;
  readonly organisation: NewOrganisation;
  /** True when the job adds a new organisation (refused if the code is taken). */
  readonly newOrganisation: boolean;
  readonly year: number;
  readonly folder: string;
  status: JobStatus;
  stage: ImportStage | 'waiting';
  done: number;
  total: number;
  problems: readonly Problem[];
  version: ImportVersion | null;
  headerMappings: Partial<Record<SourceKind, HeaderMapping>>;
  readonly startedAt: Date;
}

export const JOB_LIFETIME_MS = 60 * 60 * 1000;

export class ImportJobs {
  readonly #jobs = new Map<string, ImportJob>();

  constructor(
    private readonly store: Store,
    private readonly key: Uint8Array,
    private readonly clock: () => Date,
  ) {}

  /** Starts a job on a folder of uploaded files; the caller has already checked who may import what. */
  start(options: { ownerId: number; organisation: NewOrganisation; newOrganisation?: boolean; year: number; folder: string; headerMappings: ImportJob['headerMappings']; id?: string }): ImportJob {
    this.#forgetExpired();
    const job: ImportJob = {
      id: options.id ?? randomUUID(), ownerId: options.ownerId, organisation: options.organisation,
      newOrganisation: options.newOrganisation ?? false, year: options.year,
      folder: options.folder, status: 'running', stage: 'waiting', done: 0, total: 1, problems: [], version: null,
      headerMappings: options.headerMappings, startedAt: this.clock(),
    };
    this.#jobs.set(job.id, job);
    void this.#run(job);
    return job;
  }

  /** Runs the job again on the same files, e.g. after its column mapping changed. */
  retry(job: ImportJob): ImportJob {
    return this.start({ ...job, id: job.id });
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
      if (!job || job.status !== 'running') return job ?? null;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  async #run(job: ImportJob): Promise<void> {
    try {
      const result = await importFolder(this.store, job.folder, {
        organisation: job.organisation, newOrganisation: job.newOrganisation, year: job.year, channel: 'web', importedBy: job.ownerId, key: this.key,
        headerMappings: job.headerMappings,
        onProgress: (stage, done, total) => Object.assign(job, { stage, done, total }),
      });
      if (result.ok) {
        job.version = result.version;
        job.status = 'succeeded';
        await rm(job.folder, { recursive: true, force: true });
      } else {
        job.problems = result.problems;
        job.status = 'failed';
      }
    } catch {
      job.problems = [{ file: 'import', message: 'the import stopped because of an unexpected fault; nothing was saved' }];
      job.status = 'failed';
    }
  }

  #forgetExpired(): void {
    const now = this.clock().getTime();
    for (const [id, job] of this.#jobs) {
      if (job.status !== 'running' && now - job.startedAt.getTime() > JOB_LIFETIME_MS) {
        this.#jobs.delete(id);
        void rm(job.folder, { recursive: true, force: true });
      }
    }
  }
}
