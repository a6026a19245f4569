/**
 * Instructions, not seconds: `mirror wres` on a generated folder under valgrind's callgrind, which counts the
 * instructions a process runs whatever else the machine is doing. On a shared machine whose speed varies by a
 * quarter from minute to minute, a change of a few per cent in wall time cannot be seen; the count can, so this is
 * how two builds are compared before the timed benchmarks. Node runs with --single-threaded (no compiler or garbage
 * collector threads, whose timing otherwise changes what the main thread does), which makes the count repeat to
 * within about half a per cent. It counts work, not memory's waits: a change that saves cache misses rather than instructions shows
 * only in the timed benchmarks. Nothing here asserts a count.
 *
 *     node --import tsx bench/instructions.bench.ts
 *
 * It counts three runs of the folder of BENCH_STAFF staff (default 20,000; two applications each): an empty folder
 * (start-up and the refusal, to take off the others), the folder without its applications file (the folder's own
 * thread only), and the whole folder. BENCH_MIRROR (another checkout's bin/mirror.js) counts that build too, and the
 * difference; BENCH_KEEP keeps the generated files. Under callgrind a run takes about forty times as long.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';

const YEAR = 2025;
const ROOT = join(import.meta.dirname, '..');
const STAFF = Number(process.env['BENCH_STAFF'] ?? 20_000);
const BUILDS = [
  { name: 'this build', mirror: join(ROOT, 'bin', 'mirror.js') },
  ...(process.env['BENCH_MIRROR'] ? [{ name: 'BENCH_MIRROR', mirror: process.env['BENCH_MIRROR'] }] : []),
];

/**
 * Instructions of one whole `mirror wres` process, or null when valgrind is not there. A run that should report
 * (`reports`) must print one, and the empty folder must be refused, or the count would be of something else.
 */
function instructions(mirror: string, folder: string, reports: boolean): number | null {
  const child = spawnSync(
    'valgrind',
    ['--tool=callgrind', '--callgrind-out-file=/dev/null', process.execPath, '--single-threaded', mirror, 'wres', folder, '--year', String(YEAR)],
    { encoding: 'utf8', maxBuffer: 64 * 2 ** 20, env: { ...process.env, MIRROR_MAX_ROWS: '100000000' } },
  );
  if (child.error) return null;
  if (reports ? child.status !== 0 || !child.stdout.includes('Indicator 2') : child.status === 0) {
    throw new Error(`mirror wres ${folder} ${reports ? 'printed no report' : 'was not refused'} (${child.status}): ${child.stderr.slice(-2000)}`);
  }
  const refs = /refs:\s+([\d,]+)/.exec(child.stderr);
  if (!refs?.[1]) throw new Error(`callgrind gave no count: ${child.stderr.slice(-2000)}`);
  return Number(refs[1].replaceAll(',', ''));
}

async function folders(base: string) {
  const whole = join(base, `staff-${STAFF}`, String(YEAR));
  if (!existsSync(join(whole, 'README.txt'))) {
    mkdirSync(whole, { recursive: true });
    await writeSyntheticTrust(whole, { year: YEAR, seed: 2025, staff: STAFF, applications: 2 * STAFF });
  }
  const withoutApplications = join(base, `staff-${STAFF}-without-applications`, String(YEAR));
  mkdirSync(withoutApplications, { recursive: true });
  for (const kind of ['staff', 'disciplinary', 'training', 'board', 'survey', 'capability']) {
    copyFileSync(join(whole, `${kind}.csv`), join(withoutApplications, `${kind}.csv`));
  }
  const empty = join(base, 'empty', String(YEAR));
  mkdirSync(empty, { recursive: true });
  return [
    { name: 'start-up (an empty folder)', folder: empty, reports: false },
    { name: 'without applications (first thread)', folder: withoutApplications, reports: true },
    { name: 'whole folder', folder: whole, reports: true },
  ];
}

const keep = process.env['BENCH_KEEP'];
const base = keep ?? mkdtempSync(join(tmpdir(), 'mirror-instructions-bench-'));
try {
  const runs = await folders(base);
  console.log(`mirror wres under callgrind (node --single-threaded), ${STAFF.toLocaleString('en-GB')} staff; millions of instructions:`);
  const counts = new Map<string, (number | null)[]>();
  for (const build of BUILDS) counts.set(build.name, runs.map((run) => instructions(build.mirror, run.folder, run.reports)));
  if ([...counts.values()].flat().some((n) => n === null)) {
    console.log('  valgrind is not installed here (Debian: apt-get install valgrind); nothing counted.');
  } else {
    runs.forEach((run, i) => {
      const line = BUILDS.map((build) => `${build.name} ${Math.round((counts.get(build.name)?.[i] ?? 0) / 1e6).toLocaleString('en-GB')}`);
      const [own, other] = BUILDS.map((build) => counts.get(build.name)?.[i] ?? 0);
      const change = other ? `  (this build ${(((own ?? 0) / other - 1) * 100).toFixed(1)}%)` : '';
      console.log(`  ${run.name.padEnd(38)} ${line.join('   ')}${change}`);
    });
  }
} finally {
  if (keep === undefined) rmSync(base, { recursive: true, force: true });
}
