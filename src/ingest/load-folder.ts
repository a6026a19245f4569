/**
 * Loads one reporting year's folder of canonical files into a WorkforceDataset. Every file present is read and
 * every problem from every file is returned together, so a user can fix them all in one pass; a dataset is
 * returned only when there are none (all-or-nothing).
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { STREAMED_KINDS, type StreamCount, type StreamedKind, type StreamedRecords } from '../core/counting/stream-count.ts';
import type { Result } from '../core/problem.ts';
import { type ApplicationRecord, SOURCE_KINDS, type SourceFile, type SourceKind, type WorkforceDataset } from '../core/records.ts';
import { readApplications } from './applications.ts';
import { readBoard } from './board.ts';
import { readCapability } from './capability.ts';
import { readDisciplinary } from './disciplinary.ts';
import { applyHeaderMapping, type HeaderMapping } from './columns.ts';
import { parseYesNo } from './fields.ts';
import { processReadLimits, type ReadLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import { describeFsError, type ReadTableResult, readTable } from './read-table.ts';
import type { ReadRecordsResult, RecordSink } from './row-reader.ts';
import { readStaff } from './staff.ts';
import { readSurvey } from './survey.ts';
import type { StreamedTable } from './table.ts';
import { openLazyCsvTable, type LazyCsvTable, type LazyPart } from './lazy-csv-table.ts';
import { openLazyXlsxTable } from './lazy-xlsx-table.ts';
import { type LazyRead, type ReadFile, readLazily } from './lazy-read.ts';
import { type ApartSource, startCountingApart, type TwinCounter } from './count-apart.ts';
import type { ApplicationsApart, TrainingApart } from './count-apart-worker.ts';
import { readTraining } from './training.ts';
import { TrainingPartGiver } from './training-part.ts';
import { readContext, type ReadContext } from './value-limits.ts';

export type LoadFolderResult =
  | { ok: true; dataset: WorkforceDataset; notes: string[] }
  | { ok: false; problems: Problem[] };

const EXTENSIONS = ['.csv', '.xlsx'] as const;

export interface LoadFolderOptions {
  /** Per file kind, headers this organisation uses for canonical columns (remembered from an earlier import). */
  readonly headerMappings?: Readonly<Partial<Record<SourceKind, HeaderMapping>>>;
  /** The reporting year the folder is for, which bounds plausible dates; without it, the year in progress. */
  readonly year?: number;
  /** Limits on rows, cell length and unpacked size; by default this process's (see limits.ts). */
  readonly limits?: ReadLimits;
}

export async function loadWorkforceFolder(folder: string, options: LoadFolderOptions = {}): Promise<LoadFolderResult> {
  const opened = await openFolder(folder, options);
  if (!opened.ok) return opened;
  return readDataset(opened.sources, opened.wdesNarrative, opened.problems, opened.notes, options.year);
}

export type CountFolderResult<C> =
  | { ok: true; counted: Result<C>; notes: string[]; sources: readonly SourceFile[] }
  | { ok: false; problems: Problem[] };

/**
 * Reads a folder as loadWorkforceFolder does, with the same problems, but hands the large files' records to a
 * standard's counter as they are read instead of keeping them (core/counting/stream-count.ts). The counts are made
 * only when no file has a problem (all-or-nothing, as loading). With `twin`, the standard and year the counter is
 * made for, a large applications file is counted on a thread of its own meanwhile (count-apart.ts).
 */
export async function countWorkforceFolder<C>(
  folder: string, options: LoadFolderOptions, count: StreamCount<C>, twin?: TwinCounter,
): Promise<CountFolderResult<C>> {
  const opened = await openFolder(folder, options);
  if (!opened.ok) return opened;
  const apart = twin ? { twin, limits: options.limits ?? processReadLimits() } : null;
  const read = await readKinds(opened.sources, opened.problems, opened.notes, options.year, count, apart);
  if (!read) return { ok: false, problems: opened.problems };
  const kept = { board: read.board, survey: read.survey, wdesSurvey: read.wdesSurvey, wdesNarrative: opened.wdesNarrative };
  return { ok: true, counted: count.finish(kept), notes: opened.notes, sources: read.sources };
}

type OpenedFolder =
  | { ok: true; sources: Map<SourceKind, KindSource>; wdesNarrative: WorkforceDataset['wdesNarrative']; problems: Problem[]; notes: string[] }
  | { ok: false; problems: Problem[] };

