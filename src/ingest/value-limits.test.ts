/**
 * Implausible values (a start date in 2099, a 2 MB directorate, an FTE of 80) are located errors, through the real
 * readers from real files; values real files contain, at the edges of each limit, still read.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readApplications } from './applications.ts';
import { readBoard } from './board.ts';
import { readCapability } from './capability.ts';
import { readDisciplinary } from './disciplinary.ts';
import { loadWorkforceFolder } from './load-folder.ts';
import { formatProblem, type Problem } from './problem.ts';
import { readStaff } from './staff.ts';
import { readSurvey } from './survey.ts';
import { csv, csvTable, tempDir, writeFixture } from './test-support.ts';
import { readTraining } from './training.ts';
import { currentReportingYear, readContext, TEXT_LIMITS } from './value-limits.ts';

/** Reporting year 2025, read before its end, so the window counts from 31 March 2025. */
const YEAR = { reportingYear: 2025, today: '2025-01-15' };

function problemsOf(result: { ok: true } | { ok: false; problems: Problem[] }): Problem[] {
  if (result.ok) assert.fail('expected problems, the file was read');
  return result.problems;
}

function where(problems: readonly Problem[]): [number | undefined, string | undefined, string | undefined][] {
  return problems.map((p) => [p.row, p.column, p.value]);
}

const STAFF_HEADER = 'staff_id,ethnic_category,pay_band,staff_group,assignment_category';

describe('dates outside a plausible window', () => {
  test('staff start_date: up to a year after the snapshot reads, later is an error naming file, row, column and value', async (t) => {
    const table = await csvTable(
      t,
      csv(`${STAFF_HEADER},start_date`, 'S1,A,5,Nursing,Permanent,2099-01-01', 'S2,A,5,Nursing,Permanent,31/03/2026',
        'S3,A,5,Nursing,Permanent,01/04/2026', 'S4,A,5,Nursing,Permanent,1901-01-01'),
      'staff.csv',
    );
    const problems = problemsOf(readStaff(table, YEAR));
    assert.deepEqual(where(problems), [[2, 'start_date', '2099-01-01'], [4, 'start_date', '01/04/2026']]);
    assert.match(formatProblem(problems[0]!), /^staff\.csv, row 2, column "start_date", value "2099-01-01": .*2026-03-31/);
  });

  test('applications date, disciplinary and capability start_date: at most a year after the reporting year', async (t) => {
    const applications = await csvTable(
      t, csv('application_id,ethnic_category,shortlisted,appointed,date', 'A1,A,yes,no,2099-06-01', 'A2,A,yes,no,2026-03-31'), 'applications.csv',
    );
    assert.deepEqual(where(problemsOf(readApplications(applications, YEAR))), [[2, 'date', '2099-06-01']]);
    const disciplinary = await csvTable(t, csv('case_id,staff_id,start_date', 'C1,S1,2099-06-01', 'C2,S1,2024-06-01'), 'disciplinary.csv');
    assert.deepEqual(where(problemsOf(readDisciplinary(disciplinary, YEAR))), [[2, 'start_date', '2099-06-01']]);
    const capability = await csvTable(t, csv('case_id,staff_id,start_date', 'C1,S1,2024-06-01', 'C2,S1,2026-04-01'), 'capability.csv');
    assert.deepEqual(where(problemsOf(readCapability(capability, YEAR))), [[3, 'start_date', '2026-04-01']]);
  });

  test('training start_date allows courses booked up to two years after the reporting year', async (t) => {
    const table = await csvTable(
      t, csv('staff_id,course,mandatory,start_date', 'S1,Leadership,no,2027-03-31', 'S1,Leadership,no,2027-04-01'), 'training.csv',
    );
    assert.deepEqual(where(problemsOf(readTraining(table, YEAR))), [[3, 'start_date', '2027-04-01']]);
  });

  test('a file extracted years after its reporting year may hold dates up to the window after today', async (t) => {
    // A disciplinary log covering several years, read for reporting year 2020 on 30 June 2025.
    const context = readContext(2020, new Date(Date.UTC(2025, 5, 30)));
    const table = await csvTable(t, csv('case_id,staff_id,start_date', 'C1,S1,2019-06-01', 'C2,S1,2026-06-30', 'C3,S1,2026-07-01'), 'disciplinary.csv');
    const problems = problemsOf(readDisciplinary(table, context));
    assert.deepEqual(where(problems), [[4, 'start_date', '2026-07-01']]);
    assert.equal(problems[0]?.expected, 'a date from 1900-01-01 to 2026-06-30');
  });

  test('without a reporting year, the one in progress today is used', () => {
    assert.equal(currentReportingYear(new Date(Date.UTC(2025, 2, 31))), 2025);
    assert.equal(currentReportingYear(new Date(Date.UTC(2025, 3, 1))), 2026);
    assert.deepEqual(readContext(undefined, new Date(Date.UTC(2025, 3, 1, 12))), { reportingYear: 2026, today: '2025-04-01' });
  });

  test('a folder is checked against the reporting year it is loaded for', async (t) => {
    const dir = tempDir(t);
    writeFixture(dir, 'staff.csv', csv(`${STAFF_HEADER},start_date`, 'S1,A,5,Nursing,Permanent,2040-01-01'));
    assert.equal((await loadWorkforceFolder(dir, { year: 2040 })).ok, true);
    const loaded = await loadWorkforceFolder(dir, { year: 2020 });
    assert.deepEqual(where(problemsOf(loaded)), [[2, 'start_date', '2040-01-01']]);
  });
});

