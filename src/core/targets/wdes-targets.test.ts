import assert from 'node:assert/strict';
import { test } from 'node:test';
import { dataset, ids, staff } from '../../../test/support/builders.ts';
import { WDES_COMPARED } from '../disability/characteristic.ts';
import type { DisabilityStatus } from '../records.ts';
import { countWdes } from '../wdes/count.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { bandShareYearOf, WDES_TARGET_GROUP } from './band-shares.ts';
import { modelEmployerTargetsFor } from './model-employer.ts';

/** People in a band: so many Disabled, not declared and non-disabled. */
function band(prefix: string, name: string, disabled: number, notDeclared: number, nonDisabled: number) {
  const make = (p: string, n: number, disability: DisabilityStatus) => ids(`${prefix}${p}`, n).map((id) => staff(id, 'A', { band: name, disability }));
  return [...make('D', disabled, 'yes'), ...make('U', notDeclared, 'notDeclared'), ...make('N', nonDisabled, 'no')];
}

function year(y: number, bands: ReturnType<typeof band>[]) {
  const counted = countWdes(dataset({ staff: bands.flat() }), reportingPeriod(y));
  assert.ok(counted.ok);
  return bandShareYearOf(WDES_COMPARED, y, counted.value.workforce);
}

test('Disabled staff in the senior bands, by hand: the goal is the whole workforce’s Disabled share', () => {
  // 2024: 400 staff, 24 Disabled → goal 6.0%. Band 8a: 1 of 100 (1.0%, 5 not declared count in the 100); Band 8b: 0 of 10.
  const y2024 = year(2024, [band('A', 'Band 5', 23, 20, 247), band('B', 'Band 8a', 1, 5, 94), band('C', 'Band 8b', 0, 0, 10)]);
  // 2025: Band 8a 3 of 100 (3.0%) against a trajectory of 1 + (6 − 1) ÷ 10 = 1.5%; Band 8b 0 of 10 against 0.6%.
  const y2025 = year(2025, [band('A', 'Band 5', 23, 20, 247), band('B', 'Band 8a', 3, 5, 92), band('C', 'Band 8b', 0, 0, 10)]);
  const result = modelEmployerTargetsFor(WDES_TARGET_GROUP, [y2025, y2024]);
  assert.ok(result.ok);
  const t = result.value;
  assert.equal(t.goal.pct, 6);
  assert.deepEqual({ disabled: t.goal.workforce.disabled, total: t.goal.workforce.total }, { disabled: 24, total: 400 });
  const a = t.bands.find((b) => b.band === 'Band 8a')!;
  assert.equal(a.baseline.pct, 1);
  assert.equal(a.current.trajectoryPct, 1.5);
  assert.deepEqual([a.current.actual.disabled, a.current.actual.total, a.current.actual.pct], [3, 100, 3]);
  assert.equal(a.current.status, 'on-track');
  assert.equal(a.headsNeededAtHorizon, 3); // ⌈6.0 − 3⌉
  assert.equal(a.statement, 'In 2025, 3.0% of staff in Band 8a (3 of 100) are Disabled, compared with 1.5% on the trajectory: on track. At today\'s size the band needs 3 more Disabled members of staff to reach the goal of 6.0% by 2034.');
  const b = t.bands.find((x) => x.band === 'Band 8b')!;
  assert.equal(b.current.status, 'behind');
  assert.ok(Math.abs(b.current.trajectoryPct - 0.6) < 1e-12);
  assert.equal(b.headsNeededThisYear, 1); // ⌈0.06 − 0⌉
  assert.match(b.statement, /It would take 1 more Disabled member of staff to be on the trajectory this year/);
  assert.ok(t.notes.some((n) => /NHS England has published no Model Employer goal for disability/.test(n)));
  assert.ok(t.notes.some((n) => /The goal is the Disabled share of the whole workforce in 2024 \(6\.0%\)/.test(n)));
});
