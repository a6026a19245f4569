/**
 * Loads the files a person chose, all at once and under any names, into a WorkforceDataset: each table's kind is
 * recognised from its headings (recognise.ts), a .zip is opened and its files taken as if chosen one by one, and
 * WDES metric 9b's narrative is the .txt file whose first line is yes or no. All-or-nothing, as loadWorkforceFolder.
 *
 * Files come in attempts: after a problem a person chooses again only the files that had one. A file of a kind
 * chosen in a later attempt replaces the earlier file of that kind; two files of one kind in the same attempt are a
 * problem naming both. A table whose kind cannot be recognised is a problem naming the file and its headings. Files
 * a system leaves in folders and zips (names starting with "." or "~$", __MACOSX, Thumbs.db, desktop.ini) are
 * skipped; any other file that is not a table, a zip or the narrative is listed in the notes as not read.
 */
import { mkdir, readFile } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { SOURCE_KINDS, type SourceKind, type WorkforceDataset } from '../core/records.ts';
import { processReadLimits } from './limits.ts';
import { isReadme, type KindSource, type LoadFolderOptions, type LoadFolderResult, parseNarrative, readDataset } from './load-folder.ts';
import type { Problem } from './problem.ts';
import { readTable } from './read-table.ts';
import { KIND_HEADINGS, type MappingPreset, recogniseKind } from './recognise.ts';
import type { ReadTableResult } from './table.ts';
import { unzipInto } from './unzip.ts';

/** One file as chosen: its name in the upload folder, the name it was chosen with, and the attempt that brought it. */
export interface UploadedFile {
  readonly stored: string;
  readonly name: string;
  readonly attempt: number;
}

export type FileKind = SourceKind | 'narrative';

/** What became of one file (or one file inside a zip, whose id is the zip's stored name, "#" and its place). */
export interface RecognisedFile {
  readonly id: string;
  readonly name: string;
  readonly attempt: number;
  /** Its kind; null when it was not recognised or not read. */
  readonly kind: FileKind | null;
  /** The mapping preset its headings were read with, if any. */
  readonly preset: string | null;
  /** A file of the same kind chosen in a later attempt took its place. */
  readonly superseded: boolean;
  /** True for a table (.csv, .xlsx) whose kind a person can say on the problem page. */
  readonly table: boolean;
}

export interface LoadUploadOptions extends LoadFolderOptions {
  readonly presets?: readonly MappingPreset[];
  /** The kind a person said a file is (by file id), on the problem page. */
  readonly chosenKinds?: Readonly<Record<string, SourceKind>>;
}

export interface LoadUploadResult {
  readonly result: LoadFolderResult;
  readonly files: readonly RecognisedFile[];
}

const SYSTEM_FILES = new Set(['thumbs.db', 'desktop.ini']);
const TABLE_EXTENSIONS = new Set(['.csv', '.xlsx', '.xls', '.xlsm', '.xlsb', '.ods']);
/** A zip's files may unpack to this many times the limit for one workbook (see limits.ts), all together. */
export const ZIP_UNPACKED_FACTOR = 8;

/** Files a system leaves behind, never chosen by a person: skipped without a word. */
export function isSystemFile(path: string): boolean {
  const name = basename(path.replaceAll('\\', '/')).toLowerCase();
  return name.startsWith('.') || name.startsWith('~$') || SYSTEM_FILES.has(name) || path.split(/[\\/]/).includes('__MACOSX');
}

interface Candidate {
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly attempt: number;
}

