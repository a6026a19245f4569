import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { StreamCount } from '../core/counting/stream-count.ts';
import { STREAM_COUNTERS } from '../core/standards/stream-counters.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { CountingApart, startCountingApart, type TwinCounter } from './count-apart.ts';
import { countWorkforceFolder, loadWorkforceFolder } from './load-folder.ts';
import { processReadLimits } from './limits.ts';
import { csv, tempDir, writeFixture } from './test-support.ts';
import { readContext } from './value-limits.ts';

const YEAR = 2025;
const period = reportingPeriod(YEAR);
/** Counts even the smallest applications file on its own thread. */
const TWIN = (standard: keyof typeof STREAM_COUNTERS): TwinCounter => ({ standard, year: YEAR, minBytes: 0 });

async function threeWays(folder: string, standard: keyof typeof STREAM_COUNTERS) {
  const counter = (): StreamCount<unknown> => STREAM_COUNTERS[standard](period);
  const apart = await countWorkforceFolder(folder, { year: YEAR }, counter(), TWIN(standard));
  const here = await countWorkforceFolder(folder, { year: YEAR }, counter());
  const loaded = await loadWorkforceFolder(folder, { year: YEAR });
  return { apart, here, loaded };
}

describe('the applications file counted on its own thread', () => {
  test('gives the same counts, notes and sources as counting it on the folder’s thread', async (t) => {
    const folder = tempDir(t);
    await writeSyntheticTrust(folder, { year: YEAR, seed: 11, staff: 800, applications: 2000 });
    for (const standard of ['wres', 'wdes', 'medical'] as const) {
      const { apart, here } = await threeWays(folder, standard);
      assert.equal(apart.ok, true);
      assert.equal(JSON.stringify(apart), JSON.stringify(here), standard);
    }
  });

  test('an applications file with notes of its own (empty rows, Windows-1252): the same notes in the same order', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category', 'S1,A,Band 5,Nursing,Permanent', ',,,,'));
    writeFixture(folder, 'applications.csv', Buffer.from([
      ...Buffer.from('application_id,ethnic_category,shortlisted,appointed,date,note\r\nA1,A,Yes,Yes,2024-05-01,caf'), 0xe9,
      ...Buffer.from('\r\n,,,,,\r\nA2,H,Yes,No,2024-06-01,\r\n'),
    ]));
    writeFixture(folder, 'disciplinary.csv', csv('case_id,staff_id,start_date', 'C1,S1,2024-07-01', ',,'));
    const { apart, here, loaded } = await threeWays(folder, 'wres');
    assert.equal(apart.ok && here.ok && loaded.ok, true, JSON.stringify(loaded));
    assert.equal(JSON.stringify(apart), JSON.stringify(here));
    assert.ok(apart.ok && loaded.ok);
    assert.deepEqual(apart.notes, loaded.notes);
    assert.deepEqual(apart.sources, loaded.dataset.sources);
    assert.ok(apart.notes.some((note) => note.startsWith('applications.csv')), 'the applications file has notes of its own');
  });

  test('bad rows in staff.csv, applications.csv and disciplinary.csv: the same located problems, in the same order, as loading', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', csv(
      'staff_id,ethnic_category,pay_band,staff_group,assignment_category',
      'S1,A,Band 5,Nursing,Permanent',
      'S2,Q,Band 99,Nursing,Permanent',
      'S1,A,Band 5,Nursing,Permanent',
    ));
    writeFixture(folder, 'applications.csv', csv(
      'application_id,ethnic_category,shortlisted,appointed,date',
      'A1,A,Yes,Yes,2024-05-01',
      'A2,Q,Maybe,No,31/31/2024',
      'A3,H,No,Yes,2024-06-01',
    ));
    writeFixture(folder, 'disciplinary.csv', csv('case_id,staff_id,start_date', 'C1,S1,not a date'));
    for (const standard of ['wres', 'wdes', 'medical'] as const) {
      const { apart, here, loaded } = await threeWays(folder, standard);
      assert.equal(apart.ok, false);
      assert.ok(!apart.ok && !loaded.ok && !here.ok);
      const files = new Set(apart.problems.map((p) => p.file));
      assert.deepEqual([...files], ['staff.csv', 'applications.csv', 'disciplinary.csv'], 'every file has problems');
      assert.deepEqual(apart.problems, loaded.problems, standard);
      assert.deepEqual(apart.problems, here.problems, standard);
    }
  });

  test('an applications file its thread cannot be sure of is read on the folder’s thread, its problems still in their place', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category', 'S1,Q,Band 5,Nursing,Permanent'));
    writeFixture(folder, 'applications.csv', csv('application_id,ethnic_category,shortlisted,appointed', 'A1,A,Yes,Yes', 'A2,"H,Yes,No'));
    writeFixture(folder, 'disciplinary.csv', csv('case_id,staff_id,start_date', 'C1,S1,not a date'));
    const { apart, loaded } = await threeWays(folder, 'wres');
    assert.ok(!apart.ok && !loaded.ok);
    assert.deepEqual([...new Set(apart.problems.map((p) => p.file))], ['staff.csv', 'applications.csv', 'disciplinary.csv']);
    assert.deepEqual(apart.problems, loaded.problems);
  });

  test('a missing column in applications.csv is named with its kind, as on the folder’s thread', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', csv('staff_id,ethnic_category,pay_band,staff_group,assignment_category', 'S1,A,Band 5,Nursing,Permanent'));
    writeFixture(folder, 'applications.csv', csv('application_id,ethnic_category,appointed', 'A1,A,Yes'));
    const { apart, loaded } = await threeWays(folder, 'wres');
    assert.ok(!apart.ok && !loaded.ok);
    assert.ok(apart.problems.some((p) => p.missingColumn?.kind === 'applications'));
    assert.deepEqual(apart.problems, loaded.problems);
  });
});

