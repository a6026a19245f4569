import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { TrainingRecord } from '../core/records.ts';
import { csv, csvTable } from './test-support.ts';
import { readTraining } from './training.ts';
import { TrainingPartCollector, TrainingPartGiver, type TrainingPiece } from './training-part.ts';

const HEADER = 'staff_id,course,mandatory,start_date,ethnic_category';

/** The pieces `records` are sent as, and whether they could all be carried. */
function carry(records: readonly TrainingRecord[]): { pieces: TrainingPiece[]; carried: boolean } {
  const pieces: TrainingPiece[] = [];
  const collector = new TrainingPartCollector((piece) => pieces.push(structuredClone(piece)));
  for (const training of records) collector.add(training);
  return { pieces, carried: collector.end() };
}

function give(pieces: readonly TrainingPiece[], rowOffset: number): TrainingRecord[] {
  const given: TrainingRecord[] = [];
  const giver = new TrainingPartGiver('training.csv', rowOffset, (training) => given.push(training));
  for (const piece of pieces) giver.give(piece);
  return given;
}

describe('a training file’s part carried to another thread', () => {
  test('gives back the very records, the same ethnicity objects, rows numbered on from the offset, across pieces', async (t) => {
    const spellings = ['', 'A', 'White - British', 'H', 'Indian', 'CP', 'Black - Somali', 'Roma', 'Z'];
    const lines = Array.from({ length: 40_000 }, (_, i) => {
      const date = `2024-${String(1 + (i % 12)).padStart(2, '0')}-0${1 + (i % 9)}`;
      return `S${i % 977},Course ${i % 31},${i % 5 === 0 ? 'Yes' : 'No'},${date},${spellings[i % spellings.length]}`;
    });
    // Blank rows make gaps in the row numbers; a course first seen in a later piece extends the list there.
    lines.splice(100, 0, '', '');
    lines.push('S1,A course only at the end,No,2024-05-01,Roma');
    const table = await csvTable(t, csv(HEADER, ...lines), 'training.csv');
    const read = readTraining(table);
    assert.ok(read.ok);
    const { pieces, carried } = carry(read.records);
    assert.equal(carried, true);
    assert.equal(pieces.length, 3, 'pieces of 16,384 records');
    const given = give(pieces, 1000);
    assert.deepEqual(given, read.records.map((r) => ({ ...r, source: { file: 'training.csv', row: r.source.row + 1000 } })));
    for (const [i, training] of given.entries()) assert.equal(training.ethnicity, read.records[i]?.ethnicity, `row ${i}: the same object`);
  });

  test('a part it cannot carry exactly (a gap of more rows than its fields hold) is refused, to be read whole', async (t) => {
    const table = await csvTable(t, csv(HEADER, 'S1,CPD,No,2024-05-01,'), 'training.csv');
    const read = readTraining(table);
    assert.ok(read.ok && read.records[0]);
    const far = { ...read.records[0], source: { file: 'training.csv', row: 70_000 } };
    assert.equal(carry([read.records[0], far]).carried, false);
    const empty = carry([]);
    assert.equal(empty.carried, true);
    assert.deepEqual(give(empty.pieces, 5), []);
  });
});
