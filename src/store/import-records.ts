/**
 * Writes an import's pseudonymised records, table by table, inside the import's transaction: on PostgreSQL with COPY
 * (bulk-writes.ts), on SQLite with prepared INSERTs of many rows at a time; multi-row INSERTs where neither is at hand.
 */
import type { Insertable, Kysely, Selectable } from 'kysely';
import type pg from 'pg';
import { insertInBatches, type BatchLimits } from './batches.ts';
import type SqliteDatabase from 'better-sqlite3';
import { copyRows, insertPrepared, type RowSource } from './bulk-writes.ts';
import type {
  ApplicationRecordsTable, BoardRecordsTable, CapabilityRecordsTable, Database, DisciplinaryRecordsTable, StaffRecordsTable,
  SurveyResultsTable, TrainingRecordsTable, WdesSurveyResultsTable,
} from './schema.ts';
import type { StoredRecords } from './store.ts';
import { toBoolean, toNullableBoolean } from './values.ts';

export function recordCount(records: StoredRecords): number {
  return records.staff.length + records.applications.length + records.disciplinary.length + records.training.length +
    records.board.length + records.survey.length + records.capability.length + records.wdesSurvey.length;
}

export async function writeRecords(
  db: Kysely<Database>,
  importVersionId: number,
  records: StoredRecords,
  limits: BatchLimits,
  written: (count: number) => void,
  bulk: { readonly copyClient: pg.PoolClient | null; readonly sqlite: SqliteDatabase.Database | null } = { copyClient: null, sqlite: null },
): Promise<void> {
  const sources = recordRows(importVersionId, records);
  const { copyClient, sqlite } = bulk;
  if (copyClient || sqlite) {
    for (const [key, table] of Object.entries(RECORD_TABLES)) {
      const tableRows = sources[key as keyof RecordRows] as RowSource<Record<string, unknown>>;
      if (copyClient) await copyRows(copyClient, table, tableRows, written);
      else if (sqlite) await insertPrepared(sqlite, table, tableRows, written);
    }
    return;
  }
  const rows = everyRow(sources);
  await insertInBatches(rows.staff, limits, (batch) => db.insertInto('staff_records').values(batch).execute(), written);
  await insertInBatches(rows.applications, limits, (batch) => db.insertInto('application_records').values(batch).execute(), written);
  await insertInBatches(rows.disciplinary, limits, (batch) => db.insertInto('disciplinary_records').values(batch).execute(), written);
  await insertInBatches(rows.training, limits, (batch) => db.insertInto('training_records').values(batch).execute(), written);
  await insertInBatches(rows.board, limits, (batch) => db.insertInto('board_records').values(batch).execute(), written);
  await insertInBatches(rows.survey, limits, (batch) => db.insertInto('survey_results').values(batch).execute(), written);
  await insertInBatches(rows.capability, limits, (batch) => db.insertInto('capability_records').values(batch).execute(), written);
  await insertInBatches(rows.wdesSurvey, limits, (batch) => db.insertInto('wdes_survey_results').values(batch).execute(), written);
}

/** Each kind of record's table, in the order written. */
const RECORD_TABLES = {
  staff: 'staff_records', applications: 'application_records', disciplinary: 'disciplinary_records', training: 'training_records',
  board: 'board_records', survey: 'survey_results', capability: 'capability_records', wdesSurvey: 'wdes_survey_results',
} as const satisfies Record<keyof RecordRows, string>;

interface RecordRows {
  readonly staff: RowSource<Insertable<StaffRecordsTable>>;
  readonly applications: RowSource<Insertable<ApplicationRecordsTable>>;
  readonly disciplinary: RowSource<Insertable<DisciplinaryRecordsTable>>;
  readonly training: RowSource<Insertable<TrainingRecordsTable>>;
  readonly board: RowSource<Insertable<BoardRecordsTable>>;
  readonly survey: RowSource<Insertable<SurveyResultsTable>>;
  readonly capability: RowSource<Insertable<CapabilityRecordsTable>>;
  readonly wdesSurvey: RowSource<Insertable<WdesSurveyResultsTable>>;
}

/**
 * A table's rows, each made from its record only when it is written, so an import never holds a third copy of
 * every record (a million rows made at once filled memory and kept the garbage collector busy).
 */
function rowsOf<T, R>(records: readonly T[], row: (record: T) => R): RowSource<R> {
  return { length: records.length, at: (index) => row(records[index] as T) };
}

/** Every row made at once, for the multi-row INSERTs used where neither COPY nor a prepared statement is at hand. */
function everyRow(sources: RecordRows): { readonly [K in keyof RecordRows]: RecordRows[K] extends RowSource<infer R> ? R[] : never } {
  const all = <R>(source: RowSource<R>): R[] => Array.from({ length: source.length }, (_, index) => source.at(index));
  return {
    staff: all(sources.staff), applications: all(sources.applications), disciplinary: all(sources.disciplinary), training: all(sources.training),
    board: all(sources.board), survey: all(sources.survey), capability: all(sources.capability), wdesSurvey: all(sources.wdesSurvey),
  };
}

