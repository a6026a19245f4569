/**
 * The published report in a real browser (Chromium), against a real server with the demonstration trust: an
 * objective is set, every EDS 2022 outcome given an agreed rating, reports made through the form, and the latest year published (and corrected once) through the feature's own services; then a
 * visitor who never signs in opens the organisation's published reports, the latest version and the first. Each page
 * is checked with axe-core at 1100 and 375 pixels wide and photographed, no cookie is ever set, nothing is refused by
 * the Content Security Policy (the inline script is allowed by its hash), and the print view is photographed and
 * made into an A4 PDF.
 */
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { EDS_OUTCOME_IDS } from '../../src/core/eds/outcomes.ts';
import { reportingMonths } from '../../src/core/reporting/trends.ts';
import { defaultStandards } from '../../src/core/standards/index.ts';
import { figureFor, findMeasure } from '../../src/features/objectives/service.ts';
import { approveDraft, prepareDraft } from '../../src/features/publish/service.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkAccessibility, checkPage, SCREENSHOT_DIR, takePageProblems, WIDE, watchPage } from './support/page-checks.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describeInBrowser('the published report in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let latest: number;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    watcher = watchPage(page, server.url);

    const { store } = server.server;
    const organisation = (await store.organisations.byCode('SYN01'))!;
    latest = (await store.organisations.years(organisation.id))[0]!;
    const services = { store, standards: defaultStandards(), clock: () => new Date() };
    const baseline = await figureFor(services, findMeasure(services.standards, 'wres', '2')!, organisation.id, latest - 1, 'organisation');
    assert.ok(baseline.ok);
    const objective = await store.objectives.create({
      organisationId: organisation.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'value', value: 1.1 },
      targetDate: `${latest + 3}-03-31`, ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2', baseline: baseline.figure, createdBy: null, ownerUserId: null,
    });
    await store.interventions.create({
      objectiveId: objective.id, catalogueId: 'diverse-interview-panels', own: null, ownerName: 'Sam Lead', ownerRole: 'Director of People',
      startDate: `${latest - 1}-10-01`, endDate: null, status: 'in-progress', staffNetworks: [], cost: null, shareEvaluation: true, createdBy: null, ownerUserId: null,
    });
    // EDS 2022: every outcome agreed at 2 (22 of 33, Achieving), so the report carries its EDS section.
    for (const outcome of EDS_OUTCOME_IDS) await store.eds.agree(organisation.id, latest, { outcome, rating: 2, owner: 'Director of People' }, null);
    // Reports through the form in the year: ten from colleagues each month and three about managers in one month, so
    // the report carries its section on reports, with the managers' 3 and a second figure withheld.
    let receipt = 0;
    for (const [i, month] of reportingMonths(latest).entries()) {
      for (let k = 0; k < (i === 3 ? 13 : 10); k++) {
        await store.reporting.createCase({
          organisationId: organisation.id, receiptHash: `browser-${receipt++}`, route: 'anonymous', category: i === 3 && k >= 10 ? 'managers' : 'colleagues',
          directorate: null, wanted: 'heard', content: 'sealed', contact: null, handlerRole: 'dignity-at-work', receivedOn: `${month}-1${k % 9}`,
        });
      }
    }
    for (const note of ['', 'The staff survey file was replaced with the final one, which changed indicators 5 to 8.']) {
      const prepared = await prepareDraft(services, organisation, latest, note, null);
      assert.ok(prepared?.ok);
      assert.ok(await approveDraft(services, organisation, latest, prepared.draft.id, null));
    }
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('a visitor who never signs in reads the published pages: axe finds nothing, no cookie is set, and the print view is clean A4', { timeout: 240_000 }, async () => {
    await page.goto(`${server.url}/public/SYN01`);
    assert.equal((await page.locator('h1').innerText()).trim(), 'Published workforce equality reports');
    await checkPage(page, 'public organisation');

    await page.getByRole('link', { name: `Report for ${latest}` }).click();
    assert.equal(new URL(page.url()).pathname, `/public/SYN01/${latest}`);
    const main = await page.locator('main').innerText();
    assert.match(main, /What is this telling you/);
    assert.match(main, /Correction in version 2/);
    assert.match(main, /Diverse or inclusive interview panels/);
    assert.match(main, /EDS Organisation Rating\s+22 of 33: 2\/Achieving/);
    assert.match(main, /Reports of racism and discrimination/);
    assert.match(main, /All reports\s+Withheld|Withheld/);
    assert.equal(await page.locator('figure.mirror-chart svg').count() > 0, true, 'a chart, followed by its table');
    await checkPage(page, 'public report');
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkAccessibility(page, 'public report at 1280px');
    await page.setViewportSize(WIDE);

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.nhsuk-header', 'footer', '.nhsuk-breadcrumb', 'nav[aria-label="Contents of the report"]', '#open-data']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('h1').isVisible(), true);
    // The width of A4 less the print margins (182 mm at 96 pixels to the inch), to look at as the paper will show it.
    await page.setViewportSize({ width: 688, height: 1000 });
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'public-report-print.png'), fullPage: true });
    await page.setViewportSize(WIDE);
    const pdf = join(SCREENSHOT_DIR, 'public-report.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    assert.ok(statSync(pdf).size > 10_000, 'a PDF with the report in it');
    await page.emulateMedia({ media: null });

    await page.getByRole('link', { name: 'Version 1' }).click();
    assert.equal(new URL(page.url()).pathname, `/public/SYN01/${latest}/v1`);
    assert.match(await page.locator('main').innerText(), /This is not the latest version/);
    await checkPage(page, 'public report version 1');

    await page.goto(`${server.url}/public/data`);
    await checkPage(page, 'public data');

    assert.deepEqual(await context.cookies(), [], 'no cookie was set');
    assert.deepEqual(watcher.take(), [], 'the browser refused or failed something (CSP, script error or a missing file)');
    const problems = takePageProblems();
    if (problems.length > 0) assert.fail(`${problems.length} page check(s) failed:\n\n${problems.join('\n\n')}`);
  });
});
