import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  application,
  boardMember,
  dataset,
  disciplinary,
  ids,
  staff,
  survey,
  training,
} from '../../../test/support/builders.ts';
import { Z_95 } from '../stats/normal.ts';
import type { WorkforceDataset } from '../records.ts';
import { countWres, type WresCounts } from './count.ts';
import { buildWresReport, type WresReport } from './report.ts';
import { reportingPeriod } from './reporting-period.ts';

/**
 * A hand-worked trust for the year to 31 March 2025:
 * - 100 White staff (A, B, C and the sub-code CP), all Band 5 nurses; 50 ethnic minority staff (40 Band 5 nurses
 *   coded H, N, PC and SC, 10 consultants coded N); 10 of unknown ethnicity (4 Z, 3 99, 3 blank), Band 3 admin;
 *   7 bank-only staff who must not count anywhere.
 */
const WHITE = ids('W', 100);
const MINORITY = ids('E', 50);
const whiteCodes = ['A', 'White - Irish', 'C', 'CP'];
const minorityCodes = ['H', 'Black or Black British - African', 'PC', 'SC'];

function trustStaff() {
  return [
    ...WHITE.map((id, i) => staff(id, whiteCodes[i % 4]!)),
    ...MINORITY.slice(0, 40).map((id, i) => staff(id, minorityCodes[i % 4]!)),
    ...MINORITY.slice(40).map((id) => staff(id, 'N', { band: 'Consultant', group: 'Medical and Dental' })),
    ...ids('U', 10).map((id, i) => staff(id, i < 4 ? 'Z' : i < 7 ? '99' : '', { band: 'Band 3', group: 'Administrative and Clerical' })),
    ...ids('B', 5).map((id) => staff(id, 'A', { bank: true })),
    ...ids('X', 2).map((id) => staff(id, 'H', { bank: true })),
  ];
}

function trust(): WorkforceDataset {
  const applications = [
    // White: 200 shortlisted, 60 appointed; 50 not shortlisted.
    ...ids('AW', 200).map((id, i) => application(id, 'A', true, i < 60, { group: 'Nursing and Midwifery Registered' })),
    ...ids('AN', 50).map((id) => application(id, 'A', false, false)),
    // Ethnic minority: Indian 60 shortlisted, 10 appointed; Black African 40 shortlisted, 5 appointed.
    ...ids('AH', 60).map((id, i) => application(id, 'H', true, i < 10, { group: 'Nursing and Midwifery Registered' })),
    ...ids('AB', 40).map((id, i) => application(id, 'N', true, i < 5, { group: 'Nursing and Midwifery Registered' })),
    // Unknown: 10 shortlisted, 2 appointed; reported, left out of the ratio.
    ...ids('AU', 10).map((id, i) => application(id, 'Z', true, i < 2)),
    // Dated after the year: left out.
    application('LATE', 'H', true, true, { date: '2025-04-01' }),
  ];
  const cases = [
    ...WHITE.slice(0, 4).map((id, i) => disciplinary(`C${i}`, id, '2024-06-01')),
    disciplinary('C10', WHITE[4]!, '2024-04-01'),
    disciplinary('C11', WHITE[4]!, '2025-03-31'), // a second case: the person counts once
    disciplinary('C12', WHITE[5]!, '2024-03-31'), // the day before the year: left out
    disciplinary('C13', 'B001', '2024-09-01'), // bank-only: left out
    ...MINORITY.slice(0, 5).map((id, i) => disciplinary(`D${i}`, id, '2024-10-10')),
    disciplinary('D9', 'LEAVER1', '2024-05-05', 'N'), // not in staff.csv, counted with its own ethnicity
  ];
  const courses = [
    ...WHITE.slice(0, 40).map((id) => training(id, '2024-05-01')),
    training(WHITE[0]!, '2024-06-01', { course: 'Coaching' }),
    training(WHITE[0]!, '2024-07-01', { course: 'Finance' }),
    ...WHITE.slice(40, 60).map((id) => training(id, '2024-05-01', { mandatory: true })),
    ...MINORITY.slice(0, 10).map((id, i) => training(id, '2024-05-01', { ethnic: minorityCodes[i % 4]! })),
    training(MINORITY[10]!, '2025-04-01'),
  ];
  const board = [
    ...ids('M', 8).map((id, i) => boardMember(id, 'A', true, i < 3)),
    boardMember('M9', 'H', true, true),
    boardMember('M10', 'Z', true, false),
    boardMember('M11', 'N', false, true),
  ];
  const results = [
    survey('5', 'white', 80, 20), survey('5', 'ethnicMinority', 40, 12),
    survey('6', 'white', 80, 16), survey('6', 'ethnicMinority', 40, 10),
    survey('7', 'white', 80, 48), survey('7', 'ethnicMinority', 40, 18),
    survey('8', 'white', 80, 4), survey('8', 'ethnicMinority', 8, 2),
  ];
  return dataset({ staff: trustStaff(), applications, disciplinary: cases, training: courses, board, survey: results });
}

