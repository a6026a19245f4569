/**
 * Trends of reports through the web (issue 12, item 7): members see ended years with small counts withheld (and a
 * second figure wherever subtraction would give one away), on the page and in the CSV; handlers see every count and
 * the year in progress; anyone else is told "not found"; every view and download is audited.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { reportingMonths } from '../../core/reporting/trends.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { addUser, Browser, createHarness, type Harness } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('trends of reports', () => {
  let harness: Harness;
  const people = new Map<string, Browser>();

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    const { store } = harness;
    const org = async (code: string) => {
      await store.imports.create({
        organisation: { code, name: `Organisation ${code}` }, year: 2025, importedBy: null, channel: 'cli', sources: [], notes: [],
        records: { staff: [], applications: [], disciplinary: [], training: [], board: [], survey: [], capability: [], wdesSurvey: [], narrative: null },
        standardCounts: {},
      });
      return (await store.organisations.byCode(code))!.id;
    };
    // A year with a WRES report, so that the board pack exists.
    const dir = mkdtempSync(join(tmpdir(), 'mirror-trends-'));
    await writeSyntheticTrust(dir, { year: 2025, seed: 5, staff: 120 });
    const imported = await importFolder(store, dir, { organisation: { code: 'ORGA', name: 'Organisation ORGA' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey });
    rmSync(dir, { recursive: true, force: true });
    assert.ok(imported.ok);
    const a = (await store.organisations.byCode('ORGA'))!.id;
    const b = await org('ORGB');
    let n = 0;
    const report = (organisationId: number, day: string, category: string) => store.reporting.createCase({
      organisationId, receiptHash: `hash-${n++}`, route: 'anonymous', category, directorate: null, wanted: 'heard', content: 'sealed', contact: null,
      handlerRole: 'dignity-at-work', receivedOn: day,
    });
    // 2024-25: ten reports from colleagues every month, and three about managers in July 2024; two in 2025-26 so far.
    for (const month of reportingMonths(2025)) for (let i = 0; i < 10; i++) await report(a, `${month}-0${1 + (i % 9)}`, 'colleagues');
    for (let i = 0; i < 3; i++) await report(a, '2024-07-15', 'managers');
    await report(a, '2025-05-02', 'microaggressions');
    await report(a, '2025-05-20', 'microaggressions');
    await report(b, '2024-05-01', 'colleagues');
    const handler = await addUser(store, { email: 'handler@example.nhs.uk', password: PASSWORD });
    await store.reporting.setHandler(a, 'dignity-at-work', handler.id, true);
    await addUser(store, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[a, 'analyst']] });
    await addUser(store, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[a, 'viewer']] });
    await addUser(store, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true });
    await addUser(store, { email: 'other@example.nhs.uk', password: PASSWORD, memberships: [[b, 'analyst']] });
    for (const who of ['handler', 'analyst', 'viewer', 'admin', 'other']) {
      const browser = new Browser(harness.app);
      await browser.get('/sign-in');
      assert.equal((await browser.post('/sign-in', { email: `${who}@example.nhs.uk`, password: PASSWORD })).statusCode, 303);
      people.set(who, browser);
    }
    harness.setNow(new Date('2025-06-15T10:00:00Z'));
  });

  after(() => harness.close());

  test('a viewer sees the ended year with the small counts and their complements withheld, audited', async () => {
    const page = await people.get('viewer')!.get('/organisations/ORGA/report-trends');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Reports of racism and discrimination, 2024 to 2025/);
    assert.match(page.body, /[1-9]\d* figures are withheld this year/);
    assert.match(page.body, /<span aria-hidden="true">\*<\/span><span class="nhsuk-u-visually-hidden">withheld<\/span>/);
    assert.match(page.body, /<svg/, 'the chart');
    assert.match(page.body, /Reports received each month: the numbers behind the chart/);
    // The year in progress is not offered to members.
    assert.doesNotMatch(page.body, /2025 to 2026/);
    assert.equal((await people.get('viewer')!.get('/organisations/ORGA/report-trends?year=2026')).statusCode, 404);
    const events = await harness.store.audit.list({ limit: 20, offset: 0 });
    assert.ok(events.some((e) => e.action === 'view' && e.subject === 'report-trends/2025' && (e.details as { withheld?: number }).withheld! > 0));
  });

  test('the CSV withholds the same figures: no count of 1 to 7, and no lone withheld figure in a month or category', async () => {
    const csv = await people.get('analyst')!.get('/organisations/ORGA/report-trends.csv?year=2025');
    assert.equal(csv.statusCode, 200);
    const rows = csv.body.trim().split(/\r?\n/).slice(1).map((line) => line.split(','));
    const value = (breakdown: string, month: string, key: string) => rows.find((r) => r[1] === breakdown && r[2] === month && r[3] === key)!;
    // July 2024's three reports about managers, and the managers' year total of 3, are withheld.
    assert.deepEqual(value('category', '2024-07', 'managers').slice(5), ['', 'yes']);
    assert.deepEqual(value('category', 'year', 'managers').slice(5), ['', 'yes']);
    // July's colleagues (10) would give them away as 13 − 10, so it goes too; the month's total of 13 is shown.
    assert.deepEqual(value('category', '2024-07', 'colleagues').slice(5), ['', 'yes']);
    assert.deepEqual(value('all', '2024-07', '').slice(5), ['13', 'no']);
    for (const r of rows) if (r[5] !== '') assert.ok(Number(r[5]) === 0 || Number(r[5]) >= 8, `a small count shown: ${r.join(',')}`);
    for (const month of [...reportingMonths(2025), 'year']) {
      const line = rows.filter((r) => r[1] === 'category' && r[2] === month).map((r) => r[6]);
      const total = rows.find((r) => r[1] === 'all' && r[2] === month)![6];
      assert.notEqual([...line, total].filter((w) => w === 'yes').length, 1, `${month} has one figure withheld`);
    }
    const events = await harness.store.audit.list({ limit: 20, offset: 0 });
    assert.ok(events.some((e) => e.action === 'export' && e.subject === 'report-trends/2025.csv'));
  });

  test('the board pack has the year\'s reports by category, withheld as on the trend page even for an analyst', async () => {
    const pack = await people.get('analyst')!.get('/organisations/ORGA/2025/board-pack');
    assert.equal(pack.statusCode, 200);
    assert.match(pack.body, /<h2 id="reports">Reports of racism and discrimination<\/h2>/);
    assert.match(pack.body, /Racism or discrimination from managers<\/th><td class="nhsuk-table__cell mirror-numeric">Withheld</);
    const json = await people.get('analyst')!.get('/api/v1/organisations/ORGA/2025/board-pack');
    const reports = (JSON.parse(json.body) as { reports: { total: number | null; byCategory: { key: string; reports: number | null }[] } }).reports;
    assert.equal(reports.byCategory.find((c) => c.key === 'managers')!.reports, null);
  });

  test('a handler sees every count, and the year in progress', async () => {
    const page = await people.get('handler')!.get('/cases/ORGA/trends?year=2025');
    assert.equal(page.statusCode, 200);
    assert.doesNotMatch(page.body, /Withheld|withheld<\/span>/);
    assert.match(page.body, /Every count is shown/);
    const now = await people.get('handler')!.get('/cases/ORGA/trends');
    assert.match(now.body, /2025 to 2026/);
    assert.match(now.body, /its months so far/);
    assert.match(now.body, /Jun 2025/);
    assert.doesNotMatch(now.body, /Jul 2025/, 'months still to come are left out');
  });

  test('non-members, another organisation and non-handlers are told "not found"', async () => {
    assert.equal((await people.get('admin')!.get('/organisations/ORGA/report-trends')).statusCode, 404);
    assert.equal((await people.get('other')!.get('/organisations/ORGA/report-trends.csv')).statusCode, 404);
    assert.equal((await people.get('analyst')!.get('/cases/ORGA/trends')).statusCode, 404);
    assert.equal((await people.get('handler')!.get('/cases/ORGB/trends')).statusCode, 404);
    assert.equal((await people.get('viewer')!.get('/organisations/ORGA/report-trends?year=abcd')).statusCode, 404);
  });
});
