/**
 * disciplinary.csv: one row per entry into a formal disciplinary investigation, for WRES indicator 3. Ethnicity
 * may be left out; the engine then takes it from staff.csv by staff_id.
 */
import type { DisciplinaryRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RowReader } from './row-reader.ts';
import type { Table } from './table.ts';

export const DISCIPLINARY_COLUMNS = {
  required: ['case_id', 'staff_id', 'start_date'],
  optional: ['ethnic_category'],
} as const satisfies ColumnSpec;

export function readDisciplinary(table: Table): ReadRecordsResult<DisciplinaryRecord> {
  return readRecords(table, DISCIPLINARY_COLUMNS, readDisciplinaryRow);
}

function readDisciplinaryRow(row: RowReader): DisciplinaryRecord | undefined {
  const fields = complete({
    caseId: row.id('case_id'),
    staffId: row.requiredText('staff_id'),
    ethnicity: row.optionalEthnicity('ethnic_category'),
    startDate: row.requiredDate('start_date'),
  });
  return fields && { ...fields, source: row.source };
}
