/**
 * staff.csv: one row per person (or assignment) in post at the snapshot date. Mandatory in every folder.
 */
import type { MedicalLeadership, StaffRecord } from '../core/records.ts';
import { memoise } from '../core/util/memoise.ts';
import type { StringNumbers } from '../core/util/string-numbers.ts';
import type { FieldResult } from './fields.ts';
import type { PayBand } from '../core/workforce/pay-band.ts';
import { isMedical, type StaffGroup } from '../core/workforce/staff-group.ts';
import type { ColumnSpec } from './columns.ts';
import { complete, readRecords, type ReadRecordsResult, type RecordSink, type RowReader } from './row-reader.ts';
import type { StreamedTable } from './table.ts';
import {
  DATE_LIMITS, NUMBER_LIMITS, TEXT_LIMITS, date, readContext, identifier, requiredText, text, type ReadContext,
} from './value-limits.ts';

export const STAFF_COLUMNS = {
  required: ['staff_id', 'ethnic_category', 'pay_band', 'staff_group', 'assignment_category'],
  optional: [
    'directorate', 'occupation_code', 'gender', 'disability', 'fte', 'hourly_pay', 'bonus_pay', 'full_pay', 'start_date',
    'international_recruit', 'medical_leadership',
  ],
} as const satisfies ColumnSpec;

/** "Bank", "Bank only", "Bank staff": assignment categories for people who work only on the bank. */
const BANK_CATEGORIES: ReadonlySet<string> = new Set(['bank', 'bankonly', 'bankstaff']);

export const isBankOnly = memoise((assignmentCategory: string): boolean =>
  BANK_CATEGORIES.has(assignmentCategory.toLowerCase().replace(/[^a-z]/g, '')),
);

/** `staffIds`: a table to number the staff_ids in for their duplicate check, shared with a counter (row-reader.ts IdTables). */
export function readStaff(
  table: StreamedTable, context: ReadContext = readContext(), sink?: RecordSink<StaffRecord>, staffIds?: StringNumbers,
): ReadRecordsResult<StaffRecord> {
  return readRecords(table, STAFF_COLUMNS, (row) => readStaffRow(row, context), sink, staffIds && { staff_id: staffIds });
}

const LEADERSHIP_EXPECTED = '"Medical Director" (also deputy or associate), "Clinical Director", or blank';

const NO_ROLE: FieldResult<MedicalLeadership | null> = Object.freeze({ ok: true, value: null });
const MEDICAL_DIRECTOR: FieldResult<MedicalLeadership | null> = Object.freeze({ ok: true, value: 'medicalDirector' });
const CLINICAL_DIRECTOR: FieldResult<MedicalLeadership | null> = Object.freeze({ ok: true, value: 'clinicalDirector' });

/** The medical leadership roles the medical workforce report counts; blank for everyone else. */
export function parseMedicalLeadership(raw: string): FieldResult<MedicalLeadership | null> {
  // Nearly every row is blank: answered without a lowered copy, a pattern or a new result.
  if (raw === '') return NO_ROLE;
  const key = raw.toLowerCase().replace(/[^a-z]/g, '');
  if (key === '') return NO_ROLE;
  if (/^(deputy|associate|executive)?medicaldirector$/.test(key)) return MEDICAL_DIRECTOR;
  if (/^(deputy|associate|divisional)?clinicaldirector$/.test(key)) return CLINICAL_DIRECTOR;
  return { ok: false, expected: LEADERSHIP_EXPECTED };
}

function readStaffRow(row: RowReader, context: ReadContext): StaffRecord | undefined {
  const fullPay = row.yesNo('full_pay');
  const payBand = row.payBand('pay_band');
  const staffGroup = row.staffGroup('staff_group');
  const gradeFits = payBand && staffGroup ? checkGradeFitsGroup(row, payBand, staffGroup) : undefined;
  const fields = complete({
    staffId: identifier(row, 'staff_id'),
    ethnicity: row.ethnicity('ethnic_category'),
    payBand: gradeFits && payBand,
    staffGroup: gradeFits && staffGroup,
    assignmentCategory: requiredText(
      row, 'assignment_category', TEXT_LIMITS.name, 'an ESR assignment category, e.g. "Permanent", "Fixed Term Temp" or "Bank"',
    ),
    directorate: text(row, 'directorate', TEXT_LIMITS.name),
    occupationCode: text(row, 'occupation_code', TEXT_LIMITS.identifier),
    gender: text(row, 'gender', TEXT_LIMITS.name),
    disability: row.disability('disability'),
    fte: row.number('fte', NUMBER_LIMITS.fte),
    hourlyPay: row.number('hourly_pay', NUMBER_LIMITS.hourlyPay),
    bonusPay: row.number('bonus_pay', NUMBER_LIMITS.bonusPay),
    fullPayRelevant: fullPay === null ? true : fullPay,
    startDate: date(row, 'start_date', DATE_LIMITS.staffStartDate, context),
    internationalRecruit: row.yesNo('international_recruit'),
    medicalLeadership: row.field('medical_leadership', parseMedicalLeadership, 'medical leadership role'),
    // Set below, once the assignment category is known to be good: in the object from the start, so that setting it
    // neither changes the record's shape nor adds to it (see row-reader.ts `complete`).
    bankOnly: false,
    source: row.source,
  });
  if (fields) fields.bankOnly = isBankOnly(fields.assignmentCategory);
  return fields;
}

/** Doctors may hold AfC or VSM posts, but a medical grade outside Medical and Dental is a coding error. */
function checkGradeFitsGroup(row: RowReader, payBand: PayBand, staffGroup: StaffGroup): true | undefined {
  if (payBand.kind !== 'medical' || isMedical(staffGroup)) return true;
  return row.problem(
    'pay_band',
    `medical grade on a non-medical staff group ("${staffGroup}")`,
    'an Agenda for Change band or VSM, or staff group "Medical and Dental" for a medical grade',
  );
}
