/**
 * The acceptance scenario in a real browser (Chromium), against a real server started in-process as `npm start`
 * starts it. One server, one browser and one page for the whole file; the steps run in order and share what they
 * found, and a step is skipped once an earlier one has failed.
 *
 *   sign in with the printed link and set up the first administrator → import files for a new organisation with
 *   one broken row (see it located, download the problems, check nothing was saved) → fix it and import → the
 *   dashboard's indicator 2 and the API equal the command line's report for the same files → drill into indicator
 *   2 and download its CSV → enter a national figure (errors located first) → add a viewer for that organisation
 *   only → the viewer cannot see the synthetic trust, and sees no breakdown figure resting on fewer than 8 people.
 *
 * Every page visited is checked with axe-core (WCAG 2.2 AA) and at 375 pixels wide for sideways scrolling, and
 * photographed at both widths into SCREENSHOT_DIR (see support/page-checks.ts). The organisation, people, files and
 * page helpers the steps use are in support/scenario.ts.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { parse } from 'csv-parse/sync';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { main } from '../../src/cli/main.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkPage, takePageProblems, watchPage, WIDE } from './support/page-checks.ts';
import {
  ADMIN, BROKEN_VALUE, CODE, cellsOf, disclosive, download as downloadFrom, fetchInPage as fetchIn, fillImportForm as fillImportFormOn,
  heading as headingOf, MINIMUM_CELL, NAME, prepareFiles, type ShownRow, tableRows, VIEWER, visitPage, waitForImportOutcome as waitForOutcomeOn,
  writePageCheckSummary, YEAR,
} from './support/scenario.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describeInBrowser('Mirror in a real browser: the acceptance scenario', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let work: string;
  let goodFolder: string;
  let badFolder: string;
  let brokenRow: number;
  let dashboardFigure2: string;
  let cliJsonText: string;
  const analystRows: Record<string, ShownRow[]> = {};
  /** The groups a breakdown page names on its "No one in:" line, which have no row of their own. */
  const analystNobody: Record<string, string[]> = {};
  const nobodyOn = async (): Promise<string[]> => {
    const line = page.locator('.mirror-nobody').first();
    if ((await line.count()) === 0) return [];
    return (await line.innerText()).trim().replace(/^No one in:\s*/, '').replace(/\.$/, '').split(', ');
  };
  let viewerLink: string;
  let syntheticYear: number;
  let failed = false;

  /** A scenario step: skipped once an earlier step has failed, so one fault reports once. */
  function step(name: string, body: (t: TestContext) => Promise<void>): void {
    test(name, { timeout: 180_000 }, async (t) => {
      if (failed) {
        t.skip('an earlier step failed');
        return;
      }
      try {
        await body(t);
        assert.deepEqual(watcher.take(), [], 'the browser refused or failed something (CSP, script error or a missing file)');
      } catch (error) {
        failed = true;
        const pages = takePageProblems();
        if (pages.length > 0) throw new Error(`${pages.join('\n\n')}\n\nand then: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
        throw error;
      }
      const pages = takePageProblems();
      if (pages.length > 0) assert.fail(`${pages.length} page check${pages.length === 1 ? '' : 's'} failed:\n\n${pages.join('\n\n')}`);
    });
  }

  const url = (path: string) => `${server.url}${path}`;
  const visit = (path: string, label: string, status = 200) => visitPage(page, url(path), label, status);
  const heading = () => headingOf(page);
  const fetchInPage = (path: string) => fetchIn(page, path);
  const download = (link: Locator) => downloadFrom(page, link);
  const fillImportForm = (folder: string) => fillImportFormOn(page, folder);
  const waitForImportOutcome = () => waitForOutcomeOn(page);

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'mirror-browser-files-'));
    ({ goodFolder, badFolder, brokenRow } = await prepareFiles(work));
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDE, acceptDownloads: true, locale: 'en-GB' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    watcher = watchPage(page, server.url);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (work) rmSync(work, { recursive: true, force: true });
    writePageCheckSummary();
  });

  step('signed out: the sign-in page, information pages and "page not found" are accessible', async () => {
    const response = await page.goto(url('/'));
    assert.equal(new URL(page.url()).pathname, '/sign-in', 'a signed-out visitor is sent to sign in');
    assert.equal(response?.status(), 200);
    await checkPage(page, 'sign-in');
    await visit('/methodology', 'methodology');
    assert.equal(await heading(), 'How the figures are calculated');
    await visit('/accessibility', 'accessibility statement');
    await visit('/privacy', 'privacy');
    await visit('/api', 'API documentation');
    assert.equal(await heading(), 'The Mirror API');
    await visit('/no-such-page', 'not found (signed out)', 404);
    assert.equal(await heading(), 'Page not found');
  });

  step('the first administrator signs in with the link printed at start and sets up their account', async () => {
    await page.goto(server.firstRunLink);
    // Opening the link only offers a button, so email scanners that follow links cannot use it up.
    assert.equal(await heading(), 'Sign in to Mirror');
    await checkPage(page, 'sign-in link');
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/account/setup');
    await checkPage(page, 'setup');

    // Sending the form empty shows every problem, accessibly.
    await page.getByRole('button', { name: 'Create account' }).click();
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /There is a problem/);
    await checkPage(page, 'setup with errors');

    await page.fill('#displayName', ADMIN.name);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(url('/'));
    assert.equal(await heading(), 'Your organisations');
    await checkPage(page, 'organisations (administrator)');
    const synthetic = page.locator('tbody tr', { hasText: 'Synthetic' });
    assert.equal(await synthetic.count(), 1, 'the synthetic demonstration trust is listed, labelled synthetic');
    syntheticYear = Number((await synthetic.locator('a').getAttribute('href'))!.split('/').pop());
    assert.ok(syntheticYear >= 2000);
  });

  step('an import with one broken row is refused, the row is located, and nothing is saved', async () => {
    await page.locator('header').getByRole('link', { name: 'Import', exact: true }).click();
    assert.equal(await heading(), 'Import a reporting year');
    await checkPage(page, 'import form');

    // A form without its files says what is missing.
    await page.selectOption('#organisation', '__new');
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Choose the files to import/);
    // The summary lists the problems in the order of the fields on the form.
    assert.deepEqual(
      await Promise.all((await page.locator('.nhsuk-error-summary a').all()).map((a) => a.getAttribute('href'))),
      ['#newCode', '#year', '#files'],
    );
    await checkPage(page, 'import form with errors');

    await fillImportForm(badFolder);
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.equal(await waitForImportOutcome(), 'The files have problems');
    await checkPage(page, 'import problems');
    assert.match(await page.locator('main').innerText(), /Nothing has been saved\. Fix the 1 problem below/);
    const rows = await page.locator('table tbody tr').all();
    assert.equal(rows.length, 1, 'exactly one problem is listed');
    const [file, row, column, value, problem] = (await rows[0]!.locator('td').allInnerTexts()).map((c) => c.trim());
    assert.deepEqual([file, row, column, value], ['staff.csv', String(brokenRow), 'ethnic_category', BROKEN_VALUE]);
    assert.match(problem!, /not a recognised ethnic category/);

    const csv = await download(page.getByRole('link', { name: 'Download every problem as CSV' }));
    assert.equal(csv.name, 'import-problems.csv');
    const records = parse(csv.text, { columns: true }) as Record<string, string>[];
    assert.equal(records.length, 1);
    assert.deepEqual(
      { file: records[0]!['file'], row: records[0]!['row'], column: records[0]!['column'], value: records[0]!['value'] },
      { file: 'staff.csv', row: String(brokenRow), column: 'ethnic_category', value: BROKEN_VALUE },
    );
    assert.match(records[0]!['problem']!, /not a recognised ethnic category/);

    // Nothing changed: the organisation was not created, and neither the pages nor the API know it.
    assert.equal(await server.server.store.organisations.byCode(CODE), null);
    await visit('/', 'organisations after a refused import');
    assert.equal(await page.locator('tbody tr', { hasText: CODE }).count(), 0);
    assert.equal(await page.locator('tbody tr', { hasText: NAME }).count(), 0);
    const list = await fetchInPage('/api/v1/organisations');
    assert.equal(list.status, 200);
    assert.deepEqual((JSON.parse(list.text) as { code: string }[]).map((o) => o.code), ['SYN01']);
    assert.equal((await fetchInPage(`/api/v1/organisations/${CODE}/wres/${YEAR}`)).status, 404);
    await visit(`/organisations/${CODE}/${YEAR}`, 'not found (signed in)', 404);
    assert.equal(await heading(), 'Page not found');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).count(), 1, 'a missing page keeps the header of someone signed in');
  });

  step('the corrected files import, and the progress page finishes by itself', async () => {
    await visit('/import', 'import form, second attempt');
    await fillImportForm(goodFolder);
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.match(new URL(page.url()).pathname, /^\/import\/[0-9a-f-]{36}$/);
    assert.equal(await waitForImportOutcome(), 'Import complete');
    await checkPage(page, 'import complete');
    assert.match(await page.locator('main').innerText(), new RegExp(`${NAME}, ${YEAR}: version 1 is now current`));
  });

  step("the dashboard's indicator 2 and the API equal the command line's report for the same files", async () => {
    await page.getByRole('link', { name: `See the figures for ${YEAR}` }).click();
    assert.equal(new URL(page.url()).pathname, `/organisations/${CODE}/${YEAR}`);
    await checkPage(page, 'dashboard');
    assert.equal(await page.locator('.mirror-synthetic-label').count(), 0, 'a real organisation is not labelled synthetic');

    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['wres', goodFolder, '--year', String(YEAR), '--format', 'json'], { out: (t) => out.push(t), err: (t) => err.push(t) });
    assert.equal(code, 0, err.join(''));
    cliJsonText = out.join('');
    const cli = JSON.parse(cliJsonText) as { indicators: { '2': { value: number } } };

    const row2 = page.locator('tbody tr', { has: page.locator('a', { hasText: /^2\. / }) });
    dashboardFigure2 = (await row2.locator('td').nth(1).locator('strong').innerText()).trim();
    assert.equal(dashboardFigure2, cli.indicators['2'].value.toFixed(2), 'indicator 2 on the dashboard equals the CLI to 2 decimal places');

    const api = await fetchInPage(`/api/v1/organisations/${CODE}/wres/${YEAR}`);
    assert.equal(api.status, 200);
    assert.deepEqual(JSON.parse(api.text), cli, 'the API document equals the CLI JSON');
    assert.equal(api.text, cliJsonText, 'the API text equals the CLI JSON byte for byte');
  });

  step('indicator 2 drills down by specific ethnic group and by staff group, and its CSV matches the page', async () => {
    await page.getByRole('link', { name: /^2\. / }).click();
    assert.equal(new URL(page.url()).pathname, `/organisations/${CODE}/${YEAR}/indicators/2`);
    await checkPage(page, 'indicator 2');
    assert.equal((await page.locator('.mirror-figure').innerText()).trim(), `Relative likelihood ${dashboardFigure2}`);

    const csv = await download(page.getByRole('link', { name: "Download this indicator's figures as CSV" }));
    const records = parse(csv.text, { columns: true }) as Record<string, string>[];
    const headline = records.filter((r) => r['indicator'] === '2' && r['section'] === 'headline' && r['measure'] === 'relative_likelihood');
    assert.equal(headline.length, 1, 'the CSV has one headline relative likelihood');
    assert.equal(Number(headline[0]!['value']).toFixed(2), dashboardFigure2, 'the CSV relative likelihood equals the page');
    assert.ok(records.every((r) => r['indicator'] === '2'), 'the indicator CSV holds indicator 2 only');

    for (const [linkText, key] of [['Specific ethnic groups', 'ethnicCategory'], ['Staff groups', 'staffGroup']] as const) {
      await page.getByRole('link', { name: linkText, exact: true }).click();
      assert.equal(new URL(page.url()).pathname, `/organisations/${CODE}/${YEAR}/indicators/2/${key}`);
      await checkPage(page, `breakdown indicator 2 ${key} (analyst)`);
      // As an analyst of TST01 the administrator sees every figure, with a clear warning.
      assert.match(await page.locator('.nhsuk-warning-callout').innerText(), /Small numbers are shown/);
      const rows = await tableRows(page.locator('table.nhsuk-table'));
      assert.ok(rows.length > 1, `the ${key} breakdown has rows`);
      assert.ok(rows.every((r) => r.cells[0] !== 'Withheld'), 'nothing is withheld from an analyst');
      analystRows[key] = rows;
      analystNobody[key] = await nobodyOn();
      await page.goBack();
    }
  });

  step('every indicator page (1 to 9) is accessible and fits a phone', async () => {
    for (const id of ['1', '2', '3', '4', '5', '6', '7', '8', '9']) {
      await visit(`/organisations/${CODE}/${YEAR}/indicators/${id}`, `indicator ${id}`);
    }
    await visit(`/organisations/${CODE}/${YEAR}/indicators/4/payBand`, 'breakdown indicator 4 payBand (analyst)');
    await visit(`/organisations/${CODE}/${YEAR}/indicators/2/gender`, 'breakdown indicator 2 gender with its intersections (analyst)');
  });

  step('the overview, the WDES, the medical workforce, the pay gap and the monthly pages are accessible, and WDES metric 2 equals the command line', async () => {
    for (const path of [
      'overview', 'wdes', 'wdes/2/staffGroup', 'medical', 'paygap', 'targets', 'compare', 'monthly', 'monthly/disciplinary', 'monthly/training', 'wdes/trends',
      'wdes/monthly', 'wdes/monthly/capability', 'wdes/compare', 'wdes/targets', 'standards/wdes?scope=directorate%3ASurgery',
    ]) {
      await visit(`/organisations/${CODE}/${YEAR}/${path}`, path);
    }
    const out: string[] = [];
    assert.equal(await main(['wdes', goodFolder, '--year', String(YEAR), '--format', 'json'], { out: (t) => out.push(t), err: () => {} }), 0);
    const api = await fetchInPage(`/api/v1/organisations/${CODE}/wdes/${YEAR}`);
    assert.equal(api.text, out.join(''), 'the WDES API text equals the CLI JSON byte for byte');
  });

  step("the synthetic demonstration trust's pages carry the synthetic label", async () => {
    for (const [path, label] of [
      [`/organisations/SYN01/${syntheticYear}`, 'synthetic dashboard'],
      [`/organisations/SYN01/${syntheticYear}/indicators/2`, 'synthetic indicator 2'],
      [`/organisations/SYN01/${syntheticYear}/indicators/2/aggregatedEthnicGroup`, 'synthetic breakdown'],
    ] as const) {
      await visit(path, label);
      const tag = page.locator('.mirror-synthetic-label');
      assert.ok(await tag.isVisible(), `${path} shows the synthetic label`);
      assert.match(await tag.innerText(), /Synthetic data: these are invented people, not a real organisation/);
    }
  });

  step('the account page and the administration pages are accessible', async () => {
    await visit('/account', 'account (administrator)');
    await visit('/admin/audit', 'admin audit');
    const actions = await page.locator('tbody tr td:nth-child(3)').allInnerTexts();
    for (const action of ['import-rejected', 'import', 'user-created', 'audit-viewed']) {
      assert.ok(actions.some((a) => a.includes(action)), `the audit log records "${action}"`);
    }
  });

  step('the administrator enters a national figure: every problem located first, then the figure listed', async () => {
    await page.getByRole('navigation', { name: 'Administration' }).getByRole('link', { name: 'National figures' }).click();
    assert.equal(new URL(page.url()).pathname, '/admin/national-figures');
    assert.equal(await heading(), 'National figures');
    await checkPage(page, 'admin national figures');

    const save = page.getByRole('button', { name: 'Save the national figure for indicator 2' });
    await save.click();
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Enter the reporting year/);
    assert.deepEqual(
      await Promise.all((await page.locator('.nhsuk-error-summary a').all()).map((a) => a.getAttribute('href'))),
      ['#i2-year', '#i2-whitePopulation', '#i2-whiteEvents', '#i2-ethnicMinorityPopulation', '#i2-ethnicMinorityEvents', '#i2-source'],
    );
    await checkPage(page, 'admin national figures with errors');
    assert.equal(await server.server.store.nationalFigures.forYear(YEAR).then((f) => f.length), 0, 'nothing was saved');

    await page.fill('#i2-year', String(YEAR));
    await page.getByLabel('White applicants shortlisted').fill('200,000');
    await page.getByLabel('White applicants appointed from shortlisting').fill('30000');
    await page.getByLabel('Ethnic minority applicants shortlisted').fill('150000');
    await page.getByLabel('Ethnic minority applicants appointed from shortlisting').fill('14000');
    await page.fill('#i2-source', 'NHS England, Workforce Race Equality Standard data analysis report');
    await page.getByRole('button', { name: 'Save the national figure for indicator 2' }).click();
    await page.waitForURL(url(`/admin/national-figures?saved=${YEAR}-2`));
    const main = await page.locator('main').innerText();
    assert.match(main, new RegExp(`The national figure for indicator 2, ${YEAR}, has been saved`));
    assert.match(main, /30,000 appointed of 200,000 shortlisted/);
    assert.match(main, /1\.61 \(1\.58 to 1\.64\)/);
    await checkPage(page, 'admin national figures saved');
  });

  step('the administrator adds a viewer for TST01 only', async () => {
    await page.locator('header').getByRole('link', { name: 'Administration' }).click();
    assert.equal(new URL(page.url()).pathname, '/admin/users');
    await checkPage(page, 'admin users');
    await page.fill('#displayName', VIEWER.name);
    await page.fill('#email', VIEWER.email);
    await page.getByRole('button', { name: 'Add person' }).click();
    assert.equal(await heading(), `${VIEWER.name} has been added`);
    await checkPage(page, 'admin sign-in link');
    viewerLink = (await page.locator('#sign-in-link').innerText()).trim();
    assert.match(viewerLink, new RegExp(`^${server.url.replace(/[.]/g, '\\.')}/sign-in/link\\?token=`));

    await page.getByRole('link', { name: `Go to ${VIEWER.name}’s access` }).click();
    await checkPage(page, 'admin user');
    await page.selectOption('#organisation', CODE);
    await page.getByLabel('Viewer', { exact: true }).check();
    await page.getByRole('button', { name: 'Save access' }).click();
    const cells = await page.locator('table', { hasText: 'Organisations and role' }).locator('tbody tr td').allInnerTexts();
    assert.deepEqual(cells.map((c) => c.trim()), [NAME, CODE, 'Viewer']);
    await checkPage(page, 'admin user with access');
  });

  step('the viewer signs in with their one-time link and sets a password', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(url('/sign-in'));
    await page.goto(viewerLink);
    await page.getByRole('button', { name: 'Sign in' }).click();
    assert.equal(new URL(page.url()).pathname, '/account/password');
    assert.equal(await heading(), 'Create a password');
    await checkPage(page, 'create password');
    await page.fill('#newPassword', VIEWER.password);
    await page.getByRole('button', { name: 'Save password' }).click();
    assert.equal(new URL(page.url()).pathname, '/account');
    await checkPage(page, 'account (viewer, password saved)');

    // The password works.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(url('/sign-in'));
    await page.fill('#email', VIEWER.email);
    await page.fill('#password', VIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(url('/'));
  });

  step('the viewer sees TST01 but not the synthetic trust, neither its pages nor its API', async () => {
    await visit('/', 'organisations (viewer)');
    assert.equal(await page.locator('tbody tr', { hasText: NAME }).count(), 1);
    assert.equal(await page.locator('tbody tr', { hasText: 'Synthetic' }).count(), 0);
    assert.equal(await page.locator('header').getByRole('link', { name: 'Import', exact: true }).count(), 0, 'a viewer is not offered Import');
    await visit(`/organisations/SYN01/${syntheticYear}`, 'synthetic trust as viewer (not found)', 404);
    await visit(`/organisations/SYN01/${syntheticYear}/indicators/2`, 'synthetic indicator as viewer (not found)', 404);
    assert.equal((await fetchInPage(`/api/v1/organisations/SYN01/wres/${syntheticYear}`)).status, 404);
    const list = JSON.parse((await fetchInPage('/api/v1/organisations')).text) as { code: string }[];
    assert.deepEqual(list.map((o) => o.code), [CODE]);
    const own = await fetchInPage(`/api/v1/organisations/${CODE}/wres/${YEAR}`);
    assert.equal(own.status, 200);
    assert.equal(own.text, cliJsonText, 'the viewer gets the same document from the API');
  });

  step('on breakdown pages the viewer sees no figure resting on fewer than 8 people', async () => {
    let withheldWhereAnalystSawSmallNumbers = 0;
    for (const key of ['ethnicCategory', 'staffGroup']) {
      await visit(`/organisations/${CODE}/${YEAR}/indicators/2/${key}`, `breakdown indicator 2 ${key} (viewer)`);
      assert.equal(await page.locator('.nhsuk-warning-callout').count(), 0, 'a viewer is not told small numbers are shown');
      assert.match(await page.locator('main').innerText(), /Figures resting on fewer than 8 people are withheld/);
      const viewerRows = await tableRows(page.locator('table.nhsuk-table'));
      const analyst = analystRows[key]!;
      const viewerNobody = await nobodyOn();
      // The same groups, as rows or on the "No one in" line; a group with nobody may be withheld from the viewer for
      // another's sake, and the viewer is told a group has nobody only where the analyst is too.
      assert.deepEqual([...viewerRows.map((r) => r.label), ...viewerNobody].sort(), [...analyst.map((r) => r.label), ...analystNobody[key]!].sort(), 'the viewer sees the same groups');
      for (const label of viewerNobody) assert.ok(analystNobody[key]!.includes(label), `"${label}" has nobody for the analyst too`);
      for (const row of viewerRows) {
        const seen = analyst.find((r) => r.label === row.label);
        if (!seen) {
          assert.equal(row.cells[0], 'Withheld', `"${row.label}", which has nobody in it, is either named as such or withheld`);
          continue;
        }
        if (row.cells[0] === 'Withheld') {
          assert.deepEqual(row.cells.slice(1, 4), ['', '', ''], `withheld row "${row.label}" shows no interval or counts`);
          assert.ok(row.cells[4]!.length > 0, `withheld row "${row.label}" says why`);
          if (cellsOf(seen).some(disclosive)) withheldWhereAnalystSawSmallNumbers += 1;
        } else {
          const cells = cellsOf(row);
          assert.ok(!cells.some(disclosive), `row "${row.label}" shows a figure resting on fewer than ${MINIMUM_CELL} people: ${row.cells.join(' | ')}`);
          assert.deepEqual(row.cells.slice(0, 4), seen.cells.slice(0, 4), `row "${row.label}" shows the analyst's figures`);
        }
      }
      // Every row the analyst saw with a small cell is withheld from the viewer.
      for (const seen of analyst) {
        if (cellsOf(seen).some(disclosive)) assert.equal(viewerRows.find((r) => r.label === seen.label)?.cells[0], 'Withheld', `"${seen.label}" rests on fewer than ${MINIMUM_CELL} people`);
      }
    }
    assert.ok(withheldWhereAnalystSawSmallNumbers > 0, 'the test data has small groups for disclosure control to withhold');
  });
});
