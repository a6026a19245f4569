/**
 * `mirror targets <folder> [<folder> …]`: Model Employer-style goals and yearly trajectories for ethnic minority
 * representation in Bands 8a to 9 and VSM (docs/methodology.md, "Targets and trajectories"; Unverified), or with
 * `--standard wdes` for Disabled staff by the same method. Each folder is one reporting year, named after the year as
 * for `mirror wres`; each is counted as `mirror wres` (or `mirror wdes`) counts it.
 */
import { InvalidArgumentError, Option } from 'commander';
import { basename, resolve } from 'node:path';
import type { Problem } from '../../core/problem.ts';
import { WDES_TARGET_GROUP } from '../../core/targets/band-shares.ts';
import {
  modelEmployerTargets,
  modelEmployerTargetsFor,
  STATUS_LABELS,
  WRES_TARGET_GROUP,
  type BandHeadcount,
  type BandShareYear,
  type ModelEmployerTargets,
  type TargetGroup,
  type TargetsResult,
  type TargetYearInput,
} from '../../core/targets/model-employer.ts';
import { formatProblem, sortByRow } from '../../ingest/problem.ts';
import type { Io } from '../output.ts';
import { count, interval, pct } from '../../core/outputs/numbers.ts';
import { textTable } from '../../core/outputs/text-table.ts';
import type { Registrar } from './statistics.ts';

const EXIT_OK = 0;
const EXIT_DATA_PROBLEM = 1;
const EXIT_USAGE = 2;
const PROBLEMS_SHOWN = 100;

interface TargetsOptions {
  standard: 'wres' | 'wdes';
  goalShare?: number;
  baseline?: number;
  horizon?: number;
  format: 'table' | 'json';
}

function percentage(raw: string): number {
  const n = Number(raw.trim().replace(/%$/, ''));
  if (!/^\d+(\.\d+)?%?$/.test(raw.trim()) || n <= 0 || n > 100) throw new InvalidArgumentError('The goal share must be a percentage above 0 and no more than 100, for example 35 or 35.5.');
  return n;
}

function year(raw: string): number {
  const n = Number(raw);
  if (!/^\d{4}$/.test(raw.trim()) || n < 2000 || n > 2100) throw new InvalidArgumentError('The year must be a whole number from 2000 to 2100.');
  return n;
}

export const registerTargetsCommand: Registrar = (program, io, setExitCode) => {
  program
    .command('targets')
    .description('Model Employer-style goals and yearly trajectories for ethnic minority staff (or, with --standard wdes, Disabled staff) in Bands 8a to 9 and VSM (Unverified reading of the method).')
    .argument('<folders...>', 'one folder per reporting year, each named after its year (for example 2024 2025)')
    .addOption(new Option('--standard <standard>', 'wres: ethnic minority staff; wdes: Disabled staff, by the same method').choices(['wres', 'wdes']).default('wres'))
    .option('--goal-share <pct>', 'a local population\'s ethnic minority (or Disabled) share to aim for, in percent (default: the whole workforce\'s share in the baseline year)', percentage)
    .option('--baseline <year>', 'baseline year (default: the first year given)', year)
    .option('--horizon <year>', 'year the goal should be reached (default: baseline + 10)', year)
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json']).default('table'))
    .action(async (folders: string[], options: TargetsOptions) => {
      setExitCode(await targetsCommand(io, folders, options));
    });
};