/** The folder's files by kind, its narrative, and the problems and notes of finding them. */
async function openFolder(folder: string, options: LoadFolderOptions): Promise<OpenedFolder> {
  const listing = await listFolder(folder);
  if (!listing.ok) return listing;
  const { found, problems, notes } = findKindFiles(folder, listing.files);
  const limits = options.limits ?? processReadLimits();
  const sources = new Map<SourceKind, KindSource>();
  for (const [kind, file] of found) {
    const path = join(folder, file);
    const extension = extname(file).toLowerCase();
    const openLazy = extension === '.csv'
      ? (part?: LazyPart) => openLazyCsvTable(path, file, limits, part)
      : () => openLazyXlsxTable(path, file, limits);
    sources.set(kind, {
      file, path, mapping: options.headerMappings?.[kind], read: () => readTable(path, limits),
      ...(LAZY_KINDS.has(kind) ? { openLazy } : {}),
    });
  }
  const wdesNarrative = await readNarrative(folder, listing.files, problems);
  return { ok: true, sources, wdesNarrative, problems, notes };
}

/** One kind's file: its name, how to read its table, and the mapping its headings are read with. */
export interface KindSource {
  readonly file: string;
  /** Where the file is on disk, when it is a file of a folder. */
  readonly path?: string;
  readonly mapping?: HeaderMapping | undefined;
  read(): Promise<ReadTableResult>;
  /**
   * Where the file's rows can go straight to the reader as they are read (lazy-csv-table.ts, lazy-xlsx-table.ts):
   * opens it so; a CSV file's first part only, with `part.until` (count-apart.ts).
   */
  openLazy?(part?: LazyPart): LazyCsvTable | null;
}

/** The files that can be large (one row per person or event), read row by row into records; the others are small. */
const LAZY_KINDS: ReadonlySet<SourceKind> = new Set(STREAMED_KINDS);

/**
 * Reads each kind's table into records, adding to `problems` and `notes` (which may already hold some); a dataset
 * only when there are no problems at all and a staff file was read.
 */
export async function readDataset(
  sources: ReadonlyMap<SourceKind, KindSource>, wdesNarrative: WorkforceDataset['wdesNarrative'], problems: Problem[], notes: string[], year: number | undefined,
): Promise<LoadFolderResult> {
  const read = await readKinds(sources, problems, notes, year, null, null);
  if (!read) return { ok: false, problems };
  const dataset: WorkforceDataset = {
    staff: read.staff,
    applications: read.applications,
    disciplinary: read.disciplinary,
    training: read.training,
    board: read.board,
    survey: read.survey,
    wdesSurvey: read.wdesSurvey,
    capability: read.capability,
    wdesNarrative,
    sources: read.sources,
  };
  return { ok: true, dataset, notes };
}

/** A streamed kind the standard does not count is still read and checked; its records are dropped. */
const DROP = (): void => {};

/**
 * Reads each kind's file, in order, adding to `problems` and `notes`; null when there is any problem at all or no
 * staff file was read. With a counter, the large kinds' records go to it as they are read and their arrays stay
 * empty; without one, they are kept.
 */
