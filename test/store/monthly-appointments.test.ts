import assert from 'node:assert/strict';
import { reportingPeriod } from '../../src/core/wres/reporting-period.ts';
import { sampleImport } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

testEachDialect('monthly appointments count shortlisted and appointed applicants by month and group', async ({ store }) => {
  const sample = sampleImport(2025);
  const template = sample.records.applications[0]!;
  const application = (ethnicCode: string, shortlisted: boolean, appointed: boolean, date: string | null, sourceRow: number) =>
    ({ ...template, ethnicCode, shortlisted, appointed, date, sourceRow });
  const applications = [
    application('A', true, true, '2024-04-03', 2),
    application('B', true, false, '2024-04-20', 3),
    application('C', false, false, '2024-04-21', 4),
    application('H', true, true, '2024-04-30', 5),
    application('S', true, false, '2024-04-01', 6),
    application('N', false, false, '2024-04-01', 7),
    application('D', true, false, '2024-06-15', 8),
    // Appointed without shortlisting is not counted, as in WRES indicator 2.
    application('A', false, true, '2024-06-16', 9),
    // Not White or ethnic minority, or without a date: left out.
    application('Z', true, true, '2024-06-01', 10),
    application('99', true, true, '2024-06-01', 11),
    application('A', true, true, null, 12),
    application('M', true, true, '2025-01-31', 13),
    // Dated outside the reporting year (1 April 2024 to 31 March 2025): left out, as WRES indicator 2 leaves it out.
    application('A', true, true, '2024-03-31', 14),
    application('H', true, true, '2025-04-01', 15),
  ];
  const version = await store.imports.create({ ...sample, records: { ...sample.records, applications } });
  const other = await store.imports.create(sampleImport(2024));

  assert.deepEqual(await store.imports.monthlyAppointments(version.id, reportingPeriod(2025)), [
    { month: '2024-04', white: { shortlisted: 2, appointed: 1 }, ethnicMinority: { shortlisted: 2, appointed: 1 } },
    { month: '2024-06', white: { shortlisted: 0, appointed: 0 }, ethnicMinority: { shortlisted: 1, appointed: 0 } },
    { month: '2025-01', white: { shortlisted: 0, appointed: 0 }, ethnicMinority: { shortlisted: 1, appointed: 1 } },
  ]);
  // Another version's records are not mixed in; the sample has one dated White and one dated ethnic minority application.
  assert.deepEqual(await store.imports.monthlyAppointments(other.id, reportingPeriod(2024)), [
    { month: '2023-06', white: { shortlisted: 1, appointed: 1 }, ethnicMinority: { shortlisted: 0, appointed: 0 } },
    { month: '2023-07', white: { shortlisted: 0, appointed: 0 }, ethnicMinority: { shortlisted: 1, appointed: 0 } },
  ]);
  assert.deepEqual(await store.imports.monthlyAppointments(999_999, reportingPeriod(2025)), []);
});
