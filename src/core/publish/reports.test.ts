import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { publicReports } from './reports.ts';

const POLICY = DEFAULT_DISCLOSURE_POLICY;
const category = (key: string, reports: number | null) => ({ key, label: key, reports });

test('counts already controlled pass through, with the number withheld', () => {
  const r = publicReports(2025, 40, [category('colleagues', 20), category('managers', null), category('patients', null), category('other', 0)], POLICY);
  assert.equal(r.total, 40);
  assert.equal(r.withheld, 2);
});

test('a total beside exactly one withheld category is withheld, so the category is not the total less the rest', () => {
  const r = publicReports(2025, 30, [category('colleagues', 25), category('managers', null), category('other', 0)], POLICY);
  assert.equal(r.total, null);
  assert.equal(r.withheld, 2);
});

test('a count of 1 to 7 never reaches a published report', () => {
  assert.throws(() => publicReports(2025, 30, [category('colleagues', 27), category('managers', 3)], POLICY), /not controlled/);
  assert.throws(() => publicReports(2025, 5, [category('colleagues', null), category('managers', null)], POLICY), /not controlled/);
  assert.equal(publicReports(2025, 0, [category('colleagues', 0)], POLICY).total, 0, 'zero is not disclosive');
});
