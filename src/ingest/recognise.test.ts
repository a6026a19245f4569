import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { kindsNamedBy, recogniseKind } from './recognise.ts';

const table = (file: string, ...headers: string[]) => ({ file, headers, headerRow: 1 });

describe('recognising a file by its headings', () => {
  test('each kind of canonical file, under any name, in any heading style', () => {
    const cases: [string[], string][] = [
      [['Staff ID', 'Ethnic Category', 'Pay Band', 'Staff Group', 'Assignment Category', 'Gender'], 'staff'],
      [['application_id', 'ethnic_category', 'shortlisted', 'appointed'], 'applications'],
      [['STAFF_ID', 'course', 'mandatory', 'start-date', 'ethnic_category'], 'training'],
      [['member_id', 'ethnic_category', 'voting', 'executive', 'disability'], 'board'],
      [['indicator', 'ethnic_group', 'respondents', 'positive', 'score'], 'survey'],
      [['respondent_id', 'ethnic_category', 'indicator_5', 'indicator_7'], 'survey'],
      // Disciplinary and capability require the same three columns; the fourth says which.
      [['case_id', 'staff_id', 'start_date', 'ethnic_category'], 'disciplinary'],
      [['case_id', 'staff_id', 'start_date', 'disability'], 'capability'],
    ];
    for (const [headers, kind] of cases) {
      const result = recogniseKind(table('export 3.csv', ...headers));
      assert.ok(result.ok, headers.join());
      assert.deepEqual([result.kind, result.by, result.preset], [kind, 'headings', null], headers.join());
    }
  });

  test('a staff file is not a survey file although both have ethnic_category', () => {
    // Survey needs ethnic_category and an indicator column; a staff file has neither indicator nor respondents.
    const result = recogniseKind(table('a.csv', 'staff_id', 'ethnic_category', 'pay_band', 'staff_group', 'assignment_category'));
    assert.ok(result.ok && result.kind === 'staff');
  });

  test('headings that fit two kinds alike are decided by the name only when it names one of them', () => {
    const headers = ['case_id', 'staff_id', 'start_date'];
    const byName = recogniseKind(table('Capability cases 2025.xlsx', ...headers));
    assert.ok(byName.ok);
    assert.deepEqual([byName.kind, byName.by], ['capability', 'name']);
    const unnamed = recogniseKind(table('cases.csv', ...headers));
    assert.equal(unnamed.ok, false);
    assert.match(unnamed.ok ? '' : unnamed.problem.message, /fit a disciplinary file and a capability file alike/);
    assert.equal(unnamed.ok ? '' : unnamed.problem.file, 'cases.csv');
  });

  test('a file no kind fits is named with its headings and what each kind needs, never guessed', () => {
    const result = recogniseKind({ file: 'report.csv', headers: ['Employee Number', 'Ethnic Origin', ''], headerRow: 3 });
    assert.equal(result.ok, false);
    const problem = result.ok ? null : result.problem;
    assert.equal(problem?.file, 'report.csv');
    assert.equal(problem?.row, 3);
    assert.match(problem?.message ?? '', /from its headings \("Employee Number", "Ethnic Origin"\); say which kind it is on this page/);
    assert.match(problem?.expected ?? '', /a staff file has staff_id, ethnic_category, pay_band, staff_group, assignment_category; an applications file/);
  });

  test('a file no kind fits but named after one kind is read as that kind, so its missing columns can be mapped', () => {
    const result = recogniseKind(table('ESR staff in post.csv', 'Employee Number', 'Ethnic Origin'), { mappings: { staff: { X: 'staff_id' } } });
    assert.ok(result.ok);
    assert.deepEqual([result.kind, result.by, result.mapping], ['staff', 'name', { X: 'staff_id' }]);
  });

  test("the organisation's remembered mapping, then a preset, make other headings fit", () => {
    const headers = ['Employee Number', 'Ethnic Origin', 'Pay Band', 'Staff Group', 'Assignment Category'];
    const mapping = { 'Employee Number': 'staff_id', 'Ethnic Origin': 'ethnic_category' };
    assert.equal(recogniseKind(table('x.csv', ...headers)).ok, false);
    const remembered = recogniseKind(table('x.csv', ...headers), { mappings: { staff: mapping } });
    assert.ok(remembered.ok);
    assert.deepEqual([remembered.kind, remembered.preset, remembered.mapping], ['staff', null, mapping]);
    const preset = recogniseKind(table('x.csv', ...headers), { presets: [{ name: 'HR export', kind: 'staff', mapping }] });
    assert.ok(preset.ok);
    assert.deepEqual([preset.kind, preset.preset, preset.mapping], ['staff', 'HR export', mapping]);
    // A preset for another kind does not make the file that kind.
    assert.equal(recogniseKind(table('x.csv', ...headers), { presets: [{ name: 'HR export', kind: 'training', mapping }] }).ok, false);
  });

  test('the kind a person chose is taken, with a mapping only if one fits', () => {
    const chosen = recogniseKind(table('cases.csv', 'Case', 'Who', 'When'), { chosenKind: 'capability' });
    assert.ok(chosen.ok);
    assert.deepEqual([chosen.kind, chosen.by, chosen.mapping], ['capability', 'chosen', undefined]);
  });

  test('the words in a name that name kinds', () => {
    assert.deepEqual(kindsNamedBy('Applicants.xlsx'), ['applications']);
    assert.deepEqual(kindsNamedBy('Report 7.xlsx'), []);
    assert.deepEqual(kindsNamedBy('TRAC applications 2025.csv'), ['applications']);
    assert.deepEqual(kindsNamedBy('staff_survey.csv'), ['staff', 'survey']);
  });
});
