import assert from 'node:assert/strict';
import { describe, test, type TestContext } from 'node:test';
import { zipOf } from '../../test/support/zip.ts';
import { formatProblem } from './problem.ts';
import { loadUploadedFiles, type UploadedFile } from './load-upload.ts';
import { csv, tempDir, writeFixture } from './test-support.ts';

const STAFF = csv(
  'staff_id,ethnic_category,pay_band,staff_group,assignment_category',
  'S1,A,Band 5,Nursing and Midwifery Registered,Permanent',
  'S2,N,Band 6,Nursing and Midwifery Registered,Permanent',
);
const BOARD = csv('member_id,ethnic_category,voting,executive', 'B1,A,yes,yes', 'B2,H,yes,no');

/** Writes each file under a stored name as the upload does, and lists it as chosen in `attempt`. */
function chosen(t: TestContext, files: readonly [name: string, content: string | Uint8Array, attempt?: number][]) {
  const dir = tempDir(t);
  const uploaded: UploadedFile[] = files.map(([name, content, attempt = 1], i) => {
    const stored = `a${attempt}-${i + 1}${name.slice(name.lastIndexOf('.'))}`;
    writeFixture(dir, stored, content);
    return { stored, name, attempt };
  });
  return { dir, uploaded };
}

describe('loading the files a person chose', () => {
  test('files under any names are read as their kinds, and a .txt starting yes or no is the narrative', async (t) => {
    const { dir, uploaded } = chosen(t, [['Board members.csv', BOARD], ['ESR export.csv', STAFF], ['metric 9b.txt', 'yes\nWe met.\n'], ['README.txt', 'About these files'], ['minutes.txt', 'Our meeting']]);
    const { result, files } = await loadUploadedFiles(dir, uploaded, { year: 2025 });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(result.dataset.sources.map((s) => [s.kind, s.file]), [['staff', 'ESR export.csv'], ['board', 'Board members.csv']]);
    assert.deepEqual(result.dataset.wdesNarrative, { answer: true, text: 'We met.', file: 'metric 9b.txt' });
    assert.deepEqual(files.map((f) => [f.name, f.kind]), [['Board members.csv', 'board'], ['ESR export.csv', 'staff'], ['metric 9b.txt', 'narrative'], ['minutes.txt', null]], 'a README is for people: not read and not listed');
    assert.deepEqual(result.notes, ['minutes.txt was not read: a .txt file is read only as the WDES 9b narrative, whose first line is yes or no']);
  });

  test('a zip is opened and its files named by their place in it; system files in it are skipped', async (t) => {
    const zip = zipOf([{ name: 'trust/2025/staff.csv', content: STAFF }, { name: 'trust/2025/board.csv', content: BOARD }, { name: '__MACOSX/trust/._staff.csv', content: 'x' }, { name: 'trust/.DS_Store', content: 'x' }]);
    const { dir, uploaded } = chosen(t, [['trust.zip', zip]]);
    const { result, files } = await loadUploadedFiles(dir, uploaded, { year: 2025 });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(files.map((f) => [f.id, f.name, f.kind]), [['a1-1.zip#1', 'trust.zip/trust/2025/staff.csv', 'staff'], ['a1-1.zip#2', 'trust.zip/trust/2025/board.csv', 'board']]);
  });

  test('two files of one kind in the same attempt are refused, naming both; a later attempt replaces the earlier', async (t) => {
    const twice = chosen(t, [['staff.csv', STAFF], ['staff copy.csv', STAFF]]);
    const refused = await loadUploadedFiles(twice.dir, twice.uploaded, { year: 2025 });
    assert.equal(refused.result.ok, false);
    assert.deepEqual(refused.result.ok ? [] : refused.result.problems.map(formatProblem), [
      'staff.csv, staff copy.csv: staff.csv and staff copy.csv are both staff files; choose one so it is clear which to use',
    ]);
    const none = chosen(t, [['board.csv', BOARD]]);
    const noStaff = await loadUploadedFiles(none.dir, none.uploaded, { year: 2025 });
    assert.deepEqual(noStaff.result.ok ? [] : noStaff.result.problems.map(formatProblem), [
      'the files chosen: no staff file was recognised among the files chosen (board.csv); one is required (expected a table with the headings staff_id, ethnic_category, pay_band, staff_group, assignment_category)',
    ]);

    const broken = STAFF.replace('S2,N,', 'S2,Martian,');
    const fixed = chosen(t, [['staff.csv', broken, 1], ['board.csv', BOARD, 1], ['staff fixed.csv', STAFF, 2]]);
    const { result, files } = await loadUploadedFiles(fixed.dir, fixed.uploaded, { year: 2025 });
    assert.ok(result.ok, JSON.stringify(result));
    assert.deepEqual(files.map((f) => [f.name, f.kind, f.superseded]), [['staff.csv', 'staff', true], ['board.csv', 'board', false], ['staff fixed.csv', 'staff', false]]);
    assert.deepEqual(result.dataset.sources.map((s) => s.file), ['staff fixed.csv', 'board.csv']);
    assert.ok(result.notes.includes('staff.csv was replaced by staff fixed.csv, chosen later'));
  });

  test('a table whose kind cannot be told is a problem with its headings; once its kind is chosen it is read', async (t) => {
    const { dir, uploaded } = chosen(t, [['staff.csv', STAFF], ['cases.csv', csv('case_id,staff_id,start_date', 'C1,S1,2024-06-01')]]);
    const first = await loadUploadedFiles(dir, uploaded, { year: 2025 });
    assert.equal(first.result.ok, false);
    assert.deepEqual(first.result.ok ? [] : first.result.problems.map((p) => [p.file, p.row]), [['cases.csv', 1]]);
    assert.deepEqual(first.files.find((f) => f.name === 'cases.csv'), { id: 'a1-2.csv', name: 'cases.csv', attempt: 1, kind: null, preset: null, superseded: false, table: true });
    const second = await loadUploadedFiles(dir, uploaded, { year: 2025, chosenKinds: { 'a1-2.csv': 'capability' } });
    assert.ok(second.result.ok, JSON.stringify(second.result));
    assert.equal(second.result.dataset.capability?.length, 1);
  });

  test('a file named .zip that is not one, and a zip inside a zip, are problems naming them', async (t) => {
    const { dir, uploaded } = chosen(t, [['staff.csv', STAFF], ['broken.zip', 'not a zip'], ['outer.zip', zipOf([{ name: 'inner.zip', content: zipOf([{ name: 'board.csv', content: BOARD }]) }])]]);
    const { result } = await loadUploadedFiles(dir, uploaded, { year: 2025 });
    assert.equal(result.ok, false);
    assert.deepEqual(result.ok ? [] : result.problems.map((p) => p.file), ['broken.zip', 'outer.zip/inner.zip']);
  });
});
