import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readDisciplinary } from './disciplinary.ts';
import { formatProblem } from './problem.ts';
import { csv, csvTable } from './test-support.ts';

describe('readDisciplinary', () => {
  test('ethnicity is null when the column is absent', async (t) => {
    const table = await csvTable(t, csv('Case ID,Staff ID,Start Date', 'C1,S1,03/06/2024'), 'disciplinary.csv');
    assert.deepEqual(readDisciplinary(table), {
      ok: true,
      records: [{ caseId: 'C1', staffId: 'S1', ethnicity: null, startDate: '2024-06-03', source: { file: 'disciplinary.csv', row: 2 } }],
    });
  });

  test('ethnicity is null when blank and read when given', async (t) => {
    const table = await csvTable(t, csv('case_id,staff_id,start_date,ethnic_category', 'C1,S1,2024-06-03,', 'C2,S2,2024-06-04,M'), 'disciplinary.csv');
    const result = readDisciplinary(table);
    assert.deepEqual(result.ok && result.records.map((r) => r.ethnicity), [null, { code: 'M' }]);
  });

  test('duplicate case ids, blank or invalid start dates and unknown ethnicity are reported together', async (t) => {
    const table = await csvTable(
      t,
      csv('case_id,staff_id,start_date,ethnic_category', 'C1,S1,2024-06-03,A', 'C1,S2,,A', 'C3,,2024-13-01,Martian'),
      'disciplinary.csv',
    );
    const result = readDisciplinary(table);
    assert.deepEqual(
      result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.message.split(':')[0]]),
      [
        [3, 'case_id', 'duplicate case_id'],
        [3, 'start_date', 'a value is required but the cell is blank'],
        [4, 'staff_id', 'a value is required but the cell is blank'],
        [4, 'start_date', '2024-13-01 is not a date in the calendar'],
        [4, 'ethnic_category', 'not a recognised ethnic category'],
      ],
    );
    assert.ok(!result.ok && result.problems.every((p) => formatProblem(p).startsWith('disciplinary.csv, row ')));
  });
});
