/**
 * What every benchmark here does the same way: run Mirror and a plain reference in turn (alternating which goes
 * first, so neither always gets a warm cache), take medians, report the ratio to the reference and the peak memory,
 * and keep the result in bench/results/NAME.local.json. Machine speed cancels out of the ratio; nothing asserts a time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export interface Timings {
  readonly mirrorMedianMs: number;
  readonly referenceMedianMs: number;
  readonly ratioToReference: number;
  readonly peakRssMiB: number;
}

export async function timeAgainstReference(runs: number, mirror: () => Promise<unknown>, reference: () => Promise<unknown> | unknown): Promise<Timings> {
  const mirrorMs: number[] = [];
  const referenceMs: number[] = [];
  let peakRss = process.memoryUsage().rss;
  for (let run = 0; run < runs; run++) {
    const order = run % 2 === 0 ? ['mirror', 'reference'] : ['reference', 'mirror'];
    for (const which of order) {
      const start = performance.now();
      if (which === 'mirror') {
        await mirror();
        mirrorMs.push(performance.now() - start);
      } else {
        await reference();
        referenceMs.push(performance.now() - start);
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
    }
  }
  return {
    mirrorMedianMs: Math.round(median(mirrorMs)),
    referenceMedianMs: Math.round(median(referenceMs)),
    ratioToReference: Number((median(mirrorMs) / median(referenceMs)).toFixed(2)),
    peakRssMiB: Math.round(peakRss / 2 ** 20),
  };
}

/** Prints the four lines every benchmark prints, under `heading`, and keeps the whole result as JSON. */
export function report(name: string, heading: string, labels: { mirror: string; reference: string }, result: Timings & Record<string, unknown>): void {
  const width = Math.max(labels.mirror.length, labels.reference.length, 'Ratio to reference:'.length) + 2;
  console.log(heading);
  console.log(`  ${`${labels.mirror}:`.padEnd(width)}median ${result.mirrorMedianMs} ms`);
  console.log(`  ${`${labels.reference}:`.padEnd(width)}median ${result.referenceMedianMs} ms`);
  console.log(`  ${'Ratio to reference:'.padEnd(width)}${result.ratioToReference}×`);
  console.log(`  ${'Peak resident memory:'.padEnd(width)}${result.peakRssMiB} MiB`);
  mkdirSync(join(import.meta.dirname, 'results'), { recursive: true });
  writeFileSync(join(import.meta.dirname, 'results', `${name}.local.json`), `${JSON.stringify(result, null, 2)}\n`);
}
