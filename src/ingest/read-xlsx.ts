/**
 * Excel workbooks: one worksheet read as strings, row numbers as Excel shows them. Cell values are written the way
 * a person would type them into a CSV: dates as YYYY-MM-DD, whole numbers without ".0", formulas as their result.
 *
 * The file is read whole once, to name what it is (sniff.ts), hash it and measure what it unpacks to (zip-guard.ts):
 * a zip bomb is refused before anything inflates it for good. Its rows are then read as they stream from the file
 * (xlsx-rows.ts) and built into the table one at a time; a workbook only the whole-workbook reader can be sure of
 * (merged cells, rows out of order, parts not where Excel puts them) is read by it (read-xlsx-whole.ts).
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { unpacksTooLargeProblem, type ReadLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import { readXlsxWhole } from './read-xlsx-whole.ts';
import { contentProblem, sniffContent } from './sniff.ts';
import { TableBuilder, type ReadTableResult } from './table.ts';
import { NOT_A_WORKBOOK } from './xlsx-cells.ts';
import { readWorksheetRows } from './xlsx-rows.ts';
import { checkUnpackedSize } from './zip-guard.ts';

export { cellText } from './xlsx-cells.ts';

export type WorkbookCheck = { readonly ok: true; readonly sha256: string } | { readonly ok: false; readonly problems: Problem[] };

/**
 * What the file is, its hash, and whether it unpacks within the limit; errors reading it are thrown. Its bytes are
 * held only while this runs.
 */
export async function checkWorkbookFile(path: string, file: string, limits: ReadLimits): Promise<WorkbookCheck> {
  const bytes = await readFile(path);
  // A file whose content does not fit its name (text, a PDF) is named for what it is.
  const mismatch = contentProblem(file, '.xlsx', sniffContent(bytes));
  if (mismatch) return { ok: false, problems: [mismatch] };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const size = await checkUnpackedSize(bytes, limits.maxUnpackedBytes);
  if (size === 'over') return { ok: false, problems: [unpacksTooLargeProblem(file, limits)] };
  if (size === 'not-a-zip') return { ok: false, problems: [{ file, message: NOT_A_WORKBOOK }] };
  return { ok: true, sha256 };
}

/** Reads the workbook at `path`; `file` is the name problems give it. Errors opening or reading the file are thrown. */
export async function readXlsxFile(path: string, file: string, limits: ReadLimits): Promise<ReadTableResult> {
  const checked = await checkWorkbookFile(path, file, limits);
  if (!checked.ok) return checked;
  const builder = new TableBuilder(file);
  const end = await readWorksheetRows(path, file, limits, (row) => builder.add(row));
  if (end.kind === 'problems') return { ok: false, problems: end.problems };
  if (end.kind === 'read') return builder.result(checked.sha256, 'xlsx');
  return readXlsxWhole(file, checked.sha256, await readFile(path), limits);
}
