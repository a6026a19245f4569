/**
 * `mirror spc <series.csv>`: a Making Data Count XmR chart of one series, computed exactly as NHSRplotthedots 0.2.2
 * computes it (limits, outlier screening, fixed baselines, rebasing, special-cause rules, point types, variation
 * and assurance).
 *
 *   npx mirror spc series.csv --direction decrease --target 0.2 --format table
 *
 * The file has a `date` and a `value` column, and optionally `rebase` (1 or yes where a new phase starts). A blank
 * value (or NA) is a missing point, as the package allows. Problems with the file are listed with file, row, column
 * and value, and nothing is calculated (exit 1); a mistaken option is a usage error (exit 2).
 */
import { resolve } from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import type { Problem } from '../../core/problem.ts';
import { spc, type ImprovementDirection, type PointType, type SpcInputPoint, type SpcPoint, type SpcResult } from '../../core/stats/spc/index.ts';
import { DATE_EXPECTED, parseDate, parseNumber, parseYesNo } from '../../ingest/fields.ts';
import { readTable } from '../../ingest/read-table.ts';
import { readRecords } from '../../ingest/row-reader.ts';
import type { Table } from '../../ingest/table.ts';
import { NO_FIGURE } from '../../core/outputs/numbers.ts';
import { textTable } from '../../core/outputs/text-table.ts';
import { EXIT_OK, emit, reportProblems, type Io } from '../output.ts';

/** The release whose calculation this reproduces. */
export const SPC_REFERENCE = 'NHSRplotthedots 0.2.2';

interface SpcCommandOptions {
  readonly direction: ImprovementDirection;
  readonly target?: number;
  readonly fixAfter?: number;
  readonly screenOutliers: boolean;
  readonly format: 'table' | 'json';
  readonly output?: string;
}


function parseTarget(raw: string): number {
  const parsed = parseNumber(raw, { allowNegative: true });
  if (!parsed.ok || parsed.value === null) throw new InvalidArgumentError('The target must be a number, for example --target 0.95.');
  return parsed.value;
}

function parseFixAfter(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 12) {
    throw new InvalidArgumentError('--fix-after must be a whole number of at least 12 (NHSRplotthedots requires 12 or more).');
  }
  return n;
}

export function registerSpcCommand(program: Command, io: Io, setExitCode: (code: number) => void): void {
  program
    .command('spc')
    .description('Draw up a Making Data Count XmR (SPC) chart of one series, computed as NHSRplotthedots 0.2.2 does (see docs/methodology.md).')
    .argument('<series>', 'CSV or .xlsx file with columns date,value and optionally rebase (1 where a new phase starts)')
    .addOption(new Option('--direction <direction>', 'which way is better').choices(['increase', 'decrease', 'neutral']).makeOptionMandatory())
    .option('--target <n>', 'a target, for the assurance reading', parseTarget)
    .option('--fix-after <n>', 'calculate each phase\'s limits from its first n points only (12 or more)', parseFixAfter)
    .option('--no-screen-outliers', 'keep large moving ranges in the limits (as the Making Data Count Excel tools do)')
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .option('--output <file>', 'write to this file instead of the terminal')
    .action(async (file: string, options: SpcCommandOptions) => {
      setExitCode(await spcCommand(io, resolve(file), options));
    });
}

async function spcCommand(io: Io, path: string, options: SpcCommandOptions): Promise<number> {
  const read = await readTable(path);
  if (!read.ok) return reportProblems(io, read.problems);
  const series = readSeries(read.table);
  if (!series.ok) return reportProblems(io, series.problems);
  const result = spc(series.points, {
    direction: options.direction,
    target: options.target ?? null,
    fixAfterN: options.fixAfter ?? null,
    screenOutliers: options.screenOutliers,
  });
  const text = options.format === 'json' ? `${JSON.stringify(spcJson(result, options), null, 2)}\n` : spcText(result, read.table.file, options);
  await emit(io, text, options.output);
  return EXIT_OK;
}


// ---------------------------------------------------------------- reading

const VALUE_EXPECTED = 'a number, e.g. 12.5 or -3, or blank (or NA) for a missing value';
const REBASE_EXPECTED = '1 (or yes) where a new phase starts; 0, no or blank elsewhere';

