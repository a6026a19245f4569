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
import { STAFF_COLUMNS, generateStaff } from './synthetic-trust/staff.ts';
import { APPLICATION_COLUMNS, generateApplications } from './synthetic-trust/applications.ts';
import { DISCIPLINARY_COLUMNS, generateDisciplinary } from './synthetic-trust/disciplinary.ts';
import { TRAINING_COLUMNS, generateTraining } from './synthetic-trust/training.ts';
import { BOARD_COLUMNS, generateBoard } from './synthetic-trust/board.ts';
import { SURVEY_COLUMNS, generateSurvey } from './synthetic-trust/survey.ts';
import {
  CAPABILITY_COLUMNS, NARRATIVE, generateCapability, generateWdesSurvey, withApplicantDisability, withBoardDisability, withMedicalLeadership,
  withPayExtras,
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

  const staff = generateStaff(rng('staff'), staffCount, period, emTrend);
  return {
    files: {
      staff: toCsv([...STAFF_COLUMNS, 'medical_leadership', 'bonus_pay', 'full_pay'], withPayExtras(disabilityRandom, staff, withMedicalLeadership(disabilityRandom, staff))),
      applications: toCsv([...APPLICATION_COLUMNS, 'disability'], withApplicantDisability(disabilityRandom, generateApplications(rng('applications'), applicationCount, period, emTrend, gapScale))),
      disciplinary: toCsv(DISCIPLINARY_COLUMNS, generateDisciplinary(rng('disciplinary'), staff, period, gapScale)),
      training: toCsv(TRAINING_COLUMNS, generateTraining(rng('training'), staff, period, gapScale)),
      board: toCsv([...BOARD_COLUMNS, 'disability'], withBoardDisability(disabilityRandom, generateBoard(rng('board')))),
      survey: toCsv([...SURVEY_COLUMNS, 'score'], [...generateSurvey(rng('survey'), staff, gapScale).map((r) => [...r, '']), ...generateWdesSurvey(disabilityRandom, staff)]),
      capability: toCsv(CAPABILITY_COLUMNS, generateCapability(rng('capability'), staff, period)),
    },
    narrative: NARRATIVE,
    organisation: { code: options.organisation?.code ?? SYNTHETIC_ORGANISATION.code, name: options.organisation?.name ?? SYNTHETIC_ORGANISATION.name },
  };
}

// ---------------------------------------------------------------------------------------------------------------

function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([columns, ...rows], { record_delimiter: 'unix' });
}
