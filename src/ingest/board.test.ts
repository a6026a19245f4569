import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { readBoard } from './board.ts';
import { csv, csvTable } from './test-support.ts';

describe('readBoard', () => {
  test('reads members with voting and executive flags', async (t) => {
    const table = await csvTable(t, csv('Member ID,Ethnic Category,Voting,Executive', 'B1,White - Irish,yes,no', 'B2,Chinese,Y,Y'), 'board.csv');
    assert.deepEqual(readBoard(table), {
      ok: true,
      records: [
        { memberId: 'B1', ethnicity: { code: 'B' }, voting: true, executive: false, disability: 'missing', source: { file: 'board.csv', row: 2 } },
        { memberId: 'B2', ethnicity: { code: 'R' }, voting: true, executive: true, disability: 'missing', source: { file: 'board.csv', row: 3 } },
      ],
    });
  });

  test('duplicate member ids and missing flags are reported', async (t) => {
    const table = await csvTable(t, csv('member_id,ethnic_category,voting,executive', 'B1,A,yes,no', 'B1,A,,no'), 'board.csv');
    const result = readBoard(table);
    assert.deepEqual(
      result.ok ? [] : result.problems.map((p) => [p.row, p.column, p.message]),
      [
        [3, 'member_id', 'duplicate member_id: already used on row 2'],
        [3, 'voting', 'a value is required but the cell is blank'],
      ],
    );
  });
});