function counts(data: WorkforceDataset, year = 2025): WresCounts {
  const result = countWres(data, reportingPeriod(year));
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.value;
}

function report(data: WorkforceDataset = trust(), options: Parameters<typeof buildWresReport>[1] = {}): WresReport {
  return buildWresReport(counts(data), options);
}

function katz(a: number, n1: number, b: number, n2: number): [number, number, number] {
  const rl = a / n1 / (b / n2);
  const se = Math.sqrt(1 / a - 1 / n1 + 1 / b - 1 / n2);
  return [rl, Math.exp(Math.log(rl) - Z_95 * se), Math.exp(Math.log(rl) + Z_95 * se)];
}

function close(actual: number | null | undefined, expected: number, tolerance = 1e-9): void {
  assert.ok(typeof actual === 'number' && Math.abs(actual - expected) <= tolerance, `expected ${expected}, got ${actual}`);
}

function ratio(r: WresReport, id: '2' | '4') {
  const indicator = r.indicators[id];
  assert.ok(indicator.available);
  return indicator;
}

function indicator3(r: WresReport) {
  const indicator = r.indicators['3'];
  assert.ok(indicator.available);
  return indicator;
}

describe('WRES indicator 1', () => {
  const r = report();
  const i1 = r.indicators['1'];

  test('shares of the non-bank workforce, unknowns included and Z, 99 and blank kept apart', () => {
    assert.equal(i1.overall.total, 160);
    assert.deepEqual(i1.overall.white, { count: 100, pct: 62.5 });
    assert.deepEqual(i1.overall.ethnicMinority, { count: 50, pct: 31.25 });
    assert.deepEqual(i1.overall.unknown, { count: 10, pct: 6.25, notStated: 4, notKnown: 3, missing: 3 });
    assert.equal(i1.bankOnlyExcluded, 7);
  });

  test('rows by cluster and band, every template row present', () => {
    const row = (cluster: string, name: string) => i1.rows.find((x) => x.cluster === cluster && x.row === name)!;
    assert.equal(i1.rows.length, 14 + 14 + 4);
    const band5 = row('clinical', 'Band 5');
    assert.equal(band5.total, 140);
    close(band5.ethnicMinority.pct, (40 / 140) * 100);
    assert.deepEqual(row('medical', 'Consultants').ethnicMinority, { count: 10, pct: 100 });
    assert.equal(row('nonClinical', 'Band 3').unknown.count, 10);
    assert.deepEqual(row('nonClinical', 'VSM').white, { count: 0, pct: null });
  });
});

