import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { availableParallelism } from 'node:os';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { StreamCount, StreamedKind } from '../core/counting/stream-count.ts';
import { STREAM_COUNTERS } from '../core/standards/stream-counters.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { countWorkforceFolder, loadWorkforceFolder } from './load-folder.ts';
import { processReadLimits, type ReadLimits } from './limits.ts';
import { csv, tempDir, writeFixture } from './test-support.ts';

const YEAR = 2025;
const period = reportingPeriod(YEAR);
const twoCores = availableParallelism() >= 2;

type Standard = keyof typeof STREAM_COUNTERS;

/** A standard's counter, noting each kind it is opened for: a file read again from its start opens its kind again. */
function watchedCounter(standard: Standard) {
  const inner = STREAM_COUNTERS[standard](period) as StreamCount<unknown>;
  const opened: StreamedKind[] = [];
  const count: StreamCount<unknown> = {
    open: (kind) => {
      opened.push(kind);
      return inner.open(kind);
    },
    finish: (kept) => inner.finish(kept),
    separable: inner.separable ?? [],
    takePart: (kind) => inner.takePart?.(kind),
    adoptPart: (kind, part) => inner.adoptPart?.(kind, part),
  };
  return { count, timesTrainingOpened: () => opened.filter((kind) => kind === 'training').length };
}

/** The folder counted with training.csv split at the line start after `at`, and on one thread, and loaded. */
async function splitAndWhole(folder: string, at: number, limits: ReadLimits = processReadLimits(), standard: Standard = 'wres') {
  const watched = watchedCounter(standard);
  const twin = { standard, year: YEAR, minBytes: 0, trainingAt: at };
  const split = await countWorkforceFolder(folder, { year: YEAR, limits }, watched.count, twin);
  const whole = await countWorkforceFolder(folder, { year: YEAR, limits }, STREAM_COUNTERS[standard](period) as StreamCount<unknown>);
  const loaded = await loadWorkforceFolder(folder, { year: YEAR, limits });
  return { split, whole, loaded, timesTrainingOpened: watched.timesTrainingOpened() };
}

const STAFF = csv(
  'staff_id,ethnic_category,pay_band,staff_group,assignment_category',
  'S1,A,Band 5,Nursing,Permanent',
  'S2,H,Band 6,Nursing,Permanent',
  'S3,M,Band 7,Nursing,Permanent',
  'S4,A,Band 5,Nursing,Bank',
);

/** Lines of training.csv, written with CRLF; quoted values, one across a line break, blank lines, no final break. */
const TRAINING_LINES = [
  'staff_id,course,mandatory,start_date,ethnic_category',
  'S1,"Leadership, level 1",No,2024-05-01,',
  'S2,CPD,No,2024-06-01,H',
  '',
  'S3,"Coaching',
  'with a line break",No,2024-07-01,',
  'S1,CPD,No,2024-07-02,A',
  ',,,,',
  'S9,Fire safety,Yes,2024-08-01,',
  'S2,CPD,No,2023-01-01,',
  'S4,CPD,No,2024-09-01,',
  'S5,"Quoted ""word""",No,2024-10-01,R',
  'S3,CPD,No,2025-01-01,',
];
const TRAINING = TRAINING_LINES.join('\r\n');

/** Where each line of `text` starts, after the first. */
function lineStarts(text: string): number[] {
  const starts: number[] = [];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts.filter((start) => start < Buffer.byteLength(text));
}

