/**
 * A deterministic synthetic NHS trust: the six canonical WRES files (staff, applications, disciplinary, training,
 * board, survey) generated from a seed. It is the product's demo and the test data for the whole pipeline.
 *
 * Everything comes from the parameter tables below and a seeded PRNG (pure-rand xoroshiro128+): the same options
 * always give byte-identical files. The shapes are rough national NHS England patterns (an ethnic minority share that
 * falls with seniority, a gap in appointment from shortlisting, in disciplinary entry, in access to non-mandatory
 * training and in staff survey experience), not the figures of any real organisation.
 *
 * Pure: no I/O, no clock, no Math.random. See write-synthetic-trust.ts to put the files on disk.
 */
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { uniformInt } from 'pure-rand/distribution/uniformInt';
import { xoroshiro128plus } from 'pure-rand/generator/xoroshiro128plus';
import type { JumpableRandomGenerator } from 'pure-rand/types/JumpableRandomGenerator';
import { stringify } from 'csv-stringify/sync';
import { nationalCategory, subCode, type NationalCode } from '../core/ethnicity/nhs-ethnic-category.ts';
import type { MedicalSubGroup } from '../core/workforce/pay-band.ts';
import type { StaffGroup } from '../core/workforce/staff-group.ts';

// ---------------------------------------------------------------------------------------------------------------
// Parameters. Shares are fractions (0.27 = 27%). Change these, not the code below, to change the trust.
// ---------------------------------------------------------------------------------------------------------------

type Group = Exclude<StaffGroup, 'Students'>;

/**
 * Staff groups. share: of all staff. female: share of the group. bank: share of bank-eligible posts (bands 2–6 and
 * other medical) held by bank-only staff, giving ≈5% bank overall. emFactor: scales the band's ethnic minority share
 * (registered nurses include many international recruits; admin and estates are recruited locally). gapFactor: scales
 * the band's appointment gap. applicants: applications per vacancy, lowest and highest.
 */
const GROUPS: Readonly<
  Record<Group, { share: number; female: number; bank: number; emFactor: number; gapFactor: number; applicants: readonly [number, number] }>
> = {
  'Nursing and Midwifery Registered': { share: 27, female: 0.89, bank: 0.07, emFactor: 1.1, gapFactor: 1.05, applicants: [3, 18] },
  'Additional Clinical Services': { share: 25, female: 0.8, bank: 0.1, emFactor: 1.05, gapFactor: 0.95, applicants: [8, 45] },
  'Administrative and Clerical': { share: 22, female: 0.8, bank: 0.04, emFactor: 0.8, gapFactor: 1.1, applicants: [10, 60] },
  'Allied Health Professionals': { share: 7, female: 0.83, bank: 0.02, emFactor: 0.8, gapFactor: 1.05, applicants: [3, 15] },
  'Medical and Dental': { share: 10, female: 0.5, bank: 0.3, emFactor: 1.0, gapFactor: 1.0, applicants: [2, 12] },
  'Estates and Ancillary': { share: 5, female: 0.4, bank: 0.06, emFactor: 0.85, gapFactor: 0.95, applicants: [5, 40] },
  'Add Prof Scientific and Technic': { share: 3, female: 0.7, bank: 0.02, emFactor: 1.15, gapFactor: 1.0, applicants: [2, 12] },
  'Healthcare Scientists': { share: 1, female: 0.6, bank: 0, emFactor: 1.0, gapFactor: 1.0, applicants: [2, 10] },
};

const AFC_ROWS = [
  'Band 2', 'Band 3', 'Band 4', 'Band 5', 'Band 6', 'Band 7', 'Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM',
] as const;
type AfcRow = (typeof AFC_ROWS)[number];
type Row = AfcRow | MedicalSubGroup;

/** Pay band mix within each non-medical staff group (weights). VSM only in admin: a handful of directors. */
const BAND_MIX: Readonly<Record<Exclude<Group, 'Medical and Dental'>, Partial<Record<AfcRow, number>>>> = {
  'Nursing and Midwifery Registered': { 'Band 5': 45, 'Band 6': 30, 'Band 7': 15, 'Band 8a': 6, 'Band 8b': 2.5, 'Band 8c': 1, 'Band 8d': 0.5 },
  'Additional Clinical Services': { 'Band 2': 25, 'Band 3': 45, 'Band 4': 25, 'Band 5': 5 },
  'Administrative and Clerical': {
    'Band 2': 15, 'Band 3': 25, 'Band 4': 20, 'Band 5': 12, 'Band 6': 9, 'Band 7': 7, 'Band 8a': 5, 'Band 8b': 3,
    'Band 8c': 1.6, 'Band 8d': 1, 'Band 9': 0.7, VSM: 0.7,
  },
  'Allied Health Professionals': { 'Band 5': 20, 'Band 6': 35, 'Band 7': 30, 'Band 8a': 10, 'Band 8b': 3.5, 'Band 8c': 1.5 },
  'Estates and Ancillary': { 'Band 2': 45, 'Band 3': 30, 'Band 4': 15, 'Band 5': 6, 'Band 6': 3, 'Band 7': 1 },
  'Add Prof Scientific and Technic': {
    'Band 3': 10, 'Band 4': 15, 'Band 5': 15, 'Band 6': 20, 'Band 7': 20, 'Band 8a': 12, 'Band 8b': 5, 'Band 8c': 2, 'Band 8d': 1,
  },
  'Healthcare Scientists': { 'Band 5': 15, 'Band 6': 25, 'Band 7': 30, 'Band 8a': 18, 'Band 8b': 8, 'Band 8c': 3, 'Band 8d': 1 },
};

/**
 * Medical grades (weights: consultants 40, career grades 15, trainees 40, other 5) with 2024/25-ish hourly pay.
 * Every name is one that pay-band.ts reads.
 */
