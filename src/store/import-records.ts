/** Writes an import's pseudonymised records, table by table, in batches (inside the import's transaction). */
import type { Insertable, Kysely } from 'kysely';
import { insertInBatches, type BatchLimits } from './batches.ts';
import type {
  ApplicationRecordsTable, BoardRecordsTable, Database, DisciplinaryRecordsTable, StaffRecordsTable, SurveyResultsTable,
  TrainingRecordsTable,
} from './schema.ts';
import type { StoredRecords } from './store.ts';

export function recordCount(records: StoredRecords): number {
  return records.staff.length + records.applications.length + records.disciplinary.length + records.training.length +
    records.board.length + records.survey.length;
}

export async function writeRecords(
  db: Kysely<Database>,
  importVersionId: number,
  records: StoredRecords,
  limits: BatchLimits,
  written: (count: number) => void,
): Promise<void> {
  const rows = recordRows(importVersionId, records);
  await insertInBatches(rows.staff, limits, (batch) => db.insertInto('staff_records').values(batch).execute(), written);
  await insertInBatches(rows.applications, limits, (batch) => db.insertInto('application_records').values(batch).execute(), written);
  await insertInBatches(rows.disciplinary, limits, (batch) => db.insertInto('disciplinary_records').values(batch).execute(), written);
  await insertInBatches(rows.training, limits, (batch) => db.insertInto('training_records').values(batch).execute(), written);
  await insertInBatches(rows.board, limits, (batch) => db.insertInto('board_records').values(batch).execute(), written);
  await insertInBatches(rows.survey, limits, (batch) => db.insertInto('survey_results').values(batch).execute(), written);
}

interface RecordRows {
  readonly staff: Insertable<StaffRecordsTable>[];
  readonly applications: Insertable<ApplicationRecordsTable>[];
  readonly disciplinary: Insertable<DisciplinaryRecordsTable>[];
  readonly training: Insertable<TrainingRecordsTable>[];
  readonly board: Insertable<BoardRecordsTable>[];
  readonly survey: Insertable<SurveyResultsTable>[];
}

/** Every column is given on every row, so each multi-row INSERT has the same shape. */
function recordRows(import_version_id: number, records: StoredRecords): RecordRows {
  return {
    staff: records.staff.map((r) => ({
      import_version_id, pseudonym: r.pseudonym, ethnic_code: r.ethnicCode, sub_code: r.subCode, census_2021: r.census2021,
      pay_band: r.payBand, staff_group: r.staffGroup, bank_only: r.bankOnly, directorate: r.directorate, gender: r.gender,
      disability: r.disability, fte: r.fte, hourly_pay: r.hourlyPay, start_date: r.startDate,
      international_recruit: r.internationalRecruit, source_row: r.sourceRow,
    })),
    applications: records.applications.map((r) => ({
      import_version_id, ethnic_code: r.ethnicCode, sub_code: r.subCode, shortlisted: r.shortlisted, appointed: r.appointed,
      pay_band: r.payBand, staff_group: r.staffGroup, internal: r.internal, international_recruit: r.internationalRecruit,
      application_date: r.date, disability: r.disability, source_row: r.sourceRow,
    })),
    disciplinary: records.disciplinary.map((r) => ({
      import_version_id, pseudonym: r.pseudonym, ethnic_code: r.ethnicCode, start_date: r.startDate, source_row: r.sourceRow,
    })),
    training: records.training.map((r) => ({
      import_version_id, pseudonym: r.pseudonym, ethnic_code: r.ethnicCode, mandatory: r.mandatory, start_date: r.startDate,
      source_row: r.sourceRow,
    })),
    board: records.board.map((r) => ({
      import_version_id, ethnic_code: r.ethnicCode, voting: r.voting, executive: r.executive, source_row: r.sourceRow,
    })),
    survey: records.survey.map((r) => ({
      import_version_id, indicator: r.indicator, ethnic_group: r.group, respondents: r.respondents, positive: r.positive,
    })),
  };
}
