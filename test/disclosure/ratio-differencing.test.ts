/**
 * No withheld count of 1 to 7 can be worked out from what WRES, WDES and the medical workforce report publish:
 * for hand-made trusts built to hit each way it could go wrong, and for synthetic trusts of several sizes, the
 * differencing attack (test/support/differencing.ts) is run on each report as the API serialises it.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { buildMedicalReport } from '../../src/core/medical/report.ts';
import type { StaffRecord, WorkforceDataset } from '../../src/core/records.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../src/core/stats/disclosure.ts';
import { countWdes } from '../../src/core/wdes/count.ts';
import { buildWdesReport } from '../../src/core/wdes/report.ts';
import { countWres } from '../../src/core/wres/count.ts';
import { buildWresReport } from '../../src/core/wres/report.ts';
import { reportingPeriod } from '../../src/core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { loadWorkforceFolder } from '../../src/ingest/load-folder.ts';
import { application, dataset, disciplinary, ids, staff, training } from '../support/builders.ts';
import type { Disclosure } from '../support/differencing.ts';
import { asJson, auditMedical, auditWdes, auditWres } from '../support/report-audit.ts';

const YEAR = 2025;
const PERIOD = reportingPeriod(YEAR);

function reports(data: WorkforceDataset) {
  const wres = countWres(data, PERIOD);
  const wdes = countWdes(data, PERIOD);
  assert.ok(wres.ok && wdes.ok);
  const medical = (suppressBreakdowns: boolean) => {
    const built = buildMedicalReport(data, PERIOD, { policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns });
    assert.ok(built.ok);
    return asJson(built.value);
  };
  return {
    wres: { published: asJson(buildWresReport(wres.value, { suppressBreakdowns: true })), truth: asJson(buildWresReport(wres.value, { suppressBreakdowns: false })) },
    wdes: { published: asJson(buildWdesReport(wdes.value, { suppressBreakdowns: true })), truth: asJson(buildWdesReport(wdes.value, { suppressBreakdowns: false })) },
    medical: { published: medical(true), truth: medical(false) },
  };
}

function audit(data: WorkforceDataset): Record<string, readonly Disclosure[]> {
  const r = reports(data);
  return {
    WRES: auditWres(r.wres.published, r.wres.truth),
    WDES: auditWdes(r.wdes.published, r.wdes.truth),
    medical: auditMedical(r.medical.published, r.medical.truth),
  };
}

function assertSafe(data: WorkforceDataset): void {
  const found = audit(data);
  for (const [report, disclosures] of Object.entries(found)) {
    assert.deepEqual(disclosures.map((d) => `${d.variable} = ${d.value}`), [], `${report}: withheld counts a reader can work out`);
  }
}

type Options = Parameters<typeof staff>[2] & { gender?: string };

/** n people of one ethnic category, with the options given. */
function people(prefix: string, n: number, ethnic: string, options: Options = {}): StaffRecord[] {
  return ids(prefix, n).map((id) => ({ ...staff(id, ethnic, options), gender: options.gender ?? null }));
}

function cases(who: readonly StaffRecord[], date = '2024-06-01') {
  return who.map((s, i) => disciplinary(`C-${s.staffId}-${i}`, s.staffId, date));
}

function courses(who: readonly StaffRecord[]) {
  return who.map((s) => training(s.staffId, '2024-09-01'));
}

const NURSING = { group: 'Nursing and Midwifery Registered' };
const ADMIN = { group: 'Administrative and Clerical' };
const ESTATES = { group: 'Estates and Ancillary' };
const SCIENTISTS = { group: 'Healthcare Scientists' };
const MEDICAL = { group: 'Medical and Dental', band: 'Consultant' };