const MEDICAL_GRADES: Readonly<Record<string, { row: MedicalSubGroup; weight: number; pay: readonly [number, number] }>> = {
  Consultant: { row: 'consultant', weight: 36, pay: [50.5, 65] },
  'Locum Consultant': { row: 'consultant', weight: 4, pay: [50.5, 60] },
  'Specialty Doctor': { row: 'careerGrade', weight: 9, pay: [26.9, 42.2] },
  'Specialist Grade': { row: 'careerGrade', weight: 3, pay: [49.7, 54.9] },
  'Associate Specialist': { row: 'careerGrade', weight: 3, pay: [47, 58] },
  'Foundation Year 1': { row: 'trainee', weight: 6, pay: [18.75, 18.75] },
  'Foundation Year 2': { row: 'trainee', weight: 6, pay: [21.55, 21.55] },
  'Core Trainee': { row: 'trainee', weight: 10, pay: [25.6, 27.9] },
  'Specialty Registrar': { row: 'trainee', weight: 18, pay: [32.3, 41.4] },
  'Trust Grade Doctor': { row: 'otherMedical', weight: 3, pay: [21, 35] },
  'Clinical Fellow': { row: 'otherMedical', weight: 2, pay: [25, 33] },
};

/**
 * Per band row. inPost: ethnic minority share of staff in post with a stated ethnicity (falls with seniority).
 * applicants: ethnic minority share of applicants (applicant pools are more diverse than the workforce, band 5 most of
 * all through international nurse recruitment). gap: how many times more likely a shortlisted White applicant is to be
 * appointed than an ethnic minority one. internal: share of applicants already employed. service: mean years in post.
 * pay: hourly pay at the bottom and top of the band (2024/25-ish), and years to reach the top.
 */
const ROWS: Readonly<
  Record<Row, { inPost: number; applicants: number; gap: number; internal: number; service: number; pay?: readonly [number, number, number] }>
> = {
  'Band 2': { inPost: 0.34, applicants: 0.45, gap: 1.3, internal: 0.08, service: 5, pay: [12.45, 12.45, 1] },
  'Band 3': { inPost: 0.34, applicants: 0.48, gap: 1.35, internal: 0.1, service: 6, pay: [12.7, 13.7, 2] },
  'Band 4': { inPost: 0.33, applicants: 0.45, gap: 1.4, internal: 0.15, service: 7, pay: [14, 15.35, 2] },
  'Band 5': { inPost: 0.32, applicants: 0.62, gap: 1.6, internal: 0.12, service: 5, pay: [15.6, 19, 4] },
  'Band 6': { inPost: 0.23, applicants: 0.45, gap: 1.55, internal: 0.3, service: 8, pay: [19.45, 23.45, 5] },
  'Band 7': { inPost: 0.2, applicants: 0.38, gap: 1.6, internal: 0.35, service: 10, pay: [24.1, 27.6, 5] },
  'Band 8a': { inPost: 0.15, applicants: 0.3, gap: 1.7, internal: 0.4, service: 11, pay: [27, 30.7, 5] },
  'Band 8b': { inPost: 0.11, applicants: 0.25, gap: 1.8, internal: 0.45, service: 12, pay: [31.5, 36.7, 5] },
  'Band 8c': { inPost: 0.1, applicants: 0.22, gap: 1.8, internal: 0.45, service: 13, pay: [37.6, 43.6, 5] },
  'Band 8d': { inPost: 0.09, applicants: 0.2, gap: 1.8, internal: 0.5, service: 14, pay: [44.7, 51.7, 5] },
  'Band 9': { inPost: 0.07, applicants: 0.18, gap: 1.8, internal: 0.5, service: 14, pay: [53, 61.6, 5] },
  VSM: { inPost: 0.07, applicants: 0.18, gap: 1.8, internal: 0.4, service: 12, pay: [62, 90, 5] },
  consultant: { inPost: 0.35, applicants: 0.5, gap: 1.4, internal: 0.25, service: 10 },
  careerGrade: { inPost: 0.45, applicants: 0.7, gap: 1.3, internal: 0.1, service: 7 },
  trainee: { inPost: 0.45, applicants: 0.55, gap: 1.1, internal: 0.05, service: 2 },
  otherMedical: { inPost: 0.45, applicants: 0.75, gap: 1.2, internal: 0.05, service: 2 },
};

/** Ethnic minority shares drift up ≈3% (relative) a year around 2025, so a run of years shows a gentle trend. */
const EM_TREND_PER_YEAR = 0.03;
const TREND_BASE_YEAR = 2025;

/** Ethnicity recorded as unknown, as a share of all people: Z "Not stated", 99 "Not known", and blank. */
const UNKNOWN = { staff: { Z: 0.02, '99': 0.01, blank: 0.003 }, applicants: { Z: 0.02, '99': 0.005, blank: 0.005 } } as const;

/**
 * Ethnic minority mix (weights, codes D–S): Indian, Black African and Filipino (S, sub-code SC) are the largest
 * groups, as in NHS England. sub: share written with a two-character sub-code, and which (weights).
 */
const EM_MIX: Readonly<Partial<Record<NationalCode, { weight: number; sub?: { share: number; codes: Readonly<Record<string, number>> } }>>> = {
  D: { weight: 3 },
  E: { weight: 2 },
  F: { weight: 3 },
  G: { weight: 3, sub: { share: 0.2, codes: { GC: 2, GA: 1 } } },
  H: { weight: 24 },
  J: { weight: 8 },
  K: { weight: 3 },
  L: { weight: 8, sub: { share: 0.3, codes: { LE: 2, LF: 2, LB: 1 } } },
  M: { weight: 5 },
  N: { weight: 17 },
  P: { weight: 4, sub: { share: 0.5, codes: { PC: 3, PA: 1 } } },
  R: { weight: 3 },
  S: { weight: 17, sub: { share: 0.5, codes: { SC: 7, SA: 1, SD: 1 } } },
};
const WHITE_MIX: typeof EM_MIX = {
  A: { weight: 84 },
  B: { weight: 3 },
  C: { weight: 13, sub: { share: 0.35, codes: { CP: 4, CK: 1, CF: 1, CY: 2 } } },
};

