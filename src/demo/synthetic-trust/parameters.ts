/** The parameters of the synthetic trust: every share, mix and rate it is drawn from. */
import type { NationalCode } from '../../core/ethnicity/nhs-ethnic-category.ts';
import type { MedicalSubGroup } from '../../core/workforce/pay-band.ts';
import type { StaffGroup } from '../../core/workforce/staff-group.ts';

// ---------------------------------------------------------------------------------------------------------------
// Parameters. Shares are fractions (0.27 = 27%). Change these, not the code, to change the trust.
// ---------------------------------------------------------------------------------------------------------------

export type Group = Exclude<StaffGroup, 'Students'>;

/**
 * Staff groups. share: of all staff. female: share of the group. bank: share of bank-eligible posts (bands 2–6 and
 * other medical) held by bank-only staff, giving ≈5% bank overall. emFactor: scales the band's ethnic minority share
 * (registered nurses include many international recruits; admin and estates are recruited locally). gapFactor: scales
 * the band's appointment gap. applicants: applications per vacancy, lowest and highest.
 */
export const GROUPS: Readonly<
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
export type Row = AfcRow | MedicalSubGroup;

/** Pay band mix within each non-medical staff group (weights). VSM only in admin: a handful of directors. */
export const BAND_MIX: Readonly<Record<Exclude<Group, 'Medical and Dental'>, Partial<Record<AfcRow, number>>>> = {
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
export const MEDICAL_GRADES: Readonly<Record<string, { row: MedicalSubGroup; weight: number; pay: readonly [number, number] }>> = {
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
export const ROWS: Readonly<
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
export const EM_TREND_PER_YEAR = 0.03;
export const TREND_BASE_YEAR = 2025;

/** Ethnicity recorded as unknown, as a share of all people: Z "Not stated", 99 "Not known", and blank. */
export const UNKNOWN = { staff: { Z: 0.02, '99': 0.01, blank: 0.003 }, applicants: { Z: 0.02, '99': 0.005, blank: 0.005 } } as const;

/**
 * Ethnic minority mix (weights, codes D–S): Indian, Black African and Filipino (S, sub-code SC) are the largest
 * groups, as in NHS England. sub: share written with a two-character sub-code, and which (weights).
 */
export const EM_MIX: Readonly<Partial<Record<NationalCode, { weight: number; sub?: { share: number; codes: Readonly<Record<string, number>> } }>>> = {
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
export const WHITE_MIX: typeof EM_MIX = {
  A: { weight: 84 },
  B: { weight: 3 },
  C: { weight: 13, sub: { share: 0.35, codes: { CP: 4, CK: 1, CF: 1, CY: 2 } } },
};

/** How a stated ethnicity is spelled (weights): Data Dictionary label mostly, some bare codes and local aliases. */
export const SPELLING = { label: 86, code: 6, alias: 8, subLabel: 65, subCode: 35 } as const;

/** Share of people given international_recruit = yes, by staff group and WRES group. */
export const INTERNATIONAL: Readonly<Partial<Record<Group, { white: number; ethnicMinority: number }>>> = {
  'Nursing and Midwifery Registered': { white: 0.04, ethnicMinority: 0.45 },
  'Medical and Dental': { white: 0.06, ethnicMinority: 0.35 },
  'Allied Health Professionals': { white: 0.02, ethnicMinority: 0.15 },
};

/** Ethnic minority staff progress more slowly through their band's pay points: a small pay gap within bands. */
export const EM_PAY_PROGRESS = 0.88;

/** Applications: share shortlisted, and share of shortlisted White applicants appointed (others: divided by the gap). */
export const SHORTLISTED = { white: 0.29, ethnicMinority: 0.26, unknown: 0.22 } as const;
export const APPOINTED_WHITE = 0.3;

/**
 * Entry into formal disciplinary investigation in the year (≈1.3 relative likelihood); share of those people with a
 * second case (at least two people); extra rows from the previous year, as a share of this year's cases.
 */
export const DISCIPLINARY = { white: 0.01, ethnicMinority: 0.013, unknown: 0.011, secondCase: 0.06, previousYearRows: 0.08 } as const;

/** Non-mandatory training accessed in the year; ethnicity left blank on some rows; a few out-of-year rows. */
export const TRAINING = { white: 0.4, ethnicMinority: 0.34, unknown: 0.37, blankEthnicity: 0.12, outOfYear: 0.005 } as const;
/** Number of non-mandatory courses for those who had any (weights for 1, 2, 3, 4). */
export const TRAINING_COURSES_PER_PERSON = { '1': 60, '2': 25, '3': 10, '4': 5 } as const;

/** Staff survey: respondents ≈45% of each group's non-bank headcount; positive share per WRES indicator. */
export const SURVEY = {
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

export const DIRECTORATE_MIX: Readonly<Record<Group, Partial<Record<Directorate, number>>>> = {
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
export const OCCUPATION_PREFIX: Readonly<Record<Group, string>> = {
  'Nursing and Midwifery Registered': 'N', 'Additional Clinical Services': 'H', 'Administrative and Clerical': 'G',
  'Allied Health Professionals': 'S', 'Medical and Dental': 'M', 'Estates and Ancillary': 'E',
  'Add Prof Scientific and Technic': 'P', 'Healthcare Scientists': 'T',
};

export const DISABILITY = { Yes: 5, No: 78, 'Not declared': 13, '': 4 } as const;

export const MANDATORY_COURSES = [
  'Fire Safety', 'Information Governance', 'Safeguarding Adults Level 1', 'Safeguarding Children Level 1',
  'Infection Prevention and Control', 'Moving and Handling', 'Equality, Diversity and Human Rights', 'Conflict Resolution',
  'Basic Life Support',
] as const;
export const NON_MANDATORY_COURSES = [
  'Leadership Essentials', 'Mary Seacole Programme', 'Coaching Skills', 'Mentorship and Preceptorship',
  'Quality Improvement Foundations', 'Advanced Clinical Skills', 'Project Management', 'Clinical Supervision',
  'Spreadsheet Skills (Intermediate)', 'Research Methods', 'Finance for Non-Finance Managers', 'Reverse Mentoring',
] as const;
