/**
 * A deterministic synthetic NHS trust: the six canonical WRES files (staff, applications, disciplinary, training,
 * board, survey) generated from a seed. It is the product's demo and the test data for the whole pipeline.
 *
 * Everything comes from the parameter tables in synthetic-trust/parameters.ts and a seeded PRNG (pure-rand
 * xoroshiro128+, synthetic-trust/random.ts): the same options always give byte-identical files. Each file is drawn
 * in synthetic-trust/<file>.ts; this module puts them together. The shapes are rough national NHS England patterns
 * (an ethnic minority share that falls with seniority, a gap in appointment from shortlisting, in disciplinary
 * entry, in access to non-mandatory training and in staff survey experience), not the figures of any real
 * organisation.
 *
 * Pure: no I/O, no clock, no Math.random. See write-synthetic-trust.ts to put the files on disk.
 */
import { stringify } from 'csv-stringify/sync';
import { EM_TREND_PER_YEAR, TREND_BASE_YEAR } from './synthetic-trust/parameters.ts';
import { independentStreams, mixSeed, type Random } from './synthetic-trust/random.ts';
import { reportingPeriod } from './synthetic-trust/dates.ts';
import { STAFF_COLUMNS, drawStaff, generateStaff } from './synthetic-trust/staff.ts';
import { APPLICATION_COLUMNS, generateApplications } from './synthetic-trust/applications.ts';
import { DISCIPLINARY_COLUMNS, generateDisciplinary } from './synthetic-trust/disciplinary.ts';
import { TRAINING_COLUMNS, generateTraining } from './synthetic-trust/training.ts';
import { BOARD_COLUMNS, generateBoard } from './synthetic-trust/board.ts';
import { SURVEY_COLUMNS, generateSurvey } from './synthetic-trust/survey.ts';
import {
  CAPABILITY_COLUMNS, NARRATIVE, generateCapability, generateWdesSurvey, medicalLeadership, payExtras, withApplicantDisability,
  withBoardDisability,
} from './synthetic-trust/disability.ts';

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

export const SYNTHETIC_ORGANISATION = { code: 'SYN01', name: 'Synthetic Demonstration NHS Trust' } as const;

export const SYNTHETIC_FILE_KINDS = ['staff', 'applications', 'disciplinary', 'training', 'board', 'survey', 'capability'] as const;
export type SyntheticFileKind = (typeof SYNTHETIC_FILE_KINDS)[number];

export interface SyntheticTrustOptions {
  /** WRES reporting year: workforce at 31 March `year`, activity 1 April `year - 1` to 31 March `year`. */
  readonly year: number;
  readonly seed: number;
  /** Rows in staff.csv (people in post, bank-only staff included). Default 4000. */
  readonly staff?: number;
  /** Rows in applications.csv. Default 7.5 × staff. */
  readonly applications?: number;
  /**
   * Scales every built-in gap between ethnic minority and White staff (appointment, disciplinary entry, non-mandatory
   * training, staff survey): 0 removes them, 1 (the default) keeps them as they are, 2 doubles them. With 1 the files
   * are exactly those without the option.
   */
  readonly gapScale?: number;
  /** The invented organisation's code and name (default SYN01, Synthetic Demonstration NHS Trust). */
  readonly organisation?: { readonly code: string; readonly name: string };
}

export interface SyntheticTrust {
  /** CSV text with a header row and LF line endings, one entry per canonical file. */
  readonly files: Readonly<Record<SyntheticFileKind, string>>;
  /** WDES metric 9b's narrative, written as wdes_9b.txt. */
  readonly narrative: string;
  readonly organisation: { readonly code: string; readonly name: string };
}

export const DEFAULT_STAFF = 4000;
export const DEFAULT_APPLICATIONS_PER_STAFF = 7.5;

export function generateSyntheticTrust(options: SyntheticTrustOptions): SyntheticTrust {
  const files = {} as Record<SyntheticFileKind, string>;
  for (const table of syntheticTrustTables(options)) files[table.kind] = toCsv(table.columns, [...table.rows]);
  return { files, narrative: NARRATIVE, organisation: organisationOf(options) };
}

/** One file of the synthetic trust: its columns and its rows, drawn as they are read. */
export interface SyntheticTable {
  readonly kind: SyntheticFileKind;
  readonly columns: readonly string[];
  readonly rows: Iterable<readonly string[]>;
}

/**
 * The trust's files one at a time, in SYNTHETIC_FILE_KINDS order, each drawn as its rows are read, so a trust of any
 * size is written with memory for its staff only (what the other files are drawn from). Each file's rows must be read
 * to the end before the next file is asked for: some files share a random stream.
 */
