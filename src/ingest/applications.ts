/**
 * applications.csv: one row per application, for WRES indicator 2 (relative likelihood of appointment from
 * shortlisting).
 */
import type { ApplicationRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RecordSink, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import { DATE_LIMITS, TEXT_LIMITS, date, readContext, identifier, text, type ReadContext } from './value-limits.ts';

export const APPLICATION_COLUMNS = {
  required: ['application_id', 'ethnic_category', 'shortlisted', 'appointed'],
  optional: ['vacancy_id', 'pay_band', 'staff_group', 'internal', 'international_recruit', 'date', 'disability', 'gender'],
} as const satisfies ColumnSpec;

export function readApplications(table: StreamedTable, context: ReadContext = readContext(), sink?: RecordSink<ApplicationRecord>): ReadRecordsResult<ApplicationRecord> {
  return readRecords(table, APPLICATION_COLUMNS, (row) => readApplicationRow(row, context), sink);
}

function readApplicationRow(row: RowReader, context: ReadContext): ApplicationRecord | undefined {
  const shortlisted = row.requiredYesNo('shortlisted');
  const appointed = row.requiredYesNo('appointed');
  // Indicator 2 counts appointments among the shortlisted, so such a row would be counted wrongly either way.
  const consistent =
    appointed && shortlisted === false
      ? row.problem('appointed', 'appointed but not shortlisted', 'shortlisted = yes for every appointed applicant')
      : true;
  const fields = complete({
    applicationId: identifier(row, 'application_id'),
    ethnicity: row.ethnicity('ethnic_category'),
    shortlisted: consistent && shortlisted,
    appointed: consistent && appointed,
    vacancyId: text(row, 'vacancy_id', TEXT_LIMITS.identifier),
    payBand: row.optionalPayBand('pay_band'),
    staffGroup: row.optionalStaffGroup('staff_group'),
    internal: row.yesNo('internal'),
    internationalRecruit: row.yesNo('international_recruit'),
    date: date(row, 'date', DATE_LIMITS.applicationDate, context),
    disability: row.disability('disability'),
    gender: text(row, 'gender', TEXT_LIMITS.name),
    source: row.source,
  });
  return fields;
}
