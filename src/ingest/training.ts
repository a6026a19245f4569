/**
 * training.csv: one row per access to non-mandatory training or CPD, for WRES indicator 4. Ethnicity may be left
 * out; the engine then takes it from staff.csv by staff_id.
 */
import type { TrainingRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RecordSink, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import {
  DATE_LIMITS, TEXT_LIMITS, readContext, requiredDate, requiredText, type ReadContext,
} from './value-limits.ts';

export const TRAINING_COLUMNS = {
  required: ['staff_id', 'course', 'mandatory', 'start_date'],
  optional: ['ethnic_category'],
} as const satisfies ColumnSpec;

export function readTraining(table: StreamedTable, context: ReadContext = readContext(), sink?: RecordSink<TrainingRecord>): ReadRecordsResult<TrainingRecord> {
  return readRecords(table, TRAINING_COLUMNS, (row) => readTrainingRow(row, context), sink);
}

function readTrainingRow(row: RowReader, context: ReadContext): TrainingRecord | undefined {
  const fields = complete({
    staffId: requiredText(row, 'staff_id', TEXT_LIMITS.identifier),
    ethnicity: row.optionalEthnicity('ethnic_category'),
    course: requiredText(row, 'course', TEXT_LIMITS.course),
    mandatory: row.requiredYesNo('mandatory'),
    startDate: requiredDate(row, 'start_date', DATE_LIMITS.trainingStartDate, context),
    source: row.source,
  });
  return fields;
}