/** Every column is given on every row, so each multi-row INSERT has the same shape. */
function recordRows(import_version_id: number, records: StoredRecords): RecordRows {
  return {
    staff: rowsOf(records.staff, (r) => ({
      import_version_id, pseudonym: r.pseudonym, ethnic_code: r.ethnicCode, sub_code: r.subCode, census_2021: r.census2021,
      pay_band: r.payBand, staff_group: r.staffGroup, bank_only: r.bankOnly, directorate: r.directorate, gender: r.gender,
      disability: r.disability, fte: r.fte, hourly_pay: r.hourlyPay, start_date: r.startDate,
      international_recruit: r.internationalRecruit, source_row: r.sourceRow, bonus_pay: r.bonusPay,
      full_pay_relevant: r.fullPayRelevant, medical_leadership: r.medicalLeadership,
    })),
    applications: rowsOf(records.applications, (r) => ({
      import_version_id, ethnic_code: r.ethnicCode, sub_code: r.subCode, shortlisted: r.shortlisted, appointed: r.appointed,
      pay_band: r.payBand, staff_group: r.staffGroup, internal: r.internal, international_recruit: r.internationalRecruit,
      application_date: r.date, disability: r.disability, source_row: r.sourceRow, gender: r.gender,
    })),
    disciplinary: rowsOf(records.disciplinary, (r) => ({
      import_version_id, pseudonym: r.pseudonym, ethnic_code: r.ethnicCode, start_date: r.startDate, source_row: r.sourceRow,
    })),
    training: rowsOf(records.training, (r) => ({
      import_version_id, pseudonym: r.pseudonym, ethnic_code: r.ethnicCode, mandatory: r.mandatory, start_date: r.startDate,
      source_row: r.sourceRow,
    })),
    board: rowsOf(records.board, (r) => ({
      import_version_id, ethnic_code: r.ethnicCode, voting: r.voting, executive: r.executive, source_row: r.sourceRow,
      disability: r.disability,
    })),
    survey: rowsOf(records.survey, (r) => ({
      import_version_id, indicator: r.indicator, ethnic_group: r.group, respondents: r.respondents, positive: r.positive,
    })),
    capability: rowsOf(records.capability, (r) => ({
      import_version_id, pseudonym: r.pseudonym, disability: r.disability, start_date: r.startDate, source_row: r.sourceRow,
    })),
    wdesSurvey: rowsOf(records.wdesSurvey, (r) => ({
      import_version_id, metric: r.metric, disability_group: r.group, respondents: r.respondents, positive: r.positive, score: r.score,
    })),
  };
}

/** Every record of a version, in the order written; fields an older import did not keep read as blank. */
export async function readRecords(db: Kysely<Database>, importVersionId: number): Promise<StoredRecords> {
  const of = <T extends 'staff_records' | 'application_records' | 'disciplinary_records' | 'training_records' | 'board_records' | 'survey_results' | 'capability_records' | 'wdes_survey_results'>(table: T) =>
    db.selectFrom(table as 'staff_records').selectAll().where('import_version_id', '=', importVersionId).orderBy('id').execute() as unknown as Promise<Selectable<Database[T]>[]>;
  const [staff, applications, disciplinary, training, board, survey, capability, wdesSurvey, version] = await Promise.all([
    of('staff_records'), of('application_records'), of('disciplinary_records'), of('training_records'), of('board_records'),
    of('survey_results'), of('capability_records'), of('wdes_survey_results'),
    db.selectFrom('import_versions').select('wdes_narrative').where('id', '=', importVersionId).executeTakeFirst(),
  ]);
  return {
    staff: staff.map((r) => ({
      pseudonym: r.pseudonym, ethnicCode: r.ethnic_code, subCode: r.sub_code, census2021: r.census_2021, payBand: r.pay_band,
      staffGroup: r.staff_group, bankOnly: toBoolean(r.bank_only), directorate: r.directorate, gender: r.gender, disability: r.disability,
      fte: r.fte, hourlyPay: r.hourly_pay, startDate: r.start_date, internationalRecruit: toNullableBoolean(r.international_recruit),
      sourceRow: r.source_row, bonusPay: r.bonus_pay, fullPayRelevant: toNullableBoolean(r.full_pay_relevant) ?? true,
      medicalLeadership: r.medical_leadership,
    })),
    applications: applications.map((r) => ({
      ethnicCode: r.ethnic_code, subCode: r.sub_code, shortlisted: toBoolean(r.shortlisted), appointed: toBoolean(r.appointed),
      payBand: r.pay_band, staffGroup: r.staff_group, internal: toNullableBoolean(r.internal),
      internationalRecruit: toNullableBoolean(r.international_recruit), date: r.application_date, disability: r.disability,
      sourceRow: r.source_row, gender: r.gender,
    })),
    disciplinary: disciplinary.map((r) => ({ pseudonym: r.pseudonym, ethnicCode: r.ethnic_code, startDate: r.start_date, sourceRow: r.source_row })),
    training: training.map((r) => ({
      pseudonym: r.pseudonym, ethnicCode: r.ethnic_code, mandatory: toBoolean(r.mandatory), startDate: r.start_date, sourceRow: r.source_row,
    })),
    board: board.map((r) => ({
      ethnicCode: r.ethnic_code, voting: toBoolean(r.voting), executive: toBoolean(r.executive), disability: r.disability ?? 'missing',
      sourceRow: r.source_row,
    })),
    survey: survey.map((r) => ({ indicator: r.indicator, group: r.ethnic_group, respondents: r.respondents, positive: r.positive })),
    capability: capability.map((r) => ({ pseudonym: r.pseudonym, disability: r.disability, startDate: r.start_date, sourceRow: r.source_row })),
    wdesSurvey: wdesSurvey.map((r) => ({ metric: r.metric, group: r.disability_group, respondents: r.respondents, positive: r.positive, score: r.score })),
    narrative: version?.wdes_narrative ? (JSON.parse(version.wdes_narrative) as StoredRecords['narrative']) : null,
  };
}
