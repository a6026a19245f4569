/**
 * Checks run on every page the browser tests visit:
 *
 * - checkAccessibility: axe-core against WCAG 2.0, 2.1 and 2.2 A and AA; fails with one readable line per failing
 *   element (rule, impact, selector, help).
 * - checkWideLayout: at 1100 CSS pixels wide neither the page nor any table scrolls sideways.
 * - checkNarrowLayout: at 375 CSS pixels wide the page itself must not scroll sideways. A wide table inside its own
 *   scrolling container is allowed (and noted); anything else wider than the screen fails, naming the elements.
 * - screenshots: full-page pictures at 1100 and 375 pixels wide into SCREENSHOT_DIR, to look at.
 * - watchPage: collects Content Security Policy refusals, script errors and failed loads of the page's own files.
 *
 * Code run in the page is written as strings: the test files are compiled with esbuild's keepNames, which would add
 * a helper to serialised functions that the page does not have.
 */
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';

const require = createRequire(import.meta.url);

export const SCREENSHOT_DIR = process.env['MIRROR_SCREENSHOTS'] || join(tmpdir(), 'mirror-screens');
export const WIDE = { width: 1100, height: 900 } as const;
export const NARROW = { width: 375, height: 800 } as const;
/** Sub-pixel rounding in layout; anything wider than this is a real sideways scroll. */
const OVERFLOW_TOLERANCE = 1;

const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

let axeSource: string | null = null;

/**
 * Puts axe-core into the page. Mirror's Content Security Policy (script-src 'self' with a nonce) rightly refuses
 * an inline <script>, which is what page.addScriptTag({ path }) adds, so the same file is evaluated through the
 * DevTools protocol instead: the page keeps its real policy, and any refusal of Mirror's own scripts is still seen.
 */
async function injectAxe(page: Page): Promise<void> {
  if (await page.evaluate('typeof window.axe !== "undefined"')) return;
  axeSource ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  await page.evaluate(`${axeSource}\n;undefined`);
}

export async function checkAccessibility(page: Page, label: string): Promise<void> {
  await injectAxe(page);
  const violations = await page.evaluate(`
    axe.run(document, { runOnly: { type: 'tag', values: ${JSON.stringify(WCAG_TAGS)} }, resultTypes: ['violations'] })
      .then((results) => results.violations.map((v) => ({
        id: v.id, impact: v.impact, help: v.help, helpUrl: v.helpUrl,
        nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
      })))
  `) as AxeViolation[];
  if (violations.length === 0) return;
  const lines = violations.flatMap((v) => [
    `- ${v.id} (${v.impact ?? 'no impact given'}): ${v.help} ${v.helpUrl}`,
    ...v.nodes.slice(0, 10).map((n) => `    at ${n.target.map(String).join(' ')}${n.failureSummary ? `: ${n.failureSummary.replace(/\s+/g, ' ')}` : ''}`),
    ...(v.nodes.length > 10 ? [`    … and ${v.nodes.length - 10} more`] : []),
  ]);
  assert.fail(`Accessibility violations on "${label}" (${page.url()}):\n${lines.join('\n')}`);
}

export interface NarrowLayout {
  readonly scrollWidth: number;
  /** Elements sticking out past the right edge, not inside a container that scrolls or clips them. */
  readonly culprits: readonly string[];
  /** Wide tables that scroll inside their own container (allowed). */
  readonly scrollingTables: readonly string[];
}

const MEASURE_NARROW = (limit: number) => `(() => {
  const limit = ${limit};
  const describe = (el) => el.tagName.toLowerCase() + (el.id ? '#' + el.id : '')
    + (typeof el.className === 'string' && el.className.trim() ? '.' + el.className.trim().split(/\\s+/).slice(0, 3).join('.') : '');
  const scroller = (el) => {
    for (let a = el.parentElement; a && a !== document.body; a = a.parentElement) {
      const overflow = getComputedStyle(a).overflowX;
      if (overflow === 'auto' || overflow === 'scroll' || overflow === 'hidden' || overflow === 'clip') return a;
    }
    return null;
  };
  const culprits = [];
  const scrollWidth = document.documentElement.scrollWidth;
  if (scrollWidth > limit) {
    for (const el of document.body.querySelectorAll('*')) {
      const box = el.getBoundingClientRect();
      if (box.width === 0 || box.right <= limit || scroller(el)) continue;
      // Report where the overflow starts: the outermost element sticking out.
      const parent = el.parentElement;
      if (parent && parent !== document.body && parent.getBoundingClientRect().right > limit) continue;
      culprits.push(describe(el) + ' reaches ' + Math.round(box.right) + 'px: "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 60) + '"');
      if (culprits.length >= 12) break;
    }
  }
  if (scrollWidth > limit && culprits.length === 0) {
    // Text too long to wrap spills out of a box that itself fits: name the innermost such boxes.
    const spilling = [...document.body.querySelectorAll('*')].filter((el) => {
      if (scroller(el) || getComputedStyle(el).overflowX !== 'visible') return false;
      return el.getBoundingClientRect().left + el.scrollWidth > limit + 1 && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0;
    });
    for (const el of spilling.filter((el) => !spilling.some((other) => other !== el && el.contains(other))).slice(0, 12)) {
      culprits.push(describe(el) + ' has content ' + el.scrollWidth + 'px wide in ' + el.clientWidth + 'px: "' + (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 80) + '"');
    }
  }
  const scrollingTables = [];
  for (const table of document.querySelectorAll('table')) {
    const container = scroller(table);
    if (container && table.scrollWidth > container.clientWidth + 1) {
      const caption = table.querySelector('caption');
      scrollingTables.push((caption ? caption.textContent.trim().replace(/\\s+/g, ' ') : describe(table)) + ' (' + table.scrollWidth + 'px in ' + container.clientWidth + 'px)');
    }
  }
  return { scrollWidth, culprits, scrollingTables };
})()`;