describe('WRES indicator 2', () => {
  const i2 = ratio(report(), '2');

  test('White rate ÷ ethnic minority rate, unknown reported but not in the ratio', () => {
    assert.deepEqual(i2.orientation, { numerator: 'white', denominator: 'ethnicMinority' });
    assert.equal(i2.groups.white.events, 60);
    assert.equal(i2.groups.white.population, 200);
    assert.equal(i2.groups.white.rate, 0.3);
    assert.equal(i2.groups.ethnicMinority.events, 15);
    assert.equal(i2.groups.ethnicMinority.population, 100);
    assert.equal(i2.groups.unknown.events, 2);
    assert.equal(i2.groups.unknown.population, 10);
    const [rl, low, high] = katz(60, 200, 15, 100);
    close(i2.value, 2);
    close(i2.value, rl);
    close(i2.ci95![0], low);
    close(i2.ci95![1], high);
    assert.equal(i2.withinNonAdverseRange, false);
    assert.equal(i2.significant, true);
    assert.equal(i2.smallNumbers, false);
    assert.equal(i2.disadvantagedWhenAboveOne, 'ethnicMinority');
    assert.equal(i2.excluded['dated outside the reporting year'], 1);
    assert.match(i2.statement, /^White applicants were 2\.00 times as likely as ethnic minority applicants to be appointed from shortlisting\./);
  });

  test('each specific group against White, small cells suppressed with their counts, and the last other group too', () => {
    const african = i2.breakdowns.ethnicCategory!.find((row) => row.key === 'N')!;
    assert.equal(african.suppressed, true);
    assert.match(african.suppressionReason!, /fewer than 8 people/);
    assert.equal(african.value, null);
    assert.equal(african.denominator, null);
    // Indian is the only other group with applicants: shown, it would give Black African away by subtraction.
    const indian = i2.breakdowns.ethnicCategory!.find((row) => row.key === 'H')!;
    assert.equal(indian.suppressed, true);
    // With the same reason as the small row: a row known to be withheld for another's sake would be known to hold
    // no small count itself, which can be enough to give the other's away.
    assert.equal(indian.suppressionReason, african.suppressionReason);
    const aggregated = Object.fromEntries(i2.breakdowns.aggregatedEthnicGroup!.map((row) => [row.key, row]));
    assert.equal(aggregated['black']!.suppressed, true);
    assert.equal(aggregated['asian']!.suppressed, true);
    assert.equal(aggregated['mixed']!.suppressed, false);
    assert.equal(aggregated['mixed']!.undefinedReason, 'noDenominatorPopulation');
    const unsuppressed = ratio(report(trust(), { suppressBreakdowns: false }), '2');
    close(unsuppressed.breakdowns.ethnicCategory!.find((row) => row.key === 'N')!.value, 0.3 / (5 / 40));
    const unsuppressedIndian = unsuppressed.breakdowns.ethnicCategory!.find((row) => row.key === 'H')!;
    close(unsuppressedIndian.value, 0.3 / (10 / 60));
    assert.equal(unsuppressedIndian.numerator!.label, 'White');
    assert.equal(unsuppressedIndian.denominator!.events, 10);
    const black = unsuppressed.breakdowns.aggregatedEthnicGroup!.find((row) => row.key === 'black')!;
    close(black.value, 0.3 / (5 / 40));
    const pakistani = unsuppressed.breakdowns.ethnicCategory!.find((row) => row.key === 'J')!;
    assert.equal(pakistani.value, null);
    assert.equal(pakistani.undefinedReason, 'noDenominatorPopulation');
  });

  test('by staff group, with applications that give none counted as not recorded', () => {
    const nursing = i2.breakdowns.staffGroup!.find((row) => row.key === 'Nursing and Midwifery Registered')!;
    close(nursing.value, 2);
    const notRecorded = i2.breakdowns.staffGroup!.find((row) => row.key === 'Not recorded')!;
    assert.equal(notRecorded.numerator?.population ?? 0, 0);
  });
});

describe('WRES indicator 3', () => {
  const i3 = indicator3(report());

  test('ethnic minority rate ÷ White rate over non-bank headcount, a person once, out-of-year and bank cases left out', () => {
    assert.deepEqual(i3.orientation, { numerator: 'ethnicMinority', denominator: 'white' });
    assert.equal(i3.groups.white.events, 5);
    assert.equal(i3.groups.white.population, 100);
    assert.equal(i3.groups.ethnicMinority.events, 6); // five staff and one leaver
    assert.equal(i3.groups.ethnicMinority.population, 50);
    const [rl, low, high] = katz(6, 50, 5, 100);
    close(i3.value, 2.4);
    close(i3.value, rl);
    close(i3.ci95![0], low);
    close(i3.ci95![1], high);
    assert.equal(i3.smallNumbers, true);
    assert.equal(i3.excluded['dated outside the reporting year'], 1);
    assert.equal(i3.excluded['bank-only staff'], 1);
    assert.equal(i3.excluded['further rows for a person already counted'], 1);
    assert.match(i3.statement, /^Ethnic minority staff were 2\.40 times as likely as White staff to enter a formal disciplinary investigation\./);
  });

  test('the two-year rolling figure pools both years; without the previous year it says why', () => {
    assert.deepEqual(i3.rollingTwoYear, { available: false, reason: "the previous year's (2024) files were not supplied" });
    const previousYear = dataset({
      staff: trustStaff(),
      disciplinary: [
        ...WHITE.slice(10, 13).map((id, i) => disciplinary(`P${i}`, id, '2023-08-01')),
        ...MINORITY.slice(10, 12).map((id, i) => disciplinary(`Q${i}`, id, '2023-08-01')),
      ],
    });
    const withPrevious = indicator3(buildWresReport(counts(trust()), { previous: counts(previousYear, 2024) }));
    const rolling = withPrevious.rollingTwoYear;
    assert.ok(rolling.available);
    assert.deepEqual(rolling.years, [2024, 2025]);
    // (6 + 2) of (50 + 50) against (5 + 3) of (100 + 100)
    close(rolling.value, 8 / 100 / (8 / 200));
    const [, low, high] = katz(8, 100, 8, 200);
    close(rolling.ci95![0], low);
    close(rolling.ci95![1], high);
  });

  test('a case for someone not in staff.csv with no ethnicity is a located error', () => {
    const data = dataset({ staff: trustStaff(), disciplinary: [disciplinary('Z1', 'GHOST', '2024-05-05')] });
    const result = countWres(data, reportingPeriod(2025));
    assert.equal(result.ok, false);
    if (!result.ok) {
      assert.equal(result.problems.length, 1);
      assert.equal(result.problems[0]!.column, 'staff_id');
      assert.equal(result.problems[0]!.value, 'GHOST');
      assert.equal(result.problems[0]!.file, 'disciplinary.csv');
    }
  });
});

