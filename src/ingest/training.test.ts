import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { csv, csvTable } from './test-support.ts';
import { readTraining } from './training.ts';

describe('readTraining', () => {
  test('reads rows; ethnicity optional; mandatory yes/no', async (t) => {
    const table = await csvTable(
      t,
      csv('staff_id,course,mandatory,start_date,ethnic_category', 'S1,Leadership,no,1.9.2024,', 'S2,Fire safety,Yes,2024-09-02,R'),
      'training.csv',
    );
    assert.deepEqual(readTraining(table), {
      ok: true,
      records: [
        { staffId: 'S1', ethnicity: null, course: 'Leadership', mandatory: false, startDate: '2024-09-01', source: { file: 'training.csv', row: 2 } },
        { staffId: 'S2', ethnicity: { code: 'R' }, course: 'Fire safety', mandatory: true, startDate: '2024-09-02', source: { file: 'training.csv', row: 3 } },
      ],
    });
  });

  test('mandatory must be given; course must not be blank', async (t) => {
    const table = await csvTable(t, csv('staff_id,course,mandatory,start_date', 'S1,,,2024-09-01', 'S2,CPD,sometimes,2024-09-01'), 'training.csv');
    const result = readTraining(table);
    assert.deepEqual(
      result.ok ? [] : result.problems.map((p) => [p.row, p.column]),
      [[2, 'course'], [2, 'mandatory'], [3, 'mandatory']],
    );
  });
});