/** At desktop width nothing should scroll sideways: not the page, and not any table in its scroll container. */
const MEASURE_WIDE = `(() => {
  const problems = [];
  if (document.documentElement.scrollWidth > window.innerWidth) problems.push('the page is ' + document.documentElement.scrollWidth + 'px wide');
  for (const content of document.querySelectorAll('.nhsuk-scroll__content')) {
    if (content.scrollWidth > content.clientWidth) {
      const caption = content.querySelector('caption');
      problems.push('"' + (caption ? caption.textContent.trim() : 'a scrolling region') + '" scrolls: ' + content.scrollWidth + 'px in ' + content.clientWidth + 'px');
    }
  }
  return problems;
})()`;

export async function checkWideLayout(page: Page, label: string): Promise<void> {
  const problems = await page.evaluate(MEASURE_WIDE) as string[];
  if (problems.length > 0) assert.fail(`"${label}" (${page.url()}) at ${WIDE.width}px: ${problems.join('; ')}`);
}

function assertFitsNarrow(layout: NarrowLayout, label: string, url: string): void {
  if (layout.scrollWidth <= NARROW.width + OVERFLOW_TOLERANCE) return;
  assert.fail(`"${label}" (${url}) scrolls sideways at ${NARROW.width}px: the page is ${layout.scrollWidth}px wide. `
    + `Sticking out:\n${layout.culprits.map((c) => `- ${c}`).join('\n') || '- (no single element found)'}`);
}

/** Measures the current page, which must already be 375 pixels wide; fails if the page scrolls sideways. */
export async function checkNarrowLayout(page: Page, label: string): Promise<NarrowLayout> {
  const layout = await page.evaluate(MEASURE_NARROW(NARROW.width)) as NarrowLayout;
  assertFitsNarrow(layout, label, page.url());
  return layout;
}

function fileName(label: string, width: number): string {
  return `${label.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '')}-${width}.png`;
}

/** What the checks found across the run, for the summary at the end. */
export const findings: { label: string; url: string; scrollingTables: readonly string[] }[] = [];

let pageProblems: string[] = [];

/** The accessibility and layout failures found by checkPage since the last call, cleared. */
export function takePageProblems(): string[] {
  const taken = pageProblems;
  pageProblems = [];
  return taken;
}

async function collect(check: () => Promise<unknown>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof assert.AssertionError)) throw error;
    pageProblems.push(error.message);
  }
}

/**
 * Every check on the page now showing: accessibility and nothing scrolling sideways at 1100 pixels wide, a
 * screenshot, then the same page at 375 pixels wide (accessibility again, no sideways scroll, screenshot), then back
 * to 1100. Failures are collected, not thrown, so that one run reports every page's problems; the caller asserts
 * takePageProblems() is empty at the end of its step.
 */
export async function checkPage(page: Page, label: string, options: { screenshots?: boolean } = {}): Promise<void> {
  const screenshots = options.screenshots ?? true;
  if (screenshots) mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await collect(() => checkAccessibility(page, label));
  await collect(() => checkWideLayout(page, label));
  if (screenshots) await page.screenshot({ path: join(SCREENSHOT_DIR, fileName(label, WIDE.width)), fullPage: true });
  await page.setViewportSize(NARROW);
  // Let the page respond to the new width first, as it would before anyone used it: the design system's scroll
  // component marks a table's container focusable from a ResizeObserver, which runs before the next paint.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  try {
    // Again at phone width: scrolling regions, stacked tables and the collapsed header can fail on their own.
    await collect(() => checkAccessibility(page, `${label} at ${NARROW.width}px`));
    await collect(async () => {
      const layout = await page.evaluate(MEASURE_NARROW(NARROW.width)) as NarrowLayout;
      findings.push({ label, url: page.url(), scrollingTables: layout.scrollingTables });
      assertFitsNarrow(layout, label, page.url());
    });
    if (screenshots) await page.screenshot({ path: join(SCREENSHOT_DIR, fileName(label, NARROW.width)), fullPage: true });
  } finally {
    await page.setViewportSize(WIDE);
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  }
}

/**
 * Collects what the browser refuses or fails while the tests use the page: Content Security Policy refusals,
 * uncaught script errors and failed loads of the service's own files (other than the page itself, which may be a
 * deliberate 404). `take()` returns and clears them.
 */
export function watchPage(page: Page, origin: string): { take(): string[] } {
  let problems: string[] = [];
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(text)) problems.push(`CSP: ${text}`);
  });
  page.on('pageerror', (error) => problems.push(`script error: ${error.message}`));
  page.on('response', (response) => {
    const request = response.request();
    // Pages may be deliberate 404s, and the tests' own fetch() calls are checked where they are made.
    if (['document', 'fetch', 'xhr'].includes(request.resourceType()) || !response.url().startsWith(origin)) return;
    if (response.status() >= 400) problems.push(`${response.status()} for ${request.resourceType()} ${response.url()}`);
  });
  page.on('requestfailed', (request) => {
    const reason = request.failure()?.errorText ?? '';
    // ERR_ABORTED: the test moved on to the next page while this one was still loading (often its favicon).
    if (!request.url().startsWith(origin) || request.resourceType() === 'document' || reason.includes('ERR_ABORTED')) return;
    problems.push(`failed to load ${request.url()}: ${reason}`);
  });
  return {
    take() {
      const taken = problems;
      problems = [];
      return taken;
    },
  };
}
