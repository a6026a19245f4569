/**
 * Issue 11's scenario in a real browser (Chromium) against a real server with the demonstration trust: the first
 * administrator (an analyst of the demonstration trust) creates an objective for WRES indicator 2 and sees its
 * baseline equal the dashboard's figure; adds an intervention from the catalogue and a review; imports the next
 * year's files for the trust through the import page (written by the deterministic generator with the demonstration
 * trust's seed); then sees the objective's progress worked out from the new year and an evaluation of the
 * intervention with a verdict in words and a table after each chart. Every new page is checked with axe-core at 1280,
 * 1100 and 375 pixels wide (support/page-checks.ts), and photographed.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { VERDICT_WORDING } from '../../src/core/act/evaluation/verdict.ts';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { DEMO_SEED } from '../../src/services/demo-loader.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkAccessibility, checkPage, SCREENSHOT_DIR, WIDE, watchPage } from './support/page-checks.ts';
import { waitForImportOutcome } from './support/scenario.ts';
import { scenarioSteps } from './support/steps.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Ife Interventions', email: 'ife.interventions@example.nhs.uk', password: 'correct horse battery staple' };
const DESKTOP = { width: 1280, height: 900 } as const;
describeInBrowser('from figures to action in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let files: string;
  let year: number;
  let dashboardFigure2: string;
  let objectivePath: string;
  let interventionPath: string;

  const step = scenarioSteps(() => [watcher]);

  const url = (path: string) => `${server.url}${path}`;
  const heading = async () => (await page.locator('h1').first().innerText()).trim();

  /** axe-core at 1280 pixels wide (with a picture), then every check of checkPage at 1100 and 375. */
  async function checkNewPage(label: string): Promise<void> {
    await page.setViewportSize(DESKTOP);
    try {
      await checkAccessibility(page, `${label} at ${DESKTOP.width}px`);
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      await page.screenshot({ path: join(SCREENSHOT_DIR, `${label.replace(/[^a-z0-9]+/gi, '-')}-${DESKTOP.width}.png`), fullPage: true });
    } finally {
      await page.setViewportSize(WIDE);
    }
    await checkPage(page, label);
  }

  before(async () => {
    files = mkdtempSync(join(tmpdir(), 'mirror-next-year-'));
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    watcher = watchPage(page, server.url);
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    rmSync(files, { recursive: true, force: true });
  });

  step('the first administrator signs in and reads indicator 2 on the demonstration trust\'s dashboard', async () => {
    await page.goto(server.firstRunLink);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#displayName', ADMIN.name);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(url('/'));
    const [latest] = await server.server.store.organisations.years((await server.server.store.organisations.byCode('SYN01'))!.id);
    year = latest!;
    await page.goto(url(`/organisations/SYN01/${year}`));
    const row2 = page.locator('tbody tr', { has: page.locator('a', { hasText: /^2\. / }) });
    dashboardFigure2 = (await row2.locator('td').nth(1).locator('strong').innerText()).trim();
    assert.match(dashboardFigure2, /^\d+\.\d\d$/);
  });

  step('an objective for WRES indicator 2 takes the dashboard\'s figure as its baseline', async () => {
    await page.goto(url('/organisations/SYN01/objectives/new'));
    await checkNewPage('new objective');
    await page.selectOption('#measure', 'wres:2');
    await page.check('#targetKind-3');
    await page.fill('#targetDate', `${year + 3}-03-31`);
    await page.fill('#ownerName', 'Alex Chair');
    await page.selectOption('#ownerRole', 'board-member');
    await page.getByRole('button', { name: 'Save objective' }).click();
    objectivePath = new URL(page.url()).pathname;
    assert.match(objectivePath, /^\/organisations\/SYN01\/objectives\/\d+$/);
    assert.equal((await page.locator('#baseline-value').innerText()).trim(), dashboardFigure2, 'the baseline equals the dashboard\'s figure');
    assert.match(await page.locator('main').innerText(), /Awaiting next year/);
  });

  step('an intervention from the catalogue is added to the objective, and a review', async () => {
    await page.getByRole('link', { name: 'Add an intervention for this objective' }).click();
    assert.equal(await heading(), 'Add an intervention');
    await checkNewPage('new intervention');
    await page.check('input[name="source"][value="name-blind-shortlisting"]');
    await page.fill('#ownerName', 'Sam Recruit');
    await page.fill('#ownerRole', 'Head of Recruitment');
    await page.check('input[name="status"][value="in-progress"]');
    // The first day of the latest reporting year's successor: the next year's files are all after it.
    await page.fill('#startDate', `${year}-04-01`);
    await page.getByRole('button', { name: 'Add intervention' }).click();
    interventionPath = new URL(page.url()).pathname;
    assert.match(interventionPath, new RegExp(`^${objectivePath}/interventions/\\d+$`));
    assert.equal(await heading(), 'Name-blind shortlisting');
    assert.equal((await page.locator('.nhsuk-card--feature h3').innerText()).trim(), VERDICT_WORDING['too-early'], 'nothing has happened since the start yet');
    await checkNewPage('intervention before the next year');

    await page.goto(url(objectivePath));
    assert.match(await page.locator('#interventions + ul').innerText(), /Name-blind shortlisting: in progress; owner Sam Recruit, Head of Recruitment/);
    await page.selectOption('#status', 'on-track');
    await page.fill('#note', 'Name-blind shortlisting started for every post on 1 April.');
    await page.getByRole('button', { name: 'Add review' }).click();
    assert.match(await page.locator('#reviews ~ .nhsuk-card').first().innerText(), /On track: .* UTC, Ife Interventions/);
    await checkNewPage('objective before the next year');
  });

  step('the next year\'s files for the trust are imported through the import page', async () => {
    const folder = join(files, String(year + 1));
    await writeSyntheticTrust(folder, { year: year + 1, seed: DEMO_SEED });
    await page.goto(url('/import'));
    await page.selectOption('#organisation', 'SYN01');
    await page.fill('#year', String(year + 1));
    // The generator's folder as written, README and all, chosen together in the one picker.
    await page.setInputFiles('#files', readdirSync(folder).map((name) => join(folder, name)));
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.equal(await waitForImportOutcome(page), 'Import complete');
  });

  step('the objective shows progress from the new year, and the intervention an evaluation', async () => {
    await page.goto(url(objectivePath));
    const figures = await page.locator('#figures-caption').locator('xpath=..').innerText();
    assert.match(figures, new RegExp(`${year} \\(baseline\\)\\s+${dashboardFigure2}`));
    assert.match(figures, new RegExp(`${year + 1}\\s+\\d+\\.\\d\\d\\s+\\d\\.\\d\\d to \\d\\.\\d\\d`), 'the new year, with its interval');
    const progress = await page.locator('.nhsuk-summary-list__row', { hasText: 'Progress' }).innerText();
    assert.doesNotMatch(progress, /Awaiting next year|No figure/);
    assert.match(progress, /Target met|On track|Behind trajectory/);
    await checkNewPage('objective after the next year');

    await page.getByRole('link', { name: 'Name-blind shortlisting' }).click();
    assert.equal(new URL(page.url()).pathname, interventionPath);
    const verdict = (await page.locator('.nhsuk-card--feature h3').innerText()).trim();
    const readings = [VERDICT_WORDING['no-sign-of-change'], VERDICT_WORDING['consistent-with-intervention'], VERDICT_WORDING['wrong-direction'], VERDICT_WORDING.mixed];
    assert.ok(readings.includes(verdict), `a reading is made once a year since the start is in: ${verdict}`);
    assert.equal(await page.locator('figure.mirror-chart svg').count(), 2, 'against the months before, and recalculated from the start');
    assert.equal(await page.locator('#monthly-caption').count(), 1, 'the charts are followed by their table');
    const annual = await page.locator('#annual-caption').locator('xpath=..').innerText();
    assert.match(annual, new RegExp(`Before the start\\s+${year - 1} to ${year}\\s+White: [\\d,]+ of [\\d,]+; Ethnic minority: [\\d,]+ of [\\d,]+`));
    assert.match(annual, new RegExp(`After the start\\s+${year} to ${year + 1}\\s+White: [\\d,]+ of [\\d,]+; Ethnic minority: [\\d,]+ of [\\d,]+`));
    await checkNewPage('intervention after the next year');

    await page.goto(url('/organisations/SYN01/interventions'));
    await checkNewPage('interventions');
    await page.goto(url('/catalogue/interventions'));
    await checkNewPage('catalogue');
    await page.goto(url('/catalogue/interventions/name-blind-shortlisting'));
    await checkNewPage('catalogue entry');
  });
});
