import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { application, dataset, disciplinary, staff, training } from '../../../test/support/builders.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { loadWorkforceFolder } from '../../ingest/load-folder.ts';
import { tempDir } from '../../ingest/test-support.ts';
import { countAppointments } from '../counting/people-and-events.ts';
import { countDataset } from '../counting/stream-count.ts';
import type { Problem, Result } from '../problem.ts';
import type { WorkforceDataset } from '../records.ts';
import { STREAM_COUNTERS } from '../standards/stream-counters.ts';
import { countWres, ETHNICITY_LENS } from '../wres/count.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { MedicalCounter } from './count.ts';
import { countMedical, type MedicalCounts } from './report.ts';
import { isMedical } from '../workforce/staff-group.ts';

const period = reportingPeriod(2025);
const MD = { group: 'Medical and Dental' } as const;
const CONSULTANT_POST = { band: 'Consultant', group: 'Medical and Dental', date: '2024-06-01' } as const;

/** The medical scope as countMedical narrowed it with arrays before it counted a record at a time. */
function medicalScope(dataset: WorkforceDataset): WorkforceDataset {
  const staff = dataset.staff.filter((s) => isMedical(s.staffGroup));
  const medicalIds = new Set(staff.map((s) => s.staffId));
  return {
    ...dataset,
    staff,
    applications: dataset.applications?.filter((a) => a.staffGroup !== null && isMedical(a.staffGroup)) ?? null,
    disciplinary: dataset.disciplinary?.filter((d) => medicalIds.has(d.staffId)) ?? null,
    training: dataset.training?.filter((t) => medicalIds.has(t.staffId)) ?? null,
    board: null,
    survey: null,
    wdesSurvey: null,
    capability: null,
    wdesNarrative: null,
  };
}

/**
 * countMedical as it was before the medical workforce was counted a record at a time: the dataset narrowed to its
 * medical scope with arrays, counted as WRES counts it, and the leadership and consultant appointments added from
 * the arrays. Kept here by hand so the counter is held to it.
 */
function countMedicalFromArrays(data: WorkforceDataset): Result<MedicalCounts> {
  const headcountsOf = (people: readonly { readonly ethnicity: { readonly code: string } }[]) => {
    const headcounts: Record<string, number> = {};
    for (const person of people) headcounts[person.ethnicity.code] = (headcounts[person.ethnicity.code] ?? 0) + 1;
    return headcounts;
  };
  const scoped = medicalScope(data);
  const counted = countWres(scoped, period);
  if (!counted.ok) return { ok: false, problems: counted.problems as Problem[] };
  const inPost = scoped.staff.filter((s) => !s.bankOnly);
  const leaders = data.staff.filter((s) => !s.bankOnly && s.medicalLeadership !== null);
  const consultants = inPost.filter((s) => s.payBand.kind === 'medical' && s.payBand.subGroup === 'consultant');
  const consultantApplications = scoped.applications?.filter((a) => a.payBand?.kind === 'medical' && a.payBand.subGroup === 'consultant') ?? null;
  return {
    ok: true,
    value: {
      wres: counted.value,
      leadership: leaders.length === 0 ? null : {
        medicalDirector: headcountsOf(leaders.filter((s) => s.medicalLeadership === 'medicalDirector')),
        clinicalDirector: headcountsOf(leaders.filter((s) => s.medicalLeadership === 'clinicalDirector')),
        consultant: headcountsOf(consultants),
      },
      consultantAppointment: !consultantApplications || consultantApplications.length === 0
        ? { available: false, reason: 'applications.csv has no applications to consultant posts (pay_band "Consultant" with staff_group "Medical and Dental")' }
        : { available: true, counts: countAppointments(consultantApplications, period, ETHNICITY_LENS).overall },
    },
  };
}

/**
 * The applications counted by a twin (as on another thread, through structured cloning) and adopted by a counter
 * that never opened them; everything else counted by that counter, in the folder's order.
 */
