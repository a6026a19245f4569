/**
 * `npm run bench`: WRES for a generated trust of 20,000 staff and 150,000 applications, timed beside a plain
 * reference aggregation of the same files on the same run. Results are ratios to the reference (machine speed
 * cancels out) plus memory; nothing here asserts a time.
 *
 * The reference is the least work anyone could do: read each file, split lines on commas, look each distinct
 * ethnicity value up once, and count the headline numbers for indicators 1–4. Mirror does much more (encoding
 * detection, full validation with located errors, every breakdown, intervals, suppression), so a ratio of a few
 * times is expected; a jump between runs is what to look for.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { wresGroup } from '../src/core/ethnicity/classifications.ts';
import { matchEthnicity } from '../src/core/ethnicity/match.ts';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { wresFromFolder } from '../src/services/wres-from-folder.ts';
import { report, timeAgainstReference } from './compare-with-reference.ts';

const STAFF = Number(process.env['BENCH_STAFF'] ?? 20_000);
const APPLICATIONS = Number(process.env['BENCH_APPLICATIONS'] ?? 150_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const YEAR = 2025;

/** Splits a simple CSV (the generator quotes nothing that matters here) into header index and rows. */
function readSimpleCsv(path: string): { column: (name: string) => number; rows: string[][] } {
  const lines = readFileSync(path, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const header = (lines[0] ?? '').split(',');
  return { column: (name) => header.indexOf(name), rows: lines.slice(1).map((l) => l.split(',')) };
}

function referenceAggregation(folder: string): Record<string, number> {
  const groupCache = new Map<string, string>();
  const groupOf = (raw: string) => {
    let group = groupCache.get(raw);
    if (group === undefined) {
      const value = matchEthnicity(raw);
      group = value ? wresGroup(value) : 'unrecognised';
      groupCache.set(raw, group);
    }
    return group;
  };
  const totals: Record<string, number> = {};
  const add = (key: string) => {
    totals[key] = (totals[key] ?? 0) + 1;
  };
  const staff = readSimpleCsv(join(folder, 'staff.csv'));
  const [sid, sEth, sAssign] = ['staff_id', 'ethnic_category', 'assignment_category'].map(staff.column);
  const staffGroup = new Map<string, string>();
  for (const row of staff.rows) {
    if (row[sAssign!] === 'Bank') continue;
    const group = groupOf(row[sEth!] ?? '');
    staffGroup.set(row[sid!] ?? '', group);
    add(`headcount:${group}`);
  }
  const apps = readSimpleCsv(join(folder, 'applications.csv'));
  const [aEth, aShort, aAppt] = ['ethnic_category', 'shortlisted', 'appointed'].map(apps.column);
  for (const row of apps.rows) {
    if (!/^y/i.test(row[aShort!] ?? '')) continue;
    const group = groupOf(row[aEth!] ?? '');
    add(`shortlisted:${group}`);
    if (/^y/i.test(row[aAppt!] ?? '')) add(`appointed:${group}`);
  }
  for (const [file, filter] of [['disciplinary.csv', () => true], ['training.csv', (r: string[], m: number) => !/^y/i.test(r[m] ?? '')]] as const) {
    const events = readSimpleCsv(join(folder, file));
    const [eId, eMandatory] = [events.column('staff_id'), events.column('mandatory')];
    const seen = new Set<string>();
    for (const row of events.rows) {
      const id = row[eId] ?? '';
      if (seen.has(id) || !filter(row, eMandatory)) continue;
      seen.add(id);
      add(`${file}:${staffGroup.get(id) ?? 'unknown'}`);
    }
  }
  return totals;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'mirror-bench-'));
  const folder = join(root, String(YEAR));
  try {
    const generateStart = performance.now();
    await writeSyntheticTrust(folder, { year: YEAR, seed: 2025, staff: STAFF, applications: APPLICATIONS });
    const generateMs = performance.now() - generateStart;

    const timings = await timeAgainstReference(
      RUNS,
      async () => {
        const result = await wresFromFolder(folder, { year: YEAR, previousFolder: null });
        if (!result.ok) throw new Error(`the generated trust did not load: ${JSON.stringify(result.problems.slice(0, 3))}`);
      },
      () => referenceAggregation(folder),
    );
    report(
      'latest',
      `WRES on ${STAFF.toLocaleString('en-GB')} staff and ${APPLICATIONS.toLocaleString('en-GB')} applications, ${RUNS} runs each:`,
      { mirror: 'Mirror (read, check, count, report)', reference: 'Plain reference aggregation' },
      { date: new Date().toISOString(), node: process.version, staff: STAFF, applications: APPLICATIONS, runs: RUNS, generateMs: Math.round(generateMs), ...timings },
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
