import assert from 'node:assert/strict';
import { test } from 'node:test';
import { application, dataset, disciplinary, ids, staff } from '../../../test/support/builders.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import { reportingPeriod } from '../wres/reporting-period.ts';
import { buildMedicalReport, buildMedicalReportFromCounts, countMedical } from './report.ts';

const MD = { group: 'Medical and Dental' } as const;

function trust() {
  return dataset({
    staff: [
      // 40 consultants: 30 White (8 clinical directors), 10 ethnic minority (2 clinical directors); 20 trainees.
      ...ids('W', 30).map((id, i) => staff(id, 'A', { ...MD, band: 'Consultant', medicalLeadership: i < 8 ? 'clinicalDirector' : undefined })),
      ...ids('E', 10).map((id, i) => staff(id, 'H', { ...MD, band: 'Consultant', medicalLeadership: i < 2 ? 'clinicalDirector' : undefined })),
      ...ids('T', 20).map((id) => staff(id, 'N', { ...MD, band: 'Specialty Registrar' })),
      // Nurses, who must not count anywhere in this report.
      ...ids('R', 50).map((id) => staff(id, 'A')),
    ],
    applications: [
      ...ids('CW', 20).map((id, i) => application(id, 'A', true, i < 10, { band: 'Consultant', group: 'Medical and Dental' })),
      ...ids('CE', 20).map((id, i) => application(id, 'H', true, i < 5, { band: 'Consultant', group: 'Medical and Dental' })),
      ...ids('NW', 30).map((id, i) => application(id, 'A', true, i < 3, { band: 'Band 5', group: 'Nursing and Midwifery Registered' })),
    ],
    disciplinary: [disciplinary('D1', 'T001', '2024-06-01'), disciplinary('D2', 'R001', '2024-06-01')],
  });
}

test('WRES indicators 1 to 4 for medical and dental staff only', () => {
  const result = buildMedicalReport(trust(), reportingPeriod(2025), { policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: false });
  assert.ok(result.ok);
  const r = result.value;
  assert.equal(r.indicators['1'].overall.total, 60);
  assert.equal(r.indicators['1'].overall.ethnicMinority.count, 30);
  const i2 = r.indicators['2'];
  assert.ok(i2.available);
  assert.equal(i2.groups.white.population, 20); // nursing applications are left out
  assert.equal(i2.value, 0.5 / 0.25);
  const i3 = r.indicators['3'];
  assert.ok(i3.available);
  assert.equal(i3.groups.ethnicMinority.events, 1); // the nurse's case is left out
  assert.equal(i3.groups.white.events, 0);
  // Medical and dental staff are a staff group: shared, a headline of 1 person is withheld, with every breakdown of it.
  const shared = buildMedicalReport(trust(), reportingPeriod(2025), { policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: true });
  assert.ok(shared.ok);
  const withheld = shared.value.indicators['3'];
  assert.ok(!withheld.available);
  assert.match(withheld.reason, /withheld, because they rest on fewer than 8 people/);
  assert.equal(shared.value.indicators['1'].overall.total, 60); // indicator 1 is published whatever its size
});

test('medical leadership against consultants, small groups withheld; appointment to consultant posts', () => {
  const suppressed = buildMedicalReport(trust(), reportingPeriod(2025), { policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: true });
  assert.ok(suppressed.ok);
  const [medicalDirectors, clinicalDirectors, consultants] = suppressed.value.leadership!;
  assert.equal(medicalDirectors!.total, 0);
  assert.equal(clinicalDirectors!.withheld, true); // 2 ethnic minority clinical directors
  assert.deepEqual(consultants!.ethnicMinority, { count: 10, pct: 25 });
  assert.equal(consultants!.withheld, false);
  const open = buildMedicalReport(trust(), reportingPeriod(2025), { policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: false });
  assert.ok(open.ok);
  assert.deepEqual(open.value.leadership![1]!.ethnicMinority, { count: 2, pct: 20 });
  const appointment = open.value.consultantAppointment;
  assert.ok(appointment.available);
  assert.equal(appointment.value, 0.5 / 0.25);
});

test('the report from stored counts (through JSON, as the store keeps them) is the report from records', () => {
  const withoutLeadersOrApplications = dataset({ staff: ids('C', 12).map((id) => staff(id, 'A', { ...MD, band: 'Consultant' })) });
  for (const data of [trust(), withoutLeadersOrApplications]) {
    const counted = countMedical(data, reportingPeriod(2025));
    assert.ok(counted.ok);
    const stored = JSON.parse(JSON.stringify(counted.value)) as typeof counted.value;
    for (const suppressBreakdowns of [true, false]) {
      const options = { policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns };
      const fromRecords = buildMedicalReport(data, reportingPeriod(2025), options);
      assert.ok(fromRecords.ok);
      const fromCounts = buildMedicalReportFromCounts(stored, options);
      assert.deepEqual(fromCounts, fromRecords.value);
      assert.equal(JSON.stringify(fromCounts), JSON.stringify(fromRecords.value));
    }
  }
  const bare = countMedical(withoutLeadersOrApplications, reportingPeriod(2025));
  assert.ok(bare.ok);
  assert.equal(bare.value.leadership, null);
  assert.equal(bare.value.consultantAppointment.available, false);
});
