/**
 * Start-up, as a person meets it (issue 15, "start at once"): `mirror --help` and `mirror wres --help` as whole
 * processes beside a bare `node -e 0`, the reference, run in turn on the same machine. Reports the medians, the
 * ratio to the reference (the goal: within 5 times) and the peak memory. Nothing here asserts a time.
 *
 *     node --import tsx bench/startup.bench.ts      # BENCH_RUNS (default 15) changes how many runs
 *
 * Mirror runs from its compiled JavaScript (dist/, made by `npm install` or `npm run build`); when dist/ is older
 * than the sources, bin/mirror.js runs them through tsx instead, which is slower to start, so this says which it was.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BUILD_STAMP, sourceFingerprint } from '../bin/fingerprint.js';
import { median, report } from './compare-with-reference.ts';

const ROOT = join(import.meta.dirname, '..');
const RUNS = Number(process.env['BENCH_RUNS'] ?? 15);
const MIRROR = join(ROOT, 'bin', 'mirror.js');

/** Wall time of one whole process; its output is checked, then dropped. */
function runOnce(args: readonly string[], check: (stdout: string) => boolean): number {
  const start = performance.now();
  const child = spawnSync(process.execPath, args, { encoding: 'utf8', env: { ...process.env, MIRROR_FROM_SOURCE: '' } });
  const ms = performance.now() - start;
  if (child.status !== 0 || !check(child.stdout)) throw new Error(`node ${args.join(' ')} failed (${child.status}): ${child.stderr.slice(-1000)}`);
  return ms;
}

const stamp = join(ROOT, 'dist', BUILD_STAMP);
const compiled = existsSync(stamp) && readFileSync(stamp, 'utf8') === sourceFingerprint(ROOT);
console.log(`Mirror runs from ${compiled ? 'its compiled JavaScript (dist/)' : 'the TypeScript sources through tsx (dist/ is missing or stale: run npm run build)'}.`);

const commands = [
  { name: 'startup-help', label: 'mirror --help', args: [MIRROR, '--help'], check: (out: string) => out.includes('Usage: mirror') },
  { name: 'startup-wres-help', label: 'mirror wres --help', args: [MIRROR, 'wres', '--help'], check: (out: string) => out.includes('Usage: mirror wres') },
] as const;

for (const command of commands) {
  const mirrorMs: number[] = [];
  const referenceMs: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    // Alternating which goes first, so neither always finds the file cache warm.
    const pair = [
      () => mirrorMs.push(runOnce(command.args, command.check)),
      () => referenceMs.push(runOnce(['-e', '0'], () => true)),
    ];
    for (const go of run % 2 === 0 ? pair : pair.reverse()) go();
  }
  const peak = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, ...command.args], { encoding: 'utf8' });
  const peakKiB = peak.status === 0 ? Number(peak.stderr.trim().split('\n').at(-1)) : 0;
  report(command.name, `${command.label} against node -e 0 (${RUNS} runs each)`, { mirror: command.label, reference: 'node -e 0' }, {
    mirrorMedianMs: Math.round(median(mirrorMs)),
    referenceMedianMs: Math.round(median(referenceMs)),
    ratioToReference: Number((median(mirrorMs) / median(referenceMs)).toFixed(2)),
    peakRssMiB: Math.round(peakKiB / 1024),
    compiled,
  });
}
