/**
 * Issue 12, items 7 and 9, in a real browser (Chromium) against a real server: the trends of reports as a member and
 * as a handler sees them; a staff network added, its pulse question asked and answered by someone with JavaScript
 * turned off, and a closed question's results. Every new page is checked with axe-core at 1100 and 375 pixels wide
 * (support/page-checks.ts); the public pulse pages without JavaScript too (as reporting.test.ts checks the reporter's
 * pages: the page's HTML with its scripts taken out, in a page whose scripts are refused).
 */
import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { reportingMonths } from '../../src/core/reporting/trends.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkPage, WIDE, watchPage } from './support/page-checks.ts';
import { type ScriptlessChecker, scriptlessChecker } from './support/scriptless.ts';
import { scenarioSteps } from './support/steps.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Nia Networks', email: 'nia.networks@example.nhs.uk', password: 'correct horse battery staple' };

describeInBrowser('trends and staff networks in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let staffContext: BrowserContext;
  let answererContext: BrowserContext;
  let staff: Page;
  let answerer: Page;
  let scriptless: ScriptlessChecker;
  let watchers: { take(): string[] }[] = [];
  let networkPath = '';

  const step = scenarioSteps(() => watchers);

  const url = (path: string) => `${server.url}${path}`;

  const checkWithoutScripts = (label: string) => scriptless.check(answerer, label);

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    staffContext = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    answererContext = await browser.newContext({ viewport: WIDE, locale: 'en-GB', javaScriptEnabled: false });
    staffContext.setDefaultTimeout(30_000);
    answererContext.setDefaultTimeout(30_000);
    staff = await staffContext.newPage();
    answerer = await answererContext.newPage();
    watchers = [watchPage(staff, server.url), watchPage(answerer, server.url)];
    scriptless = await scriptlessChecker(browser, server.url);
  });

  after(async () => {
    await scriptless?.close();
    await answererContext?.close();
    await staffContext?.close();
    await browser?.close();
    await server?.close();
  });

  step('a member reads last year\'s trends with small counts withheld; a handler reads every count', async () => {
    const { store } = server.server;
    const organisation = (await store.organisations.byCode('SYN01'))!;
    // Reports of a year that has ended: most months 9 to 14, a handful about managers and recruitment.
    const year = Number(new Date().toISOString().slice(0, 4)) - 1;
    let n = 0;
    for (const [i, month] of reportingMonths(year).entries()) {
      for (let k = 0; k < 9 + (i % 6); k++) {
        const category = k < 8 ? 'colleagues' : i % 4 === 0 ? 'managers' : 'microaggressions';
        await store.reporting.createCase({
          organisationId: organisation.id, receiptHash: `browser-${n++}`, route: 'anonymous', category, directorate: null, wanted: 'heard', content: 'sealed',
          contact: null, handlerRole: 'hr', receivedOn: `${month}-1${k % 9}`,
        });
      }
    }
    await staff.goto(server.firstRunLink);
    await staff.getByRole('button', { name: 'Sign in' }).click();
    await staff.fill('#displayName', ADMIN.name);
    await staff.fill('#email', ADMIN.email);
    await staff.fill('#password', ADMIN.password);
    await staff.getByRole('button', { name: 'Create account' }).click();
    await staff.waitForURL(url('/'));
    const page = await staff.goto(url(`/organisations/SYN01/report-trends?year=${year}`));
    assert.equal(page?.status(), 200);
    assert.match(await staff.locator('main').innerText(), /[1-9]\d* figures are withheld this year/);
    await checkPage(staff, 'report trends (members)');
    const admin = (await store.users.byEmail(ADMIN.email))!;
    await store.reporting.setHandler(organisation.id, 'hr', admin.id, true);
    await staff.goto(url(`/cases/SYN01/trends?year=${year}`));
    assert.doesNotMatch(await staff.locator('main').innerText(), /Withheld|withheld this year/);
    await checkPage(staff, 'report trends (handlers)');
  });

  step('an administrator adds a staff network and asks a pulse question', async () => {
    await staff.goto(url('/organisations/SYN01/networks'));
    await checkPage(staff, 'staff networks (none yet)');
    await staff.getByRole('link', { name: 'Add a staff network' }).click();
    await checkPage(staff, 'new staff network');
    await staff.getByRole('button', { name: 'Save' }).click();
    assert.match(await staff.locator('.nhsuk-error-summary').innerText(), /Enter the network's name/);
    await checkPage(staff, 'new staff network with errors');
    await staff.fill('#name', 'Race Equality Network');
    await staff.fill('#chairName', 'Amara Okafor');
    await staff.fill('#chairRole', 'Staff nurse');
    await staff.fill('#sponsorName', 'Dev Patel');
    await staff.fill('#sponsorRole', 'Chief People Officer');
    await staff.getByRole('button', { name: 'Save' }).click();
    networkPath = new URL(staff.url()).pathname;
    assert.match(networkPath, /^\/organisations\/SYN01\/networks\/\d+$/);
    await checkPage(staff, 'a staff network');
    const today = new Date().toISOString().slice(0, 10);
    await staff.getByText('Add a pulse question').click();
    await staff.fill('#question', 'Do you feel safe to speak up about racism here?');
    await staff.fill('#options', 'Yes\nNo\nNot sure');
    await staff.fill('#opensOn', today);
    await staff.fill('#closesOn', today);
    await staff.getByRole('button', { name: 'Add the question' }).click();
    assert.match(await staff.locator('main').innerText(), /Do you feel safe to speak up about racism here\?/);
    await checkPage(staff, 'a staff network with a pulse question');
  });

  step('without JavaScript, someone answers the pulse question; a closed question shows its results', async () => {
    const link = await staff.locator('a[href^="/networks/SYN01/"]').first().getAttribute('href');
    assert.ok(link);
    await answerer.goto(url(link));
    await checkWithoutScripts('pulse question');
    await answerer.getByRole('button', { name: 'Send my answer' }).click();
    assert.match(await answerer.locator('.nhsuk-error-summary').innerText(), /Choose an answer/);
    await checkWithoutScripts('pulse question with its error');
    await answerer.check('input[name="answer"][value="2"]');
    await answerer.getByRole('button', { name: 'Send my answer' }).click();
    assert.match(await answerer.locator('main').innerText(), /Your answer has been counted/);
    await checkWithoutScripts('pulse question answered');

    const { store } = server.server;
    const networkId = Number(networkPath.split('/').at(-1));
    const closed = await store.staffNetworks.createQuestion({ networkId, question: 'Did the network shape the new recruitment rules?', options: ['Yes', 'No'], opensOn: '2024-01-01', closesOn: '2024-01-31', createdBy: null });
    for (const [option, times] of [[0, 14], [1, 3]] as const) for (let i = 0; i < times; i++) await store.staffNetworks.answer(closed, option);
    await answerer.goto(url(`/networks/SYN01/${networkId}/pulse/${closed}`));
    const text = await answerer.locator('main').innerText();
    assert.match(text, /17 in all/);
    assert.doesNotMatch(text, /\b14\b/, 'the other answer is withheld with the small one');
    await checkWithoutScripts('pulse results');
    const withScript = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    try {
      const page = await withScript.newPage();
      await page.goto(url(link));
      await checkPage(page, 'pulse question (with JavaScript)', { screenshots: false });
    } finally {
      await withScript.close();
    }
  });
});
