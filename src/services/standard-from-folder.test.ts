import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { MedicalReport } from '../core/medical/report.ts';
import { MEDICAL_STANDARD } from '../core/standards/medical.ts';
import type { AnyStandard } from '../core/standards/standard.ts';
import { WDES_STANDARD } from '../core/standards/wdes.ts';
import { WRES_STANDARD } from '../core/standards/wres.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { csv, tempDir, writeFixture } from '../ingest/test-support.ts';
import { standardFromFolder } from './standard-from-folder.ts';

/**
 * The folder path counts WRES, WDES and the medical workforce as the files are read (streamCount); a stored import
 * counts the kept records (count). Both must give the same report, and the same located problems, for any folder.
 */
const OPTIONS = { year: 2025, policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: false, settings: {} };

/** The standard as it would be without its streaming counter: the dataset path. */
function keptRecords(standard: AnyStandard): AnyStandard {
  const { streamCount: _, ...rest } = standard;
  return rest;
}

async function bothWays(standard: AnyStandard, folder: string, previousFolder: string | null = null) {
  assert.ok(standard.streamCount, `${standard.id} counts as it reads`);
  const streamed = await standardFromFolder(standard, folder, { ...OPTIONS, previousFolder });
  const kept = await standardFromFolder(keptRecords(standard), folder, { ...OPTIONS, previousFolder });
  assert.deepEqual(JSON.parse(JSON.stringify(streamed)), JSON.parse(JSON.stringify(kept)));
  assert.equal(JSON.stringify(streamed), JSON.stringify(kept), 'the same JSON, keys in the same order');
  return streamed;
}

const STAFF = csv(
  'staff_id,ethnic_category,pay_band,staff_group,assignment_category,directorate,gender,disability,international_recruit',
  'S1,A,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,Female,No,No',
  'S2,H,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,Female,Yes,Yes',
  'S3,N,Consultant,Medical and Dental,Permanent,Medicine,Male,No,',
  'S4,A,Band 3,Administrative and Clerical,Bank,Estates,Male,No,No',
  'S5,C,Band 8a,Administrative and Clerical,Fixed Term Temp,,,,No',
  'S6,Z,Band 2,Estates and Ancillary,Bank Only,Estates,Female,Not declared,No',
  'S7,H,Band 5,Nursing and Midwifery Registered,Permanent,Surgery,Female,Yes,Yes',
);

