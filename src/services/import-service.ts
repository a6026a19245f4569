/**
 * Imports one reporting year's folder into the store: every file is read and checked and the counts made first;
 * only when all of that succeeds are staff ids pseudonymised and everything written, in one transaction. So a
 * folder with problems writes nothing, and the problems come back located, as the command line shows them.
 */
import type { Problem } from '../core/problem.ts';
import { defaultStandards } from '../core/standards/index.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import type { StandardRegistry } from '../core/standards/registry.ts';
import { reportingPeriod, type ReportingPeriod } from '../core/wres/reporting-period.ts';
import { loadWorkforceFolder, type LoadFolderOptions, type LoadFolderResult } from '../ingest/load-folder.ts';
import { loadUploadedFiles, type LoadUploadOptions, type RecognisedFile, type UploadedFile } from '../ingest/load-upload.ts';
import { OrganisationExistsError, type ImportVersion, type NewImport, type NewOrganisation, type Store } from '../store/store.ts';
import { pseudonymiser } from './pseudonym.ts';
import { keepImportFigures } from './region-figures.ts';
import { storedRecordsOf } from './stored-records.ts';

export type ImportStage = 'reading files' | 'counting' | 'writing';

export interface ImportFolderOptions {
  readonly organisation: NewOrganisation;
  /** True when the import adds a new organisation: refused, with nothing written, if the code is taken. */
  readonly newOrganisation?: boolean;
  readonly year: number;
  readonly channel: NewImport['channel'];
  /** User id, or null for the command line and the demonstration loader. */
  readonly importedBy: number | null;
  /** The pseudonym key (see pseudonym.ts). */
  readonly key: Uint8Array;
  /** Headers this organisation uses for canonical columns, per file kind (from the column-mapping page). */
  readonly headerMappings?: LoadFolderOptions['headerMappings'];
  /** The standards counted and kept for the pages (default: every standard Mirror ships). */
  readonly standards?: StandardRegistry;
  /** Limits on rows, cell length and unpacked size; by default this process's (see ingest/limits.ts). */
  readonly limits?: LoadFolderOptions['limits'];
  /**
   * Files chosen in the browser, under any names: each table's kind is recognised from its headings (and these
   * presets), a zip is opened, and a file chosen in a later attempt replaces the earlier one of its kind. Without
   * it, `folder` holds one file per kind named after it (staff.csv), as the command line reads it.
   */
  readonly uploaded?: { readonly files: readonly UploadedFile[]; readonly presets?: LoadUploadOptions['presets']; readonly chosenKinds?: LoadUploadOptions['chosenKinds'] };
  /** Told of each stage's progress, for a progress bar or page; `done` of `total` (files, steps or records). */
  readonly onProgress?: (stage: ImportStage, done: number, total: number) => void;
}

/** `files`: what became of each uploaded file (see `uploaded`), when there were any. */
export type ImportFolderResult =
  | { readonly ok: true; readonly version: ImportVersion; readonly files?: readonly RecognisedFile[] }
  | { readonly ok: false; readonly problems: readonly Problem[]; readonly files?: readonly RecognisedFile[] };

export async function importFolder(store: Store, folder: string, options: ImportFolderOptions): Promise<ImportFolderResult> {
  const progress = options.onProgress ?? (() => {});
  const period = periodOf(options.year);
  if (!period) return { ok: false, problems: [{ file: folder, value: String(options.year), message: 'this is not a reporting year', expected: 'a year from 2000 to 2100' }] };

  if (options.newOrganisation && (await store.organisations.byCode(options.organisation.code))) return organisationExists(options.organisation.code);

  progress('reading files', 0, 1);
  const loadOptions = { headerMappings: options.headerMappings, year: options.year, limits: options.limits };
  let loaded: LoadFolderResult;
  let files: readonly RecognisedFile[] | undefined;
  if (options.uploaded) {
    ({ result: loaded, files } = await loadUploadedFiles(folder, options.uploaded.files, { ...loadOptions, presets: options.uploaded.presets, chosenKinds: options.uploaded.chosenKinds }));
  } else {
    loaded = await loadWorkforceFolder(folder, loadOptions);
  }
  const withFiles = <R extends ImportFolderResult>(result: R): R => (files ? { ...result, files } : result);
  if (!loaded.ok) return withFiles({ ok: false, problems: loaded.problems });
  progress('reading files', 1, 1);

  progress('counting', 0, 1);
  // Every registered standard counts the same records. Standards that count a subset of another's rows (the
  // medical workforce is WRES's count over medical staff) find the same problems: each is told once.
  const standardCounts: Record<string, unknown> = {};
  const problems = new Map<string, Problem>();
  const registry = options.standards ?? defaultStandards();
  for (const standard of registry.all()) {
    const counted = standard.count(loaded.dataset, period);
    if (counted.ok) standardCounts[standard.id] = counted.value;
    else for (const problem of counted.problems) problems.set(JSON.stringify(problem), problem);
  }
  if (problems.size > 0) return withFiles({ ok: false, problems: [...problems.values()] });
  progress('counting', 1, 1);

  const records = storedRecordsOf(loaded.dataset, pseudonymiser(options.key, options.organisation.code));
  const newImport: NewImport = {
    organisation: options.organisation,
    newOrganisation: options.newOrganisation ?? false,
    year: options.year,
    importedBy: options.importedBy,
    channel: options.channel,
    sources: loaded.dataset.sources,
    notes: loaded.notes,
    records,
    standardCounts,
  };
  try {
    const version = await store.imports.create(newImport, { onProgress: (written, total) => progress('writing', written, total) });
    await keepImportFigures(store, registry, version, DEFAULT_DISCLOSURE_POLICY);
    return withFiles({ ok: true, version });
  } catch (error) {
    // Checked again in the store's transaction, in case another import added the code meanwhile.
    if (error instanceof OrganisationExistsError) return organisationExists(error.code);
    throw error;
  }
}

function organisationExists(code: string): ImportFolderResult {
  return { ok: false, problems: [{ file: 'organisation', message: new OrganisationExistsError(code).message }] };
}

function periodOf(year: number): ReportingPeriod | null {
  try {
    return reportingPeriod(year);
  } catch {
    return null;
  }
}