async function readKinds(
  sources: ReadonlyMap<SourceKind, KindSource>, problems: Problem[], notes: string[], year: number | undefined, count: StreamCount<unknown> | null,
  apart: { readonly twin: TwinCounter; readonly limits: ReadLimits } | null,
) {
  const loader = new FolderLoader(sources, problems, notes);
  const context: ReadContext = readContext(year);
  const sink = <K extends StreamedKind>(kind: K): RecordSink<StreamedRecords[K]> | undefined => (count ? (count.open(kind) ?? DROP) : undefined);
  const readApplicationsFile = (table: StreamedTable) => readApplications(table, context, sink('applications'));
  let addTraining: RecordSink<StreamedRecords['training']> | undefined;
  const readTrainingFile = (table: StreamedTable) => {
    addTraining = sink('training');
    return readTraining(table, context, addTraining);
  };
  const apartSource = (kind: SourceKind): ApartSource | null => {
    const source = sources.get(kind);
    return source?.path === undefined ? null : { path: source.path, file: source.file, mapping: source.mapping };
  };
  const counting = count && apart
    ? startCountingApart({
      ...apart, staff: apartSource('staff'), applications: apartSource('applications'), training: apartSource('training'), context, count,
    })
    : null;
  const applicationsApart = counting?.applications() ?? null;
  const trainingApart = counting?.training() ?? null;
  try {
    return await readEachKind();
  } finally {
    counting?.stop();
  }

  async function readEachKind() {
    let streamedStaff = 0;
    const staff = await loader.load('staff', (table) => {
      const add = sink('staff');
      streamedStaff = 0;
      return readStaff(table, context, add && ((person) => {
        streamedStaff += 1;
        add(person);
      }), add && count?.staffIds?.());
    });
    // Counted apart, the applications file is taken last, when its thread has had longest, and what it says put
    // where reading it here would have put it.
    const applicationsPlace = loader.place();
    const readHere = applicationsApart && count ? null : await loader.load('applications', readApplicationsFile);
    const disciplinary = await loader.load('disciplinary', (table) => readDisciplinary(table, context, sink('disciplinary')));
    const training = trainingApart && counting?.trainingFrom != null
      ? await loader.loadInTwo('training', readTrainingFile, {
        until: counting.trainingFrom,
        second: trainingApart,
        maxRecords: apart?.limits.maxRows ?? 0,
        give: (rowOffset, file) => {
          const giver = new TrainingPartGiver(file, rowOffset, addTraining ?? DROP);
          for (let piece = counting.nextTrainingPiece(); piece !== undefined; piece = counting.nextTrainingPiece()) giver.give(piece);
        },
      })
      : await loader.load('training', readTrainingFile);
    const board = await loader.load('board', readBoard);
    const survey = await loader.load('survey', readSurvey);
    const capability = await loader.load('capability', (table) => readCapability(table, context, sink('capability')));
    const applications = applicationsApart && count
      ? await loader.at(applicationsPlace, async () => loader.adoptApart('applications', await applicationsApart, count, readApplicationsFile))
      : readHere;
    if (survey && survey.excludedUnknownEthnicity > 0) {
      notes.push(
        `${sources.get('survey')?.file}: ${survey.excludedUnknownEthnicity} respondent(s) with unknown ethnicity ` +
          '(Z, 99 or blank) left out of the survey indicators',
      );
    }
    if (staff && (count ? streamedStaff : staff.records.length) === 0) {
      problems.push({ file: sources.get('staff')?.file ?? 'staff', message: 'the staff file has no data rows' });
    }
    if (problems.length > 0 || !staff) return null;
    return {
      staff: staff.records,
      applications: applications?.records ?? null,
      disciplinary: disciplinary?.records ?? null,
      training: training?.records ?? null,
      board: board?.records ?? null,
      survey: survey?.records ?? null,
      wdesSurvey: survey?.wdesRecords ?? null,
      capability: capability?.records ?? null,
      sources: loader.sources,
    };
  }
}

/** WDES metric 9b: a text file whose first line is yes or no, followed by the narrative. */
export const NARRATIVE_FILE = 'wdes_9b.txt';

/** A folder's README (README, README.txt, readme.md…) is written for people, like the demonstration's: never read, never listed as ignored. */
export function isReadme(fileName: string): boolean {
  return /^readme(\.(txt|md|markdown|rtf|pdf|docx?|html?))?$/i.test(fileName);
}

async function readNarrative(folder: string, files: readonly string[], problems: Problem[]): Promise<WorkforceDataset['wdesNarrative']> {
  const file = files.find((f) => f.toLowerCase() === NARRATIVE_FILE);
  if (!file) return null;
  return parseNarrative(file, await readFile(join(folder, file)), problems);
}

/** The narrative in `bytes`: its yes or no answer when the first line gives one, and the text. */
export function parseNarrative(file: string, bytes: Uint8Array, problems: Problem[]): WorkforceDataset['wdesNarrative'] {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
  } catch {
    problems.push({ file, message: 'the narrative could not be read as UTF-8 text', expected: 'a plain text file saved as UTF-8' });
    return null;
  }
  const [first = '', ...rest] = text.split(/\r?\n/);
  const answer = parseYesNo(first.trim());
  if (answer.ok && answer.value !== null) return { answer: answer.value, text: rest.join('\n').trim(), file };
  return { answer: null, text: text.trim(), file };
}

type Listing = { ok: true; files: string[] } | { ok: false; problems: Problem[] };

