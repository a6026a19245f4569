import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { HeadlineFigure } from '../act/headline.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { EVALUATIONS_SCHEMA, FIGURES_SCHEMA, figureCells, OBJECTIVES_SCHEMA, WITHHELD } from './open-data.ts';
import { correctionNoteProblem, publicFigure, type PublicFigure, summarise } from './report.ts';

const ID = { year: 2025, standard: 'wres', indicator: '2', title: 'Relative likelihood of appointment', kind: 'ratio' } as const;
const ratio = (counts: [number, number, number, number], value = 1.5): HeadlineFigure => ({
  year: 2025, kind: 'ratio', value, ci95: [1.2, 1.9], smallNumbers: false, parity: 1,
  counts: [{ group: 'white', events: counts[0], population: counts[1] }, { group: 'ethnicMinority', events: counts[2], population: counts[3] }],
});
const shown = (figure: HeadlineFigure) => publicFigure(ID, { available: true, figure }, 'White applicants were 1.50 times as likely.', DEFAULT_DISCLOSURE_POLICY);

describe('publishing a figure', () => {
  test('a figure whose counts are all 0 or 8 and more is published whole, with its sentence', () => {
    const f = shown(ratio([300, 1000, 0, 400]));
    assert.equal(f.status, 'shown');
    assert.equal(f.value, 1.5);
    assert.deepEqual(f.ci95, [1.2, 1.9]);
    assert.equal(f.counts.length, 2);
    assert.equal(f.statement, 'White applicants were 1.50 times as likely.');
  });

  test('a count of 1 to 7 anywhere (events, people, or people without the event) withholds the whole figure', () => {
    for (const counts of [[300, 1000, 7, 400], [300, 1000, 20, 5], [300, 1000, 395, 400], [1, 1000, 20, 400]] as [number, number, number, number][]) {
      const f = shown(ratio(counts));
      assert.equal(f.status, 'withheld', counts.join(','));
      assert.equal(f.value, null);
      assert.equal(f.ci95, null);
      assert.deepEqual(f.counts, []);
      assert.equal(f.statement, null);
      assert.match(f.note!, /between 1 and 7/);
    }
    // 8 is not disclosive: 392 of 400 leaves 8 without the event.
    assert.equal(shown(ratio([300, 1000, 392, 400])).status, 'shown');
  });

  test('an unavailable figure says why', () => {
    const f = publicFigure(ID, { available: false, reason: 'applications.csv was not supplied' }, null, DEFAULT_DISCLOSURE_POLICY);
    assert.equal(f.status, 'unavailable');
    assert.equal(f.note, 'Not available: applications.csv was not supplied.');
  });

  test('in the open data a withheld figure is "*" in every number, an absent number is empty', () => {
    const withheld = figureCells(shown(ratio([300, 1000, 3, 400])));
    const names = FIGURES_SCHEMA.fields.map((f) => f.name).slice(3);
    const cell = (name: string, cells: unknown[]) => cells[names.indexOf(name)];
    for (const name of ['value', 'ci95_low', 'ci95_high', 'events_1', 'population_1', 'events_2', 'population_2']) assert.equal(cell(name, withheld), WITHHELD, name);
    assert.equal(cell('status', withheld), 'withheld');
    const board: PublicFigure = { ...shown(ratio([300, 1000, 20, 400])), counts: [{ group: 'board', events: 9, population: 12 }], kind: 'representationGap', ci95: null };
    const cells = figureCells(board);
    assert.equal(cell('ci95_low', cells), null);
    assert.equal(cell('group_2', cells), null);
    assert.equal(cells.length, names.length);
  });

  test('every schema names its primary key among its fields, and the missing values are "" and "*"', () => {
    for (const schema of [FIGURES_SCHEMA, OBJECTIVES_SCHEMA, EVALUATIONS_SCHEMA]) {
      const names = schema.fields.map((f) => f.name);
      assert.ok(schema.primaryKey.every((k) => names.includes(k)));
      assert.equal(new Set(names).size, names.length);
      assert.deepEqual(schema.missingValues, ['', '*']);
    }
  });
});

describe('the summary and corrections', () => {
  const report = (figures: PublicFigure[]) => ({
    organisation: { code: 'RXX', name: 'Example Trust', synthetic: false }, year: 2025, disclosure: { minimumCellSize: 8 },
    standards: [{ id: 'wres', name: 'Workforce Race Equality Standard', shortName: 'WRES', figures }], objectives: [],
  });

  test('names how many figures are shown and withheld, each relative likelihood that stands out in its own words, and how many are within 0.80 to 1.25', () => {
    const out = shown(ratio([300, 1000, 100, 1000], 3));
    const within = { ...shown(ratio([300, 1000, 280, 1000], 1.07)), indicator: '4', ci95: [0.9, 1.2] as const, statement: 'Within.' };
    const wide = { ...shown(ratio([300, 1000, 250, 1000], 1.4)), indicator: '3', ci95: [0.9, 2.1] as const, statement: 'Wide.' };
    const hidden = shown(ratio([300, 1000, 2, 1000]));
    const sentences = summarise(report([out, within, wide, hidden]));
    assert.equal(sentences[0], "This is Example Trust's report on workforce equality for the year to 31 March 2025 (WRES). It gives 3 figures, each with the counts behind it; 1 more is withheld because it rests on fewer than 8 people, who could be identified.");
    assert.deepEqual(sentences.slice(1), [
      'White applicants were 1.50 times as likely.',
      '1 of the 3 relative likelihoods shown is within 0.80 to 1.25, the range NHS England treats as no adverse difference between groups.',
    ]);
  });

  test('a first version needs no note; a correction needs one that says something', () => {
    assert.equal(correctionNoteProblem('', false), null);
    assert.match(correctionNoteProblem('  ', true)!, /Say what changed/);
    assert.match(correctionNoteProblem('fixed', true)!, /at least 10 characters/);
    assert.equal(correctionNoteProblem('Indicator 2 used last year\'s applications file.', true), null);
    assert.match(correctionNoteProblem('x'.repeat(2001), true)!, /at most 2000/);
  });
});
