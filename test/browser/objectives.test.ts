/**
 * Objectives and comply-or-explain in a real browser (Chromium), against a real server with the demonstration trust:
 * the first administrator (an analyst of the demonstration trust) is refused an objective with no owner or date, the
 * error summary naming each; then creates one for WRES indicator 2 and sees its baseline equal the dashboard's
 * figure; adds a review; sets up a comply-or-explain rule and records cases. Every page is checked with axe-core
 * at 1100 and 375 pixels wide and photographed at both (support/page-checks.ts).
 */
import assert from 'node:assert/strict';
import { after, before, } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkPage, WIDE, watchPage } from './support/page-checks.ts';
import { scenarioSteps } from './support/steps.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Olu Objectives', email: 'olu.objectives@example.nhs.uk', password: 'correct horse battery staple' };
describeInBrowser('objectives and comply-or-explain in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let year: number;
  let dashboardFigure2: string;

  const step = scenarioSteps(() => [watcher]);

  const url = (path: string) => `${server.url}${path}`;
  const heading = async () => (await page.locator('h1').first().innerText()).trim();
  const errorSummary = async () => (await page.locator('.nhsuk-error-summary').innerText()).trim();

  before(async () => {
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

  step('an objective with no owner or date is refused, the error summary naming each missing part', async () => {
    const response = await page.goto(url('/organisations/SYN01/objectives'));
    assert.equal(response?.status(), 200);
    assert.equal(await heading(), 'Objectives');
    await checkPage(page, 'objectives (none yet)');
    await page.getByRole('button', { name: 'Add an objective' }).click();
    assert.equal(await heading(), 'New objective');
    await checkPage(page, 'new objective');
    await page.selectOption('#measure', 'wres:2');
    await page.check('#targetKind-3');
    await page.getByRole('button', { name: 'Save objective' }).click();
    const summary = await errorSummary();
    assert.match(summary, /Enter the date the target is to be met by/);
    assert.match(summary, /Enter the name of the person who owns this objective/);
    assert.match(summary, /Choose the owner's role/);
    assert.deepEqual(await Promise.all((await page.locator('.nhsuk-error-summary a').all()).map((a) => a.getAttribute('href'))), ['#targetDate', '#ownerName', '#ownerRole']);
    await checkPage(page, 'new objective with errors');
  });

  step('an objective for WRES indicator 2 has the dashboard\'s figure as its baseline', async () => {
    // The form kept what was chosen.
    assert.equal(await page.locator('#measure').inputValue(), 'wres:2');
    await page.fill('#targetDate', `${year + 3}-03-31`);
    await page.fill('#ownerName', 'Alex Chair');
    await page.selectOption('#ownerRole', 'board-member');
    await page.selectOption('#action', '2');
    await page.getByRole('button', { name: 'Save objective' }).click();
    assert.match(new URL(page.url()).pathname, /^\/organisations\/SYN01\/objectives\/\d+$/);
    assert.match(await heading(), /^WRES 2: /);
    assert.equal((await page.locator('#baseline-value').innerText()).trim(), dashboardFigure2, 'the baseline equals the dashboard\'s figure');
    assert.match(await page.locator('main').innerText(), new RegExp(`${dashboardFigure2} in ${year}, 95% interval \\d\\.\\d\\d to \\d\\.\\d\\d`));
    await checkPage(page, 'objective');

    await page.fill('#note', 'Diverse interview panels agreed for every post at Band 8a and above.');
    await page.selectOption('#status', 'on-track');
    await page.getByRole('button', { name: 'Add review' }).click();
    assert.match(await page.locator('#reviews ~ .nhsuk-card').first().innerText(), /On track: .* UTC, Olu Objectives/);
    await page.goto(url('/organisations/SYN01/objectives'));
    assert.match(await page.locator("tbody").innerText(), new RegExp(`${dashboardFigure2} in ${year}`));
    await checkPage(page, 'objectives');
  });

  step('comply or explain: a rule, cases by month as SPC, the explanations for the board', async () => {
    await page.goto(url('/organisations/SYN01/comply-or-explain'));
    await checkPage(page, 'comply-or-explain rules');
    await page.fill('#title', 'Second senior review of disciplinary referrals');
    await page.fill('#description', 'Every referral to a formal disciplinary process is reviewed by a second senior person.');
    await page.getByRole('button', { name: 'Add rule' }).click();
    assert.equal(await heading(), 'Second senior review of disciplinary referrals');
    await page.getByRole('button', { name: 'Record case' }).click();
    assert.match(await errorSummary(), /Enter the month of the case/);
    await checkPage(page, 'comply-or-explain rule with errors');
    // The three months before this one, since a case cannot be in a month still to come.
    const monthsAgo = (n: number) => {
      const d = new Date();
      d.setUTCDate(1);
      d.setUTCMonth(d.getUTCMonth() - n);
      return d.toISOString().slice(0, 7);
    };
    const [first, second, third] = [monthsAgo(3), monthsAgo(2), monthsAgo(1)];
    for (const [month, complied, explanation] of [[first, 'yes', ''], [second, 'no', 'The second reviewer was on leave.'], [second, 'yes', ''], [third, 'yes', '']] as const) {
      await page.fill('#month', month);
      await page.check(complied === 'yes' ? '#complied' : '#complied-2');
      await page.fill('#explanation', explanation);
      await page.getByRole('button', { name: 'Record case' }).click();
      assert.match(await page.locator('.nhsuk-notification-banner').innerText(), /The case has been recorded/);
    }
    assert.equal(await page.locator('figure.mirror-chart svg').count(), 1);
    const [y, m] = second.split('-').map(Number) as [number, number];
    const label = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][m - 1]} ${y}`;
    assert.match(await page.locator('#explanations + ul').innerText(), new RegExp(`${label}: The second reviewer was on leave\\.`));
    await checkPage(page, 'comply-or-explain rule');
  });
});