function countedApart(data: WorkforceDataset): Result<MedicalCounts> {
  const counter = STREAM_COUNTERS.medical(period);
  const twin = STREAM_COUNTERS.medical(period);
  assert.deepEqual(counter.separable, ['applications']);
  const addPerson = counter.open('staff');
  for (const person of data.staff) addPerson?.(person);
  if (data.applications) {
    const add = twin.open('applications');
    for (const record of data.applications) add?.(record);
  }
  const addCase = data.disciplinary && counter.open('disciplinary');
  for (const record of (addCase && data.disciplinary) || []) addCase?.(record);
  const addCourse = data.training && counter.open('training');
  for (const record of (addCourse && data.training) || []) addCourse?.(record);
  if (data.applications) counter.adoptPart('applications', structuredClone(twin.takePart('applications')));
  return counter.finish(data);
}

/** The counter's counts, every way it is fed, are the array counting's, value and key order alike. */
function agrees(data: WorkforceDataset): Result<MedicalCounts> {
  const expected = countMedicalFromArrays(data);
  for (const [how, counted] of [
    ['countMedical', countMedical(data, period)],
    ['countDataset', countDataset(data, new MedicalCounter(period))],
    ['counted apart', countedApart(data)],
  ] as const) {
    assert.deepEqual(counted, expected, how);
    assert.equal(JSON.stringify(counted), JSON.stringify(expected), `${how}: the same JSON, keys in the same order`);
  }
  return expected;
}

