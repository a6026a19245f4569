import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { normaliseHeader, resolveColumns } from './columns.ts';
import { formatProblem } from './problem.ts';
import type { Table } from './table.ts';

function tableWithHeaders(...headers: string[]): Table {
  return { file: 'staff.csv', sha256: '', encoding: 'utf-8', headerRow: 1, headers, rows: [], emptyRowsSkipped: 0 };
}

const SPEC = { required: ['staff_id', 'ethnic_category'], optional: ['pay_band', 'start_date'] } as const;

describe('normaliseHeader', () => {
  test('ignores case, spaces, hyphens and underscores', () => {
    for (const header of ['Staff ID', 'staff-id', 'STAFF_ID', 'StaffId', ' staff  id ', 'Staff_Id']) {
      assert.equal(normaliseHeader(header), normaliseHeader('staff_id'), header);
    }
  });
});

describe('resolveColumns', () => {
  test('finds columns written in any style and ignores extra columns', () => {
    const result = resolveColumns(tableWithHeaders('Notes', 'Ethnic Category', 'STAFF_ID', 'Manager'), SPEC);
    assert.deepEqual(result, { ok: true, index: { staff_id: 2, ethnic_category: 1, pay_band: undefined, start_date: undefined } });
  });

  test('every missing required column is its own problem naming the column and the headers found', () => {
    const result = resolveColumns(tableWithHeaders('Pay Band', 'Name'), SPEC);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    assert.deepEqual(
      problems.map(formatProblem),
      [
        'staff.csv, row 1: missing required column "staff_id"; the header row has: "Pay Band", "Name"',
        'staff.csv, row 1: missing required column "ethnic_category"; the header row has: "Pay Band", "Name"',
      ],
    );
  });

  test('a column given twice is a problem naming both headings', () => {
    const result = resolveColumns(tableWithHeaders('Staff ID', 'ethnic_category', 'pay band', 'Pay-Band'), SPEC);
    assert.equal(result.ok, false);
    const problems = result.ok ? [] : result.problems;
    assert.equal(problems.length, 1);
    assert.equal(problems[0]?.column, 'pay_band');
    assert.match(problems[0]?.message ?? '', /"pay band" \(column C\) and "Pay-Band" \(column D\)/);
  });
});
