/**
 * One command per registered standard (`mirror wres`, `mirror wdes`, `mirror medical`, `mirror paygap`, and any
 * standard registered later), all with the same options, checks and outputs: a plain-text table, the full JSON
 * report, or the standard's CSV. A standard's own settings become options of the same name.
 */
import { InvalidArgumentError, Option, type Command } from 'commander';
import { resolve } from 'node:path';
import { parseScope, type Scope } from '../../core/scopes/scope.ts';
import { scopedCsv, scopedText } from '../../core/scopes/scoped-outputs.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { settingValues, type AnyStandard, type StandardSetting } from '../../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import type { FolderReportOptions } from '../../services/standard-from-folder.ts';
import { emit, EXIT_OK, EXIT_USAGE, reportProblems, type Io } from '../output.ts';

export function wholeNumber(name: string, min: number, max: number) {
  return (raw: string): number => {
    const n = Number(raw);
    if (!/^\d+$/.test(raw.trim()) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}.`);
    return n;
  };
}

export const parseYear = wholeNumber('The year', 2000, 2100);

function scopeOption(raw: string): Scope {
  const parsed = parseScope(raw);
  if (!parsed.ok) throw new InvalidArgumentError(`${parsed.message}.`);
  return parsed.scope;
}

/** "2025" from ".../2025": the folder names its year. */
export function yearFromFolderName(folder: string): number | null {
  const match = /(?:^|[\\/])(\d{4})[\\/]?$/.exec(folder);
  return match ? Number(match[1]) : null;
}

interface CommonOptions {
  year?: number;
  previous?: string;
  format: 'table' | 'json' | 'csv';
  output?: string;
  minCell?: number;
  unsuppressed: boolean;
  problems?: string;
  scope?: Scope;
  [setting: string]: unknown;
}

/** The option's key as commander gives it: "min-group" → "minGroup". */
function optionKey(name: string): string {
  return name.replace(/-([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

function settingOption(setting: StandardSetting): Option {
  if (setting.kind === 'flag') return new Option(`--${setting.name}`, setting.description).default(false);
  if (setting.kind === 'choice') return new Option(`--${setting.name} <value>`, setting.description).choices([...setting.choices]).default(setting.default);
  const label = setting.name.replace(/-/g, ' ');
  return new Option(`--${setting.name} <n>`, setting.description)
    .argParser(wholeNumber(`The ${label}`, setting.min, setting.max))
    .default(setting.default);
}

/** Registers the command of every standard in the registry. */
export function registerStandardCommands(program: Command, io: Io, setExitCode: (code: number) => void, standards: StandardRegistry): void {
  for (const standard of standards.all()) registerStandardCommand(program, io, setExitCode, standard);
}

function registerStandardCommand(program: Command, io: Io, setExitCode: (code: number) => void, standard: AnyStandard): void {
  const command = program
    .command(standard.id)
    .description(standard.description)
    .argument('<folder>', standard.folderHelp);
  if (standard.usesReportingYear) {
    command.option('--year <year>', 'reporting year: 2025 means the workforce at 31 March 2025 and activity from 1 April 2024 (defaults to the folder name if it is a year)', parseYear);
  }
  if (standard.previousYearUse) {
    command.option('--previous <folder>', `the previous year's folder, for ${standard.previousYearUse} (defaults to a sibling folder named after the year before)`);
  }
  // A standard's own settings come first, as they are what its command is most often run with.
  for (const setting of standard.settings) command.addOption(settingOption(setting));
  command
    .addOption(new Option('--format <format>', 'output format').choices(['table', 'json', 'csv']).default('table'))
    .option('--output <file>', 'write to this file instead of the terminal');
  if (standard.usesReportingYear) {
    command.option('--min-cell <n>', 'smallest count shown in breakdowns; 1 to n−1 are withheld', wholeNumber('The minimum cell size', 1, 1000), DEFAULT_DISCLOSURE_POLICY.minimumCellSize);
  }
  command.option('--scope <scope>', 'the report for part of the organisation: directorate=NAME, staff-group=NAME or medical', scopeOption);
  command
    .option('--unsuppressed', standard.unsuppressedHelp ?? "show every breakdown, however small: for the analyst's own use, never for sharing", false)
    .option('--problems <file>', 'if the files have problems, write every one to this CSV file as well')
    .action(async (folder: string, options: CommonOptions) => {
      setExitCode(await runStandard(io, standard, resolve(folder), options));
    });
}

async function runStandard(io: Io, standard: AnyStandard, folder: string, options: CommonOptions): Promise<number> {
  // A standard that does not depend on the reporting year (pay gaps) is counted as at the folder's year if it names
  // one, otherwise as at the latest year: nothing in its figures depends on which.
  const year = options.year ?? yearFromFolderName(folder) ?? (standard.usesReportingYear ? null : new Date().getUTCFullYear());
  if (year === null) {
    io.err('Give the reporting year with --year, for example --year 2025 (the folder name is not a year).\n');
    return EXIT_USAGE;
  }
  const given = Object.fromEntries(standard.settings.map((s) => [s.name, options[optionKey(s.name)]]));
  const folderOptions: FolderReportOptions = {
    year,
    previousFolder: options.previous ? resolve(options.previous) : undefined,
    policy: { ...DEFAULT_DISCLOSURE_POLICY, minimumCellSize: options.minCell ?? DEFAULT_DISCLOSURE_POLICY.minimumCellSize },
    suppressBreakdowns: !options.unsuppressed,
    settings: settingValues(standard.settings, given),
  };
  if (options.scope && options.scope.kind !== 'organisation') return runScoped(io, standard, folder, options.scope, folderOptions, options);
  const { standardFromFolder } = await import('../../services/standard-from-folder.ts');
  const result = await standardFromFolder(standard, folder, folderOptions);
  if (!result.ok) return reportProblems(io, result.problems, options.problems);
  const text = options.format === 'json'
    ? `${JSON.stringify(result.report, null, 2)}\n`
    : options.format === 'csv' ? standard.csv(result.report) : standard.text(result.report);
  await emit(io, text, options.output);
  return EXIT_OK;
}

/** The report for a scope: the same outputs, each saying which scope it is for. */
async function runScoped(io: Io, standard: AnyStandard, folder: string, scope: Scope, folderOptions: FolderReportOptions, options: CommonOptions): Promise<number> {
  const { scopedStandardFromFolder } = await import('../../services/scoped-from-folder.ts');
  const result = await scopedStandardFromFolder(standard, folder, scope, folderOptions);
  if (!result.ok && result.emptyScope) {
    io.err(`There is no such scope: ${result.problems.map((p) => p.message).join('; ')}.\n`);
    return EXIT_USAGE;
  }
  if (!result.ok) return reportProblems(io, result.problems, options.problems);
  const text = options.format === 'json'
    ? `${JSON.stringify(result.report, null, 2)}\n`
    : options.format === 'csv' ? scopedCsv(standard, result.scope, result.report) : scopedText(standard, result.scope, result.report);
  await emit(io, text, options.output);
  return EXIT_OK;
}
