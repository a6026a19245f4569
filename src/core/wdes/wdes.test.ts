import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { application, boardMember, capability, dataset, ids, staff, wdesSurvey } from '../../../test/support/builders.ts';
import type { WorkforceDataset } from '../records.ts';
import { Z_95 } from '../stats/normal.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { countWdes } from './count.ts';
import { buildWdesReport, type WdesReport } from './report.ts';

/**
 * A hand-worked trust for the year to 31 March 2025: 20 Disabled staff (10 Band 5 nurses, 10 Band 3 admin),
 * 160 non-disabled (100 Band 5 nurses, 60 Band 8c admin), 15 not declared and 5 blank (Band 5 nurses), and 3
 * Disabled bank-only staff who count nowhere.
 */
function trust(): WorkforceDataset {
  const people = [
    ...ids('D', 10).map((id) => staff(id, 'A', { disability: 'yes' })),
    ...ids('D', 10, 11).map((id) => staff(id, 'A', { disability: 'yes', band: 'Band 3', group: 'Administrative and Clerical' })),
    ...ids('N', 100).map((id) => staff(id, 'H', { disability: 'no' })),
    ...ids('N', 60, 101).map((id) => staff(id, 'H', { disability: 'no', band: 'Band 8c', group: 'Administrative and Clerical' })),
    ...ids('U', 15).map((id) => staff(id, 'A', { disability: 'notDeclared' })),
    ...ids('U', 5, 16).map((id) => staff(id, 'A')),
    ...ids('B', 3).map((id) => staff(id, 'A', { disability: 'yes', bank: true })),
  ];
  const applications = [
    ...ids('AN', 100).map((id, i) => application(id, 'A', true, i < 30, { disability: 'no' })),
    ...ids('AD', 40).map((id, i) => application(id, 'A', true, i < 6, { disability: 'yes' })),
    ...ids('AU', 10).map((id, i) => application(id, 'A', true, i < 2, { disability: 'notDeclared' })),
    ...ids('AX', 30).map((id) => application(id, 'A', false, false, { disability: 'yes' })),
  ];
  const cases = [
    ...ids('D', 4).map((id, i) => capability(`C${i}`, id, '2024-06-01')),
    capability('C9', 'D005', '2024-03-31'), // the day before the year
    ...ids('N', 5).map((id, i) => capability(`K${i}`, id, '2024-07-01')),
    capability('K9', 'N005', '2025-02-01'), // a second case: the person counts once
    capability('L1', 'LEAVER', '2024-09-09', 'yes'), // not in staff.csv, counted by its own answer
    capability('B1', 'B001', '2024-09-09'), // bank-only
  ];
  const board = [
    boardMember('V1', 'A', true, true, 'yes'),
    ...ids('V', 8, 2).map((id, i) => boardMember(id, 'A', true, i < 3, 'no')),
    boardMember('V10', 'A', true, false, 'missing'),
    boardMember('NV1', 'A', false, true, 'yes'),
    boardMember('NV2', 'A', false, true, 'no'),
  ];
  const survey = [
    wdesSurvey('4a_patients', 'disabled', 50, 15), wdesSurvey('4a_patients', 'nonDisabled', 200, 50),
    wdesSurvey('8', 'disabled', 50, 36),
    wdesSurvey('9a', 'disabled', 50, null, 6.5), wdesSurvey('9a', 'nonDisabled', 200, null, 7.0), wdesSurvey('9a', 'overall', 260, null, 6.9),
  ];
  return dataset({
    staff: people, applications, capability: cases, board, wdesSurvey: survey,
    wdesNarrative: { answer: true, text: 'The network chair attends the board.', file: 'wdes_9b.txt' },
  });
}

function report(data: WorkforceDataset = trust()): WdesReport {
  const counted = countWdes(data, reportingPeriod(2025));
  if (!counted.ok) throw new Error(JSON.stringify(counted.problems));
  return buildWdesReport(counted.value);
}

function close(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);
}

