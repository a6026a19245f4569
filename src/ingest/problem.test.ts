import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { formatProblem, listRows } from './problem.ts';

describe('formatProblem', () => {
  test('gives file, row, column, value, message and expected on one line', () => {
    const line = formatProblem({
      file: 'staff.csv',
      row: 14,
      column: 'ethnic_category',
      value: 'Whte',
      message: 'not a recognised ethnic category',
      expected: 'an NHS ethnic category code A–S, Z or 99, or its label, e.g. "White - British"',
    });
    assert.equal(
      line,
      'staff.csv, row 14, column "ethnic_category", value "Whte": not a recognised ethnic category ' +
        '(expected an NHS ethnic category code A–S, Z or 99, or its label, e.g. "White - British")',
    );
  });

  test('leaves out the parts a problem does not have', () => {
    assert.equal(formatProblem({ file: 'staff.csv', message: 'the file is empty' }), 'staff.csv: the file is empty');
  });

  test('a problem standing for several rows lists them in its message, not as a single row', () => {
    const line = formatProblem({
      file: 'staff.csv',
      row: 4,
      column: 'ethnic_category',
      value: 'Whte',
      message: 'not a recognised ethnic category; 3 rows (rows 4, 9, 12)',
      occurrences: 3,
    });
    assert.equal(line, 'staff.csv, column "ethnic_category", value "Whte": not a recognised ethnic category; 3 rows (rows 4, 9, 12)');
  });

  test('keeps a multi-line value on one line', () => {
    assert.equal(formatProblem({ file: 'f.csv', row: 2, value: 'a\r\nb', message: 'bad' }), 'f.csv, row 2, value "a\\nb": bad');
  });
});

test('listRows shows at most five rows', () => {
  assert.equal(listRows([4]), 'row 4');
  assert.equal(listRows([4, 9, 12]), 'rows 4, 9, 12');
  assert.equal(listRows([2, 3, 4, 5, 6, 7]), 'rows 2, 3, 4, 5, 6, …');
});
