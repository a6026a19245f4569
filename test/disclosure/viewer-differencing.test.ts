/**
 * What a viewer gets from the running application, tried with the differencing attack: the API's WRES, WDES,
 * medical workforce and pay gap JSON for two imported years of a synthetic trust, the monthly series downloads
 * against the yearly reports, and the targets download. The truth beside each is the same report unsuppressed,
 * from the services.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { parse } from 'csv-parse/sync';
import { MONTHLY_MEASURE_KEYS, MONTHLY_MEASURES } from '../../src/core/monthly/monthly-measures.ts';
import { payPerson, type PayPerson } from '../../src/core/paygap/pay-person.ts';
import { payGapReport } from '../../src/core/paygap/report.ts';
import { isDisclosive, DEFAULT_DISCLOSURE_POLICY } from '../../src/core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { importFolder } from '../../src/services/import-service.ts';
import { monthlyCountsFor } from '../../src/services/monthly-counts-service.ts';
import { medicalReportFor, wdesReportFor } from '../../src/services/standards-report-service.ts';
import { wresReportFor } from '../../src/services/wres-report-service.ts';
import { loadWorkforceFolder } from '../../src/ingest/load-folder.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../src/web/auth/test-harness.ts';
import type { Disclosure } from '../support/differencing.ts';
import { auditMonthly } from '../support/monthly-equations.ts';
import { asJson, auditMedical, auditPayGap, auditWdes, auditWres } from '../support/report-audit.ts';
import type { Json } from '../support/json.ts';

const CODE = 'DIFF';
const YEARS = [2024, 2025] as const;
const MONTHLY_INDICATOR = { recruitment: '2', disciplinary: '3', training: '4' } as const;

function assertNone(disclosures: readonly Disclosure[], what: string): void {
  assert.deepEqual(disclosures.map((d) => `${d.variable} = ${d.value}`), [], `${what}: withheld counts a reader can work out`);
}

describe('what a viewer gets, tried with the differencing attack', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;
  let organisationId: number;
  const pay = new Map<number, PayPerson[]>();

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-viewer-differencing-'));
    for (const year of YEARS) {
      // Seed 3 with 2,000 staff: in 2025 one ethnic minority doctor enters the disciplinary process (issue 9, item 7).
      const folder = join(dir, String(year));
      await writeSyntheticTrust(folder, { year, seed: 3, staff: 2000 });
      const imported = await importFolder(harness.store, folder, {
        organisation: { code: CODE, name: 'Differencing trust' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok);
      const loaded = await loadWorkforceFolder(folder);
      assert.ok(loaded.ok);
      pay.set(year, loaded.dataset.staff.map(payPerson));
    }
    organisationId = (await harness.store.organisations.byCode(CODE))!.id;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: 'a long enough password', memberships: [[organisationId, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const api = async (standard: string, year: number) => {
    const response = await viewer.get(`/api/v1/organisations/${CODE}/${standard}/${year}`);
    assert.equal(response.statusCode, 200, `${standard} ${year}`);
    return JSON.parse(response.body);
  };

  test('the medical workforce: a headline of one doctor is withheld with its one-entry breakdown, on the page and in the API', async () => {
    const published = await api('medical', 2025);
    const truth = asJson(await medicalReportFor(harness.store, organisationId, 2025, { suppressBreakdowns: false }));
    assert.equal(truth.indicators['3'].groups.ethnicMinority.events, 1, 'the synthetic trust still has its one doctor');
    assert.equal(truth.indicators['3'].breakdowns.staffGroup.length, 1);
    assert.equal(published.indicators['3'].available, false);
    assert.doesNotMatch(JSON.stringify(published.indicators['3']), /"events"/);
    const page = (await viewer.get(`/organisations/${CODE}/2025/medical`)).body;
    assert.ok(page.includes(`not available for medical and dental staff: ${published.indicators['3'].reason}`));
    for (const year of YEARS) {
      assertNone(auditMedical(await api('medical', year), asJson(await medicalReportFor(harness.store, organisationId, year, { suppressBreakdowns: false }))), `medical ${year}`);
    }
  });

  test('WRES and WDES, every indicator and breakdown', async () => {
    for (const year of YEARS) {
      assertNone(auditWres(await api('wres', year), asJson(await wresReportFor(harness.store, organisationId, year, { suppressBreakdowns: false }))), `WRES ${year}`);
      assertNone(auditWdes(await api('wdes', year), asJson(await wdesReportFor(harness.store, organisationId, year, { suppressBreakdowns: false }))), `WDES ${year}`);
    }
  });

  test('pay gaps: groups, counts, quartiles and bonus', async () => {
    for (const year of YEARS) {
      const truth = asJson(payGapReport(pay.get(year)!, { forSharing: false, policy: { minimumGroupSize: 0 } }));
      assertNone(auditPayGap(await api('paygap', year), truth), `pay gaps ${year}`);
    }
  });

  test('the monthly series downloads, against the yearly reports', async () => {
    const yearly = new Map<number, Json>();
    for (const year of YEARS) yearly.set(year, await api('wres', year));
    for (const key of MONTHLY_MEASURE_KEYS) {
      const download = await viewer.get(`/organisations/${CODE}/2025/monthly/${key}.csv`);
      assert.equal(download.statusCode, 200);
      const rows = parse(download.body, { columns: true }) as Record<string, string>[];
      const truth = await monthlyCountsFor(harness.store, organisationId, 2025, MONTHLY_MEASURES[key]);
      const annual = (year: number) => yearly.get(year).indicators[MONTHLY_INDICATOR[key]].groups;
      assertNone(auditMonthly(key, rows, truth.months, annual, key !== 'recruitment'), `monthly ${key}`);
    }
  });

  test('the targets download shows no count of 1 to 7 and nothing that gives a withheld one back', async () => {
    const rows = parse((await viewer.get(`/organisations/${CODE}/2025/targets.csv`)).body, { columns: true }) as Record<string, string>[];
    assert.ok(rows.length > 0);
    const small = (text: string | undefined) => text !== undefined && text !== '' && isDisclosive(Number(text), DEFAULT_DISCLOSURE_POLICY);
    for (const row of rows) {
      const [minority, everyone] = [row['ethnic_minority_headcount'], row['band_headcount']];
      if (minority === '' || everyone === '') {
        // Withheld: nothing computed from the counts is left to compute them back from.
        for (const column of ['ethnic_minority_headcount', 'band_headcount', 'share_pct', 'ci95_low_pct', 'ci95_high_pct', 'heads_needed_now', 'heads_needed_at_horizon']) {
          assert.equal(row[column], '', `${row['band']} ${row['year']}: ${column}`);
        }
        continue;
      }
      assert.ok(!small(minority) && !small(everyone) && !isDisclosive(Number(everyone) - Number(minority), DEFAULT_DISCLOSURE_POLICY), `${row['band']} ${row['year']}`);
    }
  });
});