describe('the medical workforce counted a record at a time', () => {
  test('the demonstration trust: the same counts as narrowing its arrays', async (t) => {
    const folder = tempDir(t);
    await writeSyntheticTrust(folder, { year: 2025, seed: 5, staff: 3000, applications: 6000 });
    const loaded = await loadWorkforceFolder(folder, { year: 2025 });
    assert.ok(loaded.ok);
    const counted = agrees(loaded.dataset);
    assert.ok(counted.ok);
    // The trust has everything this counting reads, so nothing above passed for want of it.
    const { wres, leadership, consultantAppointment } = counted.value;
    assert.ok(wres.appointment && wres.disciplinary && wres.training);
    assert.ok(leadership && Object.keys(leadership.clinicalDirector).length > 0);
    assert.equal(consultantAppointment.available, true);
  });

  test('a staff file alone: no leaders, no applications, cases or courses', () => {
    const counted = agrees(dataset({ staff: [staff('C1', 'A', { ...MD, band: 'Consultant' }), staff('N1', 'H')] }));
    assert.ok(counted.ok);
    assert.deepEqual(counted.value.wres.workforce.overall, { A: 1 });
    assert.equal(counted.value.leadership, null);
    assert.equal(counted.value.wres.appointment, null);
    assert.equal(counted.value.wres.disciplinary, null);
    assert.equal(counted.value.wres.training, null);
    assert.equal(counted.value.consultantAppointment.available, false);
  });

  test('bank-only medical staff, and no medical staff at all; leaders are drawn from all staff in post', () => {
    const bankOnly = agrees(dataset({
      staff: [
        staff('B1', 'A', { ...MD, band: 'Consultant', bank: true, medicalLeadership: 'clinicalDirector' }),
        staff('B2', 'H', { ...MD, band: 'Consultant', bank: true }),
      ],
      disciplinary: [disciplinary('D1', 'B2', '2024-06-01')],
    }));
    assert.ok(bankOnly.ok);
    assert.deepEqual(bankOnly.value.wres.workforce.overall, {});
    assert.equal(bankOnly.value.wres.workforce.bankOnlyExcluded, 2);
    assert.equal(bankOnly.value.leadership, null, 'a bank-only clinical director is no leader here');
    assert.deepEqual(bankOnly.value.wres.disciplinary?.excluded, { 'bank-only staff': 1 });

    const noMedical = agrees(dataset({
      staff: [staff('N1', 'A', { medicalLeadership: 'medicalDirector' }), staff('N2', 'H')],
      applications: [application('A1', 'A', true, true, { band: 'Band 5', group: 'Nursing and Midwifery Registered' })],
      disciplinary: [disciplinary('D1', 'N2', '2024-06-01')],
      training: [training('N1', '2024-06-01')],
    }));
    assert.ok(noMedical.ok);
    assert.deepEqual(noMedical.value.wres.workforce.overall, {});
    assert.deepEqual(noMedical.value.leadership, { medicalDirector: { A: 1 }, clinicalDirector: {}, consultant: {} });
    assert.deepEqual(noMedical.value.wres.appointment?.overall, {});
    assert.deepEqual(noMedical.value.wres.disciplinary?.overall, {});
    assert.deepEqual(noMedical.value.wres.training?.overall, {});
  });

  test('leaders and consultants by ethnic category, and appointment to consultant posts only', () => {
    const counted = agrees(dataset({
      staff: [
        staff('C1', 'A', { ...MD, band: 'Consultant', medicalLeadership: 'clinicalDirector' }),
        staff('C2', 'H', { ...MD, band: 'Consultant', medicalLeadership: 'medicalDirector' }),
        staff('C3', 'H', { ...MD, band: 'Consultant' }),
        staff('C4', 'N', { ...MD, band: 'Consultant', bank: true }),
        staff('T1', 'N', { ...MD, band: 'Specialty Registrar' }),
      ],
      applications: [
        application('P1', 'A', true, true, CONSULTANT_POST),
        application('P2', 'H', true, false, CONSULTANT_POST),
        application('P3', 'H', false, false, CONSULTANT_POST),
        application('P4', 'H', true, true, { ...CONSULTANT_POST, date: '2023-06-01' }),
        application('P5', 'A', true, true, { ...CONSULTANT_POST, group: 'Nursing and Midwifery Registered' }),
        application('P6', 'A', true, true, { band: 'Specialty Registrar', group: 'Medical and Dental' }),
        application('P7', 'A', true, true),
      ],
    }));
    assert.ok(counted.ok);
    assert.deepEqual(counted.value.leadership, { medicalDirector: { H: 1 }, clinicalDirector: { A: 1 }, consultant: { A: 1, H: 2 } });
    const appointment = counted.value.consultantAppointment;
    assert.ok(appointment.available);
    assert.deepEqual(appointment.counts, { A: { population: 1, events: 1 }, H: { population: 1, events: 0 } });
    assert.deepEqual(counted.value.wres.appointment?.overall, {
      A: { population: 2, events: 2 }, H: { population: 1, events: 0 },
    });
  });

  test('medical applications but none to consultant posts; consultant posts only outside the year', () => {
    const none = agrees(dataset({
      staff: [staff('T1', 'A', { ...MD, band: 'Specialty Registrar' })],
      applications: [application('P1', 'A', true, true, { band: 'Specialty Registrar', group: 'Medical and Dental' })],
    }));
    assert.ok(none.ok);
    assert.equal(none.value.consultantAppointment.available, false);
    const outside = agrees(dataset({
      staff: [staff('T1', 'A', { ...MD, band: 'Specialty Registrar' })],
      applications: [application('P1', 'A', true, true, { ...CONSULTANT_POST, date: '2023-06-01' })],
    }));
    assert.ok(outside.ok);
    const appointment = outside.value.consultantAppointment;
    assert.ok(appointment.available, 'an application to a consultant post, though outside the year, makes the figure available');
    assert.deepEqual(appointment.counts, {});
  });

  test('cases and courses of leavers, of other staff, of bank-only staff and outside the year', () => {
    const counted = agrees(dataset({
      staff: [
        staff('M1', 'A', { ...MD, band: 'Consultant' }),
        staff('M2', 'H', { ...MD, band: 'Specialty Registrar' }),
        staff('M3', 'N', { ...MD, band: 'Consultant', bank: true }),
        staff('N1', 'H'),
      ],
      disciplinary: [
        disciplinary('D1', 'M1', '2024-06-01'),
        disciplinary('D2', 'M1', '2024-07-01'),
        disciplinary('D3', 'M2', '2023-06-01'),
        disciplinary('D4', 'M3', '2024-06-01'),
        disciplinary('D5', 'N1', '2024-06-01'),
        disciplinary('D6', 'L1', '2024-06-01', 'H'),
        disciplinary('D7', 'L2', '2024-06-01'),
      ],
      training: [
        training('M2', '2024-06-01', { ethnic: 'A' }),
        training('M1', '2024-06-01', { mandatory: true }),
        training('N1', '2024-06-01', { ethnic: 'A' }),
        training('L3', '2024-06-01'),
      ],
    }));
    assert.ok(counted.ok);
    const { disciplinary: cases, training: courses, notes } = counted.value.wres;
    assert.deepEqual(cases?.overall, { A: { population: 1, events: 1 }, H: { population: 1, events: 0 } });
    assert.deepEqual(cases?.excluded, { 'further rows for a person already counted': 1, 'dated outside the reporting year': 1, 'bank-only staff': 1 });
    assert.deepEqual(courses?.overall, { A: { population: 1, events: 1 }, H: { population: 1, events: 0 } });
    assert.deepEqual(courses?.excluded, { 'mandatory training rows': 1 });
    assert.deepEqual(notes, ['1 non-mandatory training rows give a ethnic category different from staff.csv; the row\'s own value was used.']);
  });

  test('a medical person whose rows disagree is a problem; another person\'s rows are not read', () => {
    const counted = agrees(dataset({
      staff: [staff('M1', 'A', { ...MD, band: 'Consultant' }), staff('N1', 'A')],
      disciplinary: [
        disciplinary('D1', 'M1', '2024-06-01', 'A'),
        disciplinary('D2', 'M1', '2024-07-01', 'H'),
        disciplinary('D3', 'N1', '2024-06-01', 'A'),
        disciplinary('D4', 'N1', '2024-07-01', 'H'),
      ],
    }));
    assert.ok(!counted.ok);
    assert.equal(counted.problems.length, 1, 'the other person\'s disagreeing rows are outside the medical workforce');
    assert.equal(counted.problems[0]?.value, 'H');
    assert.match(counted.problems[0]?.message ?? '', /^this person's ethnic category differs from their earlier row \d+ \(A\)$/);
  });

  test('a file read again from its start is counted once', () => {
    const data = dataset({
      staff: [
        staff('C1', 'A', { ...MD, band: 'Consultant', medicalLeadership: 'clinicalDirector' }),
        staff('C2', 'H', { ...MD, band: 'Consultant' }),
        staff('N1', 'H', { medicalLeadership: 'medicalDirector' }),
      ],
      applications: [application('P1', 'A', true, true, CONSULTANT_POST), application('P2', 'H', true, false, CONSULTANT_POST)],
      disciplinary: [disciplinary('D1', 'C2', '2024-06-01')],
      training: [training('C1', '2024-06-01'), training('C2', '2024-06-01')],
    });
    const counter = new MedicalCounter(period);
    const feed = <K extends 'staff' | 'applications' | 'disciplinary' | 'training'>(kind: K, records: readonly NonNullable<WorkforceDataset[K]>[number][]) => {
      const add = counter.open(kind) as ((record: (typeof records)[number]) => void) | null;
      for (const record of records) add?.(record);
    };
    // Each file's first rows are counted, then the file is read again from its start, in full.
    for (const kind of ['staff', 'applications', 'disciplinary', 'training'] as const) {
      const records = data[kind] ?? [];
      feed(kind, records.slice(0, 1));
      feed(kind, records);
    }
    const counted = counter.finish(data);
    assert.deepEqual(counted, countMedicalFromArrays(data));
    assert.ok(counted.ok);
    assert.deepEqual(counted.value.leadership, { medicalDirector: { H: 1 }, clinicalDirector: { A: 1 }, consultant: { A: 1, H: 1 } });
    assert.deepEqual(counted.value.wres.training?.overall, { A: { population: 1, events: 1 }, H: { population: 1, events: 1 } });
  });
});
