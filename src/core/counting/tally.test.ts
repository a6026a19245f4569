import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { PairKeys, PairNumbers, RATIO_DIMENSIONS, Tally } from './tally.ts';

describe('PairKeys', () => {
  test('pairs alike get one key and pairs that differ get different keys, past 64 values of a dimension too', () => {
    const keys = new PairKeys();
    const seen = new Map<number | string, string>();
    for (let i = 0; i < 200; i += 1) {
      for (const category of ['A', 'H']) {
        for (const gender of [undefined, 'Women']) {
          const dimensions = [`group ${i}`, 'Band 5', undefined, 'x', gender, 'Disabled', 'White'];
          const key = keys.key(category, dimensions);
          const described = JSON.stringify([category, dimensions]);
          assert.equal(keys.key(category, [...dimensions]), key, 'the same pair, the same key');
          assert.equal(seen.get(key) ?? described, described, `one key for two pairs: ${described}`);
          seen.set(key, described);
        }
      }
    }
    assert.equal(seen.size, 800);
    assert.ok([...seen.keys()].some((key) => typeof key === 'string'), 'past 64 values, text keys');
  });
});

describe('PairNumbers', () => {
  test('numbers pairs 0, 1, 2… in the order first met, the same number for a pair met again, past 64 values too', () => {
    const pairs = new PairNumbers();
    const expected = new Map<string, number>();
    for (let round = 0; round < 2; round += 1) {
      for (let i = 0; i < 150; i += 1) {
        for (const category of ['A', 'H', 'Z']) {
          const dimensions = [`group ${i % 97}`, `Band ${i % 9}`, i % 2 ? `directorate ${i}` : undefined, 'x', i % 3 ? 'Women' : undefined, 'Disabled', 'White'];
          const described = JSON.stringify([category, dimensions]);
          if (!expected.has(described)) expected.set(described, expected.size);
          assert.equal(pairs.numberOf(category, [...dimensions]), expected.get(described), described);
        }
      }
    }
    assert.equal(pairs.size, expected.size);
    // Directorates past the 63rd (and staff groups past it) make text keys: both kinds were numbered above.
    assert.ok(expected.size > 400);
  });
});

describe('Tally', () => {
  test('cells are made in the order they are first met and a dimension not given is absent', () => {
    const tally = new Tally('ethnicity');
    const cells = tally.cells('H', ['Nursing', 'Band 5', undefined, 'No', 'Women', 'Disabled', 'Ethnic minority']);
    for (const cell of cells) cell.events += 1;
    tally.cells('A', ['Estates', 'Band 2', undefined, 'No', 'Men', 'Disabled', 'White'])[0]!.population += 2;
    const result = tally.result();
    assert.deepEqual(Object.keys(result.overall), ['H', 'A']);
    assert.deepEqual(Object.keys(result.byDimension), RATIO_DIMENSIONS.filter((d) => d !== 'ethnicity' && d !== 'directorate'));
    assert.deepEqual(result.byDimension.staffGroup, { Nursing: { H: { events: 1, population: 0 } }, Estates: { A: { events: 0, population: 0 } } });
    assert.deepEqual(result.overall['A'], { events: 0, population: 2 });
  });
});