export async function loadUploadedFiles(folder: string, uploaded: readonly UploadedFile[], options: LoadUploadOptions = {}): Promise<LoadUploadResult> {
  const limits = options.limits ?? processReadLimits();
  const problems: Problem[] = [];
  const notes: string[] = [];
  const candidates: Candidate[] = [];
  for (const file of uploaded) {
    const path = join(folder, file.stored);
    if (extname(file.name).toLowerCase() !== '.zip') {
      candidates.push({ id: file.stored, name: file.name, path, attempt: file.attempt });
      continue;
    }
    const target = join(folder, `${file.stored}.unzipped`);
    await mkdir(target, { recursive: true, mode: 0o700 });
    const unzipped = await unzipInto(path, target, limits.maxUnpackedBytes * ZIP_UNPACKED_FACTOR);
    if (!unzipped.ok) {
      problems.push({ file: file.name, message: unzipped.message });
      continue;
    }
    for (const entry of unzipped.entries) {
      if (isSystemFile(entry.name)) continue;
      const name = `${file.name}/${entry.name}`;
      if (extname(entry.name).toLowerCase() === '.zip') problems.push({ file: name, message: 'a zip inside a zip is not opened; put its files in the outer zip, or choose them on their own' });
      else candidates.push({ id: `${file.stored}#${entry.index}`, name, path: join(target, entry.stored), attempt: file.attempt });
    }
  }

  const files: (RecognisedFile & { path: string; tableResult?: ReadTableResult; mapping?: KindSource['mapping'] })[] = [];
  for (const candidate of candidates) {
    const extension = extname(candidate.name).toLowerCase();
    const base = { id: candidate.id, name: candidate.name, attempt: candidate.attempt, path: candidate.path, preset: null, superseded: false };
    if (isSystemFile(candidate.name) || isReadme(basename(candidate.name))) continue;
    if (extension === '.txt') {
      const bytes = await readFile(candidate.path);
      const isNarrative = /^(\uFEFF)?\s*(yes|no|y|n)\s*$/i.test(bytes.subarray(0, 200).toString('utf8').split(/\r?\n/)[0] ?? '');
      files.push({ ...base, kind: isNarrative ? 'narrative' : null, table: false });
      if (!isNarrative) notes.push(`${candidate.name} was not read: a .txt file is read only as the WDES 9b narrative, whose first line is yes or no`);
      continue;
    }
    if (!TABLE_EXTENSIONS.has(extension)) {
      files.push({ ...base, kind: null, table: false });
      notes.push(`${candidate.name} was not read: Mirror reads .csv and .xlsx tables, .zip files of them, and the WDES 9b narrative as .txt`);
      continue;
    }
    const table = await readTable(candidate.path, limits, candidate.name);
    if (!table.ok) {
      problems.push(...table.problems);
      files.push({ ...base, kind: null, table: false });
      continue;
    }
    const recognised = recogniseKind(table.table, { mappings: options.headerMappings, presets: options.presets, chosenKind: options.chosenKinds?.[candidate.id] });
    if (!recognised.ok) {
      problems.push(recognised.problem);
      files.push({ ...base, kind: null, table: true });
      continue;
    }
    files.push({ ...base, kind: recognised.kind, preset: recognised.preset, table: true, tableResult: table, mapping: recognised.mapping });
  }

  // One file per kind: a later attempt's file replaces an earlier one; two in the same attempt are a problem.
  const sources = new Map<SourceKind, KindSource>();
  let narrative: WorkforceDataset['wdesNarrative'] = null;
  for (const kind of [...SOURCE_KINDS, 'narrative'] as const) {
    const ofKind = files.filter((f) => f.kind === kind);
    if (ofKind.length === 0) continue;
    const latest = Math.max(...ofKind.map((f) => f.attempt));
    const chosen = ofKind.filter((f) => f.attempt === latest);
    for (const f of ofKind) {
      if (f.attempt < latest) {
        files[files.indexOf(f)] = { ...f, superseded: true };
        notes.push(`${f.name} was replaced by ${chosen.map((c) => c.name).join(', ')}, chosen later`);
      }
    }
    if (chosen.length > 1) {
      const what = kind === 'narrative' ? 'WDES 9b narrative' : kind;
      problems.push({ file: chosen.map((f) => f.name).join(', '), message: `${chosen.map((f) => f.name).join(' and ')} are both ${what} files; choose one so it is clear which to use` });
      continue;
    }
    const only = chosen[0]!;
    if (kind === 'narrative') narrative = parseNarrative(only.name, await readFile(only.path), problems);
    else sources.set(kind, { file: only.name, mapping: only.mapping, read: async () => only.tableResult! });
  }
  if (!files.some((f) => f.kind === 'staff' && !f.superseded)) {
    const names = files.map((f) => f.name).join(', ') || 'no files';
    const unrecognised = files.some((f) => f.table && f.kind === null) ? '; if one of them is the staff file, say so on this page' : '';
    problems.push({ file: 'the files chosen', message: `no staff file was recognised among the files chosen (${names}); one is required${unrecognised}`, expected: `a table with the headings ${KIND_HEADINGS.staff}` });
  }
  const result = await readDataset(sources, narrative, problems, notes, options.year);
  return { result, files: files.map(({ path: _path, tableResult: _table, mapping: _mapping, ...file }) => file) };
}