type Series = { ok: true; points: SpcInputPoint[] } | { ok: false; problems: Problem[] };

export function readSeries(table: Table): Series {
  const firstRowOf = new Map<string, number>();
  const read = readRecords(table, { required: ['date', 'value'], optional: ['rebase'] }, (row) => {
    const date = row.required('date', row.field('date', parseDate, 'date'), DATE_EXPECTED);
    const rawValue = row.text('value');
    const value = /^na$/i.test(rawValue)
      ? null
      : row.field('value', (raw) => {
          const parsed = parseNumber(raw, { allowNegative: true });
          return parsed.ok ? parsed : { ok: false, expected: VALUE_EXPECTED };
        }, 'number');
    const rebase = row.field('rebase', (raw) => {
      const parsed = parseYesNo(raw);
      return parsed.ok ? parsed : { ok: false, expected: REBASE_EXPECTED };
    }, 'rebase mark');
    if (date === undefined) return undefined;
    const first = firstRowOf.get(date);
    if (first !== undefined) return row.problem('date', `the date ${date} is already on row ${first}; each date may appear only once`);
    firstRowOf.set(date, row.row);
    if (value === undefined || rebase === undefined) return undefined;
    return { date, value, rebase: rebase ?? false };
  });
  if (!read.ok) return read;
  if (read.records.length === 0) {
    return { ok: false, problems: [{ file: table.file, message: 'the file has no data: add one row per date below the header (date,value)' }] };
  }
  return { ok: true, points: read.records };
}

// ---------------------------------------------------------------- JSON

function spcJson(result: SpcResult, options: SpcCommandOptions) {
  return {
    points: result.points.map((p) => ({
      date: p.date,
      value: p.value,
      mean: p.mean,
      lpl: p.lpl,
      upl: p.upl,
      pointType: p.pointType,
      specialCauseType: p.specialCauseType,
      phase: p.phase,
      nearLpl: p.nearLpl,
      nearUpl: p.nearUpl,
      movingRange: p.movingRange,
      movingRangeScreenedOut: p.movingRangeScreenedOut,
      shortPhase: p.shortPhase,
    })),
    variation: result.variation,
    assurance: result.assurance,
    warnings: result.warnings,
    settings: {
      direction: options.direction,
      target: options.target ?? null,
      fixAfterN: options.fixAfter ?? null,
      screenOutliers: options.screenOutliers,
      reference: SPC_REFERENCE,
    },
  };
}

// ---------------------------------------------------------------- table

const POINT_TYPE_WORDS: Readonly<Record<PointType, string>> = {
  common_cause: 'common cause',
  special_cause_improvement: 'improvement',
  special_cause_concern: 'concern',
  special_cause_neutral_high: 'special cause (high)',
  special_cause_neutral_low: 'special cause (low)',
};

/** Decimals shown for the centre line and limits: two more than the values have, at most six. */
function decimalsFor(points: readonly SpcPoint[]): number {
  const places = points.map((p) => (p.value === null ? 0 : (String(p.value).split('.')[1] ?? '').length));
  return Math.min(Math.max(0, ...places) + 2, 6);
}

