/**
 * The tables as Kysely sees them. One schema serves SQLite and PostgreSQL, so each column type says what either
 * database may hand back: SQLite has no boolean or timestamp type and returns 0/1 and ISO text, which the
 * repositories turn back into booleans and Dates (values.ts). JSON is kept as text on both, so it reads back
 * exactly as written.
 */
import type { ColumnType, Generated } from 'kysely';
import type {
  MentoringProgrammesTable, NetworkInputsTable, PulseQuestionsTable, PulseTalliesTable, ReportCountsTable, StaffNetworksTable,
} from './schema-networks.ts';
import type { InclusiveHrTables } from './inclusive-hr-types.ts';
import type { RegionFiguresTables } from './region-figures-types.ts';

/** Written as a boolean (the SQLite plugin turns it into 0/1); read as a boolean or 0/1. */
export type BooleanColumn = ColumnType<boolean | number, boolean, boolean>;
export type NullableBooleanColumn = ColumnType<boolean | number | null, boolean | null, boolean | null>;
/** Written as a Date (ISO text on SQLite, timestamptz on PostgreSQL); read as a Date or ISO text. */
export type TimestampColumn = ColumnType<Date | string, Date, Date>;
export type NullableTimestampColumn = ColumnType<Date | string | null, Date | null, Date | null>;
/** JSON as text. */
export type JsonColumn = string;

export interface OrganisationsTable {
  id: Generated<number>;
  code: string;
  name: string;
  region: string | null;
  type: string | null;
  synthetic: BooleanColumn;
}

export interface ImportVersionsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  version: number;
  is_current: BooleanColumn;
  imported_at: TimestampColumn;
  imported_by: number | null;
  channel: string;
  sources: JsonColumn;
  notes: JsonColumn;
  /** 0 for imports made before migration 0008, whose records lack fields the standards count; 1 since. */
  records_format: Generated<number>;
  /** JSON of the WDES 9b answer and narrative, or null without wdes_9b.txt (and before 0008). */
  wdes_narrative: string | null;
}

interface RecordOfImport {
  id: Generated<number>;
  import_version_id: number;
  source_row: number;
}

export interface StaffRecordsTable extends RecordOfImport {
  pseudonym: string;
  ethnic_code: string;
  sub_code: string | null;
  census_2021: string | null;
  pay_band: string;
  staff_group: string;
  bank_only: BooleanColumn;
  directorate: string | null;
  gender: string | null;
  disability: string;
  fte: number | null;
  hourly_pay: number | null;
  start_date: string | null;
  international_recruit: NullableBooleanColumn;
  /** The next three are null in imports made before migration 0008. */
  bonus_pay: number | null;
  full_pay_relevant: NullableBooleanColumn;
  medical_leadership: string | null;
}

export interface ApplicationRecordsTable extends RecordOfImport {
  ethnic_code: string;
  sub_code: string | null;
  shortlisted: BooleanColumn;
  appointed: BooleanColumn;
  pay_band: string | null;
  staff_group: string | null;
  internal: NullableBooleanColumn;
  international_recruit: NullableBooleanColumn;
  application_date: string | null;
  disability: string;
  gender: string | null;
}

export interface DisciplinaryRecordsTable extends RecordOfImport {
  pseudonym: string;
  ethnic_code: string | null;
  start_date: string;
}

export interface TrainingRecordsTable extends RecordOfImport {
  pseudonym: string;
  ethnic_code: string | null;
  mandatory: BooleanColumn;
  start_date: string;
}

export interface BoardRecordsTable extends RecordOfImport {
  ethnic_code: string;
  voting: BooleanColumn;
  executive: BooleanColumn;
  /** Null in imports made before migration 0008. */
  disability: string | null;
}

/** Entry into the formal capability process (WDES metric 3); disability is the row's own, when the file gives one. */
export interface CapabilityRecordsTable extends RecordOfImport {
  pseudonym: string;
  disability: string | null;
  start_date: string;
}

export interface SurveyResultsTable {
  id: Generated<number>;
  import_version_id: number;
  indicator: string;
  ethnic_group: string;
  respondents: number;
  positive: number;
}

export interface WdesSurveyResultsTable {
  id: Generated<number>;
  import_version_id: number;
  metric: string;
  disability_group: string;
  respondents: number;
  positive: number | null;
  score: number | null;
}

export interface StandardCountsTable {
  import_version_id: number;
  standard: string;
  /** JSON of that standard's counts. */
  counts: JsonColumn;
}

export interface ColumnMappingsTable {
  organisation_id: number;
  kind: string;
  mapping: JsonColumn;
  updated_at: TimestampColumn;
}

