import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

/** A multipart body as a browser sends it: the CSRF field first, then fields, then files. */
async function multipart(fields: Record<string, string>, files: Record<string, { name: string; content: string }>) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of Object.values(files)) form.append('files', new Blob([file.content], { type: 'text/csv' }), file.name);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()).toString('latin1'), contentType: request.headers.get('content-type') ?? '' };
}

async function upload(browser: Browser, fields: Record<string, string>, files: Record<string, { name: string; content: string }>) {
  await browser.get('/import');
  const body = await multipart({ _csrf: browser.lastCsrf, ...fields }, files);
  return browser.send('POST', '/import', body.payload, { 'content-type': body.contentType });
}

/** Follows an import to its end: the status page refreshes itself while running. */
async function finished(browser: Browser, location: string) {
  for (let i = 0; i < 1200; i++) {
    const page = await browser.get(location);
    if (!page.body.includes('http-equiv="refresh"')) return page;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

describe('importing from the browser', () => {
  let harness: Harness;
  let analyst: Browser;
  let dir: string;
  let staffCsv = '';

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-import-route-'));
    await writeSyntheticTrust(join(dir, 'trust'), { year: 2025, seed: 8, staff: 200 });
    staffCsv = readFileSync(join(dir, 'trust', 'staff.csv'), 'utf8');
    const seed = await importFolder(harness.store, join(dir, 'trust'), {
      organisation: { code: 'IMPA', name: 'Import test trust' }, year: 2024, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(seed.ok, 'the 2024 year imports');
    const organisation = await harness.store.organisations.byCode('IMPA');
    assert.ok(organisation);
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a broken row is located, nothing is saved, and every problem downloads as CSV', async () => {
    const lines = staffCsv.split('\n');
    lines[5] = lines[5]!.replace(/^([^,]*),([^,]*),/, '$1,Whte British,');
    const response = await upload(analyst, { organisation: 'IMPA', year: '2025' }, { staff: { name: 'staff.csv', content: lines.join('\n') } });
    assert.equal(response.statusCode, 303);
    const page = await finished(analyst, String(response.headers['location']));
    assert.match(page.body, /The files have problems/);
    assert.match(page.body, /Whte British/);
    assert.deepEqual(await harness.store.organisations.years((await harness.store.organisations.byCode('IMPA'))!.id), [2024]);
    const csv = await analyst.get(`${response.headers['location']}/problems.csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(csv.body, /^file,row,column,value,problem,expected/);
    assert.match(csv.body, /staff\.csv,6,ethnic_category,Whte British/);
  });

  test('different headings are mapped once, remembered for the organisation, and the import succeeds', async () => {
    const renamed = staffCsv.replace(/^staff_id,ethnic_category,/, 'Employee Number,Ethnic Origin,');
    const first = await upload(analyst, { organisation: 'IMPA', year: '2025' }, { staff: { name: 'staff.csv', content: renamed } });
    const location = String(first.headers['location']);
    const page = await finished(analyst, location);
    assert.match(page.body, /Match your column headings/);
    assert.match(page.body, /name="map\.staff\.staff_id"/);
    const mapped = await analyst.post(`${location}/mapping`, { 'map.staff.staff_id': 'Employee Number', 'map.staff.ethnic_category': 'Ethnic Origin' });
    assert.equal(mapped.statusCode, 303);
    const done = await finished(analyst, location);
    assert.match(done.body, /Import complete/);
    const organisation = (await harness.store.organisations.byCode('IMPA'))!;
    assert.deepEqual(await harness.store.organisations.years(organisation.id), [2025, 2024]);
    assert.deepEqual(await harness.store.columnMappings.get(organisation.id, 'staff'), { 'Employee Number': 'staff_id', 'Ethnic Origin': 'ethnic_category' });

    // The next upload with the same headings needs no mapping.
    const again = await upload(analyst, { organisation: 'IMPA', year: '2025' }, { staff: { name: 'staff.csv', content: renamed } });
    assert.match((await finished(analyst, String(again.headers['location']))).body, /Import complete/);
    const audit = await harness.store.audit.list({ limit: 20, offset: 0 });
    assert.ok(audit.some((e) => e.action === 'import'));
    assert.ok(audit.some((e) => e.action === 'import-rejected'));
  });

  test('an administrator cannot take over an existing organisation by adding it as a new one', async () => {
    const admin = await signedIn(harness, { email: 'takeover@example.nhs.uk', password: PASSWORD, administrator: true });
    const before = (await harness.store.organisations.byCode('IMPA'))!;
    const yearsBefore = await harness.store.organisations.years(before.id);
    for (const newCode of ['IMPA', 'impa']) {
      const response = await upload(admin, { organisation: '__new', newCode, newName: 'Taken over', year: '2023' }, { staff: { name: 'staff.csv', content: staffCsv } });
      assert.equal(response.statusCode, 400, newCode);
      const message = 'An organisation with the code IMPA already exists. Choose it from the list, or ask an administrator for access.';
      assert.match(response.body, new RegExp(`nhsuk-error-summary[\\s\\S]*href="#newCode"[^>]*>\\s*${message.replace(/\./g, '\\.')}\\s*<`), 'in the error summary');
      assert.match(response.body, new RegExp(`id="newCode-error"[\\s\\S]*${message.replace(/\./g, '\\.')}`), 'at the field');
    }
    const after = (await harness.store.organisations.byCode('IMPA'))!;
    assert.equal(after.name, 'Import test trust', 'not renamed');
    assert.deepEqual(await harness.store.organisations.years(after.id), yearsBefore, 'nothing imported');
    const adminUser = (await harness.store.users.byEmail('takeover@example.nhs.uk'))!;
    assert.deepEqual(await harness.store.users.memberships(adminUser.id), [], 'no role given');
  });

  test('an administrator adding a new organisation becomes its analyst, and that is audited', async () => {
    const admin = await signedIn(harness, { email: 'creator@example.nhs.uk', password: PASSWORD, administrator: true });
    const response = await upload(admin, { organisation: '__new', newCode: 'NEWB', newName: 'New test trust', year: '2025' }, { staff: { name: 'staff.csv', content: staffCsv } });
    assert.equal(response.statusCode, 303);
    assert.match((await finished(admin, String(response.headers['location']))).body, /Import complete/);
    const organisation = (await harness.store.organisations.byCode('NEWB'))!;
    const creator = (await harness.store.users.byEmail('creator@example.nhs.uk'))!;
    assert.deepEqual((await harness.store.users.memberships(creator.id)).map((m) => [m.organisation.code, m.role]), [['NEWB', 'analyst']]);
    const changes = (await harness.store.audit.list({ limit: 100, offset: 0 })).filter((e) => e.action === 'membership-changed');
    assert.deepEqual(changes.map((e) => [e.userId, e.organisationId, e.subject, e.details]), [[creator.id, organisation.id, `user/${creator.id}`, { role: 'analyst', previous: null, via: 'import of a new organisation' }]]);
  });

  test('the form refuses a missing year and a missing staff file, and a request without its CSRF token', async () => {
    const missing = await upload(analyst, { organisation: 'IMPA', year: '' }, {});
    assert.equal(missing.statusCode, 400);
    assert.match(missing.body, /Enter the reporting year/);
    assert.match(missing.body, /Choose the files to import: at least the staff file/);
    const body = await multipart({ organisation: 'IMPA', year: '2025' }, { staff: { name: 'staff.csv', content: staffCsv } });
    const forged = await analyst.send('POST', '/import', body.payload, { 'content-type': body.contentType });
    assert.equal(forged.statusCode, 403);
  });
});