describe('text longer than a column can plausibly hold', () => {
  test('a directorate longer than 200 characters is an error whose value is shortened to its first 40 characters and its length', async (t) => {
    const long = `Surgery ${'x'.repeat(900 - 8)}`;
    const table = await csvTable(t, csv(`${STAFF_HEADER},directorate`, 'S1,A,5,Nursing,Permanent,Medicine', `S2,A,5,Nursing,Permanent,${long}`), 'staff.csv');
    const problems = problemsOf(readStaff(table, YEAR));
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.deepEqual([problem?.row, problem?.column], [3, 'directorate']);
    assert.equal(problem?.value, `${long.slice(0, 40)}… (900 characters)`);
    assert.match(problem?.message ?? '', /900 characters/);
    assert.match(problem?.expected ?? '', /at most 200 characters/);
    assert.ok(formatProblem(problem!).length < 300);
  });

  test('a 2 MB directorate is stopped by the cell limit while the file is read, located and shortened', async (t) => {
    const dir = tempDir(t);
    const huge = `Surgery ${'x'.repeat(2_000_000 - 8)}`;
    writeFixture(dir, 'staff.csv', csv(`${STAFF_HEADER},directorate`, 'S1,A,5,Nursing,Permanent,Medicine', `S2,A,5,Nursing,Permanent,${huge}`));
    const problems = problemsOf(await loadWorkforceFolder(dir, { year: 2025 }));
    assert.equal(problems.length, 1);
    const [problem] = problems;
    assert.deepEqual([problem?.file, problem?.row, problem?.column], ['staff.csv', 3, 'directorate']);
    assert.equal(problem?.value, `${huge.slice(0, 40)}… (2,000,000 characters)`);
    assert.match(problem?.message ?? '', /MIRROR_MAX_CELL_CHARS/);
    assert.ok(formatProblem(problem!).length < 400);
  });

  test('names at the limit read; identifiers longer than 64 characters are errors', async (t) => {
    const name = 'n'.repeat(TEXT_LIMITS.name);
    const id = 'i'.repeat(TEXT_LIMITS.identifier);
    const table = await csvTable(
      t,
      csv(`${STAFF_HEADER},directorate,occupation_code,gender`, `${id},A,5,Nursing,${name},${name},N0A,${name}`,
        `${id}x,A,5,Nursing,${name}x,Surgery,${id}x,Female`),
      'staff.csv',
    );
    assert.deepEqual(where(problemsOf(readStaff(table, YEAR))).map(([row, column]) => [row, column]), [
      [3, 'staff_id'], [3, 'assignment_category'], [3, 'occupation_code'],
    ]);
  });

  test('ids and names in the other files are limited too', async (t) => {
    const long = 'y'.repeat(300);
    const applications = await csvTable(
      t, csv('application_id,ethnic_category,shortlisted,appointed,vacancy_id,gender', `${long},A,yes,no,${long},${long}`), 'applications.csv',
    );
    assert.deepEqual(where(problemsOf(readApplications(applications, YEAR))).map(([, column]) => column), ['application_id', 'vacancy_id', 'gender']);
    const disciplinary = await csvTable(t, csv('case_id,staff_id,start_date', `${long},${long},2024-06-01`), 'disciplinary.csv');
    assert.deepEqual(where(problemsOf(readDisciplinary(disciplinary, YEAR))).map(([, column]) => column), ['case_id', 'staff_id']);
    const training = await csvTable(t, csv('staff_id,course,mandatory,start_date', `S1,${'c'.repeat(TEXT_LIMITS.course + 1)},no,2024-06-01`), 'training.csv');
    assert.deepEqual(where(problemsOf(readTraining(training, YEAR))).map(([, column]) => column), ['course']);
    const capability = await csvTable(t, csv('case_id,staff_id,start_date', `C1,${long},2024-06-01`), 'capability.csv');
    assert.deepEqual(where(problemsOf(readCapability(capability, YEAR))).map(([, column]) => column), ['staff_id']);
    const board = await csvTable(t, csv('member_id,ethnic_category,voting,executive', `${long},A,yes,yes`), 'board.csv');
    assert.deepEqual(where(problemsOf(readBoard(board))).map(([, column]) => column), ['member_id']);
    const survey = await csvTable(t, csv('respondent_id,ethnic_category,indicator_5', `${long},A,yes`), 'survey.csv');
    assert.deepEqual(where(problemsOf(readSurvey(survey))).map(([, column]) => column), ['respondent_id']);
  });

  test('an unrecognised value that is very long is shortened too', async (t) => {
    const table = await csvTable(t, csv(STAFF_HEADER, `S1,${'W'.repeat(500)},5,Nursing,Permanent`), 'staff.csv');
    const [problem] = problemsOf(readStaff(table, YEAR));
    assert.equal(problem?.value, `${'W'.repeat(40)}… (500 characters)`);
  });
});

