/**
 * The import's use-cases for the web, with no HTTP: where an upload is sealed, the organisation an import goes
 * into, the column mappings remembered for it, the outcome of a finished job (audited once; on success its mappings
 * remembered, and an administrator who brought in a new organisation made its analyst), and the problems of a
 * rejected import, located and in row order. The checking and writing itself is the import job's (services/).
 */
import { join } from 'node:path';
import { SOURCE_KINDS, type SourceKind } from '../../core/records.ts';
import { SHIPPED_PRESETS } from '../../ingest/presets.ts';
import { formatProblem, type Problem, problemsCsv, sortByRow } from '../../ingest/problem.ts';
import { isSystemFile, type UploadedFile } from '../../ingest/load-upload.ts';
import { KIND_HEADINGS, type MappingPreset } from '../../ingest/recognise.ts';
import type { ImportJob } from '../../services/import-jobs.ts';
import { SealedUpload } from '../../services/sealed-upload.ts';
import { type Membership, type NewOrganisation, type Organisation, OrganisationExistsError, type Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

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

/** The column mappings remembered for the organisation, for every kind of file. */
export async function rememberedMappings(services: WithStore, organisation: Organisation | null): Promise<ImportJob['headerMappings']> {
  const headerMappings: ImportJob['headerMappings'] = {};
  if (organisation) {
    for (const kind of SOURCE_KINDS) {
      const mapping = await services.store.columnMappings.get(organisation.id, kind);
      if (mapping) headerMappings[kind] = mapping;
    }
  }
  return headerMappings;
}

/** The presets a file's headings are tried against: Mirror's own, then those people saved, by name. */
export async function mappingPresets(services: WithStore): Promise<MappingPreset[]> {
  const saved = await services.store.columnMappings.presets();
  return [...SHIPPED_PRESETS, ...saved.map(({ name, kind, mapping }) => ({ name, kind, mapping }))];
}

export const PRESET_NAME_MAX = 80;

/** Why a preset name cannot be used for these kinds of file, or null when it can. */
export async function presetNameProblem(services: WithStore, name: string, kinds: readonly SourceKind[]): Promise<string | null> {
  if (name.length > PRESET_NAME_MAX) return `Enter a preset name of at most ${PRESET_NAME_MAX} characters`;
  if (kinds.length === 0) return 'Choose at least one heading to save as a preset';
  const taken = (await mappingPresets(services)).filter((p) => p.name.toLowerCase() === name.toLowerCase() && kinds.includes(p.kind));
  return taken.length > 0 ? `A preset called "${taken[0]!.name}" already exists for ${taken.map((p) => p.kind).join(' and ')} files; choose another name` : null;
}

/** Each job's outcome already recorded: a job run again (after its files were fixed) has a new outcome. */
const audited = new WeakMap<ImportJob, object>();

/** Audits an import's outcome once, and on success remembers its column mappings and gives an administrator who
 * brought in a new organisation an analyst's membership of it (audited). */
export async function recordOutcome(services: WithStore, user: { readonly id: number; readonly memberships: readonly Membership[] }, job: ImportJob): Promise<void> {
  const outcome = job.version ?? job.problems;
  if (audited.get(job) === outcome) return;
  audited.set(job, outcome);
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
  // Headings mapped on this import's page, shared under the name given, now that they have read cleanly.
  if (job.presetName) {
    for (const [kind, mapping] of Object.entries(job.mappedHere) as [SourceKind, Record<string, string>][]) {
      const saved = await services.store.columnMappings.savePreset({ name: job.presetName, kind, mapping, organisationId: organisation.id, createdBy: user.id });
      if (saved) await services.store.audit.record({ userId: user.id, action: 'mapping-preset-saved', organisationId: organisation.id, subject: `mapping-preset/${kind}`, details: { name: job.presetName, kind, headings: Object.keys(mapping).length } });
    }
  }
  // Only the organisation this import created: any other was chosen from the person's own, as its analyst.
  if (job.newOrganisation && !user.memberships.some((m) => m.organisation.id === organisation.id)) {
    await services.store.users.setMembership(user.id, organisation.id, 'analyst');
    await services.store.audit.record({ userId: user.id, action: 'membership-changed', organisationId: organisation.id, subject: `user/${user.id}`, details: { role: 'analyst', previous: null, via: 'import of a new organisation' } });
  }
}

export { formatProblem, isSystemFile, KIND_HEADINGS, type Problem, type UploadedFile };

/** A rejected import's problems in row order, each with its sentence. */
export function sortedProblems(problems: readonly Problem[]) {
  return sortByRow(problems).map((p) => ({ ...p, text: formatProblem(p) }));
}

/** A rejected import's problems as CSV. */
export function problemsCsvOf(problems: readonly Problem[]): string {
  return problemsCsv(problems);
}
