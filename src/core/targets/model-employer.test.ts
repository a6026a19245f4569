import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Cluster } from '../workforce/staff-group.ts';
import {
  actualShare,
  goalShare,
  headsNeeded,
  modelEmployerTargets,
  seniorBandHeadcounts,
  spcAssurance,
  trajectoryPct,
  trajectoryStatus,
  type BandTarget,
  type ModelEmployerTargets,
  type TargetYearInput,
} from './model-employer.ts';

type Row = [cluster: Cluster, row: string, total: number, ethnicMinority: number];

function year(y: number, overall: [total: number, ethnicMinority: number], rows: readonly Row[]): TargetYearInput {
  return {
    year: y,
    indicators: {
      '1': {
        overall: { total: overall[0], ethnicMinority: { count: overall[1] } },
        rows: rows.map(([cluster, row, total, em]) => ({ cluster, row, total, ethnicMinority: { count: em } })),
      },
    },
  };
}

const close = (actual: number | null | undefined, expected: number, tolerance = 1e-9) =>
  assert.ok(actual !== null && actual !== undefined && Math.abs(actual - expected) < tolerance, `${actual} ≈ ${expected}`);

function ok(result: ReturnType<typeof modelEmployerTargets>): ModelEmployerTargets {
  assert.ok(result.ok, result.ok ? '' : result.reason);
  return result.value;
}

function band(targets: ModelEmployerTargets, name: string): BandTarget {
  const found = targets.bands.find((b) => b.band === name);
  assert.ok(found, name);
  return found;
}

describe('Model Employer-style steps', () => {
  test('band headcounts add clinical and non-clinical rows and leave medical grades out', () => {
    const counts = seniorBandHeadcounts(year(2024, [0, 0], [
      ['nonClinical', 'Band 8a', 40, 4], ['clinical', 'Band 8a', 60, 6], ['medical', 'Consultants', 30, 12], ['clinical', 'Band 7', 90, 30],
    ]).indicators['1'].rows);
    assert.deepEqual(counts['Band 8a'], { ethnicMinority: 10, total: 100 });
    assert.deepEqual(counts['VSM'], { ethnicMinority: 0, total: 0 });
    assert.equal(Object.keys(counts).length, 6);
  });

  test('actual share in percent with a Wilson interval (15 of 100 → 9.3% to 23.3%)', () => {
    const share = actualShare(15, 100);
    close(share.pct, 15);
    close(share.ci95?.[0], 9.3060, 1e-4);
    close(share.ci95?.[1], 23.2836, 1e-4);
    assert.deepEqual(actualShare(0, 0), { ethnicMinority: 0, total: 0, pct: null, ci95: null });
  });

  test('goal: the workforce share by default, a local share when given', () => {
    assert.deepEqual(goalShare({ ethnicMinority: 2000, total: 10000 }), { pct: 20, source: 'workforce' });
    assert.deepEqual(goalShare({ ethnicMinority: 2000, total: 10000 }, 35), { pct: 35, source: 'local-population' });
    assert.equal(goalShare({ ethnicMinority: 0, total: 0 }), null);
  });

  test('trajectory: equal yearly steps from baseline to goal (10% in 2020 to 20% by 2030)', () => {
    close(trajectoryPct(10, 20, 2020, 2030, 2020), 10);
    close(trajectoryPct(10, 20, 2020, 2030, 2021), 11);
    close(trajectoryPct(10, 20, 2020, 2030, 2025), 15);
    close(trajectoryPct(10, 20, 2020, 2030, 2030), 20);
    assert.equal(trajectoryPct(10, 20, 2020, 2030, 2035), 20);
    close(trajectoryPct(10, 20, 2020, 2030, 2019), 10);
    // Already above the goal: the goal, not a falling line. Nobody at baseline: the goal throughout.
    close(trajectoryPct(30, 20, 2020, 2030, 2025), 20);
    close(trajectoryPct(null, 20, 2020, 2030, 2021), 20);
  });

  test('heads needed: rounded up, never below 0, and rounding error is not a person', () => {
    assert.equal(headsNeeded(20, 103, 10), 11); // 20.6 − 10 = 10.6
    assert.equal(headsNeeded(20, 100, 10), 10); // exactly 10
    assert.equal(headsNeeded(20, 100, 25), 0); // above goal
    assert.equal(headsNeeded(20, 0, 0), 0); // empty band
    assert.equal(headsNeeded(11, 103, 11), 1); // 11.33 − 11 = 0.33 → 1
    assert.equal(headsNeeded(14.000000000000002, 50, 7), 0); // 7.000000000000001 − 7 is rounding error
    assert.equal(headsNeeded(100 / 3, 3, 0), 1);
  });

  test('status by the point estimate, with whether the interval reaches the trajectory', () => {
    const behind = trajectoryStatus(actualShare(12, 100), 15, 20);
    assert.equal(behind.status, 'behind');
    assert.equal(behind.intervalReachesTrajectory, true); // 12 of 100: 7.0% to 19.8%
    assert.equal(trajectoryStatus(actualShare(1, 100), 15, 20).intervalReachesTrajectory, false);
    assert.equal(trajectoryStatus(actualShare(15, 100), 15, 20).status, 'on-track');
    assert.equal(trajectoryStatus(actualShare(20, 100), 15, 20).status, 'at-or-above-goal');
    assert.equal(trajectoryStatus(actualShare(0, 0), 15, 20).status, 'no-staff');
  });

  test('too few points for an SPC assurance reading, said plainly', () => {
    const one = spcAssurance(1);
    assert.equal(one.available, false);
    assert.match(one.reason, /only 1 yearly point; .*at least 12/);
    assert.match(spcAssurance(2).reason, /only 2 yearly points/);
  });
});