export function* syntheticTrustTables(options: SyntheticTrustOptions): Generator<SyntheticTable> {
  const { year, seed } = options;
  if (!Number.isInteger(year) || year < 1950 || year > 2200) throw new RangeError(`year must be a whole year, got ${year}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a safe integer, got ${seed}`);
  const staffCount = options.staff ?? DEFAULT_STAFF;
  if (!Number.isInteger(staffCount) || staffCount < 1) throw new RangeError(`staff must be a positive whole number, got ${staffCount}`);
  const applicationCount = options.applications ?? Math.round(DEFAULT_APPLICATIONS_PER_STAFF * staffCount);
  if (!Number.isInteger(applicationCount) || applicationCount < 0) {
    throw new RangeError(`applications must be a whole number of at least 0, got ${applicationCount}`);
  }
  const gapScale = options.gapScale ?? 1;
  if (!Number.isFinite(gapScale) || gapScale < 0 || gapScale > 3) throw new RangeError(`gapScale must be from 0 to 3, got ${gapScale}`);

  const period = reportingPeriod(year);
  // One independent stream per file (jumps of the same generator), so changing the number of applications never
  // changes the staff file, and so on.
  // The disability (WDES) draws come from streams after the WRES files' ones, so adding them changed no WRES file's draws.
  const streams = independentStreams(mixSeed(seed, year), SYNTHETIC_FILE_KINDS.length + 1);
  const rng = (kind: SyntheticFileKind) => streams[SYNTHETIC_FILE_KINDS.indexOf(kind)] as Random;
  const disabilityRandom = streams[SYNTHETIC_FILE_KINDS.length] as Random;
  const emTrend = 1 + EM_TREND_PER_YEAR * Math.max(-5, Math.min(5, year - TREND_BASE_YEAR));

  // The staff are drawn twice from the same stream: once for what the other files need of them (and the medical
  // leadership roles, which are drawn over all consultants first), and again, row by row, as staff.csv is written.
  const staffRandom = rng('staff');
  const staff = generateStaff(staffRandom.clone(), staffCount, period, emTrend);
  const roles = medicalLeadership(disabilityRandom, staff);
  yield {
    kind: 'staff',
    columns: [...STAFF_COLUMNS, 'medical_leadership', 'bonus_pay', 'full_pay'],
    rows: (function* () {
      for (const { person, csv } of drawStaff(staffRandom, staffCount, period, emTrend)) {
        yield [...csv, roles.get(person.staffId) ?? '', ...payExtras(disabilityRandom, person, csv)];
      }
    })(),
  };
  yield {
    kind: 'applications',
    columns: [...APPLICATION_COLUMNS, 'disability'],
    rows: withApplicantDisability(disabilityRandom, generateApplications(rng('applications'), applicationCount, period, emTrend, gapScale)),
  };
  yield { kind: 'disciplinary', columns: DISCIPLINARY_COLUMNS, rows: generateDisciplinary(rng('disciplinary'), staff, period, gapScale) };
  yield { kind: 'training', columns: TRAINING_COLUMNS, rows: generateTraining(rng('training'), staff, period, gapScale) };
  yield { kind: 'board', columns: [...BOARD_COLUMNS, 'disability'], rows: withBoardDisability(disabilityRandom, generateBoard(rng('board'))) };
  yield {
    kind: 'survey',
    columns: [...SURVEY_COLUMNS, 'score'],
    rows: [...generateSurvey(rng('survey'), staff, gapScale).map((r) => [...r, '']), ...generateWdesSurvey(disabilityRandom, staff)],
  };
  yield { kind: 'capability', columns: CAPABILITY_COLUMNS, rows: generateCapability(rng('capability'), staff, period) };
}

export function organisationOf(options: SyntheticTrustOptions): { readonly code: string; readonly name: string } {
  return { code: options.organisation?.code ?? SYNTHETIC_ORGANISATION.code, name: options.organisation?.name ?? SYNTHETIC_ORGANISATION.name };
}

// ---------------------------------------------------------------------------------------------------------------

function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([columns, ...rows], { record_delimiter: 'unix' });
}

/**
 * One record as `toCsv` writes it (csv-stringify with LF records): a value holding a comma, a quote or a line feed is
 * quoted, with its quotes doubled; LF after every record. For writers that stream; synthetic-trust.test.ts checks
 * the two agree.
 */
export function csvLine(cells: readonly string[]): string {
  let line = '';
  for (let i = 0; i < cells.length; i += 1) {
    const cell = cells[i] as string;
    if (i > 0) line += ',';
    line += /[",\n]/.test(cell) ? `"${cell.replaceAll('"', '""')}"` : cell;
  }
  return `${line}\n`;
}
