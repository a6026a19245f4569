import assert from 'node:assert/strict';
import { test } from 'node:test';
import { memoise } from './memoise.ts';
import { latestReportingYear } from './reporting-year.ts';
import { neutraliseFormula } from './spreadsheet-safe.ts';

test('text a spreadsheet would run as a formula is prefixed; other text is not', () => {
  for (const formula of ['=1+1', '+44', '-2', '@SUM(A1)', '\tx', '\rx']) assert.equal(neutraliseFormula(formula), `'${formula}`);
  for (const plain of ['White - British', 'Band 5', '', "'quoted"]) assert.equal(neutraliseFormula(plain), plain);
});

test('memoise calls the function once per distinct value, remembers null, and stops growing at its limit', () => {
  let calls = 0;
  const lookup = memoise((raw: string) => {
    calls += 1;
    return raw === 'none' ? null : raw.length;
  }, 2);
  assert.equal(lookup('abc'), 3);
  assert.equal(lookup('abc'), 3);
  assert.equal(lookup('none'), null);
  assert.equal(lookup('none'), null);
  assert.equal(calls, 2);
  lookup('overflow');
  lookup('overflow');
  assert.equal(calls, 4);
  // What was remembered before the limit is still answered from memory.
  assert.equal(lookup('abc'), 3);
  assert.equal(calls, 4);
});

test('memoise answers values past its limit with pastLimit when one is given', () => {
  const kept = memoise((raw: string) => `kept ${raw}`, 1, (raw) => `passed ${raw}`);
  assert.equal(kept('a'), 'kept a');
  assert.equal(kept('b'), 'passed b');
  assert.equal(kept('a'), 'kept a');
});

test('memoise gives each value its own answer when many share a place in the table in front of the cache', () => {
  const lookup = memoise((raw: string) => `read ${raw}`, 100);
  // Same length, and the same first, middle and last characters: one place for them all.
  const values = Array.from({ length: 1000 }, (_, i) => String(i).padStart(4, '0').replace(/^(..)(..)$/, 'x$1Q$2y'));
  assert.equal(values[123], 'x01Q23y');
  for (let round = 0; round < 3; round += 1) for (const value of values) assert.equal(lookup(value), `read ${value}`);
  const long = 'White - British, from a longer text';
  assert.equal(lookup(long.slice(0, 15)), 'read White - British');
  assert.equal(lookup('White - British'), 'read White - British');
  assert.equal(lookup(''), 'read ');
});

test('the latest reporting year turns on 1 April', () => {
  assert.equal(latestReportingYear(new Date('2026-03-31T23:59:59Z')), 2025);
  assert.equal(latestReportingYear(new Date('2026-04-01T00:00:00Z')), 2026);
});