describe('a folder counted as it is read gives what its kept records give', () => {
  test('the demonstration trust, WRES, WDES and the medical workforce, with the previous year', async (t) => {
    const root = tempDir(t);
    for (const year of [2024, 2025]) await writeSyntheticTrust(join(root, String(year)), { year, seed: 7, staff: 1500, applications: 3000 });
    for (const standard of [WRES_STANDARD, WDES_STANDARD, MEDICAL_STANDARD]) {
      const report = await bothWays(standard, join(root, '2025'), join(root, '2024'));
      assert.equal(report.ok, true);
    }
  });

  test('bank-only staff, leavers, rows that disagree with staff.csv, rows out of the year, mandatory training', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', STAFF);
    writeFixture(dir, 'applications.csv', csv(
      'application_id,ethnic_category,shortlisted,appointed,date,disability,gender,pay_band',
      'A1,A,Yes,Yes,2024-05-01,No,Female,Band 5',
      'A2,H,Yes,No,2024-06-01,Yes,,',
      'A3,H,No,No,2024-06-01,,,',
      'A4,N,Yes,Yes,2023-06-01,No,Male,Band 6',
      'A5,N,Yes,No,,No,Male,Band 6',
    ));
    writeFixture(dir, 'disciplinary.csv', csv(
      'case_id,staff_id,start_date,ethnic_category',
      'C1,S1,2024-05-01,',
      'C2,S1,2024-07-01,A',
      'C3,S4,2024-05-01,',
      'C4,L1,2024-05-01,H',
      'C5,S2,2023-01-01,',
      'C6,S3,2024-08-01,R',
    ));
    writeFixture(dir, 'training.csv', csv(
      'staff_id,course,mandatory,start_date,ethnic_category',
      'S1,Leadership,No,2024-05-01,',
      'S1,Fire safety,Yes,2024-05-01,',
      'S2,Coaching,No,2024-09-01,',
      'S2,Coaching 2,No,2024-10-01,',
      'S6,Coaching,No,2024-09-01,',
      'L2,Coaching,No,2024-09-01,N',
      'S7,Fire safety,Yes,2025-09-01,',
    ));
    writeFixture(dir, 'capability.csv', csv(
      'case_id,staff_id,start_date,disability',
      'P1,S2,2024-05-01,',
      'P2,S2,2024-06-01,',
      'P3,L3,2024-05-01,yes',
      'P4,S1,2024-05-01,Yes',
      'P5,S4,2024-05-01,',
    ));
    for (const standard of [WRES_STANDARD, WDES_STANDARD, MEDICAL_STANDARD]) {
      const report = await bothWays(standard, dir);
      assert.equal(report.ok, true, JSON.stringify(report));
    }
    const wres = await bothWays(WRES_STANDARD, dir);
    assert.ok(wres.ok);
    const notes = (wres.report as { notes: string[] }).notes;
    assert.ok(notes.includes('1 people with disciplinary cases are not in staff.csv (for example leavers); they are counted using the ethnic category on their row.'));
    assert.ok(notes.includes('1 disciplinary cases rows give a ethnic category different from staff.csv; the row\'s own value was used.'));
  });

  test('a staff_id not in staff.csv with no category, and a person whose rows disagree: the same located problems', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', STAFF);
    writeFixture(dir, 'disciplinary.csv', csv('case_id,staff_id,start_date,ethnic_category', 'C1,X9,2024-05-01,', 'C2,S1,2024-05-01,', 'C3,S1,2024-06-01,H'));
    writeFixture(dir, 'training.csv', csv('staff_id,course,mandatory,start_date', 'X8,Coaching,No,2024-09-01'));
    writeFixture(dir, 'capability.csv', csv('case_id,staff_id,start_date', 'P1,X7,2024-05-01'));
    const wres = await bothWays(WRES_STANDARD, dir);
    assert.deepEqual(wres, {
      ok: false,
      problems: [
        {
          file: 'disciplinary.csv', row: 2, column: 'staff_id', value: 'X9',
          message: 'this staff_id is not in staff.csv and the row gives no ethnic_category, so the person cannot be counted',
          expected: 'a staff_id from staff.csv, or a ethnic_category on this row',
        },
        {
          file: 'disciplinary.csv', row: 4, column: 'ethnic_category', value: 'H',
          message: "this person's ethnic category differs from their earlier row 3 (A)",
          expected: 'the same ethnic category on every row for one person',
        },
        {
          file: 'training.csv', row: 2, column: 'staff_id', value: 'X8',
          message: 'this staff_id is not in staff.csv and the row gives no ethnic_category, so the person cannot be counted',
          expected: 'a staff_id from staff.csv, or a ethnic_category on this row',
        },
      ],
    });
    const wdes = await bothWays(WDES_STANDARD, dir);
    assert.equal(wdes.ok, false);
    assert.deepEqual(!wdes.ok && wdes.problems.map((p) => [p.file, p.row]), [['capability.csv', 2]]);
    // The rows in question are of a nurse and of people not in staff.csv, outside the medical workforce.
    const medical = await bothWays(MEDICAL_STANDARD, dir);
    assert.equal(medical.ok, true);
  });

  test('problems in the files (duplicate ids, bad values) stop counting and come out located as when records are kept', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', `${STAFF}S1,A,Band 5,Nursing and Midwifery Registered,Permanent,,,,\r\nS9,Q9,Band 99,Nursing and Midwifery Registered,Permanent,,,,\r\n`);
    writeFixture(dir, 'applications.csv', csv('application_id,ethnic_category,shortlisted,appointed', 'A1,A,No,Yes', 'A1,A,Yes,Yes'));
    // Would be a counting problem too, but counting never starts when a file has problems.
    writeFixture(dir, 'disciplinary.csv', csv('case_id,staff_id,start_date', 'C1,X9,2024-05-01', 'C1,S1,2024-13-01'));
    const wres = await bothWays(WRES_STANDARD, dir);
    assert.equal(wres.ok, false);
    assert.deepEqual(!wres.ok && wres.problems.map((p) => [p.file, p.row, p.column, p.message]), [
      ['staff.csv', 9, 'staff_id', 'duplicate staff_id: already used on row 2'],
      ['staff.csv', 10, 'ethnic_category', 'not a recognised ethnic category'],
      ['staff.csv', 10, 'pay_band', 'not a recognised pay band or medical grade'],
      ['applications.csv', 2, 'appointed', 'appointed but not shortlisted'],
      ['applications.csv', 3, 'application_id', 'duplicate application_id: already used on row 2'],
      ['disciplinary.csv', 3, 'case_id', 'duplicate case_id: already used on row 2'],
      ['disciplinary.csv', 3, 'start_date', '2024-13-01 is not a date in the calendar'],
    ]);
    await bothWays(WDES_STANDARD, dir);
    await bothWays(MEDICAL_STANDARD, dir);
  });

  test('files read again from the start (not UTF-8 past the first chunk) are counted once', async (t) => {
    const dir = tempDir(t);
    // One in five a consultant (one in fifty a clinical director), so the medical workforce has people, cases and courses.
    const post = (i: number) => (i % 5 === 0 ? `Consultant,Medical and Dental` : `Band ${5 + (i % 3)},Nursing and Midwifery Registered`);
    const staffRows = Array.from({ length: 3000 }, (_, i) => `S${i},${'AHN'[i % 3]},${post(i)},${i % 11 === 0 ? 'Bank' : 'Permanent'},Surgery ${i % 4},${i % 50 === 0 ? 'Clinical Director' : ''}`);
    const staffText = csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category,directorate,medical_leadership', ...staffRows);
    // A Windows-1252 "é" near the end: the streamed reading has counted most rows before it finds the file is not UTF-8.
    writeFixture(dir, 'staff.csv', Buffer.concat([Buffer.from(staffText), Buffer.from([0x53, 0x39, 0x39, 0x39, 0x39, 0x2c, 0x41, 0x2c]), Buffer.from('Band 5,Nursing and Midwifery Registered,Permanent,Caf'), Buffer.from([0xe9]), Buffer.from(',\r\n')]));
    const trainingRows = Array.from({ length: 3000 }, (_, i) => `S${(i * 7) % 3000},Course ${i % 5},${i % 3 === 0 ? 'Yes' : 'No'},2024-0${1 + (i % 9)}-15`);
    const trainingText = csv('staff_id,course,mandatory,start_date', ...trainingRows);
    writeFixture(dir, 'training.csv', Buffer.concat([Buffer.from(trainingText), Buffer.from('S1,Caf'), Buffer.from([0xe9]), Buffer.from(',No,2024-06-01\r\n')]));
    assert.ok(staffText.length > 1 << 16 && trainingText.length > 1 << 16, 'longer than one chunk');
    for (const standard of [WRES_STANDARD, WDES_STANDARD]) {
      const report = await bothWays(standard, dir);
      assert.equal(report.ok, true, JSON.stringify(report));
      const notes = (report.ok ? (report.report as { notes: string[] }).notes : []).join('\n');
      assert.match(notes, /staff\.csv: read as WINDOWS-1252/);
    }
    // The medical report carries no import notes; its figures show each file counted once.
    const medical = await bothWays(MEDICAL_STANDARD, dir);
    assert.ok(medical.ok);
    const { indicators, leadership } = medical.report as MedicalReport;
    assert.equal(indicators['1'].overall.total, 600 - 55);
    assert.equal(leadership?.find((row) => row.role === 'clinicalDirector')?.total, 60 - 6);
    assert.ok(indicators['4'].available);
  });

  test('an empty staff file, and a missing one', async (t) => {
    const empty = tempDir(t);
    writeFixture(empty, 'staff.csv', csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category'));
    const none = tempDir(t);
    mkdirSync(join(none, 'sub'));
    writeFixture(none, 'training.csv', csv('staff_id,course,mandatory,start_date', 'X8,Coaching,No,2024-09-01'));
    for (const dir of [empty, none]) {
      for (const standard of [WRES_STANDARD, MEDICAL_STANDARD]) {
        const report = await bothWays(standard, dir);
        assert.equal(report.ok, false);
      }
    }
  });
});