describe('WDES', () => {
  const r = report();

  test('metric 1: shares over all non-bank staff, unknown split into not declared and blank, clusters summed from bands', () => {
    const m1 = r.metrics['1'];
    assert.equal(m1.overall.total, 200);
    assert.deepEqual(m1.overall.disabled, { count: 20, pct: 10 });
    assert.deepEqual(m1.overall.nonDisabled, { count: 160, pct: 80 });
    assert.deepEqual(m1.overall.unknown, { count: 20, pct: 10, notDeclared: 15, missing: 5 });
    close(m1.overall.declarationRate.pct, 90);
    const cluster = (staffCluster: string, label: string) => m1.clusters.find((c) => c.cluster === staffCluster && c.row.startsWith(label))!;
    assert.deepEqual(cluster('nonClinical', 'Cluster 1').disabled, { count: 10, pct: 100 });
    assert.equal(cluster('nonClinical', 'Cluster 4').nonDisabled.count, 60);
    const nurses = cluster('clinical', 'Cluster 2');
    assert.equal(nurses.total, 130);
    close(nurses.disabled.pct, (10 / 130) * 100);
    close(r.declarationRate.pct, 90);
  });

  test('metric 2: non-disabled rate ÷ Disabled rate among the shortlisted, with the applicants\' declaration rate', () => {
    const m2 = r.metrics['2'];
    assert.ok(m2.available);
    assert.deepEqual(m2.orientation, { numerator: 'nonDisabled', denominator: 'disabled' });
    close(m2.value, 0.3 / 0.15);
    const se = Math.sqrt(1 / 30 - 1 / 100 + 1 / 6 - 1 / 40);
    close(m2.ci95![0], 2 * Math.exp(-Z_95 * se));
    close(m2.ci95![1], 2 * Math.exp(Z_95 * se));
    assert.equal(m2.groups.unknown.population, 10);
    assert.deepEqual([m2.declarationRate.declared, m2.declarationRate.total], [140, 150]);
    assert.equal(m2.disadvantagedWhenAboveOne, 'disabled');
    assert.match(m2.statement, /^Non-disabled applicants were 2\.00 times as likely as Disabled applicants to be appointed from shortlisting\./);
  });

  test('metric 3: Disabled rate ÷ non-disabled rate of entering capability, a person once, out-of-year and bank left out', () => {
    const m3 = r.metrics['3'];
    assert.ok(m3.available);
    assert.equal(m3.groups.disabled.events, 5);
    assert.equal(m3.groups.disabled.population, 20);
    assert.equal(m3.groups.nonDisabled.events, 5);
    assert.equal(m3.groups.nonDisabled.population, 160);
    close(m3.value, (5 / 20) / (5 / 160));
    assert.equal(m3.excluded['bank-only staff'], 1);
    assert.equal(m3.excluded['dated outside the reporting year'], 1);
    assert.equal(m3.excluded['further rows for a person already counted'], 1);
    assert.deepEqual(m3.rollingTwoYear, { available: false, reason: "the previous year's (2024) files were not supplied" });
  });

  test('survey metrics, the engagement score and the narrative', () => {
    const m4 = r.metrics['4a_patients'];
    assert.ok(m4.available);
    assert.equal(m4.groups.disabled.pct, 30);
    assert.equal(m4.groups.nonDisabled.pct, 25);
    close(m4.differencePp, 5);
    assert.match(m4.statement, /^30\.0% of Disabled staff and 25\.0% of non-disabled staff experienced/);
    const m8 = r.metrics['8'];
    assert.ok(m8.available);
    assert.equal(m8.groups.disabled.pct, 72);
    assert.equal(m8.differencePp, null);
    const m9a = r.metrics['9a'];
    assert.ok(m9a.available);
    close(m9a.difference, -0.5);
    assert.equal(r.metrics['5'].available, false);
    assert.deepEqual(r.metrics['9b'], { id: '9b', title: r.metrics['9b'].title, available: true, answer: true, narrative: 'The network chair attends the board.' });
  });

  test('metric 10: each body against the workforce share, in points', () => {
    const m10 = r.metrics['10'];
    assert.ok(m10.available);
    close(m10.voting.differencePp, 10 - 10);
    close(m10.nonVoting.differencePp, 50 - 10);
    close(m10.executive.boardPct, (2 / 6) * 100);
    close(m10.executive.differencePp, (2 / 6) * 100 - 10);
    close(m10.nonExecutive.differencePp, -10);
    assert.deepEqual([m10.declarationRate.declared, m10.declarationRate.total], [11, 12]);
  });

  test('without applicants\' disability, metric 2 says why it is not available', () => {
    const data = trust();
    const noDisability = { ...data, applications: data.applications!.map((a) => ({ ...a, disability: 'missing' as const })) };
    const m2 = report(noDisability).metrics['2'];
    assert.equal(m2.available, false);
    if (!m2.available) assert.match(m2.reason, /no shortlisted applicant has a disability status/);
  });

  test('a capability case for someone not in staff.csv without a disability answer is a located error', () => {
    const data = dataset({ staff: trust().staff, capability: [capability('Z1', 'GHOST', '2024-05-05')] });
    const counted = countWdes(data, reportingPeriod(2025));
    assert.equal(counted.ok, false);
    if (!counted.ok) assert.match(counted.problems[0]!.message, /no disability/);
  });
});