/** How a stated ethnicity is spelled (weights): Data Dictionary label mostly, some bare codes and local aliases. */
const SPELLING = { label: 86, code: 6, alias: 8, subLabel: 65, subCode: 35 } as const;

/** Share of people given international_recruit = yes, by staff group and WRES group. */
const INTERNATIONAL: Readonly<Partial<Record<Group, { white: number; ethnicMinority: number }>>> = {
  'Nursing and Midwifery Registered': { white: 0.04, ethnicMinority: 0.45 },
  'Medical and Dental': { white: 0.06, ethnicMinority: 0.35 },
  'Allied Health Professionals': { white: 0.02, ethnicMinority: 0.15 },
};

/** Ethnic minority staff progress more slowly through their band's pay points: a small pay gap within bands. */
const EM_PAY_PROGRESS = 0.88;

/** Applications: share shortlisted, and share of shortlisted White applicants appointed (others: divided by the gap). */
const SHORTLISTED = { white: 0.29, ethnicMinority: 0.26, unknown: 0.22 } as const;
const APPOINTED_WHITE = 0.3;

/**
 * Entry into formal disciplinary investigation in the year (≈1.3 relative likelihood); share of those people with a
 * second case (at least two people); extra rows from the previous year, as a share of this year's cases.
 */
const DISCIPLINARY = { white: 0.01, ethnicMinority: 0.013, unknown: 0.011, secondCase: 0.06, previousYearRows: 0.08 } as const;

/** Non-mandatory training accessed in the year; ethnicity left blank on some rows; a few out-of-year rows. */
const TRAINING = { white: 0.4, ethnicMinority: 0.34, unknown: 0.37, blankEthnicity: 0.12, outOfYear: 0.005 } as const;
/** Number of non-mandatory courses for those who had any (weights for 1, 2, 3, 4). */
const TRAINING_COURSES_PER_PERSON = { '1': 60, '2': 25, '3': 10, '4': 5 } as const;

/** Staff survey: respondents ≈45% of each group's non-bank headcount; positive share per WRES indicator. */
const SURVEY = {
  responseRate: 0.45,
  positive: {
    '5': { white: 0.25, ethnicMinority: 0.29 },
    '6': { white: 0.22, ethnicMinority: 0.28 },
    '7': { white: 0.58, ethnicMinority: 0.44 },
    '8': { white: 0.06, ethnicMinority: 0.16 },
  },
} as const;

const DIRECTORATES = [
  'Medicine', 'Surgery', 'Women and Children', 'Clinical Support Services', 'Community and Integrated Care',
  'Estates and Facilities', 'Corporate Services', 'HR and Organisational Development',
] as const;
type Directorate = (typeof DIRECTORATES)[number];

const DIRECTORATE_MIX: Readonly<Record<Group, Partial<Record<Directorate, number>>>> = {
  'Nursing and Midwifery Registered': { Medicine: 35, Surgery: 25, 'Women and Children': 20, 'Community and Integrated Care': 20 },
  'Additional Clinical Services': {
    Medicine: 30, Surgery: 20, 'Women and Children': 15, 'Clinical Support Services': 15, 'Community and Integrated Care': 20,
  },
  'Administrative and Clerical': {
    'Corporate Services': 35, 'HR and Organisational Development': 12, Medicine: 15, Surgery: 12, 'Women and Children': 6,
    'Clinical Support Services': 10, 'Community and Integrated Care': 7, 'Estates and Facilities': 3,
  },
  'Allied Health Professionals': { 'Clinical Support Services': 45, 'Community and Integrated Care': 35, Medicine: 10, Surgery: 10 },
  'Medical and Dental': { Medicine: 40, Surgery: 35, 'Women and Children': 15, 'Clinical Support Services': 10 },
  'Estates and Ancillary': { 'Estates and Facilities': 100 },
  'Add Prof Scientific and Technic': { 'Clinical Support Services': 70, 'Community and Integrated Care': 20, Medicine: 10 },
  'Healthcare Scientists': { 'Clinical Support Services': 90, Medicine: 10 },
};

/** Synthetic occupation code prefix per staff group (codes look like "N5B"). */
const OCCUPATION_PREFIX: Readonly<Record<Group, string>> = {
  'Nursing and Midwifery Registered': 'N', 'Additional Clinical Services': 'H', 'Administrative and Clerical': 'G',
  'Allied Health Professionals': 'S', 'Medical and Dental': 'M', 'Estates and Ancillary': 'E',
  'Add Prof Scientific and Technic': 'P', 'Healthcare Scientists': 'T',
};

const DISABILITY = { Yes: 5, No: 78, 'Not declared': 13, '': 4 } as const;

const MANDATORY_COURSES = [
  'Fire Safety', 'Information Governance', 'Safeguarding Adults Level 1', 'Safeguarding Children Level 1',
  'Infection Prevention and Control', 'Moving and Handling', 'Equality, Diversity and Human Rights', 'Conflict Resolution',
  'Basic Life Support',
] as const;
const NON_MANDATORY_COURSES = [
  'Leadership Essentials', 'Mary Seacole Programme', 'Coaching Skills', 'Mentorship and Preceptorship',
  'Quality Improvement Foundations', 'Advanced Clinical Skills', 'Project Management', 'Clinical Supervision',
  'Spreadsheet Skills (Intermediate)', 'Research Methods', 'Finance for Non-Finance Managers', 'Reverse Mentoring',
] as const;

export const SYNTHETIC_ORGANISATION = { code: 'SYN01', name: 'Synthetic Demonstration NHS Trust' } as const;

// ---------------------------------------------------------------------------------------------------------------
// Public API
// ---------------------------------------------------------------------------------------------------------------

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

/**
 * A rate for ethnic minority staff with its gap from White staff's scaled: reference + (value − reference) × scale.
 * With scale 1 the value itself, unchanged to the last bit, so the default files never move.
 */
function scaledGap(reference: number, value: number, scale: number): number {
  return scale === 1 ? value : reference + (value - reference) * scale;
}