export interface MappingPresetsTable {
  id: Generated<number>;
  name: string;
  kind: string;
  mapping: JsonColumn;
  organisation_id: number | null;
  created_by: number | null;
  created_at: TimestampColumn;
}

export interface UsersTable {
  id: Generated<number>;
  email: string;
  display_name: string;
  administrator: BooleanColumn;
  password_hash: string | null;
  active: BooleanColumn;
  created_at: TimestampColumn;
}

export interface MembershipsTable {
  user_id: number;
  organisation_id: number;
  role: string;
}

export interface SignInLinksTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number | null;
  expires_at: TimestampColumn;
  used_at: NullableTimestampColumn;
  created_at: TimestampColumn;
}

export interface SessionsTable {
  id: Generated<number>;
  token_hash: string;
  user_id: number;
  expires_at: TimestampColumn;
  csrf_secret: string;
  created_at: TimestampColumn;
}

export interface ApiTokensTable {
  id: Generated<number>;
  user_id: number;
  /** Null only for tokens made before migration 0005, which read every organisation their person can see. */
  organisation_id: number | null;
  name: string;
  token_hash: string;
  created_at: TimestampColumn;
  /** Always set since migration 0005; a missing one counts as expired. */
  expires_at: NullableTimestampColumn;
  revoked_at: NullableTimestampColumn;
  last_used_at: NullableTimestampColumn;
}

export interface AuditEventsTable {
  id: Generated<number>;
  at: TimestampColumn;
  user_id: number | null;
  action: string;
  organisation_id: number | null;
  subject: string;
  details: JsonColumn;
}

/** National WRES counts for one reporting year and indicator (2, 3 or 4), entered by an administrator. */
export interface NationalFiguresTable {
  id: Generated<number>;
  year: number;
  indicator: string;
  white_events: number;
  white_population: number;
  ethnic_minority_events: number;
  ethnic_minority_population: number;
  source: string;
  entered_by: number | null;
  entered_at: TimestampColumn;
}

/** Objectives, their reviews, and comply-or-explain rules and cases (migration 0008). */
export interface ObjectivesTable {
  id: Generated<number>;
  organisation_id: number;
  standard: string;
  indicator: string;
  scope: string;
  target_kind: string;
  target_value: number | null;
  target_date: string;
  owner_name: string;
  owner_role: string;
  /** The Mirror user the objective is assigned to (migration 0010). */
  owner_user_id: number | null;
  action: string | null;
  baseline_year: number;
  baseline: JsonColumn;
  created_by: number | null;
  created_at: TimestampColumn;
  updated_at: TimestampColumn;
}

export interface ObjectiveReviewsTable {
  id: Generated<number>;
  objective_id: number;
  at: TimestampColumn;
  user_id: number | null;
  status: string;
  note: string;
}

export interface ComplyRulesTable {
  id: Generated<number>;
  organisation_id: number;
  title: string;
  description: string;
  created_by: number | null;
  created_at: TimestampColumn;
}

export interface ComplyCasesTable {
  id: Generated<number>;
  rule_id: number;
  month: string;
  complied: BooleanColumn;
  explanation: string | null;
  recorded_by: number | null;
  recorded_at: TimestampColumn;
}

/** Interventions and their status history (migration 0009). */
export interface InterventionsTable {
  id: Generated<number>;
  objective_id: number;
  catalogue_id: string | null;
  name: string | null;
  description: string | null;
  owner_name: string;
  owner_role: string;
  /** The Mirror user the intervention is assigned to (migration 0010). */
  owner_user_id: number | null;
  start_date: string | null;
  end_date: string | null;
  status: string;
  /** A JSON array of the networks' names. */
  staff_networks: JsonColumn;
  cost_pounds: number | null;
  share_evaluation: BooleanColumn;
  created_by: number | null;
  created_at: TimestampColumn;
  updated_by: number | null;
  updated_at: TimestampColumn;
}

export interface InterventionStatusChangesTable {
  id: Generated<number>;
  intervention_id: number;
  status: string;
  at: TimestampColumn;
  user_id: number | null;
  /** The update's words, when one was given with it (migration 0010). */
  note: string | null;
}

/** A draft or published version of an organisation's year (migration 0013). */
export interface PublicationsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  /** "draft" or "published". */
  status: string;
  /** 1, 2, …: null while a draft. */
  version: number | null;
  /** The published report as JSON, disclosure control applied. */
  snapshot: JsonColumn;
  correction_note: string | null;
  prepared_by: number | null;
  prepared_at: TimestampColumn;
  approved_by: number | null;
  published_at: NullableTimestampColumn;
}

