import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { loadWorkforceFolder } from './load-folder.ts';
import { formatProblem } from './problem.ts';
import { csv, tempDir, writeFixture } from './test-support.ts';

const STAFF_CSV = csv(
  'staff_id,ethnic_category,pay_band,staff_group,assignment_category',
  'S1,A,Band 5,Nursing,Permanent',
  'S2,H,Consultant,Medical and Dental,Permanent',
  ',,,,',
);

async function writeApplicationsWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Applications');
  sheet.addRow(['Application ID', 'Ethnic Category', 'Shortlisted', 'Appointed', 'Date', 'Vacancy ID']);
  sheet.addRow(['A1', 'A', 'Yes', 'No', new Date(Date.UTC(2024, 9, 7)), 1234]);
  sheet.addRow(['A2', 'N', 'Yes', 'Yes', new Date(Date.UTC(2025, 0, 31)), 1234]);
  await workbook.xlsx.writeFile(path);
}

describe('loadWorkforceFolder', () => {
  test('loads a good folder: every file found case-insensitively, absent kinds null, provenance recorded', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', STAFF_CSV);
    await writeApplicationsWorkbook(join(dir, 'Applications.xlsx'));
    writeFixture(dir, 'DISCIPLINARY.CSV', csv('case_id,staff_id,start_date', 'C1,S1,12/05/2024'));
    // Windows-1252 "é" (0xE9) in a column the loader ignores.
    const boardBytes = Buffer.from([
      ...Buffer.from('member_id,name,ethnic_category,voting,executive\r\nB1,Ren'), 0xe9, ...Buffer.from('e,White - Irish,yes,no\r\n'),
      ...Buffer.from('B2,Sam,Chinese,no,no\r\n'),
    ]);
    writeFixture(dir, 'board.csv', boardBytes);
    writeFixture(dir, 'survey.csv', csv('ethnic_category,indicator_6', 'A,yes', 'Z,no', 'H,no'));
    writeFixture(dir, 'readme.txt', 'notes');
    writeFixture(dir, 'notes.docx', 'not a table');

    const result = await loadWorkforceFolder(dir);
    if (!result.ok) assert.fail(result.problems.map(formatProblem).join('\n'));
    const { dataset, notes } = result;

    assert.deepEqual(dataset.staff.map((s) => s.staffId), ['S1', 'S2']);
    assert.deepEqual(
      dataset.applications?.map((a) => [a.applicationId, a.date, a.vacancyId, a.appointed, a.source.row]),
      [['A1', '2024-10-07', '1234', false, 2], ['A2', '2025-01-31', '1234', true, 3]],
    );
    assert.deepEqual(dataset.disciplinary?.map((d) => [d.caseId, d.startDate, d.ethnicity]), [['C1', '2024-05-12', null]]);
    assert.equal(dataset.training, null);
    assert.deepEqual(dataset.board?.map((b) => [b.memberId, b.ethnicity.code, b.voting]), [['B1', 'B', true], ['B2', 'R', false]]);
    assert.deepEqual(dataset.survey?.map((s) => [s.indicator, s.group, s.respondents, s.positive]), [
      ['6', 'white', 1, 1],
      ['6', 'ethnicMinority', 1, 0],
    ]);
    assert.deepEqual(
      dataset.sources.map((s) => [s.kind, s.file, s.rows, s.encoding]),
      [
        ['staff', 'staff.csv', 2, 'utf-8'],
        ['applications', 'Applications.xlsx', 2, 'xlsx'],
        ['disciplinary', 'DISCIPLINARY.CSV', 1, 'utf-8'],
        ['board', 'board.csv', 2, 'windows-1252'],
        ['survey', 'survey.csv', 3, 'utf-8'],
      ],
    );
    assert.equal(dataset.sources[0]?.sha256, createHash('sha256').update(readFileSync(join(dir, 'staff.csv'))).digest('hex'));
    assert.deepEqual(notes, [
      'Ignored files that are not workforce files: notes.docx',
      'staff.csv: 1 empty row(s) skipped',
      'board.csv: read as WINDOWS-1252 (not UTF-8)',
      'survey.csv: 1 respondent(s) with unknown ethnicity (Z, 99 or blank) left out of the survey indicators',
    ]);
  });

  test('returns the problems of every bad file together, and no dataset', async (t) => {
    const dir = tempDir(t);
    writeFixture(
      dir,
      'staff.csv',
      csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category', 'S1,Whte,Band 5,Nursing,Permanent', 'S1,A,Band 5,Nursing,Permanent'),
    );
    writeFixture(dir, 'applications.csv', csv('application_id,ethnic_category,shortlisted', 'A1,A,yes'));
    writeFixture(dir, 'board.csv', csv('member_id,ethnic_category,voting,executive', 'B1,A,yes,no'));

    const result = await loadWorkforceFolder(dir);
    assert.equal(result.ok, false);
    assert.equal('dataset' in result, false);
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [
      'staff.csv, row 2, column "ethnic_category", value "Whte": not a recognised ethnic category ' +
        '(expected an NHS ethnic category code A–S, Z or 99, or its label, e.g. "White - British")',
      'staff.csv, row 3, column "staff_id", value "S1": duplicate staff_id: already used on row 2',
      'applications.csv, row 1: missing required column "appointed"; the header row has: "application_id", "ethnic_category", "shortlisted"',
    ]);
  });

  test('a folder without a staff file is a problem naming the folder and what it holds; other files are still checked', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'board.csv', csv('member_id,ethnic_category,voting,executive', 'B1,A,maybe,no'));
    writeFixture(dir, 'staff list.csv', 'x');
    const result = await loadWorkforceFolder(dir);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    assert.equal(lines.length, 2);
    assert.equal(lines[0], `${dir}: no staff file (staff.csv or staff.xlsx) in the folder; it has: board.csv, staff list.csv`);
    assert.match(lines[1] ?? '', /^board\.csv, row 2, column "voting", value "maybe"/);
  });

  test('both a .csv and a .xlsx for the same kind is a problem', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', STAFF_CSV);
    writeFixture(dir, 'board.csv', csv('member_id,ethnic_category,voting,executive', 'B1,A,yes,no'));
    writeFixture(dir, 'Board.xlsx', 'not read: neither file is');
    const result = await loadWorkforceFolder(dir);
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), [
      'Board.xlsx, board.csv: both Board.xlsx and board.csv are present; keep one board file so it is clear which to use',
    ]);
  });

  test('a missing folder is a problem', async (t) => {
    const missing = join(tempDir(t), 'no-such-year');
    const result = await loadWorkforceFolder(missing);
    assert.deepEqual(result, { ok: false, problems: [{ file: missing, message: 'the folder could not be read (it does not exist)' }] });
  });

  test('a staff file with no data rows is a problem', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category'));
    const result = await loadWorkforceFolder(dir);
    assert.deepEqual(result.ok ? [] : result.problems.map(formatProblem), ['staff.csv: the staff file has no data rows']);
  });

  test('a missing column names the file kind and its headers; a remembered header mapping then reads the file', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', csv(
      'Employee Number,Ethnic Origin,Grade,Staff Group,Assignment Category',
      'S1,White - British,Band 5,Nursing,Permanent',
    ));
    const unmapped = await loadWorkforceFolder(dir);
    assert.equal(unmapped.ok, false);
    if (unmapped.ok) return;
    const missing = unmapped.problems.filter((p) => p.missingColumn).map((p) => p.missingColumn!);
    assert.deepEqual(missing.map((m) => m.column).sort(), ['ethnic_category', 'pay_band', 'staff_id']);
    assert.ok(missing.every((m) => m.kind === 'staff'));
    assert.deepEqual(missing[0]!.headers, ['Employee Number', 'Ethnic Origin', 'Grade', 'Staff Group', 'Assignment Category']);

    const mapped = await loadWorkforceFolder(dir, {
      headerMappings: { staff: { 'employee number': 'staff_id', 'ETHNIC ORIGIN': 'ethnic_category', Grade: 'pay_band' } },
    });
    assert.ok(mapped.ok, mapped.ok ? '' : JSON.stringify(mapped.problems));
    assert.equal(mapped.dataset.staff[0]!.staffId, 'S1');
    assert.equal(mapped.dataset.staff[0]!.ethnicity.code, 'A');
  });
});