// ---------------------------------------------------------------------------------------------------------------
// Random numbers
// ---------------------------------------------------------------------------------------------------------------

/** murmur3's 32-bit finaliser: spreads every input bit over the output. */
function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Seed and year into one 32-bit seed: neighbouring years give unrelated streams over the same parameters. */
function mixSeed(seed: number, year: number): number {
  const low = seed >>> 0;
  const high = Math.floor(seed / 2 ** 32) >>> 0;
  return fmix32(low ^ fmix32(high ^ fmix32(year + 0x9e3779b9)));
}

function independentStreams(seed: number, count: number): Random[] {
  const streams: Random[] = [];
  const generator = xoroshiro128plus(seed);
  for (let i = 0; i < count; i++) {
    streams.push(new Random(generator.clone()));
    generator.jump();
  }
  return streams;
}

class Random {
  constructor(private readonly generator: JumpableRandomGenerator) {}

  /** Uniform in [0, 1). */
  float(): number {
    return uniformFloat64(this.generator);
  }

  /** Uniform whole number in [min, max]. */
  int(min: number, max: number): number {
    return uniformInt(this.generator, min, max);
  }

  between(min: number, max: number): number {
    return min + (max - min) * this.float();
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(0, items.length - 1)] as T;
  }

  /** `count` different items, in random order. */
  sample<T>(items: readonly T[], count: number): T[] {
    const copy = [...items];
    const n = Math.min(count, copy.length);
    for (let i = 0; i < n; i++) {
      const j = this.int(i, copy.length - 1);
      [copy[i], copy[j]] = [copy[j] as T, copy[i] as T];
    }
    return copy.slice(0, n);
  }

  exponential(mean: number): number {
    return -mean * Math.log(1 - this.float());
  }
}

/** A weighted choice, with cumulative weights worked out once. */
class Weighted<T> {
  private readonly cumulative: number[] = [];
  private readonly total: number;

  constructor(
    private readonly items: readonly T[],
    weights: readonly number[],
  ) {
    let sum = 0;
    for (const w of weights) this.cumulative.push((sum += w));
    this.total = sum;
    if (items.length === 0 || sum <= 0) throw new Error('A weighted choice needs at least one positive weight');
  }

  static of<K extends string>(table: Readonly<Partial<Record<K, number>>>): Weighted<K> {
    const entries = Object.entries(table) as [K, number][];
    return new Weighted(
      entries.map(([k]) => k),
      entries.map(([, w]) => w),
    );
  }

  pick(random: Random): T {
    const x = random.float() * this.total;
    for (let i = 0; i < this.cumulative.length; i++) if (x < (this.cumulative[i] as number)) return this.items[i] as T;
    return this.items[this.items.length - 1] as T;
  }
}

function mapValues<K extends string, V, W>(table: Readonly<Record<K, V>>, f: (v: V) => W): Record<K, W> {
  return Object.fromEntries(Object.entries(table).map(([k, v]) => [k, f(v as V)])) as Record<K, W>;
}

const GROUP_CHOICE = Weighted.of(mapValues(GROUPS, (g) => g.share));
const BAND_CHOICE = mapValues(BAND_MIX, (mix) => Weighted.of(mix));
const MEDICAL_CHOICE = Weighted.of(mapValues(MEDICAL_GRADES, (g) => g.weight));
const DIRECTORATE_CHOICE = mapValues(DIRECTORATE_MIX, (mix) => Weighted.of(mix));
const DISABILITY_CHOICE = Weighted.of(DISABILITY);
const COURSES_PER_PERSON = Weighted.of(TRAINING_COURSES_PER_PERSON);

// ---------------------------------------------------------------------------------------------------------------
// Dates (whole days since 1970-01-01, UTC)
// ---------------------------------------------------------------------------------------------------------------

const DAY_MS = 86_400_000;

function day(year: number, month: number, date: number): number {
  return Date.UTC(year, month - 1, date) / DAY_MS;
}

function isoDate(d: number): string {
  return new Date(d * DAY_MS).toISOString().slice(0, 10);
}

