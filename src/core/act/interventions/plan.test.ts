import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkIntervention } from './plan.ts';

const valid = { source: 'diverse-interview-panels', ownerName: ' Bo Lead ', ownerRole: 'Director of People', startDate: '2025-04-01', status: 'in-progress' };

test('a catalogue entry with an owner, a start and a status is accepted, text trimmed and networks one a line', () => {
  const check = checkIntervention({ ...valid, staffNetworks: 'Race Equality Network\r\n\r\n Disability Network \nRace Equality Network', cost: '£12,500.50', shareEvaluation: 'yes' });
  assert.ok(check.ok);
  assert.deepEqual(check.terms, {
    catalogueId: 'diverse-interview-panels', own: null, ownerName: 'Bo Lead', ownerRole: 'Director of People', startDate: '2025-04-01', endDate: null,
    status: 'in-progress', staffNetworks: ['Race Equality Network', 'Disability Network'], cost: 12500.5, shareEvaluation: true,
  });
});

test('a team-written intervention needs its name and description; a catalogue id is checked against the catalogue', () => {
  const own = checkIntervention({ ...valid, source: 'own', name: 'Exit interviews', description: 'Every leaver is asked why.' });
  assert.ok(own.ok);
  assert.deepEqual(own.terms.own, { name: 'Exit interviews', description: 'Every leaver is asked why.' });
  assert.equal(own.terms.catalogueId, null);
  const missing = checkIntervention({ ...valid, source: 'own' });
  assert.deepEqual(!missing.ok && missing.problems.map((p) => p.field), ['name', 'description']);
  const unknown = checkIntervention({ ...valid, source: 'homeopathy' });
  assert.deepEqual(!unknown.ok && unknown.problems.map((p) => p.message), ['Choose an intervention that is in the catalogue']);
});

test('every problem is named: no source, owner, role or status; impossible dates; an end before the start; a bad cost', () => {
  const check = checkIntervention({ startDate: '2025-02-30', endDate: '2024-13-01', cost: 'lots' });
  assert.deepEqual(!check.ok && check.problems.map((p) => p.field), ['source', 'ownerName', 'ownerRole', 'startDate', 'endDate', 'status', 'cost']);
  const backwards = checkIntervention({ ...valid, endDate: '2025-03-31' });
  assert.deepEqual(!backwards.ok && backwards.problems.map((p) => p.message), ['End date must be the same as or after the start date']);
  const negative = checkIntervention({ ...valid, cost: '-5' });
  assert.deepEqual(!negative.ok && negative.problems.map((p) => p.field), ['cost']);
});

test('an intervention in progress, completed or stopped needs its start date; a planned one does not', () => {
  const started = checkIntervention({ ...valid, startDate: '' });
  assert.deepEqual(!started.ok && started.problems.map((p) => p.message), ['Enter the start date of an intervention that has started']);
  const planned = checkIntervention({ ...valid, startDate: '', status: 'planned' });
  assert.ok(planned.ok);
  assert.equal(planned.terms.startDate, null);
  assert.equal(planned.terms.shareEvaluation, false);
});