describe('Model Employer-style targets, two years by hand', () => {
  // 2024: 1,000 staff, 200 ethnic minority → goal 20%, horizon 2034.
  // Band 8a 100 staff, 10 ethnic minority (10%); Band 8b 50, 15 (30%, above goal); Band 8c 20, 2 (10%); Band 9 empty.
  const y2024 = year(2024, [1000, 200], [
    ['nonClinical', 'Band 8a', 40, 4], ['clinical', 'Band 8a', 60, 6],
    ['clinical', 'Band 8b', 50, 15], ['nonClinical', 'Band 8c', 20, 2], ['nonClinical', 'Band 8d', 10, 1], ['nonClinical', 'VSM', 8, 0],
    ['medical', 'Consultants', 100, 50],
  ]);
  // 2025: Band 8a 103 staff, 11 ethnic minority (10.68%, trajectory 11%); Band 8c 20, 3 (15%, trajectory 11%).
  const y2025 = year(2025, [1100, 230], [
    ['nonClinical', 'Band 8a', 43, 5], ['clinical', 'Band 8a', 60, 6],
    ['clinical', 'Band 8b', 52, 16], ['nonClinical', 'Band 8c', 20, 3], ['nonClinical', 'Band 8d', 10, 1], ['nonClinical', 'VSM', 8, 0],
  ]);
  const targets = ok(modelEmployerTargets([y2025, y2024]));

  test('baseline, horizon and goal', () => {
    assert.equal(targets.baselineYear, 2024);
    assert.equal(targets.horizonYear, 2034);
    assert.equal(targets.currentYear, 2025);
    assert.equal(targets.goal.pct, 20);
    assert.equal(targets.goal.source, 'workforce');
    assert.deepEqual(targets.bands.map((b) => b.band), ['Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM']);
    assert.equal(targets.assurance.points, 2);
  });

  test('a band behind its trajectory', () => {
    const b = band(targets, 'Band 8a');
    close(b.baseline.pct, 10);
    assert.equal(b.trajectory.length, 11);
    close(b.trajectory[1]?.pct, 11);
    close(b.trajectory[10]?.pct, 20);
    close(b.current.trajectoryPct, 11);
    close(b.current.actual.pct, (100 * 11) / 103);
    assert.equal(b.current.status, 'behind');
    assert.equal(b.headsNeededThisYear, 1); // ⌈11.33 − 11⌉
    assert.equal(b.headsNeededAtHorizon, 10); // ⌈20.6 − 11⌉
    assert.match(b.statement, /behind/);
    assert.match(b.statement, /1 more ethnic minority member of staff to be on the trajectory this year/);
    assert.doesNotMatch(b.statement, /BME|BAME/);
  });

  test('a band already above the goal', () => {
    const b = band(targets, 'Band 8b');
    assert.equal(b.current.status, 'at-or-above-goal');
    assert.equal(b.headsNeededAtHorizon, 0);
    assert.equal(b.headsNeededThisYear, 0);
    assert.ok(b.trajectory.every((p) => p.pct === 20));
    assert.match(b.statement, /at or above the goal of 20\.0%/);
  });

  test('a band on track', () => {
    const b = band(targets, 'Band 8c');
    assert.equal(b.current.status, 'on-track');
    assert.equal(b.headsNeededThisYear, 0); // ⌈2.2 − 3⌉ → 0
    assert.equal(b.headsNeededAtHorizon, 1); // ⌈4 − 3⌉
  });

  test('a band with nobody in it', () => {
    const b = band(targets, 'Band 9');
    assert.equal(b.baseline.pct, null);
    assert.equal(b.current.status, 'no-staff');
    assert.equal(b.current.actual.ci95, null);
    assert.equal(b.headsNeededAtHorizon, 0);
    assert.equal(b.headsNeededThisYear, 0);
    assert.match(b.statement, /nobody in it/);
  });
});

describe('Model Employer-style targets, options and edges', () => {
  const only = year(2025, [200, 50], [['nonClinical', 'Band 8a', 20, 2]]);

  test('one year only: the baseline is this year, so no band is behind yet', () => {
    const t = ok(modelEmployerTargets([only]));
    const b = band(t, 'Band 8a');
    assert.equal(t.baselineYear, 2025);
    assert.equal(t.horizonYear, 2035);
    assert.equal(b.years.length, 1);
    close(b.current.trajectoryPct, 10);
    assert.equal(b.current.status, 'on-track');
    assert.equal(b.headsNeededThisYear, 0);
    assert.equal(b.headsNeededAtHorizon, 3); // goal 25% of 20 = 5, less 2
    assert.match(t.assurance.reason, /only 1 yearly point/);
  });

  test('a chosen local share and horizon', () => {
    const t = ok(modelEmployerTargets([only], { goalPct: 40, horizonYear: 2030 }));
    assert.equal(t.goal.source, 'local-population');
    assert.equal(t.horizonYear, 2030);
    assert.equal(band(t, 'Band 8a').headsNeededAtHorizon, 6);
    assert.equal(band(t, 'Band 8a').trajectory.length, 6);
  });

  test('invalid options are refused with a reason', () => {
    assert.equal(modelEmployerTargets([]).ok, false);
    assert.equal(modelEmployerTargets([only], { goalPct: 0 }).ok, false);
    assert.equal(modelEmployerTargets([only], { goalPct: 101 }).ok, false);
    assert.equal(modelEmployerTargets([only], { horizonYear: 2025 }).ok, false);
    assert.equal(modelEmployerTargets([only], { baselineYear: 2020 }).ok, false);
    assert.equal(modelEmployerTargets([year(2025, [0, 0], [])]).ok, false);
  });
});
