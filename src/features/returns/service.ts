/**
 * The national returns' use-cases, with no HTTP: a standard's return from a stored year (the web's download) or
 * from a folder (`mirror return`), and the return as a workbook (exceljs) or as CSV. The return is built from the
 * same report `mirror wres --format json` prints (disclosure control of breakdowns as by default; the return uses
 * organisation-level figures only, which that report never withholds), so its cells equal those figures.
 */
import type ExcelJS from 'exceljs';
import { nationalReturn, returnCsv, RETURN_CSV_HEADER, type ResolvedReturn, type ReturnHeader, type ReturnStandard } from '../../core/returns/index.ts';
import type { Unit } from '../../core/returns/layout.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import { settingValues } from '../../core/standards/standard.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { standardFromFolder, type FolderReport } from '../../services/standard-from-folder.ts';
import { storedReport } from '../../services/standard-reports.ts';
import type { Organisation, Store } from '../../store/store.ts';

export { RETURN_FORMATS, type ReturnFormat } from '../../core/returns/index.ts';
import type { ReturnFormat } from '../../core/returns/index.ts';

export interface ReturnFile {
  readonly fileName: string;
  readonly contentType: string;
  readonly body: Buffer;
}

/** The return of an organisation's stored year, or null when the year has no import with this standard's counts. */
export async function storedReturn(
  services: { readonly store: Store; readonly standards: StandardRegistry },
  standard: ReturnStandard,
  organisation: Pick<Organisation, 'id' | 'code' | 'name'>,
  year: number,
): Promise<ResolvedReturn | null> {
  const declared = services.standards.get(standard);
  if (!declared) return null;
  const report = await storedReport(services.store, declared, organisation.id, year, { suppressBreakdowns: true });
  return report === null ? null : nationalReturn(standard, report, { organisation: { code: organisation.code, name: organisation.name }, year });
}

/** The return of a folder of one year's files (with the year before's sibling folder, as `mirror wres` reads it). */
export async function folderReturn(
  standards: StandardRegistry,
  standard: ReturnStandard,
  folder: string,
  header: ReturnHeader,
  previousFolder?: string,
): Promise<FolderReport<ResolvedReturn>> {
  const declared = standards.get(standard);
  if (!declared) throw new Error(`The ${standard} standard is not registered`);
  const result = await standardFromFolder(declared, folder, {
    year: header.year, previousFolder, policy: DEFAULT_DISCLOSURE_POLICY, suppressBreakdowns: true,
    settings: settingValues(declared.settings, {}),
  });
  return result.ok ? { ok: true, report: nationalReturn(standard, result.report, header) } : result;
}

const NUMBER_FORMATS: Readonly<Partial<Record<Unit, string>>> = {
  count: '0', percent: '0.0', 'percentage points': '0.0', ratio: '0.00', rate: '0.0000', score: '0.0',
};

/** The return as a workbook: its first sheet in the template's layout, and a "Sources" sheet tracing every cell. */
export async function returnWorkbook(resolved: ResolvedReturn): Promise<Buffer> {
  const { default: Excel } = await import('exceljs'); // loaded only when a workbook is written
  const workbook: ExcelJS.Workbook = new Excel.Workbook();
  workbook.creator = 'Mirror';
  const sheet = workbook.addWorksheet(resolved.sheetName);
  resolved.grid.forEach((line, r) => {
    line.forEach((cell, c) => {
      const target = sheet.getCell(r + 1, c + 1);
      target.value = cell.value;
      if (cell.style === 'title') target.font = { bold: true, size: 14 };
      if (cell.style === 'heading' || cell.style === 'column') target.font = { bold: true };
      if (cell.style === 'note') target.font = { italic: true };
      const format = cell.unit ? NUMBER_FORMATS[cell.unit] : undefined;
      if (format) target.numFmt = format;
    });
  });
  sheet.getColumn(1).width = 60;
  for (let c = 2; c <= 7; c += 1) sheet.getColumn(c).width = 18;
  const sources = workbook.addWorksheet('Sources');
  sources.addRow([...RETURN_CSV_HEADER]).font = { bold: true };
  for (const t of resolved.traces) {
    sources.addRow([t.cell, t.indicator, t.section, t.row, t.column, t.value, t.unit, t.source, t.path, t.addition ? 'yes' : 'no', t.note]);
  }
  sources.getColumn(8).width = 60;
  sources.getColumn(9).width = 60;
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** "wres-return-RXX-2025.xlsx". */
export function returnFileName(standard: ReturnStandard, code: string | null, year: number, format: ReturnFormat): string {
  const safe = code ? `-${code.replace(/[^A-Za-z0-9]+/g, '-')}` : '';
  return `${standard}-return${safe}-${year}.${format}`;
}

/** The return written in a format, with its file name and content type. */
export async function returnFile(resolved: ResolvedReturn, format: ReturnFormat, code: string | null, year: number): Promise<ReturnFile> {
  const fileName = returnFileName(resolved.standard, code, year, format);
  return format === 'xlsx'
    ? { fileName, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await returnWorkbook(resolved) }
    : { fileName, contentType: 'text/csv; charset=utf-8', body: Buffer.from(returnCsv(resolved), 'utf8') };
}
