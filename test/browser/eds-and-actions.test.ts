/**
 * EDS 2022 and the high-impact actions in a real browser (Chromium), against a real server with the demonstration
 * trust. The first administrator (an analyst of the trust) comes from the overview through the acting navigation,
 * records an agreed rating (and first a mistake, to see the error summary), and reads the high-impact actions as they
 * see it and as the board sees it. Each page, the error state included, is checked with axe-core at 1100 and 375
 * pixels wide and photographed. Then, with JavaScript turned off, a second session attaches evidence, enters a
 * metric's figure and links an objective: every form works without it.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkPage, takePageProblems, WIDE, watchPage } from './support/page-checks.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Eda Rater', email: 'eda.rater@example.nhs.uk', password: 'correct horse battery staple' };
describeInBrowser('EDS 2022 and the high-impact actions in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let latest: number;
  let objectiveId: number;

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
    const objective = await store.objectives.create({
      organisationId: organisation.id, standard: 'wres', indicator: '2', scope: 'organisation', target: { kind: 'range' }, targetDate: `${latest + 3}-03-31`,
      ownerName: 'Alex Chair', ownerRole: 'board-member', action: '2', createdBy: null, ownerUserId: null,
      baseline: { year: latest, kind: 'ratio', value: 1.3, ci95: [1.1, 1.5], counts: [], smallNumbers: false, parity: 1 },
    });
    objectiveId = objective.id;
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
  });

  test('the pages pass axe-core at desktop and phone widths, and the forms work', { timeout: 300_000 }, async () => {
    await page.goto(server.firstRunLink);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#displayName', ADMIN.name);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/`);

    await page.goto(`${server.url}/organisations/SYN01/${latest}/overview`);
    await page.getByRole('link', { name: `EDS 2022: ${latest}` }).first().click();
    assert.equal(new URL(page.url()).pathname, `/organisations/SYN01/${latest}/eds`);
    assert.match(await page.locator('#overall-rating').innerText(), /0 so far, from 0 of 11 outcomes rated/);
    await checkPage(page, 'EDS summary');

    await page.locator('main a[href$="/eds/outcomes/2B"]').click();
    await page.getByRole('button', { name: 'Save the agreed rating' }).click();
    assert.match(await page.locator('.nhsuk-error-summary').innerText(), /Choose the agreed rating/);
    await checkPage(page, 'EDS outcome with errors');
    await page.selectOption('#agreed-rating', '2');
    await page.fill('#owner', 'Director of People');
    await page.getByRole('button', { name: 'Save the agreed rating' }).click();
    assert.match(await page.locator('#agreed-value').innerText(), /2\/Achieving; owner: Director of People/);
    await checkPage(page, 'EDS outcome');

    await page.goto(`${server.url}/organisations/SYN01/${latest}/eds`);
    assert.match(await page.locator('#overall-rating').innerText(), /2 so far, from 1 of 11 outcomes rated/);
    await page.getByRole('link', { name: `High-impact actions ${latest}` }).first().click();
    assert.match(await page.locator('.nhsuk-warning-callout').innerText(), /Small numbers are shown/);
    await checkPage(page, 'high-impact actions, analyst');
    await page.getByRole('link', { name: /Open the page as the board sees it/ }).click();
    assert.equal(await page.locator('.nhsuk-warning-callout').count(), 0);
    assert.match(await page.locator('main').innerText(), /WRES indicator 2: Relative likelihood of White applicants/);
    await checkPage(page, 'high-impact actions, as the board sees it');

    assert.deepEqual(watcher.take(), [], 'the browser refused or failed something (CSP, script error or a missing file)');
    const problems = takePageProblems();
    if (problems.length > 0) assert.fail(`${problems.length} page check(s) failed:\n\n${problems.join('\n\n')}`);
  });

  test('without JavaScript: evidence attached, a figure entered and an objective linked', { timeout: 120_000 }, async () => {
    const plain = await browser.newContext({ viewport: WIDE, locale: 'en-GB', javaScriptEnabled: false });
    try {
      const p = await plain.newPage();
      await p.goto(`${server.url}/sign-in`);
      await p.fill('#email', ADMIN.email);
      await p.fill('#password', ADMIN.password);
      await p.getByRole('button', { name: 'Sign in', exact: true }).click();
      await p.waitForURL(`${server.url}/`);

      await p.goto(`${server.url}/organisations/SYN01/${latest}/eds/outcomes/2A`);
      await p.check('input[name="kind"][value="document"]');
      await p.fill('#title', 'Occupational health offer');
      await p.fill('#href', 'https://example.nhs.uk/occupational-health.pdf');
      await p.getByRole('button', { name: 'Attach evidence' }).click();
      assert.match(await p.locator('main').innerText(), /The evidence has been attached[\s\S]*Occupational health offer \(a document\)/);

      const actions = `${server.url}/organisations/SYN01/${latest}/high-impact-actions`;
      await p.goto(actions);
      await p.selectOption('#metric', '2f');
      await p.fill('#value', '78.2');
      await p.fill('#source', 'National Education and Training Survey 2024');
      await p.fill('#sourceYear', String(latest - 1));
      await p.getByRole('button', { name: 'Save the figure' }).click();
      assert.match(await p.locator('#action-2').locator('..').innerText(), /Entered: 78\.2, from National Education and Training Survey 2024/);
      await p.selectOption('#link-action', '6');
      await p.selectOption('#target', `objective:${objectiveId}`);
      await p.getByRole('button', { name: 'Link it' }).click();
      assert.match(await p.locator('section[aria-labelledby="action-6"]').innerText(), new RegExp(`Objective ${objectiveId}: WRES 2[\\s\\S]*Remove the link`));
    } finally {
      await plain.close();
    }
  });
});