describe('startCountingApart', () => {
  const request = (folder: string, file: string, extra: Partial<{ mapping: unknown; minBytes: number; trainingAt: number }> = {}) => {
    const kind = file.startsWith('training') ? 'training' : 'applications';
    const source = { path: join(folder, file), file, mapping: extra.mapping };
    return {
      staff: null, applications: kind === 'applications' ? source : null, training: kind === 'training' ? source : null,
      limits: processReadLimits(), context: readContext(YEAR),
      twin: { standard: 'wres', year: YEAR, minBytes: extra.minBytes ?? 0, trainingAt: extra.trainingAt }, count: STREAM_COUNTERS.wres(period),
    };
  };

  test('takes a CSV file read with its canonical headings; leaves a workbook, a mapped file and a small file to the folder’s thread', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'applications.csv', csv('application_id,ethnic_category,shortlisted,appointed', 'A1,A,Yes,Yes'));
    writeFixture(folder, 'applications.xlsx', 'not really a workbook');
    writeFixture(folder, 'training.csv', csv('staff_id,course,mandatory,start_date', 'S1,CPD,No,2024-09-01', 'S2,CPD,No,2024-09-01'));
    writeFixture(folder, 'training.xlsx', 'not really a workbook');
    const counting = startCountingApart(request(folder, 'applications.csv'));
    // On one core a second thread would only add its start: the file is read on the folder's thread.
    assert.equal(counting !== null, availableParallelism() >= 2, 'a CSV file is counted apart where there is a second core');
    if (counting) assert.equal((await counting.applications())?.kind, 'read');
    // So small a file is read here before a thread could start: not split, unless told where.
    assert.equal(startCountingApart(request(folder, 'training.csv')), null);
    const split = startCountingApart(request(folder, 'training.csv', { trainingAt: 0 }));
    assert.equal(split !== null, availableParallelism() >= 2, 'a CSV training file is split where there is a second core');
    if (split) {
      assert.equal(split.applications(), null);
      assert.equal(split.trainingFrom, 'staff_id,course,mandatory,start_date\r\n'.length, 'split at the next line’s start');
      assert.equal((await split.training())?.kind, 'read');
    }
    for (const file of ['applications', 'training']) {
      assert.equal(startCountingApart(request(folder, `${file}.xlsx`, { trainingAt: 0 })), null);
      assert.equal(startCountingApart(request(folder, `${file}.csv`, { mapping: { ethnic_category: 'Ethnicity' }, trainingAt: 0 })), null);
      assert.equal(startCountingApart(request(folder, `${file}.csv`, { minBytes: 1024, trainingAt: 0 })), null);
    }
  });

  test('a thread that fails or stops before it answers is a clear error for each file it was reading, not a wait', async () => {
    const both = { applications: { path: '', file: 'applications.csv' }, training: { path: '', file: 'training.csv', from: 10 } };
    const thrown = new CountingApart(new Worker('throw new Error("a value from the file")', { eval: true }), both);
    for (const [outcome, file] of [[thrown.applications(), 'applications'], [thrown.training(), 'training']] as const) {
      await assert.rejects(outcome ?? Promise.resolve(), (error: Error) => {
        assert.match(error.message, new RegExp(`^${file}\\.csv could not be counted on its own thread \\(Error\\)`));
        assert.doesNotMatch(error.message, /a value from the file/);
        return true;
      });
    }
    const stopped = new CountingApart(new Worker('process.exit(3)', { eval: true }), { applications: both.applications, training: null });
    assert.equal(stopped.training(), null);
    await assert.rejects(stopped.applications() ?? Promise.resolve(), /stopped with code 3 before it finished/);
  });
});
