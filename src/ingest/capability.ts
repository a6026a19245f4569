/**
 * capability.csv: one row per entry into the formal capability process (performance, not ill health), for WDES
 * metric 3. Disability may be left out; the engine then takes it from staff.csv by staff_id.
 */
import type { CapabilityRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { hasColumn } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RecordSink, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import {
  DATE_LIMITS, TEXT_LIMITS, readContext, identifier, requiredDate, requiredText, type ReadContext,
} from './value-limits.ts';

export const CAPABILITY_COLUMNS = {
  required: ['case_id', 'staff_id', 'start_date'],
  optional: ['disability'],
} as const satisfies ColumnSpec;

export function readCapability(table: StreamedTable, context: ReadContext = readContext(), sink?: RecordSink<CapabilityRecord>): ReadRecordsResult<CapabilityRecord> {
  const givesDisability = hasColumn(table, 'disability');
  return readRecords(table, CAPABILITY_COLUMNS, (row) => readCapabilityRow(row, givesDisability, context), sink);
}

function readCapabilityRow(row: RowReader, givesDisability: boolean, context: ReadContext): CapabilityRecord | undefined {
  const disability = givesDisability && row.text('disability') !== '' ? row.disability('disability') : null;
  const fields = complete({
    caseId: identifier(row, 'case_id'),
    staffId: requiredText(row, 'staff_id', TEXT_LIMITS.identifier),
    startDate: requiredDate(row, 'start_date', DATE_LIMITS.caseStartDate, context),
    disability,
    source: row.source,
  });
  return fields;
}