describe('WRES indicator 4', () => {
  test('people with non-mandatory training once each; mandatory and out-of-year rows left out', () => {
    const i4 = ratio(report(), '4');
    assert.equal(i4.groups.white.events, 40);
    assert.equal(i4.groups.ethnicMinority.events, 10);
    close(i4.value, 0.4 / 0.2);
    assert.equal(i4.excluded['mandatory training rows'], 20);
    assert.equal(i4.excluded['further rows for a person already counted'], 2);
    assert.equal(i4.excluded['dated outside the reporting year'], 1);
  });

  test('conflicting ethnicities on one person\'s rows are an error', () => {
    const data = dataset({
      staff: trustStaff(),
      training: [training(WHITE[0]!, '2024-05-01', { ethnic: 'A' }), training(WHITE[0]!, '2024-06-01', { ethnic: 'H' })],
    });
    const result = countWres(data, reportingPeriod(2025));
    assert.equal(result.ok, false);
  });

  test('a person\'s rows apart from one another are counted once and checked against their first, in and out of staff.csv', () => {
    const rows = [
      training(WHITE[0]!, '2024-05-01'),
      training('LEAVER', '2024-05-02', { ethnic: 'H' }),
      training(WHITE[1]!, '2024-05-03'),
      training(WHITE[0]!, '2024-05-04'),
      training('LEAVER', '2024-05-05', { ethnic: 'H' }),
      training(WHITE[0]!, '2024-05-06', { ethnic: 'A' }),
    ];
    const counts = countWres(dataset({ staff: trustStaff(), training: rows }), reportingPeriod(2025));
    assert.ok(counts.ok);
    const i4 = ratio(buildWresReport(counts.value), '4');
    assert.equal(i4.groups.white.events, 2);
    assert.equal(i4.groups.ethnicMinority.events, 1);
    assert.equal(i4.excluded['further rows for a person already counted'], 3);
    // The same people, a later row disagreeing with each one's first.
    const clash = [
      training(WHITE[0]!, '2024-05-01'),
      training('LEAVER', '2024-05-02', { ethnic: 'H' }),
      training(WHITE[1]!, '2024-05-03'),
      training(WHITE[0]!, '2024-05-04', { ethnic: 'N' }),
      training('LEAVER', '2024-05-05', { ethnic: 'A' }),
    ];
    const result = countWres(dataset({ staff: trustStaff(), training: clash }), reportingPeriod(2025));
    assert.ok(!result.ok);
    const first = clash[0]!.source.row;
    const leaver = clash[1]!.source.row;
    assert.deepEqual(result.problems.map((p) => [p.row, p.value, p.message]), [
      [clash[3]!.source.row, 'N', `this person's ethnic category differs from their earlier row ${first} (A)`],
      [clash[4]!.source.row, 'A', `this person's ethnic category differs from their earlier row ${leaver} (H)`],
    ]);
  });
});

