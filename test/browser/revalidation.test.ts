/**
 * The private report pages' revalidation in a real browser (Chromium; web/private-revalidation.ts): a page asked
 * for again is answered 304, and the page the browser kept still runs its scripts, because the 304 sends no new
 * Content-Security-Policy (a new nonce merged into the kept response would block them). Signing out clears what the
 * browser kept. The pages are a viewer's: an analyst's are never kept.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { WIDE, watchPage } from './support/page-checks.ts';
import { addUser } from '../../src/web/auth/test-harness.ts';
import { ADMIN, VIEWER } from './support/scenario.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describeInBrowser('private report pages revalidated in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };

  before(async () => {
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
  });

  /** Whether the page's module script was fetched and run (a blocked script is never fetched). */
  const scriptsRan = () => page.evaluate(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('/static/init.js')));

  test('asked again, a report page is a 304 and the kept page still runs its scripts', { timeout: 120_000 }, async () => {
    await page.goto(server.firstRunLink);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#displayName', ADMIN.name);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(`${server.url}/`);
    const demo = (await server.server.store.organisations.byCode('SYN01'))!;
    const latest = (await server.server.store.organisations.years(demo.id))[0]!;
    // A viewer's pages are the ones kept (an analyst's, with counts of 1 to 7 on them, are never): sign in as one.
    await addUser(server.server.store, { email: VIEWER.email, displayName: VIEWER.name, password: VIEWER.password, memberships: [[demo.id, 'viewer']] });
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.fill('#email', VIEWER.email);
    await page.fill('#password', VIEWER.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(`${server.url}/**`);

    for (const path of [`/organisations/SYN01/${latest}`, `/organisations/SYN01/${latest}/overview`]) {
      const first = await page.goto(`${server.url}${path}`);
      assert.equal(first?.status(), 200, path);
      assert.equal(await first?.headerValue('cache-control'), 'private, no-cache');
      assert.ok(await scriptsRan(), `${path}: scripts run on the first visit`);
      const heading = await page.locator('h1').innerText();

      // Through the browser's own cache: it revalidates with If-None-Match and shows the page it kept. Navigation
      // timing tells: a 304 transfers its headers only, far less than the page it lets the browser reuse.
      await page.goto(`${server.url}/`);
      await page.goto(`${server.url}${path}`);
      const { sent, body } = await page.evaluate(() => {
        const entry = performance.getEntries().find((e) => (e.entryType as string) === 'navigation') as unknown as { transferSize: number; encodedBodySize: number };
        return { sent: entry.transferSize, body: entry.encodedBodySize };
      });
      assert.ok(body > 0 && sent < body / 10, `${path}: revalidated (${sent} bytes sent for a ${body}-byte page)`);
      assert.equal(await page.locator('h1').innerText(), heading);
      assert.ok(await scriptsRan(), `${path}: the kept page's scripts run after a 304`);
      assert.deepEqual(watcher.take(), [], `${path}: nothing refused by the Content Security Policy`);
    }
  });

  test('signing out clears the pages the browser kept', { timeout: 60_000 }, async () => {
    const demo = (await server.server.store.organisations.byCode('SYN01'))!;
    const latest = (await server.server.store.organisations.years(demo.id))[0]!;
    await page.goto(`${server.url}/organisations/SYN01/${latest}`);
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.waitForURL(/\/sign-in/);
    await page.goBack();
    assert.doesNotMatch(await page.locator('main').innerText(), /Indicator 2/, 'no report page shown from the cache once signed out');
  });
});
