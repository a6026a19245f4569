/**
 * disciplinary.csv: one row per entry into a formal disciplinary investigation, for WRES indicator 3. Ethnicity
 * may be left out; the engine then takes it from staff.csv by staff_id.
 */
import type { DisciplinaryRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RecordSink, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import {
  DATE_LIMITS, TEXT_LIMITS, readContext, identifier, requiredDate, requiredText, type ReadContext,
} from './value-limits.ts';

export const DISCIPLINARY_COLUMNS = {
  required: ['case_id', 'staff_id', 'start_date'],
  optional: ['ethnic_category'],
} as const satisfies ColumnSpec;

export function readDisciplinary(table: StreamedTable, context: ReadContext = readContext(), sink?: RecordSink<DisciplinaryRecord>): ReadRecordsResult<DisciplinaryRecord> {
  return readRecords(table, DISCIPLINARY_COLUMNS, (row) => readDisciplinaryRow(row, context), sink);
}

function readDisciplinaryRow(row: RowReader, context: ReadContext): DisciplinaryRecord | undefined {
  const fields = complete({
    caseId: identifier(row, 'case_id'),
    staffId: requiredText(row, 'staff_id', TEXT_LIMITS.identifier),
    ethnicity: row.optionalEthnicity('ethnic_category'),
    startDate: requiredDate(row, 'start_date', DATE_LIMITS.caseStartDate, context),
    source: row.source,
  });
  return fields;
}
