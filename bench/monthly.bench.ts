/**
 * `npm run bench` (second part): the three monthly series (recruitment, disciplinary, training) from the embedded
 * store for a generated trust over two years, as the monthly pages and the overview read them, timed beside a plain
 * reference on the same run. Results are ratios to the reference plus memory; nothing here asserts a time.
 *
 * The reference is the least work anyone could do with the same store: select each import's event rows and staff
 * rows with no joins or grouping, and count first events per person and month in a JavaScript map. Mirror groups and
 * joins in SQL and fills and checks every month; a ratio near 1 or below is expected, and a jump between runs (such
 * as a lost index, which once made the training series 100 times slower) is what to look for.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { MONTHLY_MEASURES } from '../src/core/monthly/monthly-measures.ts';
import { reportingPeriod } from '../src/core/wres/reporting-period.ts';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { importFolder } from '../src/services/import-service.ts';
import { monthlyCountsFor } from '../src/services/monthly-counts-service.ts';
import { openDatabase } from '../src/store/database.ts';
import { KyselyStore } from '../src/store/kysely-store.ts';
import { toBoolean } from '../src/store/values.ts';

const STAFF = Number(process.env['BENCH_STAFF'] ?? 20_000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const YEARS = [2024, 2025] as const;
const KEY = Buffer.alloc(32, 9);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Plain reading of the same rows and a map of first events per person: the floor for what the series cost. */
async function reference(store: KyselyStore, versionIds: readonly number[]): Promise<number> {
  let people = 0;
  for (const [i, id] of versionIds.entries()) {
    const period = reportingPeriod(YEARS[i]!);
    const staff = await store.db.selectFrom('staff_records').select(['pseudonym', 'ethnic_code', 'bank_only']).where('import_version_id', '=', id).execute();
    const staffCode = new Map(staff.map((s) => [s.pseudonym, toBoolean(s.bank_only) ? null : s.ethnic_code]));
    for (const table of ['disciplinary_records', 'training_records'] as const) {
      const rows = await store.db.selectFrom(table).select(['pseudonym', 'ethnic_code', 'start_date']).where('import_version_id', '=', id).execute();
      const first = new Map<string, string>();
      for (const row of rows) {
        if (row.start_date < period.start || row.start_date > period.end || (staffCode.has(row.pseudonym) && staffCode.get(row.pseudonym) === null)) continue;
        const earlier = first.get(row.pseudonym);
        if (earlier === undefined || row.start_date < earlier) first.set(row.pseudonym, row.start_date);
      }
      people += first.size;
    }
    const applications = await store.db.selectFrom('application_records').select(['application_date', 'ethnic_code', 'shortlisted', 'appointed']).where('import_version_id', '=', id).execute();
    people += applications.filter((a) => a.application_date !== null && toBoolean(a.shortlisted)).length;
  }
  return people;
}

async function main(): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'mirror-bench-monthly-'));
  const store = new KyselyStore(openDatabase({ dialect: 'sqlite', file: join(root, 'mirror.sqlite') }));
  try {
    await store.migrate();
    const setupStart = performance.now();
    for (const year of YEARS) {
      const folder = join(root, String(year));
      await writeSyntheticTrust(folder, { year, seed: 2025, staff: STAFF });
      const result = await importFolder(store, folder, { organisation: { code: 'BENCH', name: 'Benchmark trust' }, year, channel: 'cli', importedBy: null, key: KEY });
      if (!result.ok) throw new Error(`the generated trust did not import: ${JSON.stringify(result.problems.slice(0, 3))}`);
    }
    const setupMs = performance.now() - setupStart;
    const organisation = (await store.organisations.byCode('BENCH'))!;
    const versionIds = await Promise.all(YEARS.map(async (y) => (await store.imports.current(organisation.id, y))!.id));

    const mirrorMs: number[] = [];
    const referenceMs: number[] = [];
    let peakRss = process.memoryUsage().rss;
    for (let run = 0; run < RUNS; run++) {
      const order = run % 2 === 0 ? ['mirror', 'reference'] : ['reference', 'mirror'];
      for (const which of order) {
        const start = performance.now();
        if (which === 'mirror') {
          for (const measure of Object.values(MONTHLY_MEASURES)) await monthlyCountsFor(store, organisation.id, YEARS[1], measure);
          mirrorMs.push(performance.now() - start);
        } else {
          await reference(store, versionIds);
          referenceMs.push(performance.now() - start);
        }
        peakRss = Math.max(peakRss, process.memoryUsage().rss);
      }
    }
    const result = {
      date: new Date().toISOString(),
      node: process.version,
      staff: STAFF,
      years: YEARS,
      runs: RUNS,
      setupMs: Math.round(setupMs),
      mirrorMedianMs: Math.round(median(mirrorMs)),
      referenceMedianMs: Math.round(median(referenceMs)),
      ratioToReference: Number((median(mirrorMs) / median(referenceMs)).toFixed(2)),
      peakRssMiB: Math.round(peakRss / 2 ** 20),
    };
    console.log(`Monthly series on ${STAFF.toLocaleString('en-GB')} staff over ${YEARS.length} years in SQLite, ${RUNS} runs each:`);
    console.log(`  Mirror (three measures, every month):  median ${result.mirrorMedianMs} ms`);
    console.log(`  Plain reference (rows into a map):     median ${result.referenceMedianMs} ms`);
    console.log(`  Ratio to reference:                    ${result.ratioToReference}×`);
    console.log(`  Peak resident memory:                  ${result.peakRssMiB} MiB`);
    mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
    writeFileSync(join(import.meta.dirname, 'results', 'monthly.local.json'), `${JSON.stringify(result, null, 2)}\n`);
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
