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
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { report, timeAgainstReference } from './compare-with-reference.ts';
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

    const timings = await timeAgainstReference(
      RUNS,
      async () => {
        for (const measure of Object.values(MONTHLY_MEASURES)) await monthlyCountsFor(store, organisation.id, YEARS[1], measure);
      },
      () => reference(store, versionIds),
    );
    report(
      'monthly',
      `Monthly series on ${STAFF.toLocaleString('en-GB')} staff over ${YEARS.length} years in SQLite, ${RUNS} runs each:`,
      { mirror: 'Mirror (three measures, every month)', reference: 'Plain reference (rows into a map)' },
      { date: new Date().toISOString(), node: process.version, staff: STAFF, years: YEARS, runs: RUNS, setupMs: Math.round(setupMs), ...timings },
    );
  } finally {
    await store.close();
    rmSync(root, { recursive: true, force: true });
  }
}

await main();