function ukDate(d: number): string {
  const iso = isoDate(d);
  return `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;
}

interface Period {
  readonly year: number;
  /** 1 April year − 1. */
  readonly start: number;
  /** 31 March year: the workforce snapshot. */
  readonly end: number;
}

function reportingPeriod(year: number): Period {
  return { year, start: day(year - 1, 4, 1), end: day(year, 3, 31) };
}

/** The first Wednesday of August: when foundation and specialty training rotations start. */
function augustRotation(year: number): number {
  const first = day(year, 8, 1);
  const weekday = new Date(first * DAY_MS).getUTCDay(); // 0 Sunday … 3 Wednesday
  return first + ((3 - weekday + 7) % 7);
}

// ---------------------------------------------------------------------------------------------------------------
// Ethnicity
// ---------------------------------------------------------------------------------------------------------------

type WresGroup = 'white' | 'ethnicMinority' | 'unknown';

/** Short headings local lists put before a sub-code label: "White - Polish", "Black - Nigerian". */
const SUB_HEADING: Readonly<Partial<Record<NationalCode, string>>> = { C: 'White', G: 'Mixed', L: 'Asian', P: 'Black', S: 'Other' };

interface EthnicityChoice {
  readonly code: Weighted<NationalCode>;
  readonly subCodes: Readonly<Partial<Record<NationalCode, { share: number; codes: Weighted<string> }>>>;
}

function ethnicityChoice(mix: typeof EM_MIX): EthnicityChoice {
  const subCodes: Partial<Record<NationalCode, { share: number; codes: Weighted<string> }>> = {};
  for (const [code, entry] of Object.entries(mix) as [NationalCode, NonNullable<(typeof EM_MIX)[NationalCode]>][]) {
    if (entry.sub) subCodes[code] = { share: entry.sub.share, codes: Weighted.of(entry.sub.codes) };
  }
  return { code: Weighted.of(mapValues(mix as Record<NationalCode, { weight: number }>, (e) => e.weight)), subCodes };
}

const EM_CHOICE = ethnicityChoice(EM_MIX);
const WHITE_CHOICE = ethnicityChoice(WHITE_MIX);
const LABEL_SPELLING = Weighted.of({ label: SPELLING.label, code: SPELLING.code, alias: SPELLING.alias });

/** A stated ethnicity written the way a workforce system might: label, bare code, alias or sub-code. */
function writeStated(random: Random, choice: EthnicityChoice, allowSubCodes = true): string {
  const code = choice.code.pick(random);
  const sub = choice.subCodes[code];
  if (allowSubCodes && sub && random.chance(sub.share)) {
    const picked = sub.codes.pick(random);
    const label = subCode(picked)?.label;
    const heading = SUB_HEADING[code];
    if (label && heading && random.chance(SPELLING.subLabel / (SPELLING.subLabel + SPELLING.subCode))) return `${heading} - ${label}`;
    return picked;
  }
  const category = nationalCategory(code);
  switch (allowSubCodes ? LABEL_SPELLING.pick(random) : 'label') {
    case 'code':
      return code;
    case 'alias':
      return category.aliases[0] ?? category.label;
    default:
      return category.label;
  }
}

interface WrittenEthnicity {
  readonly written: string;
  readonly group: WresGroup;
}

function writeEthnicity(random: Random, emShare: number, unknown: { Z: number; '99': number; blank: number }): WrittenEthnicity {
  const u = random.float();
  if (u < unknown.blank) return { written: '', group: 'unknown' };
  if (u < unknown.blank + unknown.Z) return { written: random.chance(0.7) ? 'Not stated' : 'Z', group: 'unknown' };
  if (u < unknown.blank + unknown.Z + unknown['99']) return { written: random.chance(0.6) ? 'Not known' : '99', group: 'unknown' };
  return random.chance(emShare)
    ? { written: writeStated(random, EM_CHOICE), group: 'ethnicMinority' }
    : { written: writeStated(random, WHITE_CHOICE), group: 'white' };
}

// ---------------------------------------------------------------------------------------------------------------
// Staff
// ---------------------------------------------------------------------------------------------------------------

const STAFF_COLUMNS = [
  'staff_id', 'ethnic_category', 'pay_band', 'staff_group', 'assignment_category', 'directorate', 'occupation_code',
  'gender', 'disability', 'fte', 'hourly_pay', 'start_date', 'international_recruit',
] as const;

interface Person {
  readonly staffId: string;
  readonly ethnicity: string;
  readonly group: WresGroup;
  readonly bank: boolean;
  /** First day in post. */
  readonly startDay: number;
  readonly csv: readonly string[];
}

interface Post {
  readonly staffGroup: Group;
  /** As written in pay_band. */
  readonly payBand: string;
  readonly row: Row;
}

function drawPost(random: Random): Post {
  const staffGroup = GROUP_CHOICE.pick(random);
  if (staffGroup === 'Medical and Dental') {
    const grade = MEDICAL_CHOICE.pick(random);
    return { staffGroup, payBand: grade, row: (MEDICAL_GRADES[grade] as { row: MedicalSubGroup }).row };
  }
  const band = BAND_CHOICE[staffGroup].pick(random);
  return { staffGroup, payBand: band, row: band };
}

function isMedicalRow(row: Row): row is MedicalSubGroup {
  return row === 'consultant' || row === 'careerGrade' || row === 'trainee' || row === 'otherMedical';
}

const BANK_ELIGIBLE: ReadonlySet<Row> = new Set<Row>(['Band 2', 'Band 3', 'Band 4', 'Band 5', 'Band 6', 'otherMedical']);

function emShareInPost(post: Post, trend: number): number {
  const factor = isMedicalRow(post.row) ? 1 : GROUPS[post.staffGroup].emFactor;
  return Math.min(0.95, ROWS[post.row].inPost * factor * trend);
}

function generateStaff(random: Random, count: number, period: Period, trend: number): Person[] {
  const people: Person[] = [];
  let idNumber = 0;
  for (let i = 0; i < count; i++) {
    idNumber += random.int(1, 3); // gaps, as leavers leave in a real extract
    const staffId = `S${String(idNumber).padStart(6, '0')}`;
    const post = drawPost(random);
    const settings = GROUPS[post.staffGroup];
    const ethnicity = writeEthnicity(random, emShareInPost(post, trend), UNKNOWN.staff);
    const bank = BANK_ELIGIBLE.has(post.row) && random.chance(settings.bank);
    const trainee = post.row === 'trainee';
    const assignment = bank
      ? 'Bank'
      : random.chance(trainee ? 0.85 : post.row === 'otherMedical' ? 0.5 : 0.05)
        ? 'Fixed Term Temp'
        : 'Permanent';

    const international = ethnicity.group !== 'unknown' && random.chance(INTERNATIONAL[post.staffGroup]?.[ethnicity.group] ?? 0);
    const startDay = drawStartDay(random, post, period, { bank, international, fixedTerm: assignment === 'Fixed Term Temp' });
    const serviceYears = (period.end - startDay) / 365.25;
    const pay = hourlyPay(random, post, serviceYears, ethnicity.group === 'ethnicMinority');

    const female = random.chance(settings.female);
    const fte = bank || random.chance(0.65) ? 1 : random.int(4, 9) / 10;
    people.push({
      staffId,
      ethnicity: ethnicity.written,
      group: ethnicity.group,
      bank,
      startDay,
      csv: [
        staffId,
        ethnicity.written,
        post.payBand,
        post.staffGroup,
        assignment,
        DIRECTORATE_CHOICE[post.staffGroup].pick(random),
        `${OCCUPATION_PREFIX[post.staffGroup]}${random.int(0, 9)}${random.pick(['A', 'B', 'C', 'D', 'E'])}`,
        female ? 'Female' : 'Male',
        DISABILITY_CHOICE.pick(random),
        fte.toFixed(2),
        pay.toFixed(2),
        isoDate(startDay),
        international ? 'Yes' : 'No',
      ],
    });
  }
  return people;
}

function drawStartDay(
  random: Random,
  post: Post,
  period: Period,
  how: { bank: boolean; international: boolean; fixedTerm: boolean },
): number {
  if (post.payBand === 'Foundation Year 1') return augustRotation(period.year - 1);
  if (post.payBand === 'Foundation Year 2') return augustRotation(period.year - 2);
  if (post.row === 'trainee') return augustRotation(period.year - 1 - random.int(0, post.payBand === 'Core Trainee' ? 2 : 4));
  let years: number;
  if (how.international) years = random.between(0, 6);
  else if (how.bank) years = random.exponential(3);
  else if (how.fixedTerm) years = random.between(0, 2);
  else years = random.exponential(ROWS[post.row].service);
  return period.end - Math.max(1, Math.floor(Math.min(years, 40) * 365.25));
}

function hourlyPay(random: Random, post: Post, serviceYears: number, ethnicMinority: boolean): number {
  const grade = MEDICAL_GRADES[post.payBand];
  const [bottom, top, yearsToTop] = grade ? [grade.pay[0], grade.pay[1], post.row === 'trainee' ? 3 : 8] : (ROWS[post.row].pay ?? [0, 0, 1]);
  let progress = Math.min(1, serviceYears / yearsToTop) + random.between(-0.08, 0.08);
  if (ethnicMinority) progress *= EM_PAY_PROGRESS;
  return bottom + (top - bottom) * Math.max(0, Math.min(1, progress));
}

// ---------------------------------------------------------------------------------------------------------------
// Applications
// ---------------------------------------------------------------------------------------------------------------

const APPLICATION_COLUMNS = [
  'application_id', 'vacancy_id', 'ethnic_category', 'shortlisted', 'appointed', 'pay_band', 'staff_group', 'internal',
  'international_recruit', 'date',
] as const;

function generateApplications(random: Random, count: number, period: Period, trend: number, gapScale = 1): string[][] {
  const rows: string[][] = [];
  let vacancy = 0;
  while (rows.length < count) {
    vacancy += 1;
    const vacancyId = `V${String(vacancy).padStart(5, '0')}`;
    const post = drawPost(random);
    const settings = GROUPS[post.staffGroup];
    const row = ROWS[post.row];
    const gap = scaledGap(1, row.gap * settings.gapFactor, gapScale);
    const emShare = Math.min(0.95, row.applicants * trend);
    const closing = random.int(period.start, period.end);
    const applicants = Math.min(count - rows.length, random.int(settings.applicants[0], settings.applicants[1]));
    const internationalPost = post.staffGroup === 'Medical and Dental' || (post.staffGroup === 'Nursing and Midwifery Registered' && post.row === 'Band 5');

    for (let i = 0; i < applicants; i++) {
      const ethnicity = writeEthnicity(random, emShare, UNKNOWN.applicants);
      const shortlisted = random.chance(SHORTLISTED[ethnicity.group]);
      const appointRate =
        ethnicity.group === 'white' ? APPOINTED_WHITE : APPOINTED_WHITE / (ethnicity.group === 'ethnicMinority' ? gap : Math.sqrt(gap));
      const appointed = shortlisted && random.chance(appointRate);
      const internal = random.chance(row.internal);
      const international =
        !internal &&
        random.chance(ethnicity.group === 'ethnicMinority' ? (internationalPost ? 0.5 : 0.03) : internationalPost ? 0.04 : 0.005);
      const [yes, no] = random.chance(0.75) ? ['Yes', 'No'] : ['Y', 'N'];
      const applied = Math.max(period.start, closing - random.int(0, 27));
      rows.push([
        `A${String(rows.length + 1).padStart(7, '0')}`,
        vacancyId,
        ethnicity.written,
        shortlisted ? yes : no,
        appointed ? yes : no,
        post.payBand,
        post.staffGroup,
        internal ? yes : no,
        international ? yes : no,
        random.chance(0.7) ? isoDate(applied) : ukDate(applied),
      ]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Disciplinary
// ---------------------------------------------------------------------------------------------------------------

const DISCIPLINARY_COLUMNS = ['case_id', 'staff_id', 'start_date'] as const;

function generateDisciplinary(random: Random, staff: readonly Person[], period: Period, gapScale = 1): string[][] {
  const chance = { ...DISCIPLINARY, ethnicMinority: scaledGap(DISCIPLINARY.white, DISCIPLINARY.ethnicMinority, gapScale) };
  const cases: { staffId: string; day: number }[] = [];
  const inPost = staff.filter((p) => !p.bank);
  const firstDay = (p: Person) => Math.max(period.start, p.startDay);
  const involved: Person[] = [];
  for (const person of inPost) {
    if (!random.chance(chance[person.group])) continue;
    involved.push(person);
    cases.push({ staffId: person.staffId, day: random.int(firstDay(person), period.end) });
  }
  // A few people enter a second investigation in the same year (each counts once in indicator 3).
  const secondCases = Math.min(involved.length, Math.max(2, Math.round(involved.length * DISCIPLINARY.secondCase)));
  for (const person of random.sample(involved, secondCases)) {
    cases.push({ staffId: person.staffId, day: random.int(firstDay(person), period.end) });
  }
  // Cases opened in the previous reporting year, still in the case system's extract: the engine must leave them out.
  const previousStart = day(period.year - 2, 4, 1);
  const previousEnd = period.start - 1;
  const longServing = inPost.filter((p) => p.startDay <= previousEnd);
  const extra = Math.max(2, Math.round(cases.length * DISCIPLINARY.previousYearRows));
  for (let i = 0; i < extra && longServing.length > 0; i++) {
    const person = random.pick(longServing);
    cases.push({ staffId: person.staffId, day: random.int(Math.max(previousStart, person.startDay), previousEnd) });
  }
  cases.sort((a, b) => a.day - b.day || (a.staffId < b.staffId ? -1 : a.staffId > b.staffId ? 1 : 0));
  return cases.map((c, i) => [`DC${String(i + 1).padStart(5, '0')}`, c.staffId, isoDate(c.day)]);
}

// ---------------------------------------------------------------------------------------------------------------
// Training
// ---------------------------------------------------------------------------------------------------------------

const TRAINING_COLUMNS = ['staff_id', 'ethnic_category', 'course', 'mandatory', 'start_date'] as const;
const ALL_COURSES: readonly string[] = [...MANDATORY_COURSES, ...NON_MANDATORY_COURSES];

function generateTraining(random: Random, staff: readonly Person[], period: Period, gapScale = 1): string[][] {
  const chance = { ...TRAINING, ethnicMinority: scaledGap(TRAINING.white, TRAINING.ethnicMinority, gapScale) };
  const rows: string[][] = [];
  for (const person of staff) {
    const from = Math.max(period.start, person.startDay);
    const sessions: { course: string; mandatory: boolean; day: number }[] = [];
    for (const course of random.sample(MANDATORY_COURSES, person.bank ? random.int(1, 2) : random.int(2, 4))) {
      sessions.push({ course, mandatory: true, day: random.int(from, period.end) });
    }
    if (!person.bank && random.chance(chance[person.group])) {
      for (const course of random.sample(NON_MANDATORY_COURSES, Number(COURSES_PER_PERSON.pick(random)))) {
        sessions.push({ course, mandatory: false, day: random.int(from, period.end) });
      }
    }
    // A few rows outside the year: last year's courses, or bookings in April after the snapshot.
    if (random.chance(TRAINING.outOfYear) && person.startDay < period.start - 30) {
      const course = random.pick(ALL_COURSES);
      const when = random.chance(0.8)
        ? random.int(Math.max(person.startDay, period.start - 365), period.start - 1)
        : random.int(period.end + 1, period.end + 30);
      sessions.push({ course, mandatory: (MANDATORY_COURSES as readonly string[]).includes(course), day: when });
    }
    sessions.sort((a, b) => a.day - b.day);
    for (const s of sessions) {
      rows.push([
        person.staffId,
        random.chance(TRAINING.blankEthnicity) ? '' : person.ethnicity,
        s.course,
        s.mandatory ? 'Yes' : 'No',
        isoDate(s.day),
      ]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Board
// ---------------------------------------------------------------------------------------------------------------

const BOARD_COLUMNS = ['member_id', 'ethnic_category', 'voting', 'executive'] as const;

function generateBoard(random: Random): string[][] {
  // Chair and non-executives vote; the chief executive and executive directors vote; two directors attend without a vote.
  const members: { voting: boolean; executive: boolean }[] = [
    { voting: true, executive: false },
    ...Array.from({ length: random.int(5, 6) }, () => ({ voting: true, executive: false })),
    { voting: true, executive: true },
    ...Array.from({ length: random.int(4, 5) }, () => ({ voting: true, executive: true })),
    { voting: false, executive: true },
    { voting: false, executive: true },
  ];
  const minorityCount = Weighted.of({ '1': 25, '2': 50, '3': 25 }).pick(random);
  const minority = new Set(random.sample(members.map((_, i) => i), Number(minorityCount)));
  return members.map((m, i) => [
    `BM${String(i + 1).padStart(2, '0')}`,
    writeStated(random, minority.has(i) ? EM_CHOICE : WHITE_CHOICE, false),
    m.voting ? 'Yes' : 'No',
    m.executive ? 'Yes' : 'No',
  ]);
}

// ---------------------------------------------------------------------------------------------------------------
// Staff survey
// ---------------------------------------------------------------------------------------------------------------

const SURVEY_COLUMNS = ['indicator', 'ethnic_group', 'respondents', 'positive'] as const;

function generateSurvey(random: Random, staff: readonly Person[], gapScale = 1): string[][] {
  const headcount = { white: 0, ethnicMinority: 0 };
  for (const p of staff) if (!p.bank && p.group !== 'unknown') headcount[p.group] += 1;
  const base = {
    white: Math.round(headcount.white * (SURVEY.responseRate + random.between(-0.04, 0.04))),
    ethnicMinority: Math.round(headcount.ethnicMinority * (SURVEY.responseRate + random.between(-0.04, 0.04))),
  };
  const rows: string[][] = [];
  for (const [indicator, shares] of Object.entries(SURVEY.positive)) {
    for (const group of ['white', 'ethnicMinority'] as const) {
      // Not everyone answers every question.
      const respondents = base[group] - random.int(0, Math.round(base[group] * 0.03));
      const expected = group === 'white' ? shares.white : scaledGap(shares.white, shares.ethnicMinority, gapScale);
      const share = Math.max(0, Math.min(1, expected + random.between(-0.02, 0.02)));
      const positive = Math.round(respondents * share);
      rows.push([indicator, group === 'white' ? 'white' : 'ethnic_minority', String(respondents), String(positive)]);
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------------------------------
// Disability (WDES)
// ---------------------------------------------------------------------------------------------------------------

/**
 * Applicants' disability answers, drawn after the applications so no WRES figure moves. Disabled applicants are made
 * rarer among those appointed than among those not, which builds in a WDES metric 2 gap of about 1.3.
 */
const APPLICANT_DISABILITY = {
  appointed: { Yes: 6, No: 86, 'Prefer not to say': 5, '': 3 },
  notAppointed: { Yes: 8, No: 84, 'Prefer not to say': 5, '': 3 },
} as const;
const APPLICANT_DISABILITY_CHOICE = mapValues(APPLICANT_DISABILITY, (mix) => Weighted.of(mix));

function withApplicantDisability(random: Random, rows: string[][]): string[][] {
  const appointedAt = APPLICATION_COLUMNS.indexOf('appointed');
  return rows.map((row) => {
    const appointed = /^y/i.test(row[appointedAt] ?? '');
    return [...row, APPLICANT_DISABILITY_CHOICE[appointed ? 'appointed' : 'notAppointed'].pick(random)];
  });
}

/**
 * Medical leadership for the medical workforce report: about one consultant in twelve is a clinical director and
 * one is the medical director, with White consultants about twice as likely to hold the roles (drawn from the
 * disability stream, so no WRES figure moves).
 */
function withMedicalLeadership(random: Random, staff: readonly Person[]): string[][] {
  const gradeAt = STAFF_COLUMNS.indexOf('pay_band');
  const consultants = staff.filter((p) => !p.bank && p.csv[gradeAt] === 'Consultant');
  const medicalDirector = consultants.length > 0 ? random.int(0, consultants.length - 1) : -1;
  const roles = new Map<string, string>();
  consultants.forEach((person, i) => {
    if (i === medicalDirector) roles.set(person.staffId, 'Medical Director');
    else if (random.chance(person.group === 'white' ? 0.1 : 0.05)) roles.set(person.staffId, 'Clinical Director');
  });
  return staff.map((person) => [...person.csv, roles.get(person.staffId) ?? '']);
}

/**
 * Pay-gap extras, from the disability stream so no WRES figure moves: consultants receive local clinical excellence
 * awards (more often men and White consultants, as the national reviews found), a few others a small recognition
 * payment; about 3% of staff are on reduced pay for leave at the snapshot (not full-pay relevant).
 */
function withPayExtras(random: Random, staff: readonly Person[], rows: readonly string[][]): string[][] {
  const gradeAt = STAFF_COLUMNS.indexOf('pay_band');
  const genderAt = STAFF_COLUMNS.indexOf('gender');
  return rows.map((row, i) => {
    const person = staff[i] as Person;
    const consultant = row[gradeAt] === 'Consultant';
    const man = row[genderAt] === 'Male';
    const awardChance = consultant ? (man ? 0.5 : 0.38) * (person.group === 'white' ? 1 : 0.8) : 0.03;
    const bonus = !person.bank && random.chance(awardChance) ? (consultant ? random.int(3, 20) * 1000 : random.int(1, 5) * 100) : 0;
    const fullPay = random.chance(0.97) ? 'Yes' : 'No';
    return [...row, bonus > 0 ? String(bonus) : '', fullPay];
  });
}

/** One board member Disabled, one not declared, the rest not Disabled. */
function withBoardDisability(random: Random, rows: string[][]): string[][] {
  const [disabled, undeclared] = random.sample(rows.map((_, i) => i), 2);
  return rows.map((row, i) => [...row, i === disabled ? 'Yes' : i === undeclared ? 'Not declared' : 'No']);
}

const CAPABILITY_COLUMNS = ['case_id', 'staff_id', 'start_date'] as const;
/** Entry into the formal capability process in the year: about twice as likely for Disabled staff. */
const CAPABILITY = { disabled: 0.012, other: 0.006 } as const;

function generateCapability(random: Random, staff: readonly Person[], period: Period): string[][] {
  const rows: string[][] = [];
  for (const person of staff) {
    if (person.bank) continue;
    const disabled = person.csv[STAFF_COLUMNS.indexOf('disability')] === 'Yes';
    if (!random.chance(disabled ? CAPABILITY.disabled : CAPABILITY.other)) continue;
    rows.push([`CP${String(rows.length + 1).padStart(5, '0')}`, person.csv[0] ?? '', isoDate(random.int(period.start, period.end))]);
  }
  return rows;
}

/** WDES staff survey rows: about a fifth of respondents say they are Disabled (far more than declare it to ESR). */
const WDES_SURVEY = {
  disabledShare: 0.2,
  positive: {
    '4a_patients': { disabled: 0.32, nonDisabled: 0.25 },
    '4a_managers': { disabled: 0.16, nonDisabled: 0.09 },
    '4a_colleagues': { disabled: 0.25, nonDisabled: 0.17 },
    '4b': { disabled: 0.45, nonDisabled: 0.47 },
    '5': { disabled: 0.5, nonDisabled: 0.58 },
    '6': { disabled: 0.3, nonDisabled: 0.2 },
    '7': { disabled: 0.35, nonDisabled: 0.45 },
    '8': { disabled: 0.72 },
  },
  engagement: { disabled: 6.6, nonDisabled: 7.0 },
} as const;

function generateWdesSurvey(random: Random, staff: readonly Person[]): string[][] {
  const respondents = Math.round(staff.filter((p) => !p.bank).length * (SURVEY.responseRate + random.between(-0.04, 0.04)));
  const base = { disabled: Math.round(respondents * WDES_SURVEY.disabledShare), nonDisabled: respondents - Math.round(respondents * WDES_SURVEY.disabledShare) };
  const rows: string[][] = [];
  for (const [metric, shares] of Object.entries(WDES_SURVEY.positive)) {
    for (const [group, share] of Object.entries(shares) as ['disabled' | 'nonDisabled', number][]) {
      const answered = base[group] - random.int(0, Math.round(base[group] * 0.03));
      const positive = Math.round(answered * Math.max(0, Math.min(1, share + random.between(-0.02, 0.02))));
      rows.push([`WDES ${metric.replace('_', ' ')}`, group === 'disabled' ? 'disabled' : 'non_disabled', String(answered), String(positive), '']);
    }
  }
  const score = (group: 'disabled' | 'nonDisabled') => (WDES_SURVEY.engagement[group] + random.between(-0.2, 0.2)).toFixed(1);
  rows.push(['WDES 9a', 'disabled', String(base.disabled), '', score('disabled')]);
  rows.push(['WDES 9a', 'non_disabled', String(base.nonDisabled), '', score('nonDisabled')]);
  rows.push(['WDES 9a', 'overall', String(respondents), '', ((WDES_SURVEY.engagement.disabled * 0.2 + WDES_SURVEY.engagement.nonDisabled * 0.8)).toFixed(1)]);
  return rows;
}

const NARRATIVE = [
  'yes',
  'The Disabled Staff Network meets monthly and its chair attends the People Committee. (Synthetic text: this organisation does not exist.)',
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------------------------

function toCsv(columns: readonly string[], rows: readonly (readonly string[])[]): string {
  return stringify([columns, ...rows], { record_delimiter: 'unix' });
}
