import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataset, ids, staff } from '../../../test/support/builders.ts';
import { countWdes } from '../wdes/count.ts';
import { buildWdesReport } from '../wdes/report.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';

test('WDES metric 1 has the pipeline of Disabled against non-disabled staff, undeclared and medical staff left out', () => {
  const people = [
    ...ids('D5', 30).map((id) => staff(id, 'A', { band: 'Band 5', disability: 'yes' })),
    ...ids('N5', 270).map((id) => staff(id, 'H', { band: 'Band 5', disability: 'no' })),
    ...ids('U5', 100).map((id) => staff(id, 'A', { band: 'Band 5', disability: 'notDeclared' })),
    ...ids('D6', 10).map((id) => staff(id, 'A', { band: 'Band 6', disability: 'yes', group: 'Administrative and Clerical' })),
    ...ids('N6', 190).map((id) => staff(id, 'A', { band: 'Band 6', disability: 'no' })),
    ...ids('D8', 2).map((id) => staff(id, 'A', { band: 'Band 8a', disability: 'yes' })),
    ...ids('N8', 78).map((id) => staff(id, 'A', { band: 'Band 8a', disability: 'no' })),
    ...ids('MD', 40).map((id) => staff(id, 'A', { band: 'Consultant', group: 'Medical and Dental', disability: 'yes' })),
  ];
  const counted = countWdes(dataset({ staff: people }), reportingPeriod(2025));
  assert.ok(counted.ok);
  const p = buildWdesReport(counted.value).metrics['1'].pipeline;
  assert.equal(p.base, 'Band 5');
  assert.deepEqual(p.steps.map((s) => [s.band, s.nonDisabled, s.disabled]), [['Band 5', 270, 30], ['Band 6', 190, 10], ['Band 8a', 78, 2]]);
  // Band 6 against Band 5: (10 ÷ 30) ÷ (190 ÷ 270) = 0.3333 ÷ 0.7037 = 0.4737.
  const [, six, eight] = p.steps;
  assert.ok(Math.abs(six!.step!.value! - (10 / 30) / (190 / 270)) < 1e-12);
  assert.ok(Math.abs(six!.step!.value! - 0.47368) < 1e-5);
  // Band 8a against Band 5: (2 ÷ 30) ÷ (78 ÷ 270) = 0.2308, resting on 2 Disabled staff: small numbers.
  assert.ok(Math.abs(eight!.cumulative!.value! - (2 / 30) / (78 / 270)) < 1e-12);
  assert.equal(eight!.smallNumbers, true);
  // The reading takes the highest band resting on enough people: Band 6.
  assert.equal(p.statement, 'Compounded up the ladder, Disabled staff are 0.47 times as likely as non-disabled staff to be in Band 6 rather than Band 5: their share thins out going up.');
});
