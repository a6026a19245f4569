/**
 * Importing the files as they come: all at once under any names or as a zip, recognised by their headings; after a
 * problem, only the fixed file chosen again; an unrecognised file's kind said on the page; headings mapped once and
 * shared as a preset that another organisation's import then recognises.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { zipOf } from '../../../test/support/zip.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

type File = { name: string; content: string | Uint8Array };

async function multipart(fields: Record<string, string>, files: readonly File[]) {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) form.append(name, value);
  for (const file of files) form.append('files', new Blob([file.content]), file.name);
  const request = new Request('http://x/', { method: 'POST', body: form });
  return { payload: Buffer.from(await request.arrayBuffer()), contentType: request.headers.get('content-type') ?? '' };
}

async function send(browser: Browser, page: string, action: string, fields: Record<string, string>, files: readonly File[]) {
  await browser.get(page);
  const body = await multipart({ _csrf: browser.lastCsrf, ...fields }, files);
  return browser.send('POST', action, body.payload, { 'content-type': body.contentType });
}

async function finished(browser: Browser, location: string) {
  for (let i = 0; i < 1200; i++) {
    const page = await browser.get(location);
    if (!page.body.includes('http-equiv="refresh"')) return page;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('the import did not finish');
}

/** The error summary's links, in order. */
function summaryLinks(body: string): string[] {
  const summary = /<div class="nhsuk-error-summary"[\s\S]*?<\/ul>/.exec(body)?.[0] ?? '';
  return [...summary.matchAll(/<a href="([^"]+)">/g)].map((m) => m[1]!);
}

