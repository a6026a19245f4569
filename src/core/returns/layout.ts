/**
 * A national return (WRES or WDES) as data: sections of labelled rows and columns whose cells each name the figure
 * of the standard's report they come from, by its path in the report's JSON (what `mirror wres --format json`
 * prints). `resolveReturn` lays a layout out as a grid (the workbook's first sheet, cell for cell) and traces every
 * figure to its cell reference, indicator, source files and path, so nothing in a return is typed in by hand.
 *
 * The labels of NHS England's data collection templates are kept in the layouts only (wres-return.ts and
 * wdes-return.ts); the rest of Mirror writes "ethnic minority" where the template writes "BME".
 */

/** One step of a path: a key of an object, or the element of an array whose fields have these values. */
export type PathStep = string | Readonly<Record<string, string>>;
export type FigurePath = readonly PathStep[];

/** How a figure is written: counts as whole numbers, percentages 0–100, ratios and scores with decimals. */
export type Unit = 'count' | 'percent' | 'percentage points' | 'ratio' | 'rate' | 'score' | 'yes/no' | 'text' | 'date';

export interface Figure {
  readonly path: FigurePath;
  readonly unit: Unit;
  /** Where the figure's counts come from: the file(s), and which count is the numerator and which the denominator. */
  readonly source: string;
}

export interface LayoutRow {
  readonly label: string;
  /** One per column of its block; null is a cell the template leaves empty. */
  readonly cells: readonly (Figure | null)[];
  /** A row Mirror adds (an interval, a rolling figure): not in NHS England's template. */
  readonly addition?: boolean;
}

export interface LayoutBlock {
  /** The heading of the first column (for example "Non-clinical workforce"), and of each column after it. */
  readonly corner: string;
  readonly columns: readonly string[];
  readonly rows: readonly LayoutRow[];
}

export interface LayoutSection {
  /** "WRES 2", "WDES 4a": the indicator every figure in the section belongs to. */
  readonly indicator: string;
  readonly heading: string;
  /** The indicator's wording as the national template gives it. */
  readonly label: string;
  readonly blocks: readonly LayoutBlock[];
}

export interface ReturnLayout {
  readonly standard: 'wres' | 'wdes';
  readonly sheetName: string;
  readonly title: string;
  readonly sections: readonly LayoutSection[];
}

export interface ReturnHeader {
  readonly organisation: { readonly code: string; readonly name: string } | null;
  readonly year: number;
}

export type CellValue = string | number | null;

/** Where one figure of the return came from. */
export interface Trace {
  /** "C12": the cell on the return's first sheet. */
  readonly cell: string;
  readonly indicator: string;
  readonly section: string;
  readonly row: string;
  readonly column: string;
  readonly value: CellValue;
  readonly unit: Unit;
  readonly source: string;
  /** "indicators.2.groups.white.events". */
  readonly path: string;
  readonly addition: boolean;
  /** Why the cell is empty, when it is (the indicator was not available). */
  readonly note: string;
}

export interface GridCell {
  readonly value: CellValue;
  /** heading: a section's heading; column: a block's column heading; figure: a traced figure. */
  readonly style: 'title' | 'heading' | 'column' | 'label' | 'figure' | 'note';
  readonly unit?: Unit;
}

export interface ResolvedReturn {
  readonly standard: 'wres' | 'wdes';
  readonly sheetName: string;
  readonly grid: readonly (readonly GridCell[])[];
  readonly traces: readonly Trace[];
}

