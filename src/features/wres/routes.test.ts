/**
 * The WRES slice's routes over a SQLite store in memory, built by the same composition root as the running service
 * (web/composition-root.ts): nothing but the services it is handed stands between a route and its store.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { standsOut } from '../../core/wres/stands-out.ts';
import { importFolder } from '../../services/import-service.ts';
import { wresReportFor } from '../../services/wres-report-service.ts';
import { SQLITE_IN_MEMORY } from '../../store/database.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('the WRES pages over a store in memory', () => {
  let harness: Harness;
  let viewer: Browser;
  let analyst: Browser;
  let ownId: number;
  let smallId: number;
  let outsider: Browser;
  let files: string;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    files = mkdtempSync(join(tmpdir(), 'mirror-wres-memory-'));
    await writeSyntheticTrust(join(files, '2025'), { year: 2025, seed: 4, staff: 600 });
    // A small trust, in which some ethnic categories have nobody.
    await writeSyntheticTrust(join(files, 'small'), { year: 2025, seed: 4, staff: 120 });
    const small = await importFolder(harness.store, join(files, 'small'), {
      organisation: { code: 'MEM03', name: 'Small trust' }, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
    });
    assert.ok(small.ok);
    for (const organisation of [{ code: 'MEM01', name: 'In-memory trust' }, { code: 'MEM02', name: 'Another trust' }]) {
      const imported = await importFolder(harness.store, join(files, '2025'), {
        organisation, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok);
    }
    const [own, other] = [(await harness.store.organisations.byCode('MEM01'))!, (await harness.store.organisations.byCode('MEM02'))!];
    ownId = own.id;
    smallId = (await harness.store.organisations.byCode('MEM03'))!.id;
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer'], [smallId, 'viewer']] });
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'analyst'], [smallId, 'analyst']] });
    outsider = await signedIn(harness, { email: 'outsider@example.nhs.uk', password: PASSWORD, memberships: [[other.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('the store is in memory: no database file is written', () => {
    assert.equal(harness.services.storeConfig.dialect === 'sqlite' && harness.services.storeConfig.file, SQLITE_IN_MEMORY);
    assert.equal(existsSync(join(harness.services.dataDir, 'mirror.sqlite')), false);
    assert.equal(existsSync(SQLITE_IN_MEMORY), false, 'no file named :memory: in the working folder');
    assert.deepEqual(readdirSync(harness.services.dataDir).filter((f) => f.includes('sqlite')), []);
  });

  test('the organisations page, the dashboard, an indicator and its download answer from the store in memory', async () => {
    const start = await viewer.get('/');
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /In-memory trust/);
    assert.equal((await viewer.get('/organisations/MEM01')).headers['location'], '/organisations/MEM01/2025');

    const dashboard = await viewer.get('/organisations/MEM01/2025');
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /<title>[^<]*WRES 2025: In-memory trust/);

    const indicator = await viewer.get('/organisations/MEM01/2025/indicators/2');
    assert.equal(indicator.statusCode, 200);
    assert.match(indicator.body, /Indicator 2, WRES 2025/);

    const csv = await viewer.get('/organisations/MEM01/2025/indicators/2.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.body, /^indicator,section,item,group,measure,value\n2,/);

    const views = (await harness.store.audit.list({ limit: 50, offset: 0 })).filter((e) => e.subject?.startsWith('wres/2025'));
    assert.deepEqual(views.map((e) => e.subject).sort(), ['wres/2025', 'wres/2025/indicator/2', 'wres/2025/indicator/2.csv']);
  });

  test('another organisation\'s pages and a year not imported answer 404', async () => {
    assert.equal((await outsider.get('/organisations/MEM01/2025')).statusCode, 404);
    assert.equal((await outsider.get('/organisations/MEM01/2025/indicators/2.csv')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/MEM01/2024')).statusCode, 404);
  });

  test('the dashboard opens with what stands out: each finding in a sentence, a picture and a table of the same numbers', async () => {
    const page = await viewer.get('/organisations/MEM01/2025');
    assert.equal(page.statusCode, 200);
    const report = (await wresReportFor(harness.store, ownId, 2025, { suppressBreakdowns: true }))!;
    const expected = standsOut(report);
    assert.ok(expected.findings.length > 0, 'the test trust has something that stands out');
    const opening = page.body.slice(page.body.indexOf('<h2>What stands out</h2>'), page.body.indexOf('<h2 id="indicators">'));
    const sections = opening.split('<section class="mirror-stands-out"').slice(1);
    assert.equal(sections.length, expected.findings.length);
    for (const [i, finding] of expected.findings.entries()) {
      const section = sections[i]!;
      assert.ok(section.includes(`>Indicator ${finding.id}: `), `finding ${i + 1} is indicator ${finding.id}`);
      assert.ok(section.includes(`<p>${finding.sentence}</p>`), `finding ${i + 1} says: ${finding.sentence}`);
      assert.match(finding.sentence, /times as likely/);
      const svg = section.indexOf('<svg');
      const table = section.indexOf('<table');
      assert.ok(svg > 0 && table > svg, 'a picture, then a table');
      for (const g of finding.groups) {
        assert.ok(section.includes(`${g.events.toLocaleString('en-GB')} of ${g.population.toLocaleString('en-GB')}`), `${g.label}'s counts are in the table`);
        assert.ok(section.includes(`${g.pct.toFixed(1)}%`), `${g.label}'s percentage is in the table`);
      }
    }
    assert.match(page.body, /What "outside 0.80 to 1.25" means/);
    assert.match(page.body, /the range NHS England treats as non-adverse/);
    assert.doesNotMatch(page.body, /\bB(A)?ME\b/);
    // On a phone the table keeps the key columns; the others are on the indicator page, which has them.
    assert.match(page.body, /class="nhsuk-table-responsive mirror-dashboard-table"/);
    const indicator = await viewer.get('/organisations/MEM01/2025/indicators/2');
    assert.match(indicator.body, /Which way is worse<\/dt><dd class="nhsuk-summary-list__value">Above 1: ethnic minority applicants less likely to be appointed/);
    assert.match(indicator.body, /Change since last year<\/dt><dd class="nhsuk-summary-list__value">No figure for last year/);
  });

  test('breakdown by ethnic category: groups with nobody on one line, groups with no events say why, no 0.00; the CSV keeps every group', async () => {
    let named = 0;
    let explained = 0;
    const cases = [['MEM01', ownId], ['MEM03', smallId]] as const;
    for (const [code, id] of cases) for (const [who, browser, suppressed] of [['analyst', analyst, false], ['viewer', viewer, true]] as const) {
      const page = await browser.get(`/organisations/${code}/2025/indicators/3/ethnicCategory`);
      assert.equal(page.statusCode, 200);
      const report = (await wresReportFor(harness.store, id, 2025, { suppressBreakdowns: suppressed }))!;
      const i3 = report.indicators['3'];
      assert.ok(i3.available);
      const rows = i3.breakdowns.ethnicCategory!;
      const rowOf = (label: string) => {
        const start = page.body.indexOf(`<th scope="row" class="nhsuk-table__header">${label}</th>`);
        return start < 0 ? null : page.body.slice(start, page.body.indexOf('</tr>', start));
      };
      const nobody = rows.filter((r) => !r.suppressed && r.numerator!.population === 0).map((r) => r.label);
      if (nobody.length > 0) assert.ok(page.body.includes(`<strong>No one in:</strong> ${nobody.join(', ')}.`), `${who}: the groups with nobody are named on one line`);
      else assert.doesNotMatch(page.body, /No one in:/);
      for (const label of nobody) assert.equal(rowOf(label), null, `${who}: "${label}" has no row`);
      for (const row of rows) {
        if (nobody.includes(row.label)) continue;
        const shown = rowOf(row.label);
        assert.ok(shown, `${who}: "${row.label}" has a row`);
        if (row.suppressed) assert.match(shown, /Withheld/);
        else if (row.value === null || row.value === 0) {
          assert.match(shown, /No figure<\/td>/, `${who}: "${row.label}" says there is no figure`);
          assert.match(shown, /No figure: none of the [\d,]+ people in this group entered a formal disciplinary investigation|No figure: /);
          assert.doesNotMatch(shown, /outside 0.80 to 1.25/);
          explained += 1;
        }
      }
      named += nobody.length;
      assert.doesNotMatch(page.body, />0\.00</, `${who}: no group is shown as 0.00`);
      const drawable = rows.some((r) => !r.suppressed && r.value !== null && r.value > 0 && r.numerator!.population > 0);
      assert.equal(page.body.includes('class="mirror-chart mirror-chart--wide"'), drawable, `${who}: a wide chart exactly when a group has a figure`);
      if (!drawable) assert.match(page.body, /No group has a figure to draw/);
    }
    assert.ok(explained > 0, 'the test trust has a group with people but no events');
    // The download keeps every group, withheld or not, with nobody or not.
    const csv = await viewer.get('/organisations/MEM01/2025/indicators/3/ethnicCategory.csv');
    const items = new Set(csv.body.split('\n').slice(1).filter(Boolean).map((line) => line.split(',')[2]));
    assert.equal(items.size, 13, 'all 13 ethnic minority categories are in the CSV');
    assert.ok(named > 0, 'the small trust has ethnic categories with nobody, named on one line');
  });
});
