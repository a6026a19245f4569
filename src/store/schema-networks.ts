/**
 * The tables of migration 0015 as Kysely sees them (kept apart from schema.ts, which holds the rest): reports counted
 * for trends, and staff networks with their input, mentoring programmes and pulse questions.
 */
import type { ColumnType, Generated } from 'kysely';

type TimestampColumn = ColumnType<Date | string, Date, Date>;

/** Reports counted by month, category and directorate ("" when not given) (migration 0015). */
export interface ReportCountsTable {
  organisation_id: number;
  month: string;
  category: string;
  directorate: string;
  reports: number;
}

/** Staff networks and what they said, their mentoring programmes and their pulse questions (migration 0015). */
export interface StaffNetworksTable {
  id: Generated<number>;
  organisation_id: number;
  name: string;
  purpose: string;
  chair_name: string;
  chair_role: string;
  chair_user_id: number | null;
  sponsor_name: string;
  sponsor_role: string;
  created_by: number | null;
  created_at: TimestampColumn;
}

export interface NetworkInputsTable {
  id: Generated<number>;
  network_id: number;
  objective_id: number | null;
  intervention_id: number | null;
  said: string;
  /** YYYY-MM-DD. */
  given_on: string;
  recorded_by: number | null;
  recorded_at: TimestampColumn;
}

export interface MentoringProgrammesTable {
  id: Generated<number>;
  network_id: number;
  name: string;
  kind: string;
  pairs: number;
  start_date: string;
  end_date: string | null;
  evaluation: string;
  pairs_completed: number | null;
  responses: number | null;
  positive_responses: number | null;
  updated_by: number | null;
  updated_at: TimestampColumn;
}

export interface PulseQuestionsTable {
  id: Generated<number>;
  network_id: number;
  question: string;
  options: string;
  opens_on: string;
  closes_on: string;
  created_by: number | null;
  created_at: TimestampColumn;
}

export interface PulseTalliesTable {
  question_id: number;
  option_index: number;
  answers: number;
}
