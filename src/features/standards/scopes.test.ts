/**
 * A directorate's whole report in the API, its CSV download and its page: counted from the stored records, exactly
 * what `mirror <standard> --scope` prints for the same files, with small numbers withheld for everyone but the
 * organisation's analysts on screen, and audited by scope.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';
import { runCli } from '../../../test/support/run-cli.ts';
import { createHarness, signedIn, type Browser, type Harness } from '../../web/auth/test-harness.ts';

async function cli(...argv: string[]): Promise<string> {
  const { code, stdout, stderr } = await runCli(...argv);
  assert.equal(code, 0, stderr);
  return stdout;
}

const SURGERY = encodeURIComponent('directorate:Surgery');
const SMALL = 'directorate:Estates and Facilities';

describe('reports for part of an organisation', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let dir: string;
  let folder: string;
  let versionId: number;

  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirror-scopes-'));
    folder = join(dir, '2025');
    await writeSyntheticTrust(folder, { year: 2025, seed: 3, staff: 1200 });
    harness = await createHarness();
    const imported = await importFolder(harness.store, folder, {
      organisation: { code: 'SCOPE', name: 'Scope NHS Trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(imported.ok);
    versionId = imported.version.id;
    const memberships: [number, 'viewer' | 'analyst'][] = [[imported.version.organisationId, 'viewer']];
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: 'a long enough password', memberships });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: 'a long enough password', memberships: [[imported.version.organisationId, 'analyst']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('the API gives a directorate\'s whole WRES and WDES exactly as the command line prints them', async () => {
    for (const standard of ['wres', 'wdes', 'medical', 'paygap']) {
      const response = await viewer.get(`/api/v1/organisations/SCOPE/${standard}/2025?scope=${SURGERY}`);
      assert.equal(response.statusCode, 200, response.body);
      const year = standard === 'paygap' ? [] : ['--year', '2025'];
      assert.equal(response.body, await cli(standard, folder, ...year, '--format', 'json', '--scope', 'directorate=Surgery'), standard);
    }
    const report = JSON.parse((await viewer.get(`/api/v1/organisations/SCOPE/wres/2025?scope=${SURGERY}`)).body);
    assert.equal(report.scope.label, 'the Surgery directorate');
    const overall = report.indicators['1'].overall;
    assert.ok(overall.suppressed === true || overall.total > 100, 'the directorate\'s people, unless a count of 1 to 7 withholds them (scoped-shares.test.ts)');
    const staffGroup = await viewer.get(`/api/v1/organisations/SCOPE/wdes/2025?scope=${encodeURIComponent('staff-group:Nursing and Midwifery Registered')}`);
    assert.equal(staffGroup.body, await cli('wdes', folder, '--year', '2025', '--format', 'json', '--scope', 'staff-group=Nursing'));
    const medical = await viewer.get('/api/v1/organisations/SCOPE/wres/2025?scope=medical');
    assert.equal(medical.body, await cli('wres', folder, '--year', '2025', '--format', 'json', '--scope', 'medical'));
  });

  test('small numbers are withheld in the API and for viewers; analysts see them on screen only', async () => {
    const shared = JSON.parse((await viewer.get(`/api/v1/organisations/SCOPE/wres/2025?scope=${encodeURIComponent(SMALL)}`)).body);
    assert.equal(shared.indicators['4'].available, false);
    assert.match(shared.indicators['4'].reason, /withheld to protect identities/);
    const analystsApi = JSON.parse((await analyst.get(`/api/v1/organisations/SCOPE/wres/2025?scope=${encodeURIComponent(SMALL)}`)).body);
    assert.equal(analystsApi.indicators['4'].available, false, 'the API withholds for analysts too');

    const viewersPage = await viewer.get(`/organisations/SCOPE/2025/standards/wres?scope=${encodeURIComponent(SMALL)}`);
    assert.equal(viewersPage.statusCode, 200);
    assert.match(viewersPage.body, /Not available: fewer than 8 people in a cell for the Estates and Facilities directorate, so withheld to protect identities\./);
    const analystsPage = await analyst.get(`/organisations/SCOPE/2025/standards/wres?scope=${encodeURIComponent(SMALL)}`);
    assert.doesNotMatch(analystsPage.body, /withheld to protect identities\./);
    assert.match(analystsPage.body, /Small numbers are shown/);

    const csv = await analyst.get(`/organisations/SCOPE/2025/wres.csv?scope=${encodeURIComponent(SMALL)}`);
    assert.equal(csv.statusCode, 200);
    assert.equal(csv.body, await cli('wres', folder, '--year', '2025', '--format', 'csv', '--scope', `directorate=${SMALL.slice('directorate:'.length)}`));
    assert.match(String(csv.headers['content-disposition']), /wres-SCOPE-2025-directorate-Estates-and-Facilities\.csv/);
  });

  test('the page offers the directorates, staff groups and medical workforce there are, with a form that needs no script', async () => {
    const page = await viewer.get('/organisations/SCOPE/2025/standards/wdes');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<form method="get" action="\/organisations\/SCOPE\/2025\/standards\/wdes"/);
    assert.match(page.body, /<option value="organisation" selected>The whole organisation<\/option>/);
    assert.match(page.body, /<option value="directorate:Surgery">Directorate: Surgery<\/option>/);
    assert.match(page.body, /<option value="staff-group:Nursing and Midwifery Registered">Staff group: Nursing and Midwifery Registered<\/option>/);
    assert.doesNotMatch(page.body, /Staff group: Medical and Dental/, 'offered once, as the medical and dental workforce');
    assert.match(page.body, /<option value="medical">The medical and dental workforce<\/option>/);
    assert.match(page.body, /href="\/organisations\/SCOPE\/2025\/wdes\.csv"/);

    const surgery = await viewer.get(`/organisations/SCOPE/2025/standards/wdes?scope=${SURGERY}`);
    assert.equal(surgery.statusCode, 200);
    assert.match(surgery.body, /<h1>Workforce Disability Equality Standard 2025 for the Surgery directorate<\/h1>/);
    assert.match(surgery.body, /<option value="directorate:Surgery" selected>/);
    assert.match(surgery.body, /Applications have no directorate/);
    assert.match(surgery.body, /href="\/organisations\/SCOPE\/2025\/wdes\.csv\?scope=directorate%3ASurgery"/);
  });

  test('a directorate with nobody in it, or a scope that is not one, is a clear error', async () => {
    const api = await viewer.get('/api/v1/organisations/SCOPE/wres/2025?scope=directorate:Radiology');
    assert.equal(api.statusCode, 404);
    assert.match(JSON.parse(api.body).error, /^nobody in the staff file is in the directorate "Radiology"; the directorates in the staff file are: Clinical Support Services, .*Surgery/);
    const bad = await viewer.get('/api/v1/organisations/SCOPE/wres/2025?scope=site:North');
    assert.equal(bad.statusCode, 400);
    assert.equal(JSON.parse(bad.body).error, 'there is no scope by site: the staff file has no site column');
    const page = await viewer.get('/organisations/SCOPE/2025/standards/wres?scope=directorate:Radiology');
    assert.equal(page.statusCode, 404);
    assert.match(page.body, /There is a problem/);
    assert.match(page.body, /the directorates in the staff file are/);
    const unknownYear = await viewer.get(`/api/v1/organisations/SCOPE/wres/2024?scope=${SURGERY}`);
    assert.equal(unknownYear.statusCode, 404);
  });

  test('views, downloads and API reads are audited with the scope', async () => {
    await viewer.get(`/organisations/SCOPE/2025/standards/wres?scope=${SURGERY}`);
    await viewer.get(`/organisations/SCOPE/2025/wres.csv?scope=${SURGERY}`);
    await viewer.get(`/api/v1/organisations/SCOPE/wres/2025?scope=${SURGERY}`);
    const events = await harness.store.audit.list({ limit: 3, offset: 0 });
    assert.deepEqual(events.map((e) => [e.action, e.subject]), [
      ['api-read', 'wres/2025/directorate:Surgery'],
      ['export', 'wres/2025.csv/directorate:Surgery'],
      ['view', 'wres/2025/directorate:Surgery'],
    ]);
  });

  test('a year imported before its records kept every counted field asks to be imported again, never a figure', async () => {
    const db = (harness.store as KyselyStore).db;
    await db.updateTable('import_versions').set({ records_format: 0 }).where('id', '=', versionId).execute();
    try {
      const api = await viewer.get(`/api/v1/organisations/SCOPE/wres/2025?scope=${SURGERY}`);
      assert.equal(api.statusCode, 409);
      assert.match(JSON.parse(api.body).error, /Import the 2025 files again to see it\.$/);
      const page = await viewer.get(`/organisations/SCOPE/2025/standards/wres?scope=${SURGERY}`);
      assert.equal(page.statusCode, 409);
      assert.match(page.body, /Import the 2025 files again to see it\./);
      assert.doesNotMatch(page.body, /Indicator 1:/);
      const csv = await viewer.get(`/organisations/SCOPE/2025/wres.csv?scope=${SURGERY}`);
      assert.equal(csv.statusCode, 409);
      const whole = await viewer.get('/api/v1/organisations/SCOPE/wres/2025');
      assert.equal(whole.statusCode, 200, 'the whole organisation\'s report comes from the counts kept at import');
    } finally {
      await db.updateTable('import_versions').set({ records_format: 1 }).where('id', '=', versionId).execute();
    }
  });
});