/** "indicators.1.rows[cluster=clinical,row=Band 5].white.count". */
export function pathText(path: FigurePath): string {
  let out = '';
  for (const step of path) {
    if (typeof step === 'string') out += out === '' ? step : `.${step}`;
    else out += `[${Object.entries(step).map(([k, v]) => `${k}=${v}`).join(',')}]`;
  }
  return out;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** The value at a path, or undefined when the path does not lead anywhere (an indicator that is not available). */
export function figureAt(report: unknown, path: FigurePath): unknown {
  let here: unknown = report;
  for (const step of path) {
    if (typeof step === 'string') {
      if (Array.isArray(here) && /^\d+$/.test(step)) here = here[Number(step)];
      else if (!isRecord(here) || Array.isArray(here) || !(step in here)) return undefined;
      else here = here[step];
    } else {
      if (!Array.isArray(here)) return undefined;
      here = here.find((element) => isRecord(element) && Object.entries(step).every(([k, v]) => element[k] === v));
      if (here === undefined) return undefined;
    }
  }
  return here;
}

/** The reason given by the nearest object on the path that says it is not available, if any. */
function unavailableReason(report: unknown, path: FigurePath): string {
  let here: unknown = report;
  for (const step of path) {
    if (isRecord(here) && here['available'] === false) return typeof here['reason'] === 'string' ? here['reason'] : 'not available';
    here = figureAt(here, [step]);
    if (here === null) return '';
    if (here === undefined) return 'not in the report';
  }
  return isRecord(here) && here['available'] === false && typeof here['reason'] === 'string' ? here['reason'] : '';
}

/** A figure's value as the return writes it: numbers and text as they are, yes/no as "Yes"/"No", nothing as null. */
export function cellValue(raw: unknown, unit: Unit): CellValue {
  if (raw === undefined || raw === null) return null;
  if (unit === 'yes/no' && typeof raw === 'boolean') return raw ? 'Yes' : 'No';
  if (typeof raw === 'number' || typeof raw === 'string') return raw;
  return null;
}

/** "A", "B", … "Z", "AA": a spreadsheet's column letters for a 0-based column. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

export const ADDITION_MARK = ' [Mirror]';

/** Lays the layout out as the return's first sheet and traces every figure in it. */
export function resolveReturn(layout: ReturnLayout, report: unknown, header: ReturnHeader): ResolvedReturn {
  const grid: GridCell[][] = [];
  const traces: Trace[] = [];
  const text = (value: string, style: GridCell['style']): GridCell => ({ value, style });
  grid.push([text(layout.title, 'title')]);
  grid.push([text('Organisation code', 'label'), text(header.organisation?.code ?? '', 'label')]);
  grid.push([text('Organisation name', 'label'), text(header.organisation?.name ?? '', 'label')]);
  grid.push([text('Reporting year', 'label'), { value: header.year, style: 'label' }]);
  grid.push([text('Not for publication: this return holds every count, however small, for submission to NHS England only.', 'note')]);
  grid.push([text(`Rows marked${ADDITION_MARK} are Mirror's additions (intervals, rolling figures), not in NHS England's template; the Sources sheet traces every figure.`, 'note')]);
  for (const section of layout.sections) {
    grid.push([]);
    grid.push([text(section.heading, 'heading'), text(section.label, 'heading')]);
    for (const block of section.blocks) {
      grid.push([text(block.corner, 'column'), ...block.columns.map((c) => text(c, 'column'))]);
      for (const row of block.rows) {
        const label = row.addition ? `${row.label}${ADDITION_MARK}` : row.label;
        const line: GridCell[] = [text(label, 'label')];
        row.cells.forEach((figure, i) => {
          if (figure === null) {
            line.push({ value: null, style: 'figure' });
            return;
          }
          const value = cellValue(figureAt(report, figure.path), figure.unit);
          line.push({ value, style: 'figure', unit: figure.unit });
          traces.push({
            cell: `${columnLetters(i + 1)}${grid.length + 1}`,
            indicator: section.indicator, section: section.heading, row: row.label, column: block.columns[i] ?? '',
            value, unit: figure.unit, source: figure.source, path: pathText(figure.path), addition: row.addition === true,
            note: value === null ? unavailableReason(report, figure.path) : '',
          });
        });
        grid.push(line);
      }
    }
  }
  return { standard: layout.standard, sheetName: layout.sheetName, grid, traces };
}