describe('hand-made trusts that hit the edge cases', () => {
  test('a breakdown with one entry: one ethnic minority doctor entering the disciplinary process (issue 9, item 7)', () => {
    const white = people('W', 40, 'A', MEDICAL);
    const asian = people('E', 20, 'H', MEDICAL);
    const data = dataset({ staff: [...white, ...asian, ...people('N', 30, 'A', NURSING)], disciplinary: cases(asian.slice(0, 1)) });
    const medical = reports(data).medical.published;
    // Every medical breakdown by staff group has one entry, the headline: the headline is withheld with it.
    assert.equal(medical.indicators['3'].available, false);
    assert.match(medical.indicators['3'].reason, /withheld/);
    assertSafe(data);
  });

  test('a breakdown with one entry at organisation level is the headline, and is shown as the headline is', () => {
    const white = people('W', 100, 'A', NURSING);
    const black = people('B', 50, 'N', NURSING);
    const data = dataset({ staff: [...white, ...black], disciplinary: cases([...black.slice(0, 3), ...white.slice(0, 20)]) });
    const wres = reports(data).wres.published.indicators['3'];
    const [only] = wres.breakdowns.gender;
    assert.equal(wres.breakdowns.gender.length, 1);
    assert.equal(only.key, 'Not recorded');
    assert.equal(only.suppressed, false);
    assert.deepEqual([only.numerator.events, only.numerator.population], [wres.groups.ethnicMinority.events, wres.groups.ethnicMinority.population]);
    assertSafe(data);
  });

  test('exactly one small cell, the other rows with no events: the second row withheld looks like the first', () => {
    const staffList = [
      ...people('NW', 100, 'A', NURSING), ...people('NE', 50, 'H', NURSING),
      ...people('AW', 80, 'A', ADMIN), ...people('AE', 40, 'N', ADMIN),
      ...people('EW', 30, 'A', ESTATES), ...people('EE', 20, 'M', ESTATES),
    ];
    const byId = (prefix: string, n: number) => staffList.filter((s) => s.staffId.startsWith(prefix)).slice(0, n);
    const data = dataset({ staff: staffList, disciplinary: cases([...byId('NE', 3), ...byId('NW', 10), ...byId('AW', 10), ...byId('EW', 10)]) });
    const rows = reports(data).wres.published.indicators['3'].breakdowns.staffGroup as { key: string; suppressed: boolean; suppressionReason: string | null }[];
    const withheld = rows.filter((r) => r.suppressed);
    assert.equal(withheld.length, 2);
    assert.equal(new Set(withheld.map((r) => r.suppressionReason)).size, 1, 'one reason for both, so a reader cannot tell which held the small count');
    assertSafe(data);
  });

  test('two small cells that add up to more than 7', () => {
    const staffList = [
      ...people('NW', 100, 'A', NURSING), ...people('NE', 50, 'H', NURSING),
      ...people('AW', 80, 'A', ADMIN), ...people('AE', 40, 'N', ADMIN),
      ...people('EW', 30, 'A', ESTATES), ...people('EE', 20, 'M', ESTATES),
    ];
    const byId = (prefix: string, n: number) => staffList.filter((s) => s.staffId.startsWith(prefix)).slice(0, n);
    const data = dataset({ staff: staffList, disciplinary: cases([...byId('NE', 4), ...byId('AE', 5), ...byId('NW', 10), ...byId('AW', 10), ...byId('EW', 10)]) });
    assertSafe(data);
  });

  test('a breakdown row withheld for another’s sake is not given back by its intersections', () => {
    const shortlisted = (prefix: string, n: number, appointed: number, ethnic: string, gender: string) =>
      ids(prefix, n).map((id, i) => application(id, ethnic, true, i < appointed, { gender }));
    const data = dataset({
      staff: people('S', 20, 'A'),
      applications: [
        ...shortlisted('WW', 20, 3, 'A', 'Female'), ...shortlisted('WM', 40, 12, 'A', 'Male'),
        ...shortlisted('AW', 20, 8, 'H', 'Female'), ...shortlisted('BW', 18, 9, 'N', 'Female'),
        ...shortlisted('AM', 20, 10, 'H', 'Male'), ...shortlisted('BM', 18, 9, 'N', 'Male'),
      ],
    });
    assertSafe(data);
  });

  test('indicators 3 and 4 count the same people, so what one withholds the other does not give back', () => {
    const scientists = [...people('SW', 50, 'A', SCIENTISTS), ...people('SE', 6, 'H', SCIENTISTS)];
    const nursing = [...people('NW', 200, 'A', NURSING), ...people('NE', 100, 'H', NURSING)];
    const admin = [...people('AW', 60, 'A', ADMIN), ...people('AE', 30, 'N', ADMIN)];
    const estates = [...people('EW', 25, 'A', ESTATES), ...people('EE', 20, 'M', ESTATES)];
    const pick = (list: StaffRecord[], prefix: string, n: number) => list.filter((s) => s.staffId.startsWith(prefix)).slice(0, n);
    const data = dataset({
      staff: [...scientists, ...nursing, ...admin, ...estates],
      disciplinary: cases([...pick(nursing, 'NE', 12), ...pick(nursing, 'NW', 20), ...pick(admin, 'AW', 10), ...pick(estates, 'EW', 10)]),
      training: courses([...pick(nursing, 'NE', 40), ...pick(nursing, 'NW', 90), ...pick(admin, 'AE', 5), ...pick(admin, 'AW', 30), ...pick(estates, 'EE', 10), ...pick(estates, 'EW', 10), ...pick(scientists, 'SW', 20)]),
    });
    assertSafe(data);
  });

  test('a small White headline: every specific group is withheld, and its White side is the published headline', () => {
    const white = people('W', 100, 'A', NURSING);
    const minority = [...people('H', 40, 'H', NURSING), ...people('N', 40, 'N', NURSING), ...people('M', 30, 'M', ADMIN)];
    const data = dataset({ staff: [...white, ...minority], disciplinary: cases([...white.slice(0, 2), ...minority.slice(0, 10), ...minority.slice(40, 50)]) });
    assertSafe(data);
  });

  test('a handful of consultants: their leadership row is indicator 1’s row and is shown, directors are withheld', () => {
    const consultants = [...people('W', 12, 'A', MEDICAL), ...people('E', 5, 'H', MEDICAL)];
    const directors = [{ ...consultants[0]!, medicalLeadership: 'clinicalDirector' as const }, { ...consultants[12]!, medicalLeadership: 'clinicalDirector' as const }];
    const data = dataset({ staff: [...directors, ...consultants.filter((s) => !directors.some((d) => d.staffId === s.staffId))] });
    const leadership = reports(data).medical.published.leadership as { role: string; withheld: boolean; ethnicMinority: { count: number } }[];
    assert.equal(leadership.find((l) => l.role === 'consultant')!.withheld, false);
    assert.equal(leadership.find((l) => l.role === 'consultant')!.ethnicMinority.count, 5);
    assert.equal(leadership.find((l) => l.role === 'clinicalDirector')!.withheld, true);
    assertSafe(data);
  });
});

describe('synthetic trusts of several sizes', () => {
  for (const [seed, size] of [[1, 300], [3, 2000], [4, 150], [5, 4000]] as const) {
    test(`seed ${seed}, ${size} staff`, async () => {
      const dir = mkdtempSync(join(tmpdir(), 'mirror-differencing-'));
      try {
        await writeSyntheticTrust(dir, { year: YEAR, seed, staff: size });
        const loaded = await loadWorkforceFolder(dir);
        assert.ok(loaded.ok);
        assertSafe(loaded.dataset);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});