async function listFolder(folder: string): Promise<Listing> {
  try {
    if (!(await stat(folder)).isDirectory()) {
      return { ok: false, problems: [{ file: folder, message: 'this is a file, not a folder of workforce files' }] };
    }
    const entries = await readdir(folder, { withFileTypes: true });
    return { ok: true, files: entries.filter((e) => e.isFile()).map((e) => e.name).sort() };
  } catch (error) {
    return { ok: false, problems: [{ file: folder, message: `the folder could not be read (${describeFsError(error)})` }] };
  }
}

/** "Staff.CSV" → staff; a name that is no kind, or a hidden/lock file, → null. */
function kindOf(fileName: string): SourceKind | null {
  const extension = extname(fileName).toLowerCase();
  if (!(EXTENSIONS as readonly string[]).includes(extension)) return null;
  const stem = fileName.slice(0, -extension.length).toLowerCase();
  return SOURCE_KINDS.find((kind) => kind === stem) ?? null;
}

/** Which file holds each kind. A kind with both a .csv and a .xlsx is a problem and neither is read. */
function findKindFiles(folder: string, files: readonly string[]) {
  const candidates = new Map<SourceKind, string[]>();
  const ignored: string[] = [];
  for (const file of files) {
    const kind = kindOf(file);
    if (kind !== null) candidates.set(kind, [...(candidates.get(kind) ?? []), file]);
    else if (!file.startsWith('.') && !file.startsWith('~$') && file.toLowerCase() !== NARRATIVE_FILE && !isReadme(file)) ignored.push(file);
  }
  const found = new Map<SourceKind, string>();
  const problems: Problem[] = [];
  for (const [kind, names] of candidates) {
    if (names.length === 1 && names[0] !== undefined) found.set(kind, names[0]);
    else problems.push({ file: names.join(', '), message: `both ${names.join(' and ')} are present; keep one ${kind} file so it is clear which to use` });
  }
  if (!candidates.has('staff')) {
    const listed = files.length > 0 ? files.join(', ') : 'no files';
    problems.push({ file: folder, message: `no staff file (staff.csv or staff.xlsx) in the folder; it has: ${listed}` });
  }
  const notes = ignored.length > 0 ? [`Ignored files that are not workforce files: ${ignored.join(', ')}`] : [];
  return { found, problems, notes };
}

/** Reads one kind's file at a time, collecting problems, provenance and notes across the files. */
class FolderLoader {
  readonly sources: SourceFile[] = [];

  constructor(
    private readonly files: ReadonlyMap<SourceKind, KindSource>,
    private readonly problems: Problem[],
    private readonly notes: string[],
  ) {}

  /** The reader's result, or null when the kind is absent or its file has problems (recorded). */
  async load<R extends ReadRecordsResult<unknown>>(kind: SourceKind, read: (table: StreamedTable) => R): Promise<Extract<R, { ok: true }> | null> {
    const source = this.files.get(kind);
    if (source === undefined) return null;
    const lazy = source.openLazy?.();
    if (lazy) {
      const outcome = readLazily(lazy, source.mapping, read);
      // 'again': read the usual way below.
      if (outcome.kind !== 'again') return this.settle(kind, outcome);
    }
    const table = await source.read();
    if (!table.ok) {
      this.problems.push(...table.problems);
      return null;
    }
    const { file, sha256, encoding, emptyRowsSkipped } = table.table;
    const result = read(applyHeaderMapping(table.table, source.mapping));
    return this.readerResult(kind, result, { file, sha256, encoding, rows: table.table.rows.length, emptyRowsSkipped });
  }

  /** Where what is read next would go in the problems, notes and sources. */
  place(): Place {
    return { problems: this.problems.length, notes: this.notes.length, sources: this.sources.length };
  }

  /** Reads as `read` does, its problems, notes and sources put at `place` instead of after everything read since. */
  async at<T>(place: Place, read: () => Promise<T>): Promise<T> {
    const from = this.place();
    const result = await read();
    moveTail(this.problems, from.problems, place.problems);
    moveTail(this.notes, from.notes, place.notes);
    moveTail(this.sources, from.sources, place.sources);
    return result;
  }

