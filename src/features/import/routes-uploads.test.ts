/**
 * What happens to uploaded files: they hold staff identifiers and ethnicity in clear, so none may outlive the import
 * that needs them, nor a restart. Checked on the real folder on disk.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { addUser, Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';
import { startServer } from '../../web/server.ts';

const PASSWORD = 'a long enough password';

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

async function finished(browser: Browser, location: string) {
  for (let i = 0; i < 600; i++) {
    const page = await browser.get(location);
    if (!page.body.includes('http-equiv="refresh"')) return page;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

/** Every file under a folder, with its bytes. */
function filesUnder(folder: string): { path: string; bytes: Buffer }[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { recursive: true, encoding: 'utf8' })
    .map((name) => join(folder, name))
    .filter((path) => statSync(path).isFile())
    .map((path) => ({ path, bytes: readFileSync(path) }));
}

function entriesIn(folder: string): string[] {
  return existsSync(folder) ? readdirSync(folder) : [];
}

describe('uploaded files', () => {
  let harness: Harness;
  let analyst: Browser;
  let dir: string;
  let staffCsv = '';
  let uploads = '';

  before(async () => {
    harness = await createHarness();
    uploads = join(harness.services.dataDir, 'uploads');
    dir = mkdtempSync(join(tmpdir(), 'mirror-uploads-'));
    await writeSyntheticTrust(join(dir, 'trust'), { year: 2025, seed: 9, staff: 150 });
    staffCsv = readFileSync(join(dir, 'trust', 'staff.csv'), 'utf8');
    const seed = await importFolder(harness.store, join(dir, 'trust'), {
      organisation: { code: 'UPLD', name: 'Upload test trust' }, year: 2024, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(seed.ok);
    const organisation = (await harness.store.organisations.byCode('UPLD'))!;
    analyst = await signedIn(harness, { email: 'uploads@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'analyst']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('are deleted as soon as an import succeeds', async () => {
    const response = await upload(analyst, { organisation: 'UPLD', year: '2025' }, { staff: { name: 'staff.csv', content: staffCsv } });
    assert.equal(response.statusCode, 303);
    assert.match((await finished(analyst, String(response.headers['location']))).body, /Import complete/);
    assert.deepEqual(entriesIn(uploads), []);
  });

  test('of an import with problems are kept sealed, and gone once the file chosen again alone makes the set import', async () => {
    const broken = staffCsv.replace(/\n([^,\n]*),([^,\n]*),/, '\n$1,Whte British,');
    const firstId = /\n([^,\n]+),/.exec(staffCsv)?.[1];
    assert.ok(firstId);
    const response = await upload(analyst, { organisation: 'UPLD', year: '2025' }, { staff: { name: 'staff.csv', content: broken } });
    const location = String(response.headers['location']);
    assert.match((await finished(analyst, location)).body, /The files have problems/);
    const kept = filesUnder(uploads);
    assert.equal(kept.length, 1, 'the staff file is kept, sealed, to be fixed');
    for (const clear of [firstId, 'Whte British', 'staff_id']) assert.ok(!kept[0]!.bytes.includes(clear), `"${clear}" is not in clear`);

    await analyst.get(location);
    const body = await multipart({ _csrf: analyst.lastCsrf }, { staff: { name: 'staff-fixed.csv', content: staffCsv } });
    const again = await analyst.send('POST', `${location}/files`, body.payload, { 'content-type': body.contentType });
    assert.equal(again.statusCode, 303);
    assert.match((await finished(analyst, location)).body, /Import complete/);
    assert.deepEqual(entriesIn(uploads), []);
  });

  test('kept for a column-mapping retry are unreadable on disk, and gone once the retry succeeds', async () => {
    const renamed = staffCsv.replace(/^staff_id,ethnic_category,/, 'Employee Number,Ethnic Origin,');
    const firstId = /\n([^,\n]+),/.exec(renamed)?.[1];
    assert.ok(firstId);
    const response = await upload(analyst, { organisation: 'UPLD', year: '2025' }, { staff: { name: 'staff.csv', content: renamed } });
    const location = String(response.headers['location']);
    assert.match((await finished(analyst, location)).body, /Match your column headings/);

    const kept = filesUnder(uploads);
    assert.ok(kept.length > 0, 'something is kept for the retry');
    for (const { path, bytes } of kept) {
      for (const clear of [firstId, 'Employee Number', 'White', 'Asian', 'staff_id']) {
        assert.ok(!bytes.includes(clear), `${path} holds "${clear}" in clear`);
      }
    }

    const mapped = await analyst.post(`${location}/mapping`, { 'map.staff.staff_id': 'Employee Number', 'map.staff.ethnic_category': 'Ethnic Origin' });
    assert.equal(mapped.statusCode, 303);
    assert.match((await finished(analyst, location)).body, /Import complete/);
    assert.deepEqual(entriesIn(uploads), []);
  });

  test('a request that is not multipart, or fails validation, leaves no folder', async () => {
    await analyst.get('/import');
    const plain = await analyst.post('/import', { organisation: 'UPLD', year: '2025' });
    assert.ok(plain.statusCode >= 400, `refused (${plain.statusCode})`);
    assert.deepEqual(entriesIn(uploads), []);

    const invalid = await upload(analyst, { organisation: 'UPLD', year: 'last year' }, { staff: { name: 'staff.csv', content: staffCsv } });
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(entriesIn(uploads), []);

    const wrongType = await upload(analyst, { organisation: 'UPLD', year: '2025' }, { staff: { name: 'staff.pdf', content: staffCsv } });
    assert.match(wrongType.body, /staff\.pdf cannot be imported: a PDF cannot be read as a table/);
    assert.deepEqual(entriesIn(uploads), []);
  });
});

describe('the uploads folder at stop and start', () => {
  test('a server stopped mid-import stops the import and deletes its upload, working copy included', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mirror-stop-'));
    try {
      const server = await startServer({ PORT: '0', MIRROR_DATA_DIR: dataDir, MIRROR_DEMO: 'off', LOG_LEVEL: 'silent' }, () => {});
      await addUser(server.store, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true });
      const admin = new Browser(server.app);
      await admin.get('/sign-in');
      assert.equal((await admin.post('/sign-in', { email: 'admin@example.nhs.uk', password: PASSWORD })).statusCode, 303);
      await writeSyntheticTrust(join(dataDir, 'trust'), { year: 2025, seed: 2, staff: 20_000 });
      const staff = readFileSync(join(dataDir, 'trust', 'staff.csv'), 'utf8');
      const response = await upload(admin, { organisation: '__new', newCode: 'STOP', newName: 'Stopped trust', year: '2025' }, { staff: { name: 'staff.csv', content: staff } });
      assert.equal(response.statusCode, 303);
      assert.equal(entriesIn(join(dataDir, 'uploads')).length, 1, 'the upload is there while the import runs');
      await server.close();
      assert.deepEqual(filesUnder(join(dataDir, 'uploads')), []);
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });


  test('is swept: leftovers from before a restart are deleted, and only their number is said', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'mirror-sweep-'));
    try {
      for (const name of ['3f0c-left-behind', 'another']) {
        mkdirSync(join(dataDir, 'uploads', name), { recursive: true });
        writeFileSync(join(dataDir, 'uploads', name, 'staff.csv'), 'staff_id,ethnic_category\nS1,White - British\n');
      }
      writeFileSync(join(dataDir, 'uploads', 'stray.csv'), 'S2,A\n');
      const said: string[] = [];
      const server = await startServer({ PORT: '0', MIRROR_DATA_DIR: dataDir, MIRROR_DEMO: 'off', LOG_LEVEL: 'silent' }, (line) => said.push(line));
      await server.close();
      assert.deepEqual(entriesIn(join(dataDir, 'uploads')), []);
      const line = said.find((l) => /^Removed .*upload/i.test(l));
      assert.match(line ?? '', /Removed 3 /);
      assert.ok(!said.some((l) => /left-behind|another|stray/.test(l)), 'no names are said');
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
