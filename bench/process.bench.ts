/**
 * Whole processes, as a person runs them: `mirror wres <folder>` beside a plain Python csv script
 * (reference_wres.py, standard library only) and DuckDB (duckdb-wres.mjs) on the same generated files, at several
 * sizes. Each is a fresh process, timed from start to exit, with its peak resident memory (from /usr/bin/time, or
 * the child's maxRSS where that is missing). Reports each size's medians, Mirror's ratio to each reference, and how
 * time grows with size (the time per million rows read). Nothing here asserts a time.
 *
 *     node --import tsx bench/process.bench.ts                 # 20,000 and 200,000 staff
 *     BENCH_NATIONAL=1 node --import tsx bench/process.bench.ts  # and 1,500,000 staff (about 10 million rows)
 *
 * BENCH_SIZES (e.g. "20000,200000"), BENCH_RUNS (default 3; national size once), BENCH_APPLICATIONS_PER_STAFF
 * (default 2, the national figure of 3 million applications for 1.5 million staff), BENCH_MIRROR (another
 * checkout's bin/mirror.js, to compare before and after) and BENCH_KEEP (a folder to keep the generated files in,
 * reused when present) change what runs. Every file is read whole, so MIRROR_MAX_ROWS is raised for the runs.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { median } from './compare-with-reference.ts';

const YEAR = 2025;
const ROOT = join(import.meta.dirname, '..');
const NATIONAL = 1_500_000;
const sizes = (process.env['BENCH_SIZES'] ?? `20000,200000${process.env['BENCH_NATIONAL'] ? `,${NATIONAL}` : ''}`)
  .split(',')
  .map((s) => Number(s.trim()))
  .filter((n) => n > 0);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 3);
const PER_STAFF = Number(process.env['BENCH_APPLICATIONS_PER_STAFF'] ?? 2);
const MIRROR = process.env['BENCH_MIRROR'] ?? join(ROOT, 'bin', 'mirror.js');
const TIME = existsSync('/usr/bin/time') ? '/usr/bin/time' : null;

interface Run {
  readonly ms: number;
  readonly peakMiB: number;
}

/** One whole process: wall time and peak resident memory; its output is checked by `check`, then dropped. */
function runOnce(command: string, args: readonly string[], check: (stdout: string) => void): Run {
  const env = { ...process.env, MIRROR_MAX_ROWS: '100000000' };
  const [file, argv] = TIME ? [TIME, ['-f', '%M', command, ...args]] : [command, [...args]];
  const start = performance.now();
  const child = spawnSync(file, argv, { env, encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-2000)}`);
  check(child.stdout);
  const kib = TIME ? Number(child.stderr.trim().split('\n').at(-1)) : 0;
  return { ms, peakMiB: Math.round(kib / 1024) };
}

interface Contender {
  readonly name: string;
  readonly command: string;
  readonly args: (folder: string) => readonly string[];
  readonly check: (stdout: string) => void;
}

const CONTENDERS: readonly Contender[] = [
  {
    name: 'mirror wres',
    command: process.execPath,
    args: (folder) => [MIRROR, 'wres', folder, '--year', String(YEAR)],
    check: (out) => {
      if (!out.includes('Indicator 2')) throw new Error(`mirror wres printed no report: ${out.slice(0, 500)}`);
    },
  },
  {
    name: 'Python csv',
    command: 'python3',
    args: (folder) => [join(ROOT, 'bench', 'reference_wres.py'), folder],
    check: (out) => {
      if (!out.includes('headcount')) throw new Error(`the Python reference printed no counts: ${out.slice(0, 500)}`);
    },
  },
  {
    name: 'DuckDB',
    command: process.execPath,
    args: (folder) => [join(ROOT, 'bench', 'duckdb-wres.mjs'), folder],
    check: (out) => {
      if (!out.includes('headcount')) throw new Error(`the DuckDB reference printed no counts: ${out.slice(0, 500)}`);
    },
  },
];

function dataRows(folder: string): number {
  let rows = 0;
  for (const kind of ['staff', 'applications', 'disciplinary', 'training', 'board', 'survey', 'capability']) {
    const text = readFileSync(join(folder, `${kind}.csv`), 'latin1');
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) rows += 1;
    rows -= 1; // the header
  }
  return rows;
}

interface SizeResult {
  readonly staff: number;
  readonly applications: number;
  readonly rows: number;
  readonly generateMs: number;
  readonly runs: number;
  readonly results: Readonly<Record<string, { medianMs: number; peakMiB: number; msPerMillionRows: number }>>;
}

async function benchSize(staff: number, keep: string | undefined): Promise<SizeResult> {
  const applications = Math.round(staff * PER_STAFF);
  const base = keep ?? mkdtempSync(join(tmpdir(), 'mirror-process-bench-'));
  const folder = join(base, `staff-${staff}-applications-${applications}`, String(YEAR));
  try {
    let generateMs = 0;
    if (!existsSync(join(folder, 'README.txt'))) {
      mkdirSync(folder, { recursive: true });
      const start = performance.now();
      await writeSyntheticTrust(folder, { year: YEAR, seed: 2025, staff, applications });
      generateMs = performance.now() - start;
    }
    const rows = dataRows(folder);
    const runs = staff >= NATIONAL && process.env['BENCH_RUNS'] === undefined ? 1 : RUNS;
    const timings = new Map<string, Run[]>(CONTENDERS.map((c) => [c.name, []]));
    for (let run = 0; run < runs; run += 1) {
      // A different one goes first each time, so none always finds the files in a warm cache.
      const order = CONTENDERS.map((_, i) => CONTENDERS[(i + run) % CONTENDERS.length] as Contender);
      for (const contender of order) timings.get(contender.name)?.push(runOnce(contender.command, contender.args(folder), contender.check));
    }
    const results = Object.fromEntries(
      [...timings].map(([name, list]) => {
        const medianMs = Math.round(median(list.map((r) => r.ms)));
        const peakMiB = Math.max(...list.map((r) => r.peakMiB));
        return [name, { medianMs, peakMiB, msPerMillionRows: Math.round(medianMs / (rows / 1e6)) }];
      }),
    );
    return { staff, applications, rows, generateMs: Math.round(generateMs), runs, results };
  } finally {
    if (keep === undefined) rmSync(base, { recursive: true, force: true });
  }
}

function printSize(size: SizeResult): void {
  const mirror = size.results['mirror wres'];
  console.log(
    `${size.staff.toLocaleString('en-GB')} staff, ${size.applications.toLocaleString('en-GB')} applications ` +
      `(${size.rows.toLocaleString('en-GB')} rows in all), median of ${size.runs}` +
      (size.generateMs > 0 ? `; generated in ${(size.generateMs / 1000).toFixed(1)} s` : ''),
  );
  for (const [name, r] of Object.entries(size.results)) {
    const ratio = mirror && name !== 'mirror wres' ? `  Mirror ÷ this: ${(mirror.medianMs / r.medianMs).toFixed(2)}` : '';
    console.log(
      `  ${name.padEnd(12)} ${(r.medianMs / 1000).toFixed(2).padStart(7)} s  peak ${String(r.peakMiB).padStart(5)} MiB  ` +
        `${String(r.msPerMillionRows).padStart(6)} ms per million rows${ratio}`,
    );
  }
}

const keep = process.env['BENCH_KEEP'];
const all: SizeResult[] = [];
for (const staff of sizes) {
  const size = await benchSize(staff, keep);
  printSize(size);
  all.push(size);
}
if (all.length > 1) {
  const first = all[0] as SizeResult;
  console.log('How time grows with size (1.00 = in proportion to the rows read):');
  for (const size of all.slice(1)) {
    const growth = Object.entries(size.results)
      .map(([name, r]) => `${name} ${(r.msPerMillionRows / (first.results[name]?.msPerMillionRows ?? r.msPerMillionRows)).toFixed(2)}`)
      .join(', ');
    console.log(`  ${first.staff.toLocaleString('en-GB')} → ${size.staff.toLocaleString('en-GB')} staff: ${growth}`);
  }
}
mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(
  join(import.meta.dirname, 'results', 'process.local.json'),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, mirror: MIRROR, sizes: all }, null, 2)}\n`,
);
