/**
 * A page as it is without JavaScript, checked with axe-core (page-checks.ts's checkPage): the page's HTML with its
 * scripts taken out, set into a page of its own whose scripts are refused. For pages that must work without
 * JavaScript (the reporter's, the pulse questions').
 */
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import { checkPage, WIDE } from './page-checks.ts';

export interface ScriptlessChecker {
  check(from: Page, label: string): Promise<void>;
  close(): Promise<void>;
}

/** `origin` is the server's address, so the page's styles and images load as they would there. */
export async function scriptlessChecker(browser: Browser, origin: string): Promise<ScriptlessChecker> {
  const context = await browser.newContext({ viewport: WIDE, locale: 'en-GB' });
  await context.route('**/*.js', (route) => route.abort());
  const page = await context.newPage();
  await page.goto(`${origin}/healthz`);
  return {
    async check(from, label) {
      const html = (await from.content()).replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '');
      assert.doesNotMatch(html, /<script/i);
      await page.setContent(html, { waitUntil: 'load' });
      await checkPage(page, `${label} (no JavaScript)`, { screenshots: false });
    },
    close: () => context.close(),
  };
}
