/**
 * Issue 12 in a real browser (Chromium) against a real server: a reporter with JavaScript turned off sends a report
 * in confidence to the demonstration trust, keeps the receipt, and reads the conversation with it; the first
 * administrator gives themselves the handler role the category goes to, reads the case, sees the contact once it is
 * assigned to them, and replies; the reporter reads the reply. Every new page is checked with axe-core at 1100 and
 * 375 pixels wide (support/page-checks.ts), the reporter's pages without JavaScript and again with it.
 *
 * axe-core cannot run in a page whose scripts are turned off (its timers never fire), so a page the reporter reached
 * without JavaScript is checked as that reporter has it: its HTML, with every script taken out, shown in a second
 * page whose own scripts are refused, where axe is put in through the DevTools protocol.
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkPage, WIDE, watchPage } from './support/page-checks.ts';
import { type ScriptlessChecker, scriptlessChecker } from './support/scriptless.ts';
import { scenarioSteps } from './support/steps.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Rhea Reporting', email: 'rhea.reporting@example.nhs.uk', password: 'correct horse battery staple' };
describeInBrowser('reporting racism and discrimination in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let reporterContext: BrowserContext;
  let staffContext: BrowserContext;
  let reporter: Page;
  let scriptless: ScriptlessChecker;
  let staff: Page;
  let watchers: { take(): string[] }[] = [];
  let receipt = '';
  let casePath = '';

  const step = scenarioSteps(() => watchers);

  const url = (path: string) => `${server.url}${path}`;

  const checkWithoutScripts = (label: string) => scriptless.check(reporter, label);

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    reporterContext = await browser.newContext({ viewport: WIDE, locale: 'en-GB', javaScriptEnabled: false });
    staffContext = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    reporterContext.setDefaultTimeout(30_000);
    staffContext.setDefaultTimeout(30_000);
    reporter = await reporterContext.newPage();
    staff = await staffContext.newPage();
    watchers = [watchPage(reporter, server.url), watchPage(staff, server.url)];
    scriptless = await scriptlessChecker(browser, server.url);
  });

  after(async () => {
    await scriptless?.close();
    await reporterContext?.close();
    await staffContext?.close();
    await browser?.close();
    await server?.close();
  });

  step('without JavaScript, a reporter reads what the organisation can see and sends a report in confidence', async () => {
    await reporter.goto(url('/report/SYN01/about'));
    await checkWithoutScripts('reporting: what the organisation can see');
    await reporter.goto(url('/report/SYN01'));
    await checkWithoutScripts('reporting: the form');
    await reporter.getByRole('button', { name: 'Send report' }).click();
    assert.match(await reporter.locator('.nhsuk-error-summary').innerText(), /Choose what happened/);
    await checkWithoutScripts('reporting: the form with its errors');
    await reporter.check('input[name="route"][value="confidential"]');
    await reporter.fill('#contact', 'Amara Reporter, 07700 900555');
    await reporter.check('input[name="category"][value="managers"]');
    await reporter.fill('#content', 'My manager gives the best shifts to White colleagues and told me to stop complaining.');
    await reporter.check('input[name="wanted"][value="advice"]');
    await reporter.getByRole('button', { name: 'Send report' }).click();
    receipt = (await reporter.locator('.mirror-receipt').innerText()).trim();
    assert.match(receipt, /^[A-Z0-9]{4}(-[A-Z0-9]{4}){3}$/);
    await checkWithoutScripts('reporting: the receipt');
  });

  step('the receipt opens the conversation; a wrong one does not', async () => {
    await reporter.goto(url('/report/follow-up'));
    await checkWithoutScripts('reporting: follow-up');
    await reporter.fill('#receipt', 'AAAA-AAAA-AAAA-AAAA');
    await reporter.getByRole('button', { name: 'Continue' }).click();
    assert.match(await reporter.locator('.nhsuk-error-summary').innerText(), /No report has that receipt/);
    await reporter.fill('#receipt', receipt);
    await reporter.getByRole('button', { name: 'Continue' }).click();
    assert.match(await reporter.locator('main').innerText(), /best shifts/);
    await checkWithoutScripts('reporting: the conversation');
  });

  step('the administrator makes themselves the human resources handler and handles the case', async () => {
    await staff.goto(server.firstRunLink);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.fill('#displayName', ADMIN.name);
    await staff.fill('#email', ADMIN.email);
    await staff.fill('#password', ADMIN.password);
    await staff.getByRole('button', { name: 'Create account' }).click();
    await staff.waitForURL(url('/'));
    await staff.goto(url('/admin/reporting'));
    await checkPage(staff, 'reporting: administration');
    await staff.goto(url('/admin/reporting/SYN01'));
    await checkPage(staff, 'reporting: settings');
    await staff.fill('#email', ADMIN.email);
    await staff.selectOption('#role', 'hr');
    await staff.getByRole('button', { name: 'Give role' }).click();
    assert.match(await staff.locator('main').innerText(), /Human resources/);

    await staff.goto(url('/'));
    await staff.getByRole('link', { name: 'reports you handle' }).click();
    await checkPage(staff, 'reporting: organisations handled');
    await staff.getByRole('link', { name: /Synthetic|SYN01|Trust/ }).first().click();
    await checkPage(staff, 'reporting: cases');
    await staff.getByRole('link', { name: /^Case \d+$/ }).first().click();
    casePath = new URL(staff.url()).pathname;
    assert.match(casePath, /^\/cases\/SYN01\/\d+$/);
    assert.doesNotMatch(await staff.locator('main').innerText(), /Amara/, 'not assigned yet: the contact is hidden');
    await checkPage(staff, 'reporting: a case');
    await staff.selectOption('#assignee', { label: `${ADMIN.name} (Human resources)` });
    await staff.getByRole('button', { name: 'Assign' }).click();
    assert.match(await staff.locator('main').innerText(), /Amara Reporter, 07700 900555/);
    await staff.fill('#message', 'Thank you for telling us. Would you like to talk it through?');
    await staff.getByRole('button', { name: 'Send reply' }).click();
    await checkPage(staff, 'reporting: a case assigned, with a reply', { screenshots: false });
  });

  step('the reporter reads the reply and answers; with JavaScript the reporter\'s pages pass too', async () => {
    await reporter.goto(url('/report/follow-up'));
    await reporter.fill('#receipt', receipt);
    await reporter.getByRole('button', { name: 'Continue' }).click();
    assert.match(await reporter.locator('main').innerText(), /Would you like to talk it through\?/);
    await reporter.fill('#message', 'Yes, please.');
    await reporter.getByRole('button', { name: 'Send message' }).click();
    assert.match(await reporter.locator('main').innerText(), /Your message has been sent/);
    const withScript = await staffContext.browser()!.newContext({ viewport: WIDE, locale: 'en-GB' });
    try {
      const page = await withScript.newPage();
      for (const path of ['/report/SYN01', '/report/SYN01/about', '/report/follow-up']) {
        await page.goto(url(path));
        await checkPage(page, `reporting: ${path} (with JavaScript)`, { screenshots: false });
      }
    } finally {
      await withScript.close();
    }
    await staff.goto(url(casePath));
    assert.match(await staff.locator('main').innerText(), /Yes, please\./);
  });
});