export function spcText(result: SpcResult, file: string, options: SpcCommandOptions): string {
  const decimals = decimalsFor(result.points);
  const figure = (n: number | null) => (n === null ? NO_FIGURE : n.toFixed(decimals));
  const phased = new Set(result.points.map((p) => p.phase)).size > 1;
  const table = textTable(
    [
      { heading: 'Date' },
      ...(phased ? [{ heading: 'Phase', align: 'right' as const }] : []),
      { heading: 'Value', align: 'right' },
      { heading: 'Mean', align: 'right' },
      { heading: 'Lower limit', align: 'right' },
      { heading: 'Upper limit', align: 'right' },
      { heading: 'Point' },
      { heading: 'Rule' },
    ],
    result.points.map((p) => [
      p.date,
      ...(phased ? [String(p.phase)] : []),
      p.value === null ? 'missing' : String(p.value),
      figure(p.mean),
      figure(p.lpl),
      figure(p.upl),
      POINT_TYPE_WORDS[p.pointType],
      p.pointType === 'common_cause' ? '' : p.specialCauseType,
    ]),
  );
  const settings = [
    `better is ${options.direction === 'increase' ? 'higher' : options.direction === 'decrease' ? 'lower' : 'neither higher nor lower (neutral)'}`,
    options.fixAfter ? `limits from the first ${options.fixAfter} points of each phase` : 'limits from every point',
    options.screenOutliers ? 'large moving ranges screened out' : 'no screening of moving ranges',
  ];
  const last = result.points[result.points.length - 1];
  return [
    `SPC (XmR) chart of ${file}: ${result.points.length} point${result.points.length === 1 ? '' : 's'}; ${settings.join('; ')}.`,
    '',
    table,
    '',
    `Variation: ${variationReading(last)}`,
    `Assurance: ${assuranceReading(result, last, options)}`,
    ...result.warnings.map((w) => `Note: ${w.message}`),
    `Computed as ${SPC_REFERENCE} computes it; see docs/methodology.md, "Statistical process control".`,
    '',
  ].join('\n');
}

/** Why the latest point is special cause, in words. */
function ruleReading(point: SpcPoint): string {
  const type = point.specialCauseType;
  const run = /^(\d+) Point Trend \((In|De)creasing\)$/.exec(type);
  if (run) return `the latest point is part of a run of ${run[1]} points each ${run[2] === 'In' ? 'higher' : 'lower'} than the one before`;
  const near = /^(\d+) in (\d+) (Above|Below) CL$/.exec(type);
  if (near) {
    const side = near[3] === 'Above' ? 'upper' : 'lower';
    return `the latest point is one of ${near[1]} in ${near[2]} points close to the ${side} process limit (beyond two sigma, all on one side of the mean)`;
  }
  const shift = /^(\d+) Points (Above|Below) CL$/.exec(type);
  if (shift) return `the latest point is part of a run of ${shift[1]} points ${shift[2] === 'Above' ? 'above' : 'below'} the mean`;
  if (type === 'Above UCL') return 'the latest point is above the upper process limit';
  if (type === 'Below LCL') return 'the latest point is below the lower process limit';
  return `the latest point is flagged "${type}"`;
}

function variationReading(last: SpcPoint | undefined): string {
  if (!last) return 'none: the series has no points.';
  switch (last.pointType) {
    case 'common_cause':
      return 'Common cause variation: no special cause is flagged at the latest point.';
    case 'special_cause_improvement':
      return `Special cause variation of an improving nature: ${ruleReading(last)}.`;
    case 'special_cause_concern':
      return `Special cause variation of a concerning nature: ${ruleReading(last)}.`;
    case 'special_cause_neutral_high':
    case 'special_cause_neutral_low':
      return `Special cause variation, ${last.pointType.endsWith('high') ? 'high' : 'low'} (neither direction is better): ${ruleReading(last)}.`;
  }
}

function assuranceReading(result: SpcResult, last: SpcPoint | undefined, options: SpcCommandOptions): string {
  const target = options.target;
  if (target === undefined) return 'none: no target was given (add --target).';
  if (options.direction === 'neutral') return 'none: with a neutral direction there is no passing or failing a target.';
  if (!last) return 'none: the series has no points.';
  const limits = last.lpl === null || last.upl === null ? null : `${last.lpl.toFixed(decimalsFor(result.points))} to ${last.upl.toFixed(decimalsFor(result.points))}`;
  const where = last.upl !== null && target > last.upl ? 'above the upper process limit' : 'below the lower process limit';
  switch (result.assurance) {
    case 'consistent_pass':
      return `the process is expected to consistently meet the target of ${target}: the target is ${where}.`;
    case 'consistent_fail':
      return `the process is expected to consistently miss the target of ${target}: the target is ${where}.`;
    case 'inconsistent':
      return limits === null
        ? `inconsistent: the process limits could not be calculated, so the target of ${target} may be met or missed.`
        : `the process will hit and miss the target of ${target} at random: the target lies within the process limits (${limits}).`;
    default:
      return 'none.';
  }
}