describe('zero and tiny counts', () => {
  test('no ethnic minority appointments: the ratio is null with a reason', () => {
    const data = dataset({
      staff: trustStaff(),
      applications: [...ids('A', 3).map((id) => application(id, 'A', true, true)), application('E', 'H', true, false)],
    });
    const i2 = ratio(report(data), '2');
    assert.equal(i2.value, null);
    assert.equal(i2.ci95, null);
    assert.equal(i2.undefinedReason, 'noDenominatorEvents');
    assert.equal(i2.smallNumbers, true);
    assert.match(i2.statement, /cannot be calculated: no ethnic minority applicants were appointed from shortlisting/);
  });

  test('no White appointments: the ratio is 0 and said plainly', () => {
    const data = dataset({
      staff: trustStaff(),
      applications: [application('W', 'A', true, false), application('E', 'H', true, true)],
    });
    const i2 = ratio(report(data), '2');
    assert.equal(i2.value, 0);
    assert.equal(i2.ci95![0], 0);
    assert.match(i2.statement, /^None of the 1 White applicants were appointed/);
  });

  test('a ratio below 1 is turned round in words', () => {
    const data = dataset({
      staff: trustStaff(),
      applications: [
        ...ids('W', 100).map((id, i) => application(id, 'A', true, i < 20)),
        ...ids('E', 100).map((id, i) => application(id, 'H', true, i < 25)),
      ],
    });
    const i2 = ratio(report(data), '2');
    close(i2.value, 0.8);
    assert.equal(i2.withinNonAdverseRange, true);
    assert.match(i2.statement, /^Ethnic minority applicants were 1\.25 times as likely as White applicants/);
  });
});

describe('WRES indicators 5 to 8 and 9', () => {
  const r = report();

  test('survey percentages with Wilson intervals; a group under 11 respondents is flagged', () => {
    const i5 = r.indicators['5'];
    assert.ok(i5.available);
    assert.equal(i5.groups.white.pct, 25);
    assert.equal(i5.groups.ethnicMinority.pct, 30);
    close(i5.differencePp, 5);
    assert.ok(i5.groups.white.ci95![0] < 25 && i5.groups.white.ci95![1] > 25);
    assert.match(i5.statement, /^30\.0% of ethnic minority staff and 25\.0% of White staff experienced harassment/);
    const i8 = r.indicators['8'];
    assert.ok(i8.available);
    assert.equal(i8.groups.ethnicMinority.smallNumbers, true);
    assert.equal(i8.groups.white.smallNumbers, false);
  });

  test('board shares over all members including unknown, less the workforce share, in points', () => {
    const i9 = r.indicators['9'];
    assert.ok(i9.available);
    assert.equal(i9.voting.boardPct, 10);
    assert.equal(i9.voting.workforcePct, 31.25);
    close(i9.voting.differencePp, -21.25);
    assert.equal(i9.executive.boardPct, 40);
    close(i9.executive.differencePp, 8.75);
    assert.match(i9.voting.statement, /^1 of 10 voting board members \(10\.0%\) are from ethnic minority groups, 21\.3 percentage points lower than/);
  });

  test('an indicator whose file is absent is not available, with the reason', () => {
    const onlyStaff = report(dataset({ staff: trustStaff() }));
    for (const id of ['2', '3', '4', '5', '6', '7', '8', '9'] as const) {
      const indicator = onlyStaff.indicators[id];
      assert.equal(indicator.available, false, id);
      if (!indicator.available) assert.match(indicator.reason, /was not supplied/);
    }
  });
});

describe('intersections', () => {
  test('the appointment gap for Black women and for Black men, each against White people of the same gender', () => {
    const data = dataset({
      staff: trustStaff(),
      applications: [
        ...ids('WW', 100).map((id, i) => application(id, 'A', true, i < 30, { gender: 'Female' })),
        ...ids('WM', 100).map((id, i) => application(id, 'A', true, i < 20, { gender: 'M' })),
        ...ids('BW', 100).map((id, i) => application(id, 'N', true, i < 10, { gender: 'woman' })),
        ...ids('BM', 100).map((id, i) => application(id, 'M', true, i < 20, { gender: 'Male' })),
      ],
    });
    const i2 = ratio(report(data), '2');
    const within = (value: string) => i2.intersections.gender!.find((x) => x.value === value)!;
    const black = (value: string) => within(value).rows.find((row) => row.key === 'black')!;
    close(black('Women').value, 0.3 / 0.1);
    close(black('Men').value, 0.2 / 0.2);
    assert.equal(black('Women').denominator!.events, 10);
    const genderRows = Object.fromEntries(i2.breakdowns.gender!.map((row) => [row.key, row]));
    close(genderRows['Women']!.value, 3);
    close(genderRows['Men']!.value, 1);
    // Within each gender the other aggregated groups are empty, so the Black row is not withheld for them.
    assert.equal(within('Women').rows.find((row) => row.key === 'asian')!.undefinedReason, 'noDenominatorPopulation');
  });
});
