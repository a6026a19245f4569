/**
 * Typed records that the ingest layer produces from the canonical files (docs/data-formats.md) and the indicator
 * engine counts. Every record keeps the file and row it came from so any figure can be traced to its source.
 */
import type { Ethnicity } from './ethnicity/classifications.ts';
import type { PayBand } from './workforce/pay-band.ts';
import type { StaffGroup } from './workforce/staff-group.ts';

export interface RowRef {
  readonly file: string;
  /** Spreadsheet row number: the header is row 1, the first record row 2. */
  readonly row: number;
}

/** Disability as recorded: unknown (blank, "Not declared", "Prefer not to say") is kept apart from "no". */
export type DisabilityStatus = 'yes' | 'no' | 'notDeclared' | 'missing';

/** Medical leadership roles, from the optional medical_leadership column: medical directors (with deputies and
 * associates) and clinical directors. */
export type MedicalLeadership = 'medicalDirector' | 'clinicalDirector';

export interface StaffRecord {
  readonly staffId: string;
  readonly ethnicity: Ethnicity;
  readonly payBand: PayBand;
  readonly staffGroup: StaffGroup;
  readonly assignmentCategory: string;
  /** Bank-only staff are excluded from every WRES indicator. */
  readonly bankOnly: boolean;
  readonly directorate: string | null;
  readonly occupationCode: string | null;
  readonly gender: string | null;
  readonly disability: DisabilityStatus;
  readonly fte: number | null;
  readonly hourlyPay: number | null;
  /** Bonus pay in the 12 months to the snapshot date (gender pay gap regulations); null when not given. */
  readonly bonusPay: number | null;
  /** A full-pay relevant employee: not on reduced or nil pay because of leave in the pay period (blank = yes). */
  readonly fullPayRelevant: boolean;
  readonly startDate: string | null;
  readonly internationalRecruit: boolean | null;
  readonly medicalLeadership: MedicalLeadership | null;
  readonly source: RowRef;
}

export interface ApplicationRecord {
  readonly applicationId: string;
  readonly ethnicity: Ethnicity;
  readonly shortlisted: boolean;
  readonly appointed: boolean;
  readonly vacancyId: string | null;
  readonly payBand: PayBand | null;
  readonly staffGroup: StaffGroup | null;
  readonly internal: boolean | null;
  readonly internationalRecruit: boolean | null;
  /** ISO date (YYYY-MM-DD) or null when the column is absent or blank. */
  readonly date: string | null;
  readonly disability: DisabilityStatus;
  /** As written in the optional gender column, for intersections; null when absent or blank. */
  readonly gender: string | null;
  readonly source: RowRef;
}

/** Entry into a formal disciplinary investigation. */
export interface DisciplinaryRecord {
  readonly caseId: string;
  readonly staffId: string;
  /** Null when the file gives none: the engine then takes it from staff.csv by staff_id. */
  readonly ethnicity: Ethnicity | null;
  readonly startDate: string;
  readonly source: RowRef;
}

export interface TrainingRecord {
  readonly staffId: string;
  readonly ethnicity: Ethnicity | null;
  readonly course: string;
  readonly mandatory: boolean;
  readonly startDate: string;
  readonly source: RowRef;
}

export interface BoardMemberRecord {
  readonly memberId: string;
  readonly ethnicity: Ethnicity;
  readonly voting: boolean;
  readonly executive: boolean;
  /** From the optional disability column, for WDES metric 10. */
  readonly disability: DisabilityStatus;
  readonly source: RowRef;
}

export const SURVEY_INDICATORS = ['5', '6', '7', '8'] as const;
export type SurveyIndicator = (typeof SURVEY_INDICATORS)[number];

/**
 * WDES staff survey metrics: 4a is split into harassment from patients or the public, from managers and from other
 * colleagues; 8 is asked of Disabled staff only; 9a is the engagement score (0–10), a mean rather than a proportion.
 */
export const WDES_SURVEY_METRICS = ['4a_patients', '4a_managers', '4a_colleagues', '4b', '5', '6', '7', '8', '9a'] as const;
export type WdesSurveyMetric = (typeof WDES_SURVEY_METRICS)[number];

/** One staff survey result as the trust receives it: respondents and positive answers per group. */
export interface SurveyResult {
  readonly indicator: SurveyIndicator;
  readonly group: 'white' | 'ethnicMinority';
  readonly respondents: number;
  readonly positive: number;
  readonly source: RowRef;
}

/** One WDES staff survey result: a proportion (respondents, positive) or, for 9a, a mean engagement score. */
export interface WdesSurveyResult {
  readonly metric: WdesSurveyMetric;
  readonly group: 'disabled' | 'nonDisabled' | 'overall';
  readonly respondents: number;
  /** Null for 9a. */
  readonly positive: number | null;
  /** The engagement score (0–10) for 9a; null otherwise. */
  readonly score: number | null;
  readonly source: RowRef;
}

/** Entry into the formal capability process (performance, not ill health), for WDES metric 3. */
export interface CapabilityRecord {
  readonly caseId: string;
  readonly staffId: string;
  /** Null when the file gives none: taken from staff.csv by staff_id. */
  readonly disability: DisabilityStatus | null;
  readonly startDate: string;
  readonly source: RowRef;
}

export const SOURCE_KINDS = ['staff', 'applications', 'disciplinary', 'training', 'board', 'survey', 'capability'] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];

/** Where one canonical file came from, for provenance in every output. */
export interface SourceFile {
  readonly kind: SourceKind;
  readonly file: string;
  readonly sha256: string;
  readonly rows: number;
  readonly encoding: string;
}

/** Everything read from one reporting year's folder. Only staff is mandatory. */
export interface WorkforceDataset {
  readonly staff: readonly StaffRecord[];
  readonly applications: readonly ApplicationRecord[] | null;
  readonly disciplinary: readonly DisciplinaryRecord[] | null;
  readonly training: readonly TrainingRecord[] | null;
  readonly board: readonly BoardMemberRecord[] | null;
  readonly survey: readonly SurveyResult[] | null;
  /** WDES rows of survey.csv; null when survey.csv is absent. */
  readonly wdesSurvey: readonly WdesSurveyResult[] | null;
  readonly capability: readonly CapabilityRecord[] | null;
  /** WDES metric 9b: whether the organisation has acted to facilitate Disabled staff's voices, with its narrative. */
  readonly wdesNarrative: { readonly answer: boolean | null; readonly text: string; readonly file: string } | null;
  readonly sources: readonly SourceFile[];
}
