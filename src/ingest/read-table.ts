/**
 * Reads one workforce file (.csv or .xlsx) into a table of strings; CSV streams from disk (read-csv-file.ts). Returns problems instead of throwing for
 * anything a user's file can cause: missing file, unsupported format, malformed CSV, spreadsheet error cells.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { processReadLimits, type ReadLimits } from './limits.ts';
import { readCsvFile } from './read-csv-file.ts';
import { readXlsxBytes } from './read-xlsx.ts';
import { contentProblem, sniffContent } from './sniff.ts';
import type { ReadTableResult } from './table.ts';

export type { ReadTableResult, Table, TableRow } from './table.ts';

const UNSUPPORTED_HINTS: Readonly<Record<string, string>> = {
  '.xls': 'older Excel (.xls) files are not read; save it as .xlsx or CSV',
  '.ods': 'OpenDocument spreadsheets are not read; save it as .xlsx or CSV',
  '.txt': 'text files are not read; save it as CSV',
};

/**
 * `limits` default to the ones this process runs with (MIRROR_MAX_ROWS and the others; see limits.ts). `file` is the
 * name problems give the file: by default its name on disk; an upload's, the name it was chosen with.
 */
export async function readTable(path: string, limits: ReadLimits = processReadLimits(), file = basename(path)): Promise<ReadTableResult> {
  const extension = extname(file).toLowerCase();
  if (extension !== '.csv' && extension !== '.xlsx') {
    const hint = UNSUPPORTED_HINTS[extension] ?? 'only .csv and .xlsx files are read';
    return { ok: false, problems: [{ file, message: `unsupported file type "${extension || '(none)'}": ${hint}` }] };
  }
  if (extension === '.csv') {
    try {
      return await readCsvFile(path, file, limits);
    } catch (error) {
      return { ok: false, problems: [{ file, message: `the file could not be read (${describeFsError(error)})` }] };
    }
  }
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    return { ok: false, problems: [{ file, message: `the file could not be read (${describeFsError(error)})` }] };
  }
  // A file whose content does not fit its name (a workbook renamed .csv, a PDF) is named for what it is.
  const mismatch = contentProblem(file, extension, sniffContent(bytes));
  if (mismatch) return { ok: false, problems: [mismatch] };
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  return readXlsxBytes(file, sha256, bytes, limits);
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EBUSY') return 'it is open in another program';
  return error instanceof Error ? error.message : String(error);
}
