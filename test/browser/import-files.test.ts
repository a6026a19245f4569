/**
 * Importing the files as they come, in a real browser (Chromium) against a real server: the demonstration files
 * (src/demo/write-synthetic-trust.ts) as one zip; then the same files with other headings and names, whose staff
 * file Mirror cannot recognise, so its kind is said and its headings matched on the page and shared as a preset;
 * then that set again for another organisation, recognised through the preset, with one broken file fixed and
 * chosen again alone. Every page is checked with axe-core at 1280, 1100 and 375 pixels wide and photographed
 * (support/page-checks.ts; MIRROR_SCREENSHOTS says where).
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { writeSyntheticTrust } from '../../src/demo/write-synthetic-trust.ts';
import { zipOf } from '../support/zip.ts';
import { describeInBrowser, launchChromium } from './support/chromium.ts';
import { checkAccessibility, checkPage, SCREENSHOT_DIR, WIDE, watchPage } from './support/page-checks.ts';
import { waitForImportOutcome } from './support/scenario.ts';
import { scenarioSteps } from './support/steps.ts';
import { startTestServer, type TestServer } from './support/server.ts';

const ADMIN = { name: 'Ines Importer', email: 'ines.importer@example.nhs.uk', password: 'correct horse battery staple' };
const DESKTOP = { width: 1280, height: 900 } as const;
const YEAR = 2025;
const PRESET = 'Test Valley HR staff report';
describeInBrowser('importing files as they come in a real browser', () => {
  let server: TestServer;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let watcher: { take(): string[] };
  let work: string;
  let zipPath: string;
  let other: string;
  let brokenTraining: string;

  const step = scenarioSteps(() => [watcher]);

  const url = (path: string) => `${server.url}${path}`;
  const heading = async () => (await page.locator('h1').first().innerText()).trim();

  /** axe-core and a picture at 1280 pixels wide, then every check of checkPage (1100 and 375). */
  async function check(label: string): Promise<void> {
    await page.setViewportSize(DESKTOP);
    try {
      await checkAccessibility(page, `${label} at ${DESKTOP.width}px`);
    } catch (error) {
      if (!(error instanceof assert.AssertionError)) throw error;
      assert.fail(error.message);
    }
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${label.replace(/[^a-z0-9]+/gi, '-').toLowerCase()}-${DESKTOP.width}.png`), fullPage: true });
    await page.setViewportSize(WIDE);
    await checkPage(page, label);
  }

  async function startImport(code: string, name: string): Promise<void> {
    await page.goto(url('/import'));
    assert.equal(await heading(), 'Import a reporting year');
    await page.selectOption('#organisation', '__new');
    await page.fill('#newCode', code);
    await page.fill('#newName', name);
    await page.fill('#year', String(YEAR));
  }

  /** The error summary: focused, first in the page's content, each link going to its problem in the table. */
  async function checkErrorSummary(): Promise<string[]> {
    const summary = page.locator('.nhsuk-error-summary');
    assert.equal(await page.evaluate("document.activeElement?.classList.contains('nhsuk-error-summary') ?? false"), true, 'the error summary has the focus');
    assert.equal(await summary.getAttribute('tabindex'), '-1');
    const links = await summary.locator('a').all();
    assert.ok(links.length > 0);
    for (const link of links) {
      const target = (await link.getAttribute('href'))!;
      assert.equal(await page.locator(target).count(), 1, `${target} is on the page`);
    }
    return (await summary.innerText()).split('\n').map((l) => l.trim()).filter(Boolean);
  }

  before(async () => {
    work = mkdtempSync(join(tmpdir(), 'mirror-browser-import-files-'));
    const demo = join(work, 'demo');
    await writeSyntheticTrust(demo, { year: YEAR, seed: 21, staff: 400 });
    // The generator's folder as written, README included, zipped as "Send to compressed folder" would.
    zipPath = join(work, 'Demonstration trust 2025.zip');
    writeFileSync(zipPath, zipOf(readdirSync(demo).map((name) => ({ name: `demo/${name}`, content: readFileSync(join(demo, name)) }))));
    // The same files as another system names them: other staff headings, other file names.
    other = join(work, 'other');
    mkdirSync(other);
    const names: Record<string, string> = {
      'staff.csv': 'hr-export-1.csv', 'applications.csv': 'Recruitment applicants.csv', 'training.csv': 'Courses attended.csv',
      'board.csv': 'Board members.csv', 'survey.csv': 'Staff survey breakdown.csv', 'disciplinary.csv': 'Disciplinary cases.csv',
      'capability.csv': 'Capability cases.csv', 'wdes_9b.txt': 'WDES narrative.txt',
    };
    for (const [from, to] of Object.entries(names)) {
      let content = readFileSync(join(demo, from), 'utf8');
      if (from === 'staff.csv') content = content.replace(/^staff_id,ethnic_category,/, 'Employee Number,Ethnic Origin,');
      writeFileSync(join(other, to), content);
    }
    const training = readFileSync(join(demo, 'training.csv'), 'utf8').split('\n');
    training[4] = training[4]!.replace(/,(Yes|No),/, ',Perhaps,');
    assert.match(training[4]!, /Perhaps/);
    brokenTraining = join(work, 'broken', 'Courses attended.csv');
    mkdirSync(join(work, 'broken'));
    writeFileSync(brokenTraining, training.join('\n'));

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
    if (work) rmSync(work, { recursive: true, force: true });
  });

  step('the first administrator signs in', async () => {
    await page.goto(server.firstRunLink);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.fill('#displayName', ADMIN.name);
    await page.fill('#email', ADMIN.email);
    await page.fill('#password', ADMIN.password);
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.waitForURL(url('/'));
  });

  step('the demonstration files import as one zip; its README, written for people, is neither read nor listed', async () => {
    await startImport('ZIP01', 'Zipped Test Trust');
    assert.equal(await page.locator('input[type=file]#files[multiple]').count(), 1, 'one picker that takes several files');
    assert.equal(await page.locator('#folder').isVisible(), true, 'Chromium can choose a folder, so the folder picker is shown');
    await check('import form, one picker');
    await page.setInputFiles('#files', zipPath);
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.equal(await waitForImportOutcome(page), 'Import complete');
    await check('import complete from a zip');
    assert.doesNotMatch(await page.locator('main').innerText(), /README/);
    const organisation = await server.server.store.organisations.byCode('ZIP01');
    const version = await server.server.store.imports.current(organisation!.id, YEAR);
    assert.equal(version?.sources.length, 7, 'every kind of file was recognised');
  });

  step('files with other headings: the staff file is not recognised, so its kind is said and its headings matched and shared', async () => {
    await startImport('OTH01', 'Other Headings Trust');
    await page.setInputFiles('#files', readdirSync(other).map((name) => join(other, name)));
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.equal(await waitForImportOutcome(page), 'The files have problems');
    const summary = await checkErrorSummary();
    assert.ok(summary.some((line) => /hr-export-1\.csv, row 1: Mirror cannot tell which kind of file this is from its headings \("Employee Number", "Ethnic Origin"/.test(line)), summary.join('\n'));
    await check('import problems, a file not recognised');
    await page.selectOption('select[id^="kind."]', 'staff');
    await page.getByRole('button', { name: 'Check again' }).click();
    assert.equal(await waitForImportOutcome(page), 'The files have problems');
    assert.equal(await page.locator('h2', { hasText: 'Match your column headings' }).count(), 1);
    await check('import mapping');
    await page.selectOption('[id="map.staff.staff_id"]', 'Employee Number');
    await page.selectOption('[id="map.staff.ethnic_category"]', 'Ethnic Origin');
    await page.fill('#presetName', PRESET);
    await page.getByRole('button', { name: 'Use these headings and check again' }).click();
    assert.equal(await waitForImportOutcome(page), 'Import complete');
    const presets = await server.server.store.columnMappings.presets();
    assert.deepEqual(presets.map((p) => [p.name, p.kind]), [[PRESET, 'staff']]);
  });

  step('another organisation imports files with those headings through the preset; one broken file is fixed and chosen again alone', async () => {
    await startImport('OTH02', 'Preset Test Trust');
    const files = readdirSync(other).map((name) => (name === 'Courses attended.csv' ? brokenTraining : join(other, name)));
    await page.setInputFiles('#files', files);
    await page.getByRole('button', { name: 'Check and import' }).click();
    assert.equal(await waitForImportOutcome(page), 'The files have problems');
    const summary = await checkErrorSummary();
    assert.equal(summary.filter((line) => /Courses attended\.csv, row 5, column "mandatory", value "Perhaps"/.test(line)).length, 1, summary.join('\n'));
    const main = await page.locator('main').innerText();
    assert.match(main, new RegExp(`hr-export-1\\.csv: Staff in post at 31 March \\(required\\), read with the preset “${PRESET}”`));
    assert.match(main, /Courses attended\.csv: Training and development \(has a problem\)/);
    await check('import problems, one broken file');
    // Only the fixed file is chosen again.
    await page.setInputFiles('#files', join(other, 'Courses attended.csv'));
    await page.getByRole('button', { name: 'Check the files again' }).click();
    assert.equal(await waitForImportOutcome(page), 'Import complete');
    await check('import complete after one file fixed');
    const organisation = await server.server.store.organisations.byCode('OTH02');
    const version = await server.server.store.imports.current(organisation!.id, YEAR);
    assert.equal(version?.sources.length, 7);
    assert.equal(await server.server.store.columnMappings.get(organisation!.id, 'staff'), null, 'read through the preset');
  });
});
