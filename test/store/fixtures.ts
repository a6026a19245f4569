/** A small import to write in store tests: real records and counts from the engine, pseudonymised. */
import type { WorkforceDataset } from '../../src/core/records.ts';
import { countWres } from '../../src/core/wres/count.ts';
import { reportingPeriod } from '../../src/core/wres/reporting-period.ts';
import { pseudonymiser } from '../../src/services/pseudonym.ts';
import { toStoredRecords } from '../../src/services/stored-records.ts';
import type { NewImport, NewOrganisation, StoredRecords } from '../../src/store/store.ts';
import * as b from '../support/builders.ts';

export const TEST_KEY = Buffer.alloc(32, 7);

export const ORGANISATION: NewOrganisation = { code: 'RXX', name: 'Test NHS Trust', region: 'London', type: 'Acute trust' };

/** A new import whose records are arrays, as tests change them. */
export type SampleImport = NewImport & { readonly records: StoredRecords };

/** The records read from files that sampleImport stores, before they are pseudonymised. */
export function sampleDataset(year: number): WorkforceDataset {
  const staff = [
    ...b.ids('W', 12).map((id) => b.staff(id, 'A', { directorate: 'Surgery' })),
    ...b.ids('M', 10).map((id) => b.staff(id, 'H', { band: 'Band 6', internationalRecruit: true })),
    b.staff('Z001', 'Z', { band: 'Consultant', group: 'Medical and Dental' }),
    b.staff('B001', '', { bank: true }),
  ];
  return b.dataset({
    staff,
    applications: [
      b.application('AP1', 'A', true, true, { date: `${year - 1}-06-01` }),
      b.application('AP2', 'N', true, false, { date: `${year - 1}-07-01`, band: 'Band 5' }),
      b.application('AP3', 'N', false, false),
    ],
    disciplinary: [b.disciplinary('C1', 'M001', `${year - 1}-09-01`), b.disciplinary('C2', 'W001', `${year - 1}-10-01`, 'A')],
    training: [b.training('W002', `${year - 1}-05-05`), b.training('M002', `${year - 1}-05-05`, { mandatory: true })],
    board: [b.boardMember('BM1', 'A', true, true), b.boardMember('BM2', 'P', true, false)],
    survey: [b.survey('5', 'white', 40, 10), b.survey('5', 'ethnicMinority', 30, 12)],
    sources: [{ kind: 'staff', file: 'staff.csv', sha256: 'ab'.repeat(32), rows: staff.length, encoding: 'utf-8' }],
  });
}

export function sampleImport(year: number, overrides: Partial<SampleImport> = {}): SampleImport {
  const dataset = sampleDataset(year);
  const counted = countWres(dataset, reportingPeriod(year));
  if (!counted.ok) throw new Error('the sample dataset should count');
  return {
    organisation: ORGANISATION,
    year,
    importedBy: null,
    channel: 'cli',
    sources: dataset.sources,
    notes: ['staff.csv: 1 empty row(s) skipped'],
    records: toStoredRecords(dataset, pseudonymiser(TEST_KEY, ORGANISATION.code)),
    standardCounts: { wres: counted.value },
    ...overrides,
  };
}
