/**
 * Reads one workforce file (.csv or .xlsx) into a table of strings; both stream from disk (read-csv-file.ts,
 * read-xlsx.ts). Returns problems instead of throwing for anything a user's file can cause: missing file,
 * unsupported format, malformed CSV, spreadsheet error cells.
 */
import { basename, extname } from 'node:path';
import { processReadLimits, type ReadLimits } from './limits.ts';
import { readCsvFile } from './read-csv-file.ts';
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
  try {
    // Loaded only for a workbook: a folder of CSV files, and start-up, need none of the zip and workbook readers.
    const { readXlsxFile } = await import('./read-xlsx.ts');
    return await readXlsxFile(path, file, limits);
  } catch (error) {
    return { ok: false, problems: [{ file, message: `the file could not be read (${describeFsError(error)})` }] };
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code;
  if (code === 'ENOENT') return 'it does not exist';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'it is a folder, not a file';
  if (code === 'EBUSY') return 'it is open in another program';
  return error instanceof Error ? error.message : String(error);
}
