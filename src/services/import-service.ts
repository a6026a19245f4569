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
import { countEveryStandard } from './import-counts.ts';
import { importWhileReading } from './import-streamed.ts';
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
  // On PostgreSQL a folder's records are written as it is read (import-streamed.ts); the standards counted are then
  // every one Mirror ships, as the reading thread knows no others.
  if (!options.uploaded && !options.standards && store.imports.copiesRecords) {
    const head = {
      organisation: options.organisation, newOrganisation: options.newOrganisation ?? false, year: options.year,
      importedBy: options.importedBy, channel: options.channel,
    };
    try {
      let written = 0;
      const streamed = await importWhileReading(store, folder, { head, load: loadOptions, key: options.key, onWritten: (rows) => (written = rows) });
      if (streamed.ok === false) return { ok: false, problems: streamed.problems };
      if (streamed.ok === true) {
        // The stages as when the folder is read first, though here they ran together.
        progress('reading files', 1, 1);
        progress('counting', 0, 1);
        progress('counting', 1, 1);
        progress('writing', written, written);
        await keepImportFigures(store, defaultStandards(), streamed.version, DEFAULT_DISCLOSURE_POLICY);
        return { ok: true, version: streamed.version };
      }
    } catch (error) {
      if (error instanceof OrganisationExistsError) return organisationExists(error.code);
      throw error;
    }
    // Otherwise nothing was written, and the folder is read first, as below.
  }
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
  const registry = options.standards ?? defaultStandards();
  const counted = countEveryStandard(registry, loaded.dataset, period);
  if (!counted.ok) return withFiles({ ok: false, problems: counted.problems });
  const standardCounts = counted.counts;
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
