import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrainingRecord } from '../core/records.ts';
import { csv, csvTable } from './test-support.ts';
import { readTraining } from './training.ts';
import { replayTrainingPart, TrainingPartCollector } from './training-part.ts';

const HEADER = 'staff_id,course,mandatory,start_date,ethnic_category';

describe('a training file’s part carried to another thread', () => {
  test('gives back the very records, the same ethnicity objects, rows numbered on from the offset, across chunks', async (t) => {
    const spellings = ['', 'A', 'White - British', 'H', 'Indian', 'CP', 'Black - Somali', 'Roma', 'Z'];
    const lines = Array.from({ length: 40_000 }, (_, i) => `S${i % 977},Course ${i % 31},${i % 5 === 0 ? 'Yes' : 'No'},2024-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)},${spellings[i % spellings.length]}`);
    // Blank rows make gaps in the row numbers.
    lines.splice(100, 0, '', '');
    const table = await csvTable(t, csv(HEADER, ...lines), 'training.csv');
    const read = readTraining(table);
    assert.ok(read.ok);
    const collector = new TrainingPartCollector();
    for (const training of read.records) collector.add(training);
    const part = collector.take();
    assert.ok(part !== null);
    assert.ok(part.chunks.length > 1, 'more than one chunk');
    const given: TrainingRecord[] = [];
    replayTrainingPart(part, 'training.csv', 1000, (training) => given.push(training));
    assert.deepEqual(given, read.records.map((r) => ({ ...r, source: { file: 'training.csv', row: r.source.row + 1000 } })));
    for (const [i, training] of given.entries()) assert.equal(training.ethnicity, read.records[i]?.ethnicity, `row ${i}: the same object`);
  });

  test('a part it cannot carry exactly (a gap of more rows than its fields hold) is refused, to be read whole', async (t) => {
    const table = await csvTable(t, csv(HEADER, 'S1,CPD,No,2024-05-01,'), 'training.csv');
    const read = readTraining(table);
    assert.ok(read.ok && read.records[0]);
    const collector = new TrainingPartCollector();
    collector.add(read.records[0]);
    collector.add({ ...read.records[0], source: { file: 'training.csv', row: 70_000 } });
    assert.equal(collector.take(), null);
    const empty = new TrainingPartCollector().take();
    const given: TrainingRecord[] = [];
    assert.ok(empty !== null);
    replayTrainingPart(empty, 'training.csv', 5, (training) => given.push(training));
    assert.deepEqual(given, []);
  });
});
