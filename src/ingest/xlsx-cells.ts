/**
 * What both Excel readers share (the streaming one, xlsx-rows.ts, and the whole-workbook one, read-xlsx-whole.ts):
 * a cell's value as the text a person would type into a CSV, and the cell-length limit with the column it names.
 */
import { cellTooLongProblem, type ReadLimits } from './limits.ts';
import type { Problem } from './problem.ts';
import { columnLetter, type RawCell } from './table.ts';

export const NOT_A_WORKBOOK = 'the file could not be opened as an Excel workbook (.xlsx); it may be damaged or another format';

/** A cell's value as text; formula results, hyperlinks and rich text are unwrapped to what the cell shows. */
export function cellText(value: unknown): RawCell {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return numberText(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? { error: 'invalid date' } : value.toISOString().slice(0, 10);
  if (typeof value === 'object') return objectCellText(value as Record<string, unknown>);
  return String(value);
}

function objectCellText(value: Record<string, unknown>): RawCell {
  if ('error' in value) return { error: String(value['error']) };
  if (Array.isArray(value['richText'])) {
    return value['richText'].map((run: unknown) => String((run as { text?: unknown }).text ?? '')).join('');
  }
  if ('formula' in value || 'sharedFormula' in value) return cellText(value['result']);
  if ('hyperlink' in value || 'text' in value) return cellText(value['text']);
  return String(value);
}

/**
 * Whole numbers as integers; other numbers rounded to 15 significant digits, as Excel displays them, so 0.1 + 0.2
 * reads "0.3" rather than "0.30000000000000004".
 */
function numberText(n: number): string {
  return Number.isInteger(n) ? String(n) : String(Number(n.toPrecision(15)));
}

/** A row's cells as text (cell 1 first), as exceljs's Row gives them: `cellCount` cells, missing ones blank. */
export function rowTexts(row: { readonly cellCount: number; getCell(c: number): { readonly value: unknown } }): RawCell[] {
  const cells: RawCell[] = [];
  for (let c = 1; c <= row.cellCount; c += 1) cells.push(cellText(row.getCell(c).value));
  return cells;
}

/**
 * The cell-length limit, checked row by row in order: the first cell over it, named by the heading above it (the
 * first row that is not blank) or else by its column letter.
 */
export class CellLengthCheck {
  #headers: readonly RawCell[] | undefined;

  constructor(
    private readonly file: string,
    private readonly limits: ReadLimits,
  ) {}

  /** The problem with this row, or null; a row with none may become the headings. */
  check(row: number, cells: readonly RawCell[]): Problem | null {
    for (let c = 0; c < cells.length; c += 1) {
      const text = cells[c];
      if (typeof text === 'string' && text.length > this.limits.maxCellChars) {
        const heading = this.#headers?.[c];
        const column = typeof heading === 'string' && heading.trim() !== '' ? heading.trim() : columnLetter(c);
        return cellTooLongProblem(this.file, row, column, text, this.limits);
      }
    }
    if (this.#headers === undefined && cells.some((cell) => typeof cell !== 'string' || cell.trim() !== '')) this.#headers = cells;
    return null;
  }
}
