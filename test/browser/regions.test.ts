/**
 * The public regional and national view in a real browser (Chromium), against a real server with the demonstration
 * trust and three small synthetic peers in its region, each publishing its latest year through the publishing
 * feature's own services. A visitor who never signs in goes from the open data index to the national view, an
 * indicator's funnel plot and league table, and the region's view; each page is checked with axe-core at 1100 and
 * 375 pixels wide and photographed; no cookie is set and nothing is refused by the Content Security Policy. The
 * administrators' pages use the same templates (only the note on where the figures come from differs).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { defaultStandards } from '../../src/core/standards/index.ts';
import { approveDraft, prepareDraft } from '../../src/features/publish/service.ts';
import { ensureDemoPeers } from '../../src/services/demo-loader.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkPage, takePageProblems, WIDE, watchPage } from './support/page-checks.ts';
import { startTestServer, type TestServer } from './support/server.ts';

describeInBrowser('the regional and national view in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let peersDir: string;

  before(async () => {
    server = await startTestServer();
    browser = await launchChromium();
    context = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
    context.setDefaultTimeout(30_000);
    page = await context.newPage();
    watcher = watchPage(page, server.url);

    const { store } = server.server;
    const demo = (await store.organisations.byCode('SYN01'))!;
    const latest = (await store.organisations.years(demo.id))[0]!;
    peersDir = mkdtempSync(join(tmpdir(), 'mirror-browser-peers-'));
    // The peers' pseudonyms need a key of their own only: none of them is imported twice.
    await ensureDemoPeers(store, { dataDir: peersDir, key: Buffer.alloc(32, 5), years: [latest], count: 4, staffScale: 0.2 });
    const services = { store, standards: defaultStandards(), clock: () => new Date() };
    for (const code of ['SYN01', 'SYN02', 'SYN03', 'SYN04']) {
      const organisation = (await store.organisations.byCode(code))!;
      const prepared = await prepareDraft(services, organisation, latest, '', null);
      assert.ok(prepared?.ok, code);
      assert.ok(await approveDraft(services, organisation, latest, prepared.draft.id, null));
    }
  });

  after(async () => {
    await context?.close();
    await browser?.close();
    await server?.close();
    if (peersDir) rmSync(peersDir, { recursive: true, force: true });
  });

  test('a visitor reads the national view, an indicator and the region: axe finds nothing and no cookie is set', { timeout: 240_000 }, async () => {
    await page.goto(`${server.url}/public/data`);
    await page.getByRole('link', { name: 'Every indicator across the published organisations' }).click();
    assert.equal(new URL(page.url()).pathname, '/public/national');
    assert.match(await page.locator('h1').innerText(), /WRES and WDES across organisations: England/);
    assert.match(await page.locator('main').innerText(), /every one of the 4 organisations/);
    await checkPage(page, 'public national view');

    await page.getByRole('link', { name: 'WRES indicator 2' }).click();
    assert.equal(new URL(page.url()).pathname, '/public/national/wres/2');
    const main = await page.locator('main').innerText();
    assert.match(main, /Pooled figure: /);
    assert.match(main, /is not a ranking/);
    assert.equal(await page.locator('figure.mirror-chart svg').count(), 1, 'a funnel plot, followed by its table');
    assert.equal(await page.locator('#league-caption').count(), 1);
    await checkPage(page, 'public national indicator');

    await page.goto(`${server.url}/public/regions/synthetic-region/wdes/4a_patients`);
    assert.match(await page.locator('h1').innerText(), /WDES metric 4a \(i\)/);
    await checkPage(page, 'public region indicator');

    assert.deepEqual(await context.cookies(), [], 'no cookie was set');
    assert.deepEqual(watcher.take(), [], 'the browser refused or failed something (CSP, script error or a missing file)');
    const problems = takePageProblems();
    if (problems.length > 0) assert.fail(`${problems.length} page check(s) failed:\n\n${problems.join('\n\n')}`);
  });
});