async function targetsCommand(io: Io, folders: readonly string[], options: TargetsOptions): Promise<number> {
  const years: TargetYearInput[] = [];
  const disabilityYears: BandShareYear[] = [];
  const problems: Problem[] = [];
  const seen = new Set<number>();
  for (const folder of folders) {
    const path = resolve(folder);
    const name = basename(path);
    if (!/^\d{4}$/.test(name)) {
      io.err(`The folder ${folder} is not named after its year: name each folder after its reporting year, for example 2025.\n`);
      return EXIT_USAGE;
    }
    const y = Number(name);
    if (seen.has(y)) {
      io.err(`The year ${y} is given twice.\n`);
      return EXIT_USAGE;
    }
    seen.add(y);
    if (options.standard === 'wdes') {
      // Metric 1's headcounts are all that is used.
      const { wdesTargetYearFromFolder } = await import('../../services/wdes-from-folder.ts');
      const result = await wdesTargetYearFromFolder(path, y);
      if (result.ok) disabilityYears.push(result.year);
      else problems.push(...result.problems.map((p) => ({ ...p, file: `${name}/${p.file}` })));
      continue;
    }
    // Indicator 1 is all that is used, so the previous year's folder is not read.
    const { wresFromFolder } = await import('../../services/wres-from-folder.ts');
    const result = await wresFromFolder(path, { year: y, previousFolder: null });
    if (result.ok) years.push(result.report);
    else problems.push(...result.problems.map((p) => ({ ...p, file: `${name}/${p.file}` })));
  }
  if (problems.length > 0) {
    const sorted = sortByRow(problems);
    io.err(`Mirror found ${sorted.length} problem${sorted.length === 1 ? '' : 's'} and did not calculate anything:\n`);
    for (const problem of sorted.slice(0, PROBLEMS_SHOWN)) io.err(`${formatProblem(problem)}\n`);
    if (sorted.length > PROBLEMS_SHOWN) io.err(`… and ${sorted.length - PROBLEMS_SHOWN} more. Run "mirror ${options.standard} <folder> --problems problems.csv" on each folder for every problem.\n`);
    return EXIT_DATA_PROBLEM;
  }
  const targetOptions = { goalPct: options.goalShare ?? null, baselineYear: options.baseline ?? null, horizonYear: options.horizon ?? null };
  return options.standard === 'wdes'
    ? output(io, WDES_TARGET_GROUP, modelEmployerTargetsFor(WDES_TARGET_GROUP, disabilityYears, targetOptions), options.format)
    : output(io, WRES_TARGET_GROUP, modelEmployerTargets(years, targetOptions), options.format);
}

function output<F extends string>(io: Io, group: TargetGroup<F>, result: TargetsResult<F>, format: TargetsOptions['format']): number {
  if (!result.ok) {
    io.err(`${result.reason}\n`);
    return EXIT_USAGE;
  }
  io.out(format === 'json' ? `${JSON.stringify(result.value, null, 2)}\n` : targetsTextOf(group, result.value));
  return EXIT_OK;
}

/** The terminal table: one row per band, then each band's sentence. */
export function targetsText(t: ModelEmployerTargets): string {
  return targetsTextOf(WRES_TARGET_GROUP, t);
}

/** The terminal table for any focus group (ethnic minority staff, Disabled staff). */
export function targetsTextOf<F extends string>(group: TargetGroup<F>, t: ModelEmployerTargets<F>): string {
  const focus = (h: BandHeadcount<F>) => (h as Readonly<Record<string, number>>)[group.key] ?? 0;
  const goal = t.goal.source === 'workforce'
    ? `${pct(t.goal.pct)}, the ${group.adjective} share of the whole workforce in ${t.baselineYear}`
    : `${pct(t.goal.pct)}, a local population share`;
  const lines = [
    `Model Employer-style targets for ${group.key === WRES_TARGET_GROUP.key ? '' : `${group.adjective} staff, `}${t.currentYear} (Mirror's reading of the method, Unverified)`,
    `  Goal: ${goal}, by ${t.horizonYear}. Baseline: ${t.baselineYear}. Bands 8a to 9 and VSM, clinical and non-clinical staff together.`,
    '',
    textTable(
      [
        { heading: 'Band' }, { heading: `Baseline ${t.baselineYear}`, align: 'right' }, { heading: 'Goal', align: 'right' },
        { heading: `Trajectory ${t.currentYear}`, align: 'right' }, { heading: `Actual ${t.currentYear}`, align: 'right' },
        { heading: '95% interval', align: 'right' }, { heading: 'Reading' }, { heading: 'Needed now', align: 'right' },
        { heading: `Needed by ${t.horizonYear}`, align: 'right' },
      ],
      t.bands.map((b) => [
        b.band, pct(b.baseline.pct), pct(b.goalPct), pct(b.current.trajectoryPct),
        `${pct(b.current.actual.pct)} (${count(focus(b.current.actual))} of ${count(b.current.actual.total)})`,
        interval(b.current.actual.ci95, (n) => pct(n)), STATUS_LABELS[b.current.status],
        count(b.headsNeededThisYear), count(b.headsNeededAtHorizon),
      ]),
    ),
    '',
    ...t.bands.map((b) => `  ${b.statement}`),
    '',
    `  ${t.assurance.reason}`,
    ...t.notes.map((n) => `  ${n}`),
  ];
  return `${lines.join('\n')}\n`;
}
