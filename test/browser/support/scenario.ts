/**
 * What the acceptance scenario (acceptance.test.ts) works with: the organisation, people and files it uses, and
 * the page helpers its steps call (going to a page with every check, reading tables, downloads and the API from
 * inside the signed-in page, the import form).
 */
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { SOURCE_KINDS } from '../../../src/core/records.ts';
import { writeSyntheticTrust } from '../../../src/demo/write-synthetic-trust.ts';
import { checkPage, findings, SCREENSHOT_DIR } from './page-checks.ts';

export const CODE = 'TST01';
export const NAME = 'Test Valley Hospitals NHS Trust';
export const YEAR = 2025;
export const BROKEN_VALUE = 'Martian';
export const ADMIN = { name: 'Ada Administrator', email: 'ada.admin@example.nhs.uk', password: 'correct horse battery staple' };
export const VIEWER = { name: 'Victor Viewer', email: 'victor.viewer@example.nhs.uk', password: 'purple monkey dishwasher lamp' };
export const MINIMUM_CELL = 8;

/** A breakdown table row as shown: label, then the cells (value, interval, numerator, denominator, notes). */
export interface ShownRow {
  readonly label: string;
  readonly cells: readonly string[];
}

/**
 * The synthetic trust's files in `work`, and a copy with one row of staff.csv broken (an ethnic category nobody
 * uses); `brokenRow` is numbered as a spreadsheet numbers rows (the heading is row 1).
 */
export async function prepareFiles(work: string): Promise<{ goodFolder: string; badFolder: string; brokenRow: number }> {
  const goodFolder = join(work, CODE, String(YEAR));
  const badFolder = join(work, 'broken', String(YEAR));
  await writeSyntheticTrust(goodFolder, { year: YEAR, seed: 7, staff: 600 });
  // The folder holds exactly the files uploaded, so the command line reads what the server reads.
  rmSync(join(goodFolder, 'README.txt'));
  cpSync(goodFolder, badFolder, { recursive: true });
  const lines = readFileSync(join(goodFolder, 'staff.csv'), 'utf8').split('\n');
  const column = lines[0]!.split(',').indexOf('ethnic_category');
  assert.ok(column >= 0, 'staff.csv has an ethnic_category column');
  const index = lines.findIndex((line, i) => i >= 10 && line !== '' && !line.includes('"'));
  const cells = lines[index]!.split(',');
  cells[column] = BROKEN_VALUE;
  lines[index] = cells.join(',');
  writeFileSync(join(badFolder, 'staff.csv'), lines.join('\n'));
  return { goodFolder, badFolder, brokenRow: index + 1 };
}

/** Writes the summary of every page checked (and the tables that scroll at 375px) beside the screenshots. */
export function writePageCheckSummary(): void {
  const scrolling = findings.filter((f) => f.scrollingTables.length > 0);
  const summary = [
    `Checked ${findings.length} pages with axe-core and at 375px wide; screenshots in ${SCREENSHOT_DIR}.`,
    ...scrolling.map((f) => `At 375px, "${f.label}" has tables scrolling inside their own container: ${f.scrollingTables.join('; ')}`),
  ];
  writeFileSync(join(SCREENSHOT_DIR, 'summary.txt'), `${summary.join('\n')}\n`);
}

/** Goes to an address, checks the status and runs every page check. */
export async function visitPage(page: Page, address: string, label: string, status = 200): Promise<void> {
  const response = await page.goto(address);
  assert.ok(response, `no response for ${address}`);
  assert.equal(response.status(), status, `${address} answered ${response.status()}, expected ${status}`);
  await checkPage(page, label);
}

export async function heading(page: Page): Promise<string> {
  return (await page.locator('h1').first().innerText()).trim();
}

/** fetch() from inside the signed-in page, so the session cookie is what authenticates. */
export async function fetchInPage(page: Page, path: string): Promise<{ status: number; text: string }> {
  return await page.evaluate(`fetch(${JSON.stringify(path)}, { credentials: 'same-origin' })
    .then(async (r) => ({ status: r.status, text: await r.text() }))`) as { status: number; text: string };
}

export async function download(page: Page, link: Locator): Promise<{ name: string; text: string }> {
  const [file] = await Promise.all([page.waitForEvent('download'), link.click()]);
  const path = await file.path();
  return { name: file.suggestedFilename(), text: readFileSync(path, 'utf8') };
}

export async function tableRows(table: Locator): Promise<ShownRow[]> {
  const rows: ShownRow[] = [];
  for (const row of await table.locator('tbody tr').all()) {
    rows.push({
      label: (await row.locator('th').first().innerText()).trim(),
      cells: (await row.locator('td').allInnerTexts()).map((c) => c.trim()),
    });
  }
  return rows;
}

/** "12 of 340" → [12, 340]. */
export function countsOf(cell: string): [number, number] {
  const match = /^([\d,]+) of ([\d,]+)$/.exec(cell);
  assert.ok(match, `expected "n of N", got "${cell}"`);
  return [Number(match[1]!.replaceAll(',', '')), Number(match[2]!.replaceAll(',', ''))];
}

/** People, events and non-events in each compared group: the cells disclosure control looks at. */
export function cellsOf(row: ShownRow): number[] {
  return [row.cells[2]!, row.cells[3]!].flatMap((cell) => {
    const [events, population] = countsOf(cell);
    return [events, population, population - events];
  });
}

export const disclosive = (n: number) => n > 0 && n < MINIMUM_CELL;

export async function fillImportForm(page: Page, folder: string): Promise<void> {
  await page.selectOption('#organisation', '__new');
  await page.fill('#newCode', CODE);
  await page.fill('#newName', NAME);
  await page.fill('#year', String(YEAR));
  // Every file the synthetic trust has, chosen together in the one picker, as a person would choose them.
  const kinds = SOURCE_KINDS.filter((kind) => existsSync(join(folder, `${kind}.csv`)));
  assert.ok(kinds.includes('staff'));
  const narrative = existsSync(join(folder, 'wdes_9b.txt')) ? [join(folder, 'wdes_9b.txt')] : [];
  await page.setInputFiles('#files', [...kinds.map((kind) => join(folder, `${kind}.csv`)), ...narrative]);
}

/** Waits through the progress page, which refreshes itself, until the import has an outcome. */
export async function waitForImportOutcome(page: Page): Promise<string> {
  await page.locator('h1', { hasText: /^(Import complete|The files have problems)$/ }).waitFor({ timeout: 120_000 });
  return await heading(page);
}