  /**
   * A file counted on another thread (count-apart.ts), taken where this thread would have read it: its problems
   * recorded, or its provenance recorded and what was counted adopted by `count`; read here when it says 'again'.
   */
  async adoptApart(
    kind: 'applications', outcome: ApplicationsApart, count: StreamCount<unknown>, read: (table: StreamedTable) => ReadRecordsResult<ApplicationRecord>,
  ): Promise<Extract<ReadRecordsResult<ApplicationRecord>, { ok: true }> | null> {
    if (outcome.kind === 'again') return this.load(kind, read);
    const result = this.settle(kind, outcome);
    if (result && outcome.kind === 'read') count.adoptPart?.(kind, outcome.part);
    return result;
  }

  /**
   * A file read in two parts (count-apart.ts): the part before `until` here, by `read`, then the other thread's part
   * given (`give`) to where `read` put its records, in file order. Read whole here instead, from its start, whenever
   * either part is not sure (any problem, a limit, a part ending inside a quoted value), so its problems are exactly
   * those of reading it whole.
   */
  async loadInTwo<R extends ReadRecordsResult<unknown>>(kind: 'training', read: (table: StreamedTable) => R, split: SecondPart): Promise<Extract<R, { ok: true }> | null> {
    const source = this.files.get(kind);
    const lazy = source?.openLazy?.({ until: split.until });
    if (source !== undefined && lazy) {
      const first = readLazily(lazy, source.mapping, read);
      if (first.kind === 'read' && first.result.ok) {
        // Read whole here after all (a UTF-16 file, or one shorter now than when it was split).
        if (first.extent.upTo === null) return this.settle(kind, first);
        const second = await split.second;
        if (second.kind === 'read' && first.extent.records + second.records <= split.maxRecords) {
          split.give(first.extent.records, source.file);
          const { rows, emptyRowsSkipped } = first.read;
          const whole = { ...first.read, rows: rows + second.rows, emptyRowsSkipped: emptyRowsSkipped + second.emptyRowsSkipped };
          return this.settle(kind, { ...first, read: whole });
        }
      }
    }
    return this.load(kind, read);
  }

  /** A file read lazily, here or on another thread (count-apart.ts): its problems recorded, or its reader's result. */
  settle<R extends ReadRecordsResult<unknown>>(kind: SourceKind, outcome: Exclude<LazyRead<R>, { kind: 'again' }>): Extract<R, { ok: true }> | null {
    if (outcome.kind === 'problems') {
      this.problems.push(...outcome.problems);
      return null;
    }
    return this.readerResult(kind, outcome.result, outcome.read);
  }

  private readerResult<R extends ReadRecordsResult<unknown>>(kind: SourceKind, result: R, read: ReadFile): Extract<R, { ok: true }> | null {
    if (!result.ok) {
      // Name the file kind on missing-column problems so an importer can offer a mapping for it.
      this.problems.push(...result.problems.map((p) => (p.missingColumn ? { ...p, missingColumn: { ...p.missingColumn, kind } } : p)));
      return null;
    }
    this.record(kind, read);
    return result as Extract<R, { ok: true }>;
  }

  private record(kind: SourceKind, read: ReadFile): void {
    const { file, sha256, encoding } = read;
    this.sources.push({ kind, file, sha256, rows: read.rows, encoding });
    if (encoding === 'windows-1252' || encoding.startsWith('utf-16')) {
      this.notes.push(`${file}: read as ${encoding.toUpperCase()} (not UTF-8)`);
    }
    if (read.emptyRowsSkipped > 0) this.notes.push(`${file}: ${read.emptyRowsSkipped} empty row(s) skipped`);
  }
}

/** The second part of a file read in two (count-apart.ts). */
interface SecondPart {
  /** Where it starts. */
  readonly until: number;
  /** What the other thread read of it. */
  readonly second: Promise<TrainingApart>;
  /** The limit on a file's records, the header and blank rows included (limits.ts maxRows). */
  readonly maxRecords: number;
  /** Gives its records to the counter, their rows numbered on from the first part's last. */
  give(rowOffset: number, file: string): void;
}

interface Place {
  readonly problems: number;
  readonly notes: number;
  readonly sources: number;
}

/** Moves the items from `from` on to `to` (no later than `from`), keeping their order and the others'. */
function moveTail<T>(items: T[], from: number, to: number): void {
  if (from <= to) return;
  const moved = items.slice(from);
  const passed = items.slice(to, from);
  items.length = to;
  for (const item of moved) items.push(item);
  for (const item of passed) items.push(item);
}
