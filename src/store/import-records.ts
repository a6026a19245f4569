/**
 * Writes an import's pseudonymised records, table by table, inside the import's transaction: on PostgreSQL with COPY
 * (bulk-writes.ts), on SQLite with prepared INSERTs of many rows at a time; multi-row INSERTs where neither is at hand.
 */
import type { Kysely, Selectable } from 'kysely';
import type pg from 'pg';
import { insertInBatches, type BatchLimits } from './batches.ts';
import type SqliteDatabase from 'better-sqlite3';
import { copyRows, csvBytes, insertPrepared, type RowSource } from './bulk-writes.ts';
import type { Database } from './schema.ts';
import type { RecordKind, RecordList, RecordsToWrite, StoredRecords } from './store.ts';
import { toBoolean, toNullableBoolean } from './values.ts';

export function recordCount(records: RecordsToWrite): number {
  return records.staff.length + records.applications.length + records.disciplinary.length + records.training.length +
    records.board.length + records.survey.length + records.capability.length + records.wdesSurvey.length;
}

export async function writeRecords(
  db: Kysely<Database>,
  importVersionId: number,
  records: RecordsToWrite,
  limits: BatchLimits,
  written: (count: number) => void,
  bulk: { readonly copyClient: pg.PoolClient | null; readonly sqlite: SqliteDatabase.Database | null } = { copyClient: null, sqlite: null },
): Promise<void> {
  const sources = recordRows(importVersionId, records);
  const { copyClient, sqlite } = bulk;
  for (const [key, table] of Object.entries(RECORD_TABLE_OF) as [RecordKind, string][]) {
    const rows = sqlite && key === 'staff' ? inPseudonymOrder(sources.staff, records.staff) : sources[key];
    if (copyClient) await copyRows(copyClient, table, rows, written);
    else if (sqlite) await insertPrepared(sqlite, table, rows, written);
    else await insertInBatches(everyRow(rows), limits, (batch) => db.insertInto(table as 'staff_records').values(batch as never).execute(), written);
  }
}

/**
 * SQLite: staff rows are written in the order of their pseudonyms, so that each goes in at the end of the index on
 * (import version, pseudonym) rather than at a random place in it, which made the staff table cost several times
 * the others a row (200,000 rows: 3.7 s in the file's order, 1.4 s in this order, measured alone). readRecords
 * gives them back in the file's order.
 */
function inPseudonymOrder(rows: RowSource, staff: RecordsToWrite['staff']): RowSource {
  const pseudonyms = Array.from({ length: staff.length }, (_, i) => staff.at(i)?.pseudonym ?? '');
  const order = Array.from({ length: staff.length }, (_, i) => i);
  // Pseudonyms are hex of one length: the code-unit comparison is their order (ties, if any, in the file's order).
  order.sort((a, b) => ((pseudonyms[a] as string) < (pseudonyms[b] as string) ? -1 : (pseudonyms[a] as string) > (pseudonyms[b] as string) ? 1 : a - b));
  return { length: rows.length, columns: rows.columns, put: (index, into, at) => rows.put(order[index] as number, into, at) };
}

/** Each kind of record's table, in the order written. */
export const RECORD_TABLE_OF = {
  staff: 'staff_records', applications: 'application_records', disciplinary: 'disciplinary_records', training: 'training_records',
  board: 'board_records', survey: 'survey_results', capability: 'capability_records', wdesSurvey: 'wdes_survey_results',
} as const satisfies Record<RecordKind, string>;

type RecordRows = { readonly [K in RecordKind]: RowSource };

/**
 * A table's rows: its columns, and each row's values put straight from its record when it is written, so an import
 * never makes an object a row (a million rows made at once filled memory and kept the garbage collector busy; one
 * made a row still cost a tenth of the writing).
 */
function rowsOf<T>(records: RecordList<T>, columns: readonly string[], put: (record: T, into: unknown[], at: number) => void): RowSource {
  return { length: records.length, columns, put: (index, into, at) => put(records.at(index) as T, into, at) };
}

const NO_RECORDS: RecordsToWrite = {
  staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null,
};

/** A kind's table's columns, in the order recordsCsv gives their values. */
export function recordColumns(kind: RecordKind): readonly string[] {
  return recordRows(0, NO_RECORDS)[kind].columns;
}

/** COPY's CSV, in UTF-8, of `records` of `kind` for the import version `importVersionId`, in recordColumns' order. */
export function recordsCsv<K extends RecordKind>(kind: K, importVersionId: number, records: RecordsToWrite[K]): Buffer {
  const rows = recordRows(importVersionId, { ...NO_RECORDS, [kind]: records })[kind];
  return csvBytes(rows, 0, rows.length);
}

/** Every row as an object, for the multi-row INSERTs used where neither COPY nor a prepared statement is at hand. */
function everyRow(source: RowSource): Record<string, unknown>[] {
  const values: unknown[] = new Array(source.columns.length);
  return Array.from({ length: source.length }, (_, index) => {
    source.put(index, values, 0);
    return Object.fromEntries(source.columns.map((column, c) => [column, values[c]]));
  });
}

/**
 * Every column is given on every row, so each multi-row INSERT has the same shape. Each `put` names its columns in
 * the order of its list above it.
 */
