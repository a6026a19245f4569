import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { StaffRecord } from '../core/records.ts';
import { formatProblem, type Problem } from './problem.ts';
import { isBankOnly, readStaff } from './staff.ts';
import { csv, csvTable } from './test-support.ts';

const HEADER = 'staff_id,ethnic_category,pay_band,staff_group,assignment_category';

function records(result: ReturnType<typeof readStaff>): StaffRecord[] {
  if (!result.ok) assert.fail(result.problems.map(formatProblem).join('\n'));
  return result.records;
}

function problems(result: ReturnType<typeof readStaff>): Problem[] {
  if (result.ok) assert.fail('expected problems');
  return result.problems;
}

describe('readStaff', () => {
  test('reads every field, with headers in any style and extra columns ignored', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'Staff ID,Ethnic Category,Pay Band,Staff Group,Assignment Category,Directorate,Occupation Code,Gender,Disability,FTE,Hourly Pay,Start Date,International Recruit,Line Manager',
        'S001,A,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,N0A,Female,No,0.8,£18.50,01/04/2019,no,Jo Bloggs',
        'S002,Asian or Asian British - Indian,Consultant,Medical and Dental,Bank,,,,,,,,,',
      ),
      'staff.csv',
    );
    assert.deepEqual(records(readStaff(table)), [
      {
        staffId: 'S001',
        ethnicity: { code: 'A' },
        payBand: { kind: 'afc', band: 'Band 5' },
        staffGroup: 'Nursing and Midwifery Registered',
        assignmentCategory: 'Permanent',
        directorate: 'Surgery',
        occupationCode: 'N0A',
        gender: 'Female',
        disability: 'no',
        fte: 0.8,
        hourlyPay: 18.5,
        bonusPay: null,
        fullPayRelevant: true,
        startDate: '2019-04-01',
        internationalRecruit: false,
        medicalLeadership: null,
        bankOnly: false,
        source: { file: 'staff.csv', row: 2 },
      },
      {
        staffId: 'S002',
        ethnicity: { code: 'H' },
        payBand: { kind: 'medical', subGroup: 'consultant' },
        staffGroup: 'Medical and Dental',
        assignmentCategory: 'Bank',
        directorate: null,
        occupationCode: null,
        gender: null,
        disability: 'missing',
        fte: null,
        hourlyPay: null,
        bonusPay: null,
        fullPayRelevant: true,
        startDate: null,
        internationalRecruit: null,
        medicalLeadership: null,
        bankOnly: true,
        source: { file: 'staff.csv', row: 3 },
      },
    ]);
  });

  test('blank ethnicity is kept as missing; Medical and Dental staff may hold AfC bands or VSM', async (t) => {
    const table = await csvTable(t, csv(HEADER, 'S1,,8a,Medical and Dental,Permanent', 'S2,Z,VSM,Medical & Dental,Permanent'));
    const read = records(readStaff(table));
    assert.deepEqual(read.map((r) => [r.ethnicity.code, r.payBand.kind]), [['missing', 'afc'], ['Z', 'vsm']]);
  });

  test('bank-only assignment categories', () => {
    for (const category of ['Bank', 'bank only', 'Bank Staff', 'BANK']) assert.equal(isBankOnly(category), true, category);
    for (const category of ['Permanent', 'Fixed Term Temp', 'Bank and Permanent']) assert.equal(isBankOnly(category), false, category);
  });

  test('collects every problem in the file, in row order, and returns no records', async (t) => {
    const table = await csvTable(
      t,
      csv(
        `${HEADER},fte,start_date,international_recruit`,
        'S1,A,Band 5,Nursing,Permanent,1,01/04/2020,no', // row 2: fine
        ',A,Band 5,Nursing,Permanent,,,', // row 3: blank id
        'S1,A,Band 5,Nursing,Permanent,,,', // row 4: duplicate of row 2
        'S4,A,Band 11,Nursing,Permanent,,,', // row 5: unknown band
        'S5,A,Band 5,Nurses,Permanent,,,', // row 6: unknown staff group
        'S6,A,Consultant,Nursing,Permanent,,,', // row 7: medical grade, non-medical group
        'S7,A,,,Permanent,,,', // row 8: blank band and group
        'S8,A,Band 5,Nursing,,-1,31/02/2020,maybe', // row 9: four problems
      ),
      'staff.csv',
    );
    const found = problems(readStaff(table));
    assert.deepEqual(
      found.map((p) => [p.row, p.column]),
      [
        [3, 'staff_id'],
        [4, 'staff_id'],
        [5, 'pay_band'],
        [6, 'staff_group'],
        [7, 'pay_band'],
        [8, 'pay_band'],
        [8, 'staff_group'],
        [9, 'assignment_category'],
        [9, 'fte'],
        [9, 'start_date'],
        [9, 'international_recruit'],
      ],
    );
    const lines = found.map(formatProblem);
    assert.equal(lines[1], 'staff.csv, row 4, column "staff_id", value "S1": duplicate staff_id: already used on row 2');
    assert.match(lines[2] ?? '', /value "Band 11": not a recognised pay band or medical grade \(expected .*Band 8a.*VSM.*Consultants.*Trainee grades/);
    assert.match(lines[4] ?? '', /row 7, column "pay_band", value "Consultant": medical grade on a non-medical staff group/);
    assert.match(lines[9] ?? '', /value "31\/02\/2020": 31\/02\/2020 is not a date in the calendar/);
  });

  test('an unrecognised ethnicity is one problem per distinct value, with its count and first rows', async (t) => {
    const rows = [
      'S1,Whte,5,Nursing,Permanent',
      'S2,Whte,5,Nursing,Permanent',
      'S3,A,5,Nursing,Permanent',
      'S4,British Martian,5,Nursing,Permanent',
      'S5,Whte,5,Nursing,Permanent',
    ];
    const found = problems(readStaff(await csvTable(t, csv(HEADER, ...rows), 'staff.csv')));
    assert.deepEqual(found.map(formatProblem), [
      'staff.csv, column "ethnic_category", value "Whte": not a recognised ethnic category; 3 rows (rows 2, 3, 6) ' +
        '(expected an NHS ethnic category code A–S, Z or 99, or its label, e.g. "White - British")',
      'staff.csv, row 5, column "ethnic_category", value "British Martian": not a recognised ethnic category ' +
        '(expected an NHS ethnic category code A–S, Z or 99, or its label, e.g. "White - British")',
    ]);
    assert.equal(found[0]?.row, 2);
    assert.equal(found[0]?.occurrences, 3);
  });

  test('more than five rows with the same bad value lists the first five', async (t) => {
    const rows = Array.from({ length: 7 }, (_, i) => `S${i},Whte,5,Nursing,Permanent`);
    const found = problems(readStaff(await csvTable(t, csv(HEADER, ...rows), 'staff.csv')));
    assert.equal(found.length, 1);
    assert.match(found[0]?.message ?? '', /; 7 rows \(rows 2, 3, 4, 5, 6, …\)$/);
  });

  test('bonus_pay and full_pay: money of zero or more, yes/no with blank meaning a full-pay relevant employee', async (t) => {
    const table = await csvTable(
      t,
      csv(`${HEADER},hourly_pay,bonus_pay,full_pay`, 'S1,A,5,Nursing,Permanent,18.50,"£1,200.50",', 'S2,A,5,Nursing,Permanent,,0,No', 'S3,A,5,Nursing,Permanent,,,yes'),
      'staff.csv',
    );
    assert.deepEqual(records(readStaff(table)).map((r) => [r.bonusPay, r.fullPayRelevant]), [[1200.5, true], [0, false], [null, true]]);
    const bad = await csvTable(t, csv(`${HEADER},bonus_pay,full_pay`, 'S1,A,5,Nursing,Permanent,-5,perhaps'), 'staff.csv');
    assert.deepEqual(problems(readStaff(bad)).map((p) => [p.row, p.column]), [[2, 'bonus_pay'], [2, 'full_pay']]);
  });

  test('a missing required column is named', async (t) => {
    const table = await csvTable(t, csv('staff_id,pay_band,staff_group,assignment_category', 'S1,5,Nursing,Permanent'), 'staff.csv');
    const found = problems(readStaff(table));
    assert.equal(found.length, 1);
    assert.match(formatProblem(found[0]!), /missing required column "ethnic_category"/);
  });
});