describe('the training file read in two parts, the second on another thread', { skip: !twoCores && 'one core: nothing is read apart' }, () => {
  test('a generated folder split anywhere gives exactly the counts, notes and sources of reading it on one thread', async (t) => {
    const folder = tempDir(t);
    await writeSyntheticTrust(folder, { year: YEAR, seed: 5, staff: 600, applications: 900 });
    const size = statSync(join(folder, 'training.csv')).size;
    for (const at of [0, Math.floor(size / 3), Math.floor(size / 2), size - 200]) {
      const { split, whole, timesTrainingOpened } = await splitAndWhole(folder, at);
      assert.equal(split.ok && split.counted.ok, true);
      assert.equal(JSON.stringify(split), JSON.stringify(whole), `split at ${at}`);
      assert.equal(timesTrainingOpened, 1, `split at ${at}: read in two parts, not again from the start`);
    }
    // Standards that do not count training still read and check it in two parts, with the same output.
    for (const standard of ['wdes', 'medical'] as const) {
      const { split, whole } = await splitAndWhole(folder, Math.floor(size / 2), processReadLimits(), standard);
      assert.equal(split.ok && split.counted.ok, true, standard);
      assert.equal(JSON.stringify(split), JSON.stringify(whole), standard);
    }
  });

  test('CRLF, quoted values, blank rows and no final line break: the same wherever it is split, even inside a quoted value', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', STAFF);
    writeFixture(folder, 'training.csv', TRAINING);
    const insideQuotedValue = Buffer.byteLength(TRAINING.slice(0, TRAINING.indexOf('with a line break')));
    const { whole: oneThread } = await splitAndWhole(folder, 0);
    assert.ok(oneThread.ok && oneThread.counted.ok, 'a file without problems');
    for (const start of lineStarts(TRAINING)) {
      const { split, whole, timesTrainingOpened } = await splitAndWhole(folder, start - 1);
      assert.equal(JSON.stringify(split), JSON.stringify(whole), `split at ${start}`);
      // Inside the quoted value the first part cannot end: the file is read whole (lazy-csv-table.test.ts shows why).
      if (start !== insideQuotedValue) assert.equal(timesTrainingOpened, 1, `split at ${start}`);
    }
    const { split } = await splitAndWhole(folder, 0);
    assert.ok(split.ok);
    const source = split.sources.find((s) => s.kind === 'training');
    assert.equal(source?.rows, 9);
    assert.ok(split.notes.includes('training.csv: 2 empty row(s) skipped'));
  });

  test('the counter’s problems in the second part name rows counted from the file’s start, and rows in the first', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', STAFF);
    // Row 7: S1 again with another ethnic category than on row 2; row 8: a leaver with no ethnic category.
    writeFixture(folder, 'training.csv', csv(
      'staff_id,course,mandatory,start_date,ethnic_category',
      'S1,CPD,No,2024-05-01,A', 'S2,CPD,No,2024-05-01,', '', 'S3,CPD,No,2024-05-01,', 'S2,CPD,No,2024-05-01,', 'S1,CPD,No,2024-06-01,H', 'S8,CPD,No,2024-06-01,',
    ));
    const text = readFileSync(join(folder, 'training.csv'), 'utf8');
    const { split, whole, timesTrainingOpened } = await splitAndWhole(folder, text.indexOf('S3,') - 1);
    assert.equal(timesTrainingOpened, 1);
    assert.ok(split.ok && !split.counted.ok);
    assert.deepEqual(split.counted.problems.map((p) => [p.row, p.column]), [[7, 'ethnic_category'], [8, 'staff_id']]);
    assert.match(split.counted.problems[0]?.message ?? '', /earlier row 2 \(A\)/);
    assert.equal(JSON.stringify(split), JSON.stringify(whole));
  });

  test('bad rows in either part: the file is read again whole, with the located problems of loading it', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', STAFF);
    const lines = ['staff_id,course,mandatory,start_date', 'S1,CPD,No,2024-05-01', 'S2,CPD,No,2024-05-01', 'S3,CPD,No,2024-05-01', 'S1,CPD,No,2024-06-01'];
    const middle = Buffer.byteLength(`${lines.slice(0, 3).join('\r\n')}\r\n`) - 1;
    for (const [bad, expectedRows] of [[1, [2]], [3, [4]], [-1, [2, 4]]] as const) {
      const withBad = lines.map((line, i) => (i === bad || (bad === -1 && (i === 1 || i === 3)) ? line.replace('No', 'Perhaps') : line));
      writeFixture(folder, 'training.csv', csv(...withBad));
      const { split, whole, loaded, timesTrainingOpened } = await splitAndWhole(folder, middle);
      assert.ok(!split.ok && !loaded.ok && !whole.ok);
      assert.deepEqual(split.problems.map((p) => p.row), expectedRows);
      assert.deepEqual(split.problems, loaded.problems);
      assert.deepEqual(split.problems, whole.problems);
      assert.equal(timesTrainingOpened, 2, 'read again from its start');
    }
  });

  test('a file over the row limit only when its parts are taken together: the limit’s problem, as when loading', async (t) => {
    const folder = tempDir(t);
    writeFixture(folder, 'staff.csv', STAFF);
    writeFixture(folder, 'training.csv', csv('staff_id,course,mandatory,start_date', 'S1,CPD,No,2024-05-01', 'S2,CPD,No,2024-05-01', 'S3,CPD,No,2024-05-01', 'S1,CPD,No,2024-06-01'));
    const limits = { ...processReadLimits(), maxRows: 4 };
    const { split, loaded } = await splitAndWhole(folder, 50, limits);
    assert.ok(!split.ok && !loaded.ok);
    assert.deepEqual(split.problems, loaded.problems);
    assert.match(split.problems[0]?.message ?? '', /4/);
  });
});
