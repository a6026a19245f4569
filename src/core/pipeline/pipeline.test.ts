import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataset, ids, staff } from '../../../test/support/builders.ts';
import { Z_95 } from '../stats/normal.ts';
import { countWres } from '../wres/count.ts';
import { buildWresReport } from '../wres/report.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { pipeline, ratioOfRatios } from './pipeline.ts';

test('worked example: 100 of 300 ethnic minority and 400 of 600 White staff step up → 0.50', () => {
  const r = ratioOfRatios(100, 300, 400, 600);
  assert.equal(r.value, 0.5);
  const se = Math.sqrt(1 / 100 + 1 / 300 + 1 / 400 + 1 / 600);
  assert.ok(Math.abs(r.ci95![0] - 0.5 * Math.exp(-Z_95 * se)) < 1e-12);
  assert.deepEqual(ratioOfRatios(0, 10, 5, 5), { value: null, ci95: null });
});

test('steps compound: the cumulative figure is the product of the steps, medical grades and unknowns left out', () => {
  const people = [
    ...ids('E5', 300).map((id) => staff(id, 'H', { band: 'Band 5' })),
    ...ids('W5', 600).map((id) => staff(id, 'A', { band: 'Band 5' })),
    ...ids('E6', 100).map((id) => staff(id, 'H', { band: 'Band 6', group: 'Administrative and Clerical' })),
    ...ids('W6', 400).map((id) => staff(id, 'A', { band: 'Band 6' })),
    ...ids('E7', 20).map((id) => staff(id, 'N', { band: 'Band 7' })),
    ...ids('W7', 160).map((id) => staff(id, 'B', { band: 'Band 7' })),
    ...ids('U7', 50).map((id) => staff(id, 'Z', { band: 'Band 7' })),
    ...ids('MD', 40).map((id) => staff(id, 'H', { band: 'Consultant', group: 'Medical and Dental' })),
  ];
  const counted = countWres(dataset({ staff: people }), reportingPeriod(2025));
  assert.ok(counted.ok);
  const p = pipeline(buildWresReport(counted.value).indicators['1'].rows);
  assert.equal(p.base, 'Band 5');
  assert.deepEqual(p.steps.map((s) => s.band), ['Band 5', 'Band 6', 'Band 7']);
  const [, six, seven] = p.steps;
  assert.equal(six!.step!.value, 0.5);
  assert.equal(seven!.step!.value, (20 / 100) / (160 / 400));
  assert.ok(Math.abs(seven!.cumulative!.value! - six!.step!.value! * seven!.step!.value!) < 1e-12);
  assert.equal(seven!.ethnicMinority, 20);
  assert.match(p.statement, /0\.25 times as likely as White staff to be in Band 7 rather than Band 5: their share thins out going up/);
});
