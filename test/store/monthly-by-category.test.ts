import assert from 'node:assert/strict';
import { reportingPeriod } from '../../src/core/wres/reporting-period.ts';
import { pseudonymiser } from '../../src/services/pseudonym.ts';
import { toStoredRecords } from '../../src/services/stored-records.ts';
import * as b from '../support/builders.ts';
import { ORGANISATION, sampleImport, TEST_KEY } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

/**
 * Staff D001–D005 are Disabled (yes), N001–N008 non-disabled (no), U001 has not declared, X001 is Disabled and
 * bank-only. The reporting year 2025 runs from 1 April 2024 to 31 March 2025.
 */
function withCapability(capability: ReturnType<typeof b.capability>[], applications: ReturnType<typeof b.application>[] = []) {
  const sample = sampleImport(2025);
  const staff = [
    ...b.ids('D', 5).map((id) => b.staff(id, 'A', { disability: 'yes' })),
    ...b.ids('N', 8).map((id) => b.staff(id, 'H', { disability: 'no' })),
    b.staff('U001', 'A', { disability: 'notDeclared' }),
    b.staff('X001', 'A', { disability: 'yes', bank: true }),
  ];
  const records = toStoredRecords(b.dataset({ staff, capability, applications }), pseudonymiser(TEST_KEY, ORGANISATION.code));
  return { ...sample, records: { ...sample.records, staff: records.staff, capability: records.capability, applications: records.applications } };
}

testEachDialect('capability records are kept, and counted by disability once a person, in the month of their first entry', async ({ store }) => {
  const version = await store.imports.create(withCapability([
    // D001 enters twice: counted once, in May.
    b.capability('K1', 'D001', '2024-05-10'),
    b.capability('K2', 'D001', '2024-09-01'),
    // D002's first entry in the year is in March 2025; an entry before the year does not move it.
    b.capability('K3', 'D002', '2025-03-31'),
    b.capability('K4', 'D002', '2024-03-01'),
    b.capability('K5', 'N001', '2024-05-02'),
    // A leaver not in the staff records counts by the disability on the row; U001 by the staff record (not declared).
    b.capability('K6', 'L999', '2024-05-20', 'no'),
    b.capability('K7', 'U001', '2024-06-20'),
    // The row's own answer is used when it gives one: N003's row says yes.
    b.capability('K10', 'N003', '2024-12-01', 'yes'),
    // Left out: bank-only staff, and after the year.
    b.capability('K8', 'X001', '2024-05-02'),
    b.capability('K9', 'N002', '2025-04-01'),
  ]));
  assert.equal(await store.imports.eventRecordCount(version.id, 'capability'), 10);
  assert.deepEqual(await store.imports.monthlyFirstEventsBy(version.id, 'capability', 'disability', reportingPeriod(2025)), [
    { month: '2024-05', categories: { yes: 1, no: 2 } },
    { month: '2024-06', categories: { notDeclared: 1 } },
    { month: '2024-12', categories: { yes: 1 } },
    { month: '2025-03', categories: { yes: 1 } },
  ]);
  // By ethnicity, capability rows take the staff record's code; the leaver has none and is left out.
  assert.deepEqual(await store.imports.monthlyFirstEventsBy(version.id, 'capability', 'ethnicity', reportingPeriod(2025)), [
    { month: '2024-05', categories: { A: 1, H: 1 } },
    { month: '2024-06', categories: { A: 1 } },
    { month: '2024-12', categories: { H: 1 } },
    { month: '2025-03', categories: { A: 1 } },
  ]);
  // Disciplinary rows by disability take the staff record's answer; the sample's M001 and W001 are not among these staff.
  assert.deepEqual(await store.imports.monthlyFirstEventsBy(version.id, 'disciplinary', 'disability', reportingPeriod(2025)), []);
  // Another version keeps none.
  const other = await store.imports.create(sampleImport(2024));
  assert.equal(await store.imports.eventRecordCount(other.id, 'capability'), 0);
});

testEachDialect('applications by disability per month: shortlisted and appointed, every answer given', async ({ store }) => {
  const version = await store.imports.create(withCapability([], [
    b.application('A1', 'A', true, true, { date: '2024-04-03', disability: 'yes' }),
    b.application('A2', 'A', true, false, { date: '2024-04-20', disability: 'yes' }),
    b.application('A3', 'H', true, true, { date: '2024-04-21', disability: 'no' }),
    b.application('A4', 'H', false, false, { date: '2024-04-22', disability: 'no' }),
    b.application('A5', 'H', true, false, { date: '2024-06-01', disability: 'notDeclared' }),
    // Left out: no date, and outside the year.
    b.application('A6', 'H', true, true, { disability: 'yes' }),
    b.application('A7', 'H', true, true, { date: '2025-04-01', disability: 'yes' }),
  ]));
  assert.deepEqual(await store.imports.monthlyAppointmentsBy(version.id, 'disability', reportingPeriod(2025)), [
    { month: '2024-04', categories: { yes: { shortlisted: 2, appointed: 1 }, no: { shortlisted: 1, appointed: 1 } } },
    { month: '2024-06', categories: { notDeclared: { shortlisted: 1, appointed: 0 } } },
  ]);
  assert.deepEqual(await store.imports.monthlyAppointmentsBy(version.id, 'ethnicity', reportingPeriod(2025)), [
    { month: '2024-04', categories: { A: { shortlisted: 2, appointed: 1 }, H: { shortlisted: 1, appointed: 1 } } },
    { month: '2024-06', categories: { H: { shortlisted: 1, appointed: 0 } } },
  ]);
});
