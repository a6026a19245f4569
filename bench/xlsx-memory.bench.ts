/**
 * Peak memory reading a large Excel workbook, before and after issue 15 item 2 (ADR 0010): a staff-like sheet of
 * 200,000 rows written with exceljs's streaming writer, read in a fresh process each way, reporting each process's
 * peak resident memory (maxRSS, which includes the lazy reading's own thread) and its time. Nothing is asserted.
 *
 *   - whole: `workbook.xlsx.load`, every cell in memory, then the table (how every workbook was read before);
 *   - table: the rows read as they stream, built into the table (read-xlsx.ts; what an upload's files get);
 *   - lazy: the rows read as they stream on their own thread, taken by a reader that keeps none of them
 *     (lazy-xlsx-table.ts; what a folder's large files get; the records a reader makes are not counted here);
 *   - start: the modules loaded and nothing read, for the fixed cost.
 *
 *     node --import tsx bench/xlsx-memory.bench.ts            # 200,000 rows
 *     BENCH_XLSX_ROWS=50000 node --import tsx bench/xlsx-memory.bench.ts
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { openLazyXlsxTable } from '../src/ingest/lazy-xlsx-table.ts';
import { DEFAULT_READ_LIMITS } from '../src/ingest/limits.ts';
import { readXlsxFile } from '../src/ingest/read-xlsx.ts';
import { readXlsxWhole } from '../src/ingest/read-xlsx-whole.ts';
import { writeLargeWorkbook } from '../src/ingest/test-support.ts';

const MODES = ['start', 'whole', 'table', 'lazy'] as const;
type Mode = (typeof MODES)[number];

interface Measure {
  readonly rows: number;
  readonly ms: number;
  readonly peakMiB: number;
}

/** Reads the workbook one way in this process and prints what it measured. */
async function child(mode: Mode, path: string): Promise<void> {
  const limits = { ...DEFAULT_READ_LIMITS, maxRows: 10_000_000, maxUnpackedBytes: 4096 * 2 ** 20 };
  const start = performance.now();
  let rows = 0;
  if (mode === 'whole') {
    const bytes = readFileSync(path);
    const result = await readXlsxWhole('staff.xlsx', createHash('sha256').update(bytes).digest('hex'), bytes, limits);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    rows = result.table.rows.length;
  } else if (mode === 'table') {
    const result = await readXlsxFile(path, 'staff.xlsx', limits);
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    rows = result.table.rows.length;
  } else if (mode === 'lazy') {
    const lazy = openLazyXlsxTable(path, 'staff.xlsx', limits, 0);
    if (!lazy) throw new Error('not opened lazily');
    for (const _ of lazy.table.rows) rows += 1;
    const end = lazy.finish();
    if (end.kind !== 'read') throw new Error(JSON.stringify(end));
  }
  const ms = performance.now() - start;
  const measure: Measure = { rows, ms, peakMiB: process.resourceUsage().maxRSS / 1024 };
  process.stdout.write(JSON.stringify(measure));
}

function run(mode: Mode, path: string): Measure {
  const result = spawnSync(process.execPath, ['--import', 'tsx', import.meta.filename, '--child', mode, path], { encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`${mode} failed: ${result.stderr.slice(-2000)}`);
  return JSON.parse(result.stdout) as Measure;
}

async function main(): Promise<void> {
  const count = Number(process.env['BENCH_XLSX_ROWS'] ?? 200_000);
  const dir = mkdtempSync(join(tmpdir(), 'mirror-xlsx-bench-'));
  try {
    const path = join(dir, 'staff.xlsx');
    await writeLargeWorkbook(path, count);
    const size = statSync(path).size / 2 ** 20;
    console.log(`staff.xlsx: ${count.toLocaleString('en-GB')} rows, 6 columns, ${size.toFixed(1)} MiB`);
    console.log('mode    rows        peak RSS    time');
    for (const mode of MODES) {
      const { rows, ms, peakMiB } = run(mode, path);
      console.log(`${mode.padEnd(8)}${String(rows).padEnd(12)}${`${peakMiB.toFixed(0)} MiB`.padEnd(12)}${(ms / 1000).toFixed(1)} s`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const at = process.argv.indexOf('--child');
if (at > 0) await child(process.argv[at + 1] as Mode, process.argv[at + 2] as string);
else await main();