function recordRows(id: number, records: RecordsToWrite): RecordRows {
  return {
    staff: rowsOf(records.staff, [
      'import_version_id', 'pseudonym', 'ethnic_code', 'sub_code', 'census_2021', 'pay_band', 'staff_group', 'bank_only', 'directorate',
      'gender', 'disability', 'fte', 'hourly_pay', 'start_date', 'international_recruit', 'source_row', 'bonus_pay', 'full_pay_relevant',
      'medical_leadership',
    ], (r, v, i) => {
      v[i] = id; v[i + 1] = r.pseudonym; v[i + 2] = r.ethnicCode; v[i + 3] = r.subCode; v[i + 4] = r.census2021; v[i + 5] = r.payBand;
      v[i + 6] = r.staffGroup; v[i + 7] = r.bankOnly; v[i + 8] = r.directorate; v[i + 9] = r.gender; v[i + 10] = r.disability;
      v[i + 11] = r.fte; v[i + 12] = r.hourlyPay; v[i + 13] = r.startDate; v[i + 14] = r.internationalRecruit; v[i + 15] = r.sourceRow;
      v[i + 16] = r.bonusPay; v[i + 17] = r.fullPayRelevant; v[i + 18] = r.medicalLeadership;
    }),
    applications: rowsOf(records.applications, [
      'import_version_id', 'ethnic_code', 'sub_code', 'shortlisted', 'appointed', 'pay_band', 'staff_group', 'internal',
      'international_recruit', 'application_date', 'disability', 'source_row', 'gender',
    ], (r, v, i) => {
      v[i] = id; v[i + 1] = r.ethnicCode; v[i + 2] = r.subCode; v[i + 3] = r.shortlisted; v[i + 4] = r.appointed; v[i + 5] = r.payBand;
      v[i + 6] = r.staffGroup; v[i + 7] = r.internal; v[i + 8] = r.internationalRecruit; v[i + 9] = r.date; v[i + 10] = r.disability;
      v[i + 11] = r.sourceRow; v[i + 12] = r.gender;
    }),
    disciplinary: rowsOf(records.disciplinary, ['import_version_id', 'pseudonym', 'ethnic_code', 'start_date', 'source_row'], (r, v, i) => {
      v[i] = id; v[i + 1] = r.pseudonym; v[i + 2] = r.ethnicCode; v[i + 3] = r.startDate; v[i + 4] = r.sourceRow;
    }),
    training: rowsOf(records.training, ['import_version_id', 'pseudonym', 'ethnic_code', 'mandatory', 'start_date', 'source_row'], (r, v, i) => {
      v[i] = id; v[i + 1] = r.pseudonym; v[i + 2] = r.ethnicCode; v[i + 3] = r.mandatory; v[i + 4] = r.startDate; v[i + 5] = r.sourceRow;
    }),
    board: rowsOf(records.board, ['import_version_id', 'ethnic_code', 'voting', 'executive', 'source_row', 'disability'], (r, v, i) => {
      v[i] = id; v[i + 1] = r.ethnicCode; v[i + 2] = r.voting; v[i + 3] = r.executive; v[i + 4] = r.sourceRow; v[i + 5] = r.disability;
    }),
    survey: rowsOf(records.survey, ['import_version_id', 'indicator', 'ethnic_group', 'respondents', 'positive'], (r, v, i) => {
      v[i] = id; v[i + 1] = r.indicator; v[i + 2] = r.group; v[i + 3] = r.respondents; v[i + 4] = r.positive;
    }),
    capability: rowsOf(records.capability, ['import_version_id', 'pseudonym', 'disability', 'start_date', 'source_row'], (r, v, i) => {
      v[i] = id; v[i + 1] = r.pseudonym; v[i + 2] = r.disability; v[i + 3] = r.startDate; v[i + 4] = r.sourceRow;
    }),
    wdesSurvey: rowsOf(records.wdesSurvey, ['import_version_id', 'metric', 'disability_group', 'respondents', 'positive', 'score'], (r, v, i) => {
      v[i] = id; v[i + 1] = r.metric; v[i + 2] = r.group; v[i + 3] = r.respondents; v[i + 4] = r.positive; v[i + 5] = r.score;
    }),
  };
}

/**
 * Every record of a version, in the order written, except staff, in their file's order (SQLite writes them in their
 * pseudonyms' order: see inPseudonymOrder); fields an older import did not keep read as blank.
 */
export async function readRecords(db: Kysely<Database>, importVersionId: number): Promise<StoredRecords> {
  const of = <T extends 'staff_records' | 'application_records' | 'disciplinary_records' | 'training_records' | 'board_records' | 'survey_results' | 'capability_records' | 'wdes_survey_results'>(table: T) =>
    db.selectFrom(table as 'staff_records').selectAll().where('import_version_id', '=', importVersionId).orderBy('id').execute() as unknown as Promise<Selectable<Database[T]>[]>;
  const [staff, applications, disciplinary, training, board, survey, capability, wdesSurvey, version] = await Promise.all([
    of('staff_records'), of('application_records'), of('disciplinary_records'), of('training_records'), of('board_records'),
    of('survey_results'), of('capability_records'), of('wdes_survey_results'),
    db.selectFrom('import_versions').select('wdes_narrative').where('id', '=', importVersionId).executeTakeFirst(),
  ]);
  // A stable sort: rows of one source row (none, in files) keep the order they were written in.
  staff.sort((a, b) => a.source_row - b.source_row);
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
