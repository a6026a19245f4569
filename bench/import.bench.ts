/**
 * Whole imports, as a person runs them (issue 15, "import at least 150,000 rows a second into either store"):
 * `mirror import` of generated files (`mirror demo --staff N --applications 2N`, seed 2025) as a fresh process into a
 * fresh SQLite file and into a fresh PostgreSQL database, timed from start to exit, with its peak resident memory
 * (from /usr/bin/time, when present). Reports rows a second: the data rows in all the files over the wall time. So it
 * counts everything an import does (reading and checking every row, pseudonymising, counting every standard, keeping
 * the regional figures, writing), not the writing alone. Nothing here asserts a time.
 *
 *     npm run bench:import      # part of npm run bench; 20,000 and 200,000 staff
 *
 * BENCH_SIZES (default "20000,200000"), BENCH_RUNS (default 3), BENCH_MIRROR (another checkout's bin/mirror.js, to
 * compare before and after), BENCH_KEEP (a folder to keep the generated files in, reused when present) and
 * BENCH_STORES ("sqlite,postgres" by default) change what runs. PostgreSQL is reached at BENCH_DATABASE_URL (default
 * postgres://postgres@127.0.0.1:5432/postgres), where each run creates a database of its own and drops it after; when
 * it cannot be reached it is skipped with the reason printed, unless CI is set, when that is a failure.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { BUILD_STAMP, sourceFingerprint } from '../bin/fingerprint.js';
import { median } from './compare-with-reference.ts';

const YEAR = 2025;
const ROOT = join(import.meta.dirname, '..');
const sizes = (process.env['BENCH_SIZES'] ?? '20000,200000').split(',').map((s) => Number(s.trim())).filter((n) => n > 0);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const MIRROR = process.env['BENCH_MIRROR'] ?? join(ROOT, 'bin', 'mirror.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;
const ADMIN_URL = process.env['BENCH_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const STORES = (process.env['BENCH_STORES'] ?? 'sqlite,postgres').split(',').map((s) => s.trim()) as ('sqlite' | 'postgres')[];
const FILES = ['staff', 'applications', 'disciplinary', 'training', 'board', 'survey', 'capability'];

interface Run {
  readonly ms: number;
  readonly peakMiB: number;
}

/** `mirror …` as a whole process with `env`: wall time and peak resident memory; fails loudly if it failed. */
function mirror(args: readonly string[], env: NodeJS.ProcessEnv): Run & { readonly stdout: string } {
  const fullEnv = { ...process.env, MIRROR_MAX_ROWS: '100000000', ...env };
  const command = [process.execPath, MIRROR, ...args];
  const [file, argv] = TIME ? [TIME, ['-f', '%M', ...command]] : [command[0] as string, command.slice(1)];
  const start = performance.now();
  const child = spawnSync(file, argv, { env: fullEnv, encoding: 'utf8', maxBuffer: 64 * 2 ** 20 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`mirror ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  const kib = TIME ? Number(child.stderr.trim().split('\n').at(-1)) : 0;
  return { ms, peakMiB: Math.round(kib / 1024), stdout: child.stdout };
}

/** Data rows in every file an import reads (the headers not counted). */
function dataRows(folder: string): number {
  let rows = 0;
  for (const kind of FILES) {
    const path = join(folder, `${kind}.csv`);
    if (!existsSync(path)) continue;
    const text = readFileSync(path, 'latin1');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows += 1;
    rows -= 1;
  }
  return rows;
}

/** Why PostgreSQL cannot be used, or null when it can. */
async function postgresUnreachable(): Promise<string | null> {
  const client = new pg.Client({ connectionString: ADMIN_URL, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return null;
  } catch (error) {
    return `${ADMIN_URL.replace(/\/\/[^@]*@/, '//…@')} cannot be reached (${(error as Error).message})`;
  } finally {
    await client.end().catch(() => {});
  }
}

async function adminQuery(text: string): Promise<void> {
  const client = new pg.Client({ connectionString: ADMIN_URL });
  await client.connect();
  try {
    await client.query(text);
  } finally {
    await client.end();
  }
}

/** One import of `folder` into a store made for it alone, removed after. */
async function importOnce(store: 'sqlite' | 'postgres', folder: string): Promise<Run> {
  const dataDir = mkdtempSync(join(tmpdir(), 'mirror-import-bench-data-'));
  const database = `mirror_import_bench_${process.pid}_${randomBytes(4).toString('hex')}`;
  const args = ['import', folder, '--org', 'RBENCH', '--name', 'Benchmark NHS Trust', '--year', String(YEAR)];
  try {
    let env: NodeJS.ProcessEnv = { MIRROR_DATA_DIR: dataDir, DATABASE_URL: '' };
    if (store === 'postgres') {
      await adminQuery(`create database ${database}`);
      const url = new URL(ADMIN_URL);
      url.pathname = `/${database}`;
      env = { ...env, DATABASE_URL: url.toString() };
    }
    const run = mirror(args, env);
    if (!run.stdout.includes('Imported Benchmark NHS Trust')) throw new Error(`mirror import said: ${run.stdout.slice(0, 500)}`);
    return run;
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    if (store === 'postgres') await adminQuery(`drop database if exists ${database} with (force)`).catch(() => {});
  }
}

interface SizeResult {
  readonly staff: number;
  readonly rows: number;
  readonly runs: number;
  readonly results: Readonly<Record<string, { medianMs: number; peakMiB: number; rowsPerSecond: number; allMs: number[] }>>;
}

async function benchSize(staff: number, stores: readonly ('sqlite' | 'postgres')[], keep: string | undefined): Promise<SizeResult> {
  const base = keep ?? mkdtempSync(join(tmpdir(), 'mirror-import-bench-'));
  const folder = join(base, `staff-${staff}-applications-${2 * staff}`, String(YEAR));
  try {
    if (!existsSync(join(folder, 'staff.csv'))) {
      mkdirSync(folder, { recursive: true });
      mirror(['demo', folder, '--year', String(YEAR), '--staff', String(staff), '--applications', String(2 * staff), '--seed', '2025'], {});
    }
    const rows = dataRows(folder);
    const timings = new Map<string, Run[]>(stores.map((s) => [s, []]));
    for (let run = 0; run < RUNS; run += 1) {
      // A different store goes first each time, so neither always finds the files in a warm cache.
      const order = stores.map((_, i) => stores[(i + run) % stores.length] as 'sqlite' | 'postgres');
      for (const store of order) timings.get(store)?.push(await importOnce(store, folder));
    }
    const results = Object.fromEntries([...timings].map(([store, list]) => {
      const medianMs = Math.round(median(list.map((r) => r.ms)));
      return [store, {
        medianMs, peakMiB: Math.max(...list.map((r) => r.peakMiB)), rowsPerSecond: Math.round(rows / (medianMs / 1000)),
        allMs: list.map((r) => Math.round(r.ms)),
      }];
    }));
    return { staff, rows, runs: RUNS, results };
  } finally {
    if (keep === undefined) rmSync(base, { recursive: true, force: true });
  }
}

const unreachable = STORES.includes('postgres') ? await postgresUnreachable() : null;
if (unreachable && process.env['CI']) throw new Error(`PostgreSQL is needed for this benchmark in CI: ${unreachable}`);
if (unreachable) console.log(`PostgreSQL skipped: ${unreachable}.`);
const stores = STORES.filter((s) => s === 'sqlite' || (s === 'postgres' && !unreachable));
const mirrorRoot = dirname(dirname(MIRROR));
const stamp = join(mirrorRoot, 'dist', BUILD_STAMP);
const compiled = existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceFingerprint(mirrorRoot);
console.log(`mirror import with ${MIRROR}, from ${compiled ? 'its compiled JavaScript (dist/)' : 'the TypeScript sources through tsx (dist/ is missing or stale: run npm run build)'}.`);
const load = () => loadavg().map((n) => n.toFixed(2)).join(' ');
console.log(`Load average before: ${load()}.`);
const all: SizeResult[] = [];
for (const staff of sizes) {
  const size = await benchSize(staff, stores, process.env['BENCH_KEEP']);
  console.log(`${staff.toLocaleString('en-GB')} staff, ${size.rows.toLocaleString('en-GB')} rows in all files, median of ${size.runs} (load average after: ${load()}):`);
  for (const [store, r] of Object.entries(size.results)) {
    console.log(
      `  ${store.padEnd(9)} ${(r.medianMs / 1000).toFixed(2).padStart(7)} s  ${r.rowsPerSecond.toLocaleString('en-GB').padStart(9)} rows/s  ` +
        `peak ${String(r.peakMiB).padStart(5)} MiB  (runs: ${r.allMs.map((ms) => (ms / 1000).toFixed(2)).join(', ')} s)`,
    );
  }
  all.push(size);
}
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'import.local.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, mirror: MIRROR, sizes: all }, null, 2)}\n`,
);