/** Migration 0014: EDS 2022 and the high-impact actions (issue 14). */
export interface EdsSettingsTable {
  organisation_id: number;
  thresholds: string;
  updated_by: number | null;
  updated_at: TimestampColumn;
}

export interface EdsEvidenceTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  outcome: string;
  kind: string;
  title: string;
  href: string;
  created_by: number | null;
  created_at: TimestampColumn;
}

export interface EdsStakeholderRatingsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  outcome: string;
  stakeholder_group: string;
  rating: number;
  updated_by: number | null;
  updated_at: TimestampColumn;
}

export interface EdsAgreedRatingsTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  outcome: string;
  rating: number;
  owner: string;
  updated_by: number | null;
  updated_at: TimestampColumn;
}

export interface ActionMetricEntriesTable {
  id: Generated<number>;
  organisation_id: number;
  year: number;
  metric: string;
  value: string;
  source: string;
  source_year: number;
  updated_by: number | null;
  updated_at: TimestampColumn;
}

export interface ActionLinksTable {
  id: Generated<number>;
  organisation_id: number;
  action: string;
  objective_id: number | null;
  intervention_id: number | null;
  created_by: number | null;
  created_at: TimestampColumn;
}

/** Reporting racism and discrimination (migration 0012). Sealed columns hold base64 of nonce and ciphertext. */
export interface ReportSettingsTable {
  organisation_id: number;
  categories: JsonColumn;
  directorates: JsonColumn;
  handler_roles: JsonColumn;
  routing: JsonColumn;
  retention_months: number;
}

export interface ReportHandlersTable {
  organisation_id: number;
  role_key: string;
  user_id: number;
}

export interface ReportCasesTable {
  id: Generated<number>;
  organisation_id: number;
  receipt_hash: string;
  route: string;
  category: string;
  directorate: string | null;
  wanted: string;
  content: string;
  contact: string | null;
  handler_role: string | null;
  assigned_user_id: number | null;
  status: string;
  closing_outcome: string | null;
  /** YYYY-MM-DD. */
  received_on: string;
  closed_on: string | null;
  awaiting_handler: BooleanColumn;
}

export interface ReportMessagesTable {
  id: Generated<number>;
  case_id: number;
  sequence: number;
  kind: string;
  body: string;
  author_user_id: number | null;
  written_on: string;
}

export interface Database extends InclusiveHrTables, RegionFiguresTables {
  organisations: OrganisationsTable;
  import_versions: ImportVersionsTable;
  staff_records: StaffRecordsTable;
  application_records: ApplicationRecordsTable;
  disciplinary_records: DisciplinaryRecordsTable;
  training_records: TrainingRecordsTable;
  board_records: BoardRecordsTable;
  survey_results: SurveyResultsTable;
  capability_records: CapabilityRecordsTable;
  wdes_survey_results: WdesSurveyResultsTable;
  standard_counts: StandardCountsTable;
  column_mappings: ColumnMappingsTable;
  mapping_presets: MappingPresetsTable;
  users: UsersTable;
  memberships: MembershipsTable;
  sign_in_links: SignInLinksTable;
  sessions: SessionsTable;
  api_tokens: ApiTokensTable;
  audit_events: AuditEventsTable;
  national_figures: NationalFiguresTable;
  objectives: ObjectivesTable;
  objective_reviews: ObjectiveReviewsTable;
  comply_rules: ComplyRulesTable;
  comply_cases: ComplyCasesTable;
  interventions: InterventionsTable;
  intervention_status_changes: InterventionStatusChangesTable;
  publications: PublicationsTable;
  eds_settings: EdsSettingsTable;
  eds_evidence: EdsEvidenceTable;
  eds_stakeholder_ratings: EdsStakeholderRatingsTable;
  eds_agreed_ratings: EdsAgreedRatingsTable;
  action_metric_entries: ActionMetricEntriesTable;
  action_links: ActionLinksTable;
  report_settings: ReportSettingsTable;
  report_handlers: ReportHandlersTable;
  report_cases: ReportCasesTable;
  report_messages: ReportMessagesTable;
  report_counts: ReportCountsTable;
  staff_networks: StaffNetworksTable;
  network_inputs: NetworkInputsTable;
  mentoring_programmes: MentoringProgrammesTable;
  pulse_questions: PulseQuestionsTable;
  pulse_tallies: PulseTalliesTable;
}

/** The tables holding an import's pseudonymised records. */
export const RECORD_TABLES = [
  'staff_records', 'application_records', 'disciplinary_records', 'training_records', 'board_records', 'survey_results',
  'capability_records', 'wdes_survey_results',
] as const satisfies readonly (keyof Database)[];