describe('numbers out of range', () => {
  test('FTE above 2, hourly pay above £1,000 and bonus above £1,000,000 are errors; real values read', async (t) => {
    const table = await csvTable(
      t,
      csv(`${STAFF_HEADER},fte,hourly_pay,bonus_pay`,
        'S1,A,5,Nursing,Permanent,1.2,£187.50,"£45,000"',
        'S2,A,5,Nursing,Permanent,0,0,0',
        'S3,A,5,Nursing,Permanent,80,"£45,000","£2,000,000"',
        'S4,A,5,Nursing,Permanent,2,1000,1000000'),
      'staff.csv',
    );
    const problems = problemsOf(readStaff(table, YEAR));
    assert.deepEqual(where(problems), [[4, 'fte', '80'], [4, 'hourly_pay', '£45,000'], [4, 'bonus_pay', '£2,000,000']]);
    assert.match(problems[0]?.expected ?? '', /from 0 to 2/);
    assert.match(problems[1]?.message ?? '', /per hour/);
  });

  test('survey respondents above 1,000,000 are an error', async (t) => {
    const table = await csvTable(t, csv('indicator,ethnic_group,respondents,positive', '5,white,10000000,10', '5,ethnic minority,400,10'), 'survey.csv');
    assert.deepEqual(where(problemsOf(readSurvey(table))), [[2, 'respondents', '10000000']]);
  });
});
