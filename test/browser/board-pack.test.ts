/**
 * The board pack in a real browser (Chromium), against a real server with the demonstration trust: an objective set
 * on the year before the latest (so it has progress), an intervention under it and a comply-or-explain rule with
 * cases are put in the store through the features' own services; the first administrator (an analyst of the trust)
 * then opens the pack. It is checked with axe-core at 1280 and 375 pixels wide (and 1100, as every page is) and
 * photographed; then as printed: the header, navigation, footer and forms are gone, and an A4 PDF is made.
 */
import assert from 'node:assert/strict';
import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultStandards } from '../../src/core/standards/index.ts';
import { createRule, recordCase } from '../../src/features/objectives/comply-service.ts';
import { figureFor, findMeasure } from '../../src/features/objectives/service.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkAccessibility, checkPage, SCREENSHOT_DIR, takePageProblems, WIDE, watchPage } from './support/page-checks.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Bea Board', email: 'bea.board@example.nhs.uk', password: 'correct horse battery staple' };
describeInBrowser('the board pack in a real browser', () => {
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
    const years = await store.organisations.years(organisation.id);
    latest = years[0]!;
    const services = { store, standards: defaultStandards(), clock: () => new Date() };
    const measure = findMeasure(services.standards, 'wres', '2')!;
    const baseline = await figureFor(services, measure, organisation.id, latest - 1, 'organisation');
    assert.ok(baseline.ok);
    const objective = await store.objectives.create({
      organisationId: organisation.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'value', value: 1.1 },
      targetDate: `${latest + 3}-03-31`, ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2', baseline: baseline.figure, createdBy: null, ownerUserId: null,
    });
    await store.objectives.addReview({ objectiveId: objective.id, userId: null, status: 'at-risk', note: 'Two panels in Surgery were not diverse.' });
    await store.interventions.create({
      objectiveId: objective.id, catalogueId: 'diverse-interview-panels', own: null, ownerName: 'Sam Lead', ownerRole: 'Director of People',
      startDate: `${latest - 1}-10-01`, endDate: null, status: 'in-progress', staffNetworks: ['Race equality network'], cost: null, shareEvaluation: false, createdBy: null, ownerUserId: null,
    });
    const rule = await createRule(store, organisation.id, null, { title: 'Second senior review of disciplinary referrals', description: 'Every referral to a formal disciplinary process is reviewed by a second senior person.' });
    assert.ok(rule.ok);
    const monthsAgo = (n: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString().slice(0, 7);
    };
    const today = new Date().toISOString().slice(0, 10);
    for (const [ago, complied, explanation] of [[3, 'yes', ''], [2, 'no', 'The second reviewer was on leave.'], [2, 'yes', ''], [1, 'yes', '']] as const) {
      assert.ok((await recordCase(store, rule.value, null, { month: monthsAgo(ago), complied, explanation }, today)).ok);
    }
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('the pack reads well at 1280 and 375 pixels wide, passes axe-core, and prints on A4 without the service\'s furniture', { timeout: 240_000 }, async () => {
    await page.goto(server.firstRunLink);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#displayName', ADMIN.name);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/`);

    // From the overview, as a board secretary would come to it.
    await page.goto(`${server.url}/organisations/SYN01/${latest}/overview`);
    await page.getByRole('link', { name: `Board pack ${latest}` }).click();
    assert.equal(new URL(page.url()).pathname, `/organisations/SYN01/${latest}/board-pack`);
    assert.equal((await page.locator('h1').innerText()).trim(), `Board pack ${latest}: workforce equality`);
    // The analyst's own view warns; the version to print withholds small numbers.
    assert.match(await page.locator('.nhsuk-warning-callout').innerText(), /Small numbers are shown/);
    await page.getByRole('link', { name: /Open the pack as the board sees it/ }).click();
    assert.equal(await page.locator('.nhsuk-warning-callout').count(), 0);
    const main = await page.locator('main').innerText();
    assert.match(main, /Diverse or inclusive interview panels/);
    assert.match(main, new RegExp(`Baseline\\s+\\d\\.\\d\\d in ${latest - 1}, 95% interval`));
    assert.match(main, /The second reviewer was on leave\./);

    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.setViewportSize({ width: 1280, height: 900 });
    await checkAccessibility(page, 'board pack at 1280px');
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'board-pack-1280.png'), fullPage: true });
    await page.setViewportSize(WIDE);
    await checkPage(page, 'board pack');

    await page.emulateMedia({ media: 'print' });
    for (const hidden of ['header.nhsuk-header', 'footer', '.nhsuk-breadcrumb', 'nav[aria-label="Contents of the board pack"]', '#downloads']) {
      assert.equal(await page.locator(hidden).first().isVisible(), false, `${hidden} is not printed`);
    }
    assert.equal(await page.locator('h1').isVisible(), true);
    await page.screenshot({ path: join(SCREENSHOT_DIR, 'board-pack-print.png'), fullPage: true });
    const pdf = join(SCREENSHOT_DIR, 'board-pack.pdf');
    await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true });
    assert.ok(statSync(pdf).size > 10_000, 'a PDF with the pack in it');
    await page.emulateMedia({ media: null });

    assert.deepEqual(watcher.take(), [], 'the browser refused or failed something (CSP, script error or a missing file)');
    const problems = takePageProblems();
    if (problems.length > 0) assert.fail(`${problems.length} page check(s) failed:\n\n${problems.join('\n\n')}`);
  });
});
