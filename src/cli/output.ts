/**
 * How every command speaks: exit codes, where text goes, and how problems with the user's data are shown (each
 * located on its own line, the first 100 on the terminal, all of them as a CSV with --problems).
 */
import { writeFile } from 'node:fs/promises';
import type { Problem } from '../core/problem.ts';
import { formatProblem, problemsCsv, sortByRow } from '../ingest/problem.ts';

export interface Io {
  out(text: string): void;
  err(text: string): void;
}

export const EXIT_OK = 0;
export const EXIT_DATA_PROBLEM = 1;
export const EXIT_USAGE = 2;

/** Problems shown on the terminal before the rest are summarised; all of them go to --problems when given. */
export const PROBLEMS_SHOWN = 100;

export async function reportProblems(io: Io, problems: readonly Problem[], problemsFile?: string): Promise<number> {
  const sorted = sortByRow(problems);
  io.err(`Mirror found ${sorted.length} problem${sorted.length === 1 ? '' : 's'} and did not calculate anything:\n`);
  for (const problem of sorted.slice(0, PROBLEMS_SHOWN)) io.err(`${formatProblem(problem)}\n`);
  if (problemsFile) {
    await writeFile(problemsFile, problemsCsv(sorted));
    io.err(`Every problem is listed in ${problemsFile}.\n`);
  } else if (sorted.length > PROBLEMS_SHOWN) {
    io.err(`… and ${sorted.length - PROBLEMS_SHOWN} more. Add --problems problems.csv to get every problem as a spreadsheet.\n`);
  }
  return EXIT_DATA_PROBLEM;
}

/** Writes to --output when given, otherwise to standard output. */
export async function emit(io: Io, text: string, output: string | undefined): Promise<void> {
  if (output) await writeFile(output, text);
  else io.out(text);
}
