/**
 * The national returns: `nationalReturn('wres' | 'wdes', report, header)` lays out a standard's report in NHS
 * England's template (layout.ts, wres-return.ts, wdes-return.ts) and traces every figure; `returnCsv` writes the
 * traced figures as one CSV whose cell references are the workbook's.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../util/spreadsheet-safe.ts';
import { resolveReturn, type ResolvedReturn, type ReturnHeader, type ReturnLayout } from './layout.ts';
import { WDES_RETURN } from './wdes-return.ts';
import { WRES_RETURN } from './wres-return.ts';
import type { ReturnStandard } from './kinds.ts';

export { isReturnStandard, RETURN_FORMATS, RETURN_STANDARDS, type ReturnFormat, type ReturnStandard } from './kinds.ts';

export const RETURN_LAYOUTS: Readonly<Record<ReturnStandard, ReturnLayout>> = { wres: WRES_RETURN, wdes: WDES_RETURN };

/** The standard's report (as `mirror <standard> --format json` gives it) as its national return. */
export function nationalReturn(standard: ReturnStandard, report: unknown, header: ReturnHeader): ResolvedReturn {
  return resolveReturn(RETURN_LAYOUTS[standard], report, header);
}

export const RETURN_CSV_HEADER = [
  'cell', 'indicator', 'section', 'row', 'column', 'value', 'unit', 'source', 'mirror_figure', 'mirror_addition', 'note',
] as const;

/** Every figure of the return, one row each, with the cell it fills on the workbook's first sheet and its trace. */
export function returnCsv(resolved: ResolvedReturn): string {
  const rows = resolved.traces.map((t) => [
    t.cell, t.indicator, t.section, t.row, t.column, t.value ?? '', t.unit, t.source, t.path, t.addition ? 'yes' : 'no', t.note,
  ].map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell)));
  return stringify([[...RETURN_CSV_HEADER], ...rows]);
}

export type { ResolvedReturn, ReturnHeader, Trace } from './layout.ts';
