import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readApplications } from './applications.ts';
import { formatProblem } from './problem.ts';
import { csv, csvTable } from './test-support.ts';

describe('readApplications', () => {
  test('reads required and optional fields; yes/no in every spelling', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'Application ID,Ethnic Category,Shortlisted,Appointed,Vacancy ID,Pay Band,Staff Group,Internal,Date,Disability',
        'A1,N,Y,Yes,V9,Band 6,AHP,no,2025-01-15,Prefer not to say',
        'A2,C,TRUE,0,,,,,,',
        'A3,,0,n,,,,,,',
      ),
      'applications.csv',
    );
    const result = readApplications(table);
    if (!result.ok) assert.fail(result.problems.map(formatProblem).join('\n'));
    assert.deepEqual(result.records[0], {
      applicationId: 'A1',
      ethnicity: { code: 'N' },
      shortlisted: true,
      appointed: true,
      vacancyId: 'V9',
      payBand: { kind: 'afc', band: 'Band 6' },
      staffGroup: 'Allied Health Professionals',
      internal: false,
      internationalRecruit: null,
      date: '2025-01-15',
      disability: 'notDeclared',
      gender: null,
      source: { file: 'applications.csv', row: 2 },
    });
    assert.deepEqual(
      result.records.slice(1).map((r) => [r.shortlisted, r.appointed, r.payBand, r.staffGroup, r.date, r.disability, r.ethnicity.code]),
      [
        [true, false, null, null, null, 'missing', 'C'],
        [false, false, null, null, null, 'missing', 'missing'],
      ],
    );
  });

  test('appointed but not shortlisted, blank yes/no, duplicate ids and unknown optional band are all reported', async (t) => {
    const table = await csvTable(
      t,
      csv(
        'application_id,ethnic_category,shortlisted,appointed,pay_band',
        'A1,A,no,yes,', // row 2: appointed, not shortlisted
        'A2,A,,no,', // row 3: shortlisted blank
        'A1,A,yes,perhaps,', // row 4: duplicate id and bad yes/no
        'A4,A,yes,no,Band 99', // row 5: unknown band
      ),
      'applications.csv',
    );
    const result = readApplications(table);
    assert.equal(result.ok, false);
    const lines = result.ok ? [] : result.problems.map(formatProblem);
    assert.deepEqual(lines, [
      'applications.csv, row 2, column "appointed", value "yes": appointed but not shortlisted (expected shortlisted = yes for every appointed applicant)',
      'applications.csv, row 3, column "shortlisted": a value is required but the cell is blank (expected yes or no; Y/N, true/false and 1/0 also work)',
      'applications.csv, row 4, column "application_id", value "A1": duplicate application_id: already used on row 2',
      'applications.csv, row 4, column "appointed", value "perhaps": not a valid yes/no value (expected yes or no; Y/N, true/false and 1/0 also work)',
      lines[4] ?? '',
    ]);
    assert.match(lines[4] ?? '', /^applications\.csv, row 5, column "pay_band", value "Band 99": not a recognised pay band/);
  });
});
