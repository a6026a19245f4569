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
});

test('the latest reporting year turns on 1 April', () => {
  assert.equal(latestReportingYear(new Date('2026-03-31T23:59:59Z')), 2025);
  assert.equal(latestReportingYear(new Date('2026-04-01T00:00:00Z')), 2026);
});
