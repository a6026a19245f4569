/**
 * `mirror return <folder> --standard wres|wdes --year 2025 --format xlsx|csv [--out file]`: the national return of
 * one year's folder in the layout and with the labels of NHS England's data collection template, every cell traced
 * to the figure of `mirror wres --format json` (or `mirror wdes`) it comes from (docs/data-formats.md, "National
 * returns"). The workbook is written to --out, or to "<standard>-return-<year>.xlsx" in the current folder; the
 * CSV to --out or the terminal. The return holds every count, however small: it is for NHS England, not for sharing.
 */
import { Option } from 'commander';
import { resolve } from 'node:path';
import { writeFile } from 'node:fs/promises';
import { RETURN_FORMATS, RETURN_STANDARDS, type ReturnFormat, type ReturnStandard } from '../../core/returns/kinds.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { EXIT_OK, EXIT_USAGE, reportProblems, type Io } from '../output.ts';
import { parseYear, yearFromFolderName } from './standard.ts';
import type { Command } from 'commander';

interface ReturnOptions {
  standard: ReturnStandard;
  year?: number;
  format: ReturnFormat;
  out?: string;
  org?: string;
  name?: string;
  previous?: string;
}

export function registerReturnCommand(program: Command, io: Io, setExitCode: (code: number) => void, standards: StandardRegistry): void {
  program
    .command('return')
    .description("The national WRES or WDES return of one year's folder, in NHS England's template layout, every cell traced to its figure. Holds every count, however small: for NHS England, not for sharing.")
    .argument('<folder>', "folder holding one reporting year's files, as for mirror wres")
    .addOption(new Option('--standard <standard>', 'which return').choices([...RETURN_STANDARDS]).makeOptionMandatory())
    .option('--year <year>', 'reporting year (defaults to the folder name if it is a year)', parseYear)
    .addOption(new Option('--format <format>', 'xlsx: the workbook with a Sources sheet; csv: one row per figure with its cell and source').choices([...RETURN_FORMATS]).default('xlsx'))
    .option('--out <file>', 'file to write (default: the terminal for csv, <standard>-return-<year>.xlsx for xlsx)')
    .option('--org <code>', 'organisation code to write at the top of the return')
    .option('--name <name>', 'organisation name to write at the top of the return')
    .option('--previous <folder>', "the previous year's folder, for the two-year figures (defaults to a sibling folder named after the year before)")
    .action(async (folder: string, options: ReturnOptions) => {
      setExitCode(await runReturn(io, standards, resolve(folder), options));
    });
}

async function runReturn(io: Io, standards: StandardRegistry, folder: string, options: ReturnOptions): Promise<number> {
  const year = options.year ?? yearFromFolderName(folder);
  if (year === null) {
    io.err('Give the reporting year with --year, for example --year 2025 (the folder name is not a year).\n');
    return EXIT_USAGE;
  }
  const organisation = options.org ? { code: options.org, name: options.name ?? '' } : null;
  const { folderReturn, returnFile, returnFileName } = await import('../../features/returns/service.ts');
  const result = await folderReturn(standards, options.standard, folder, { organisation, year }, options.previous ? resolve(options.previous) : undefined);
  if (!result.ok) return reportProblems(io, result.problems);
  const file = await returnFile(result.report, options.format, options.org ?? null, year);
  if (options.format === 'csv' && !options.out) {
    io.out(file.body.toString('utf8'));
    return EXIT_OK;
  }
  const out = resolve(options.out ?? returnFileName(options.standard, options.org ?? null, year, options.format));
  await writeFile(out, file.body);
  io.err(`Wrote the ${options.standard.toUpperCase()} return for ${year} to ${out}. It holds every count, however small: send it to NHS England, do not publish it.\n`);
  return EXIT_OK;
}
