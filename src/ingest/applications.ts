/**
 * applications.csv: one row per application, for WRES indicator 2 (relative likelihood of appointment from
 * shortlisting).
 */
import type { ApplicationRecord } from '../core/records.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RowReader } from './row-reader.ts';
import type { Table } from './table.ts';

export const APPLICATION_COLUMNS = {
  required: ['application_id', 'ethnic_category', 'shortlisted', 'appointed'],
  optional: ['vacancy_id', 'pay_band', 'staff_group', 'internal', 'international_recruit', 'date', 'disability', 'gender'],
} as const satisfies ColumnSpec;

export function readApplications(table: Table): ReadRecordsResult<ApplicationRecord> {
  return readRecords(table, APPLICATION_COLUMNS, readApplicationRow);
}

function readApplicationRow(row: RowReader): ApplicationRecord | undefined {
  const shortlisted = row.requiredYesNo('shortlisted');
  const appointed = row.requiredYesNo('appointed');
  // Indicator 2 counts appointments among the shortlisted, so such a row would be counted wrongly either way.
  const consistent =
    appointed && shortlisted === false
      ? row.problem('appointed', 'appointed but not shortlisted', 'shortlisted = yes for every appointed applicant')
      : true;
  const fields = complete({
    applicationId: row.id('application_id'),
    ethnicity: row.ethnicity('ethnic_category'),
    shortlisted: consistent && shortlisted,
    appointed: consistent && appointed,
    vacancyId: row.optionalText('vacancy_id'),
    payBand: row.optionalPayBand('pay_band'),
    staffGroup: row.optionalStaffGroup('staff_group'),
    internal: row.yesNo('internal'),
    internationalRecruit: row.yesNo('international_recruit'),
    date: row.date('date'),
    disability: row.disability('disability'),
    gender: row.optionalText('gender'),
  });
  return fields && { ...fields, source: row.source };
}
