/**
 * training.csv: one row per access to non-mandatory training or CPD, for WRES indicator 4. Ethnicity may be left
 * out; the engine then takes it from staff.csv by staff_id.
 */
import type { TrainingRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RowReader } from './row-reader.ts';
import type { Table } from './table.ts';

export const TRAINING_COLUMNS = {
  required: ['staff_id', 'course', 'mandatory', 'start_date'],
  optional: ['ethnic_category'],
} as const satisfies ColumnSpec;

export function readTraining(table: Table): ReadRecordsResult<TrainingRecord> {
  return readRecords(table, TRAINING_COLUMNS, readTrainingRow);
}

function readTrainingRow(row: RowReader): TrainingRecord | undefined {
  const fields = complete({
    staffId: row.requiredText('staff_id'),
    ethnicity: row.optionalEthnicity('ethnic_category'),
    course: row.requiredText('course'),
    mandatory: row.requiredYesNo('mandatory'),
    startDate: row.requiredDate('start_date'),
  });
  return fields && { ...fields, source: row.source };
}
