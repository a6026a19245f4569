/**
 * The import's use-cases for the web, with no HTTP: where an upload is sealed, the organisation an import goes
 * into, the column mappings remembered for it, the outcome of a finished job (audited once; on success its mappings
 * remembered, and an administrator who brought in a new organisation made its analyst), and the problems of a
 * rejected import, located and in row order. The checking and writing itself is the import job's (services/).
 */
import { join } from 'node:path';
import type { SourceKind } from '../../core/records.ts';
import { NARRATIVE_FILE } from '../../ingest/load-folder.ts';
import { formatProblem, type Problem, problemsCsv, sortByRow } from '../../ingest/problem.ts';
import type { ImportJob } from '../../services/import-jobs.ts';
import { SealedUpload } from '../../services/sealed-upload.ts';
import { type Membership, type NewOrganisation, type Organisation, OrganisationExistsError, type Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** The file name WDES metric 9b's narrative is kept under beside the year's files. */
export const NARRATIVE_UPLOAD_NAME = NARRATIVE_FILE;

/** A new upload's sealed folder under the data folder. Nothing is written until the first file arrives. */
export function openUpload(services: { readonly dataDir: string }, id: string): SealedUpload {
  return new SealedUpload(join(services.dataDir, 'uploads', id));
}

export type ImportTarget =
  | { readonly ok: true; readonly existing: Organisation | null }
  | { readonly ok: false; readonly message: string };

/** The organisation the import goes into; a new organisation's code must not be taken. */
export async function importTarget(services: WithStore, organisation: NewOrganisation, newOrganisation: boolean): Promise<ImportTarget> {
  const existing = await services.store.organisations.byCode(organisation.code);
  // Never taken over through the form: the store refuses it too, should another import add the code meanwhile.
  if (newOrganisation && existing) return { ok: false, message: new OrganisationExistsError(existing.code).message };
  return { ok: true, existing: existing ?? null };
}

/** The column mappings remembered for the organisation, for the kinds of file uploaded. */
export async function rememberedMappings(services: WithStore, organisation: Organisation | null, kinds: readonly SourceKind[]): Promise<ImportJob['headerMappings']> {
  const headerMappings: ImportJob['headerMappings'] = {};
  if (organisation) {
    for (const kind of kinds) {
      const mapping = await services.store.columnMappings.get(organisation.id, kind);
      if (mapping) headerMappings[kind] = mapping;
    }
  }
  return headerMappings;
}

const audited = new WeakSet<ImportJob>();

/** Audits an import's outcome once, and on success remembers its column mappings and gives an administrator who
 * brought in a new organisation an analyst's membership of it (audited). */
export async function recordOutcome(services: WithStore, user: { readonly id: number; readonly memberships: readonly Membership[] }, job: ImportJob): Promise<void> {
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

/** A rejected import's problems in row order, each with its sentence. */
export function sortedProblems(problems: readonly Problem[]) {
  return sortByRow(problems).map((p) => ({ ...p, text: formatProblem(p) }));
}

/** A rejected import's problems as CSV. */
export function problemsCsvOf(problems: readonly Problem[]): string {
  return problemsCsv(problems);
}