describe('importing the files as they come', () => {
  let harness: Harness;
  let analyst: Browser;
  let dir: string;
  let files: File[] = [];

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-import-files-'));
    const trust = join(dir, 'trust');
    await writeSyntheticTrust(trust, { year: 2025, seed: 11, staff: 150 });
    files = readdirSync(trust).sort().map((name) => ({ name, content: readFileSync(join(trust, name), 'utf8') }));
    const memberships: [number, 'analyst'][] = [];
    for (const code of ['FILA', 'FILB']) {
      const seeded = await importFolder(harness.store, trust, { organisation: { code, name: `Trust ${code}` }, year: 2024, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey });
      assert.ok(seeded.ok);
      memberships.push([(await harness.store.organisations.byCode(code))!.id, 'analyst']);
    }
    analyst = await signedIn(harness, { email: 'files@example.nhs.uk', password: PASSWORD, memberships });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const file = (name: string) => files.find((f) => f.name === name)!;

  test('the form has one picker for every file, which works without JavaScript', async () => {
    const page = await analyst.get('/import');
    assert.match(page.body, /<input class="nhsuk-file-upload" id="files" name="files" type="file" multiple accept="\.csv,\.xlsx,\.zip,\.txt"/);
    assert.match(page.body, /data-folder-picker hidden/);
    assert.ok(!/id="staff"/.test(page.body), 'no input per kind of file');
  });

  test('more files than one request may bring are refused with a clear message, leaving nothing behind', async () => {
    const many = Array.from({ length: 41 }, (_, i) => ({ name: `file ${i}.csv`, content: 'a,b\n1,2\n' }));
    const response = await send(analyst, '/import', '/import', { organisation: 'FILA', year: '2025' }, many);
    assert.equal(response.statusCode, 413);
    assert.match(response.body, /More than 40 files were chosen at once; choose only the year&#39;s tables, or put them in one \.zip/);
    assert.deepEqual(readdirSync(join(harness.services.dataDir, 'uploads')).length, 0);
  });

  test('every file at once, as one zip with the generator README beside them, imports; the README, written for people, is neither read nor listed', async () => {
    const zip = zipOf(files.map((f) => ({ name: `2025/${f.name}`, content: f.content })));
    const response = await send(analyst, '/import', '/import', { organisation: 'FILA', year: '2025' }, [{ name: 'FILA 2025.zip', content: zip }]);
    assert.equal(response.statusCode, 303);
    const page = await finished(analyst, String(response.headers['location']));
    assert.match(page.body, /Import complete/);
    assert.ok(files.some((f) => f.name === 'README.txt'), 'the zip holds the README');
    assert.doesNotMatch(page.body, /README/);
    const organisation = (await harness.store.organisations.byCode('FILA'))!;
    const version = await harness.store.imports.current(organisation.id, 2025);
    assert.deepEqual(version?.sources.map((s) => s.kind).sort(), ['applications', 'board', 'capability', 'disciplinary', 'staff', 'survey', 'training']);
  });

  test('two files of one kind are refused naming both; the page opens with the error summary linking each problem', async () => {
    const response = await send(analyst, '/import', '/import', { organisation: 'FILA', year: '2025' }, [file('staff.csv'), { name: 'staff (2).csv', content: file('staff.csv').content }, file('board.csv')]);
    const page = await finished(analyst, String(response.headers['location']));
    assert.match(page.body, /The files have problems/);
    assert.ok(page.body.indexOf('nhsuk-error-summary') < page.body.indexOf('<h1'), 'the summary comes first');
    assert.match(page.body, /class="nhsuk-error-summary"[^>]*tabindex="-1"/);
    assert.deepEqual(summaryLinks(page.body), ['#problem-1']);
    assert.match(page.body, /staff\.csv and staff \(2\)\.csv are both staff files/);
    assert.match(page.body, /<tr role="row" class="nhsuk-table__row" id="problem-1"/);
  });

  test('after a broken row, only the fixed file is chosen again, and the kept files make up the set', async () => {
    const lines = String(file('training.csv').content).split('\n');
    lines[3] = lines[3]!.replace(/,(Yes|No),/, ',perhaps,');
    assert.match(lines[3]!, /perhaps/);
    const broken = { name: 'Training 2025.csv', content: lines.join('\n') };
    const response = await send(analyst, '/import', '/import', { organisation: 'FILB', year: '2025' }, [file('staff.csv'), file('board.csv'), broken]);
    const location = String(response.headers['location']);
    const page = await finished(analyst, location);
    assert.match(page.body, /Training 2025\.csv, row 4|Training 2025\.csv<\/td>/);
    assert.match(page.body, /perhaps/);
    assert.match(page.body, /Choose again only the files you fixed/);
    assert.match(page.body, /Training 2025\.csv: Training and development <strong>\(has a problem\)<\/strong>/);

    const empty = await send(analyst, location, `${location}/files`, {}, []);
    assert.equal(empty.statusCode, 400);
    assert.deepEqual(summaryLinks(empty.body)[0], '#files');

    const again = await send(analyst, location, `${location}/files`, {}, [{ name: 'Training 2025 fixed.csv', content: file('training.csv').content }]);
    assert.equal(again.statusCode, 303);
    const done = await finished(analyst, location);
    assert.match(done.body, /Import complete/);
    assert.match(done.body, /Training 2025\.csv was replaced by Training 2025 fixed\.csv, chosen later/);
    const organisation = (await harness.store.organisations.byCode('FILB'))!;
    const version = await harness.store.imports.current(organisation.id, 2025);
    assert.deepEqual(version?.sources.map((s) => s.file), ['staff.csv', 'Training 2025 fixed.csv', 'board.csv']);
  });

  test("an unrecognised file's kind is said on the page, its headings mapped and shared as a preset another organisation's import recognises", async () => {
    const renamed = String(file('staff.csv').content).replace(/^staff_id,ethnic_category,/, 'Employee Number,Ethnic Origin,');
    const export1 = { name: 'export-1.csv', content: renamed };
    const response = await send(analyst, '/import', '/import', { organisation: 'FILA', year: '2025' }, [export1, file('board.csv')]);
    const location = String(response.headers['location']);
    const first = await finished(analyst, location);
    assert.match(first.body, /export-1\.csv, row 1|export-1\.csv<\/td>/);
    assert.match(first.body, /Mirror cannot tell which kind of file this is from its headings \(&quot;Employee Number&quot;, &quot;Ethnic Origin&quot;/);
    const field = /<select class="nhsuk-select" id="(kind\.[^"]+)"/.exec(first.body)?.[1];
    assert.ok(field, 'the page asks what kind the file is');

    assert.equal((await analyst.post(`${location}/mapping`, { [field]: 'staff' })).statusCode, 303);
    const second = await finished(analyst, location);
    assert.match(second.body, /name="map\.staff\.staff_id"/);

    const taken = await analyst.post(`${location}/mapping`, { 'map.staff.staff_id': 'Employee Number', 'map.staff.ethnic_category': 'Ethnic Origin', presetName: 'x'.repeat(81) });
    assert.equal(taken.statusCode, 400);
    assert.match(taken.body, /href="#presetName"[^>]*>\s*Enter a preset name of at most 80 characters/);

    const mapped = await analyst.post(`${location}/mapping`, { 'map.staff.staff_id': 'Employee Number', 'map.staff.ethnic_category': 'Ethnic Origin', presetName: 'Test HR system staff report' });
    assert.equal(mapped.statusCode, 303);
    assert.match((await finished(analyst, location)).body, /Import complete/);
    const presets = await harness.store.columnMappings.presets();
    assert.deepEqual(presets.map((p) => [p.name, p.kind, p.mapping]), [['Test HR system staff report', 'staff', { 'Employee Number': 'staff_id', 'Ethnic Origin': 'ethnic_category' }]]);
    const audit = await harness.store.audit.list({ limit: 50, offset: 0 });
    assert.ok(audit.some((e) => e.action === 'mapping-preset-saved' && e.details['name'] === 'Test HR system staff report'));

    // Another organisation, which has never mapped these headings, imports the same kind of file straight away.
    const elsewhere = await send(analyst, '/import', '/import', { organisation: 'FILB', year: '2023' }, [{ name: 'export-7.csv', content: renamed }]);
    assert.match((await finished(analyst, String(elsewhere.headers['location']))).body, /Import complete/);
    const b = (await harness.store.organisations.byCode('FILB'))!;
    assert.equal(await harness.store.columnMappings.get(b.id, 'staff'), null, 'read with the preset, not a mapping of its own');

    // The name is now taken for staff files.
    const again = await send(analyst, '/import', '/import', { organisation: 'FILB', year: '2022' }, [{ name: 'staff export-9.csv', content: renamed.replace('Pay Band', 'Grade').replace(/^([^\n]*)pay_band/, '$1Grade') }]);
    const page = await finished(analyst, String(again.headers['location']));
    assert.match(page.body, /name="map\.staff\.pay_band"/);
    const refused = await analyst.post(`${String(again.headers['location'])}/mapping`, { 'map.staff.pay_band': 'Grade', presetName: 'test hr system staff report' });
    assert.equal(refused.statusCode, 400);
    assert.match(refused.body, /A preset called &quot;Test HR system staff report&quot; already exists for staff files/);
  });
});
