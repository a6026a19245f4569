import assert from 'node:assert/strict';
import { reportingPeriod } from '../../src/core/wres/reporting-period.ts';
import { pseudonymiser } from '../../src/services/pseudonym.ts';
import * as b from '../support/builders.ts';
import { toStoredRecords } from '../../src/services/stored-records.ts';
import { ORGANISATION, sampleImport, TEST_KEY } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

/**
 * Staff W001–W012 are White (A), M001–M010 ethnic minority (H), Z001 has code Z and B001 is bank-only (sampleImport).
 * The reporting year 2025 runs from 1 April 2024 to 31 March 2025.
 */
function withEvents(disciplinary: ReturnType<typeof b.disciplinary>[], training: ReturnType<typeof b.training>[]) {
  const sample = sampleImport(2025);
  const staff = [
    ...b.ids('W', 12).map((id) => b.staff(id, 'A')),
    ...b.ids('M', 10).map((id) => b.staff(id, 'H')),
    b.staff('Z001', 'Z'),
    b.staff('B001', 'A', { bank: true }),
  ];
  const records = toStoredRecords(b.dataset({ staff, disciplinary, training }), pseudonymiser(TEST_KEY, ORGANISATION.code));
  return { ...sample, records: { ...sample.records, staff: records.staff, disciplinary: records.disciplinary, training: records.training } };
}

testEachDialect('monthly first disciplinary entries: each person once, in the month of their first entry in the year', async ({ store }) => {
  const version = await store.imports.create(withEvents([
    // W001 enters twice: counted once, in April.
    b.disciplinary('C1', 'W001', '2024-04-10'),
    b.disciplinary('C2', 'W001', '2024-06-01'),
    // M001's first entry in the year is in May; an entry before the year does not move it.
    b.disciplinary('C3', 'M001', '2024-05-31'),
    b.disciplinary('C4', 'M001', '2024-03-01'),
    b.disciplinary('C5', 'M002', '2025-03-31'),
    // A leaver not in the staff records counts by the code on the row.
    b.disciplinary('C6', 'X999', '2024-05-02', 'N'),
    // Left out: bank-only staff, code Z, and after the year.
    b.disciplinary('C7', 'B001', '2024-05-02'),
    b.disciplinary('C8', 'Z001', '2024-05-02'),
    b.disciplinary('C9', 'W002', '2025-04-01'),
  ], []));
  assert.deepEqual(await store.imports.monthlyFirstEvents(version.id, 'disciplinary', reportingPeriod(2025)), [
    { month: '2024-04', white: 1, ethnicMinority: 0 },
    { month: '2024-05', white: 0, ethnicMinority: 2 },
    { month: '2025-03', white: 0, ethnicMinority: 1 },
  ]);
  assert.deepEqual(await store.imports.monthlyFirstEvents(version.id, 'training', reportingPeriod(2025)), []);
});

testEachDialect('monthly first non-mandatory training: mandatory courses do not count', async ({ store }) => {
  const version = await store.imports.create(withEvents([], [
    b.training('W001', '2024-07-01', { mandatory: true }),
    b.training('W001', '2024-08-15'),
    b.training('W002', '2024-08-01'),
    b.training('M001', '2024-07-20', { mandatory: true }),
    b.training('M003', '2024-12-24'),
    b.training('M003', '2024-11-30'),
    // The row's own code is used when it gives one.
    b.training('X998', '2024-12-01', { ethnic: 'A' }),
  ]));
  assert.deepEqual(await store.imports.monthlyFirstEvents(version.id, 'training', reportingPeriod(2025)), [
    { month: '2024-08', white: 2, ethnicMinority: 0 },
    { month: '2024-11', white: 0, ethnicMinority: 1 },
    { month: '2024-12', white: 1, ethnicMinority: 0 },
  ]);
  // Another version's records are not mixed in.
  const other = await store.imports.create(sampleImport(2024));
  assert.deepEqual(await store.imports.monthlyFirstEvents(other.id, 'training', reportingPeriod(2024)), [
    { month: '2023-05', white: 1, ethnicMinority: 0 },
  ]);
});
