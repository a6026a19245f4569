/**
 * Any report as one tidy CSV: a row for every figure, named by its path in the JSON (for example
 * `2, groups.disabled, rate, 0.18`). It holds exactly what the JSON holds, so nothing can be left out, and text a
 * spreadsheet would run as a formula is neutralised.
 */
import { stringify } from 'csv-stringify/sync';
import { neutraliseFormula } from '../util/spreadsheet-safe.ts';

type Leaf = string | number | boolean | null;

function* leaves(value: unknown, path: string[]): Generator<[string[], Leaf]> {
  if (value === null || typeof value !== 'object') {
    yield [path, value === undefined ? null : (value as Leaf)];
    return;
  }
  if (Array.isArray(value) && value.every((v) => typeof v === 'number')) {
    // Intervals and other short numeric pairs: one row per end, named low and high when there are two.
    const names = value.length === 2 ? ['low', 'high'] : value.map((_, i) => String(i));
    for (const [i, v] of value.entries()) yield [[...path.slice(0, -1), `${path[path.length - 1] ?? ''}_${names[i]}`], v];
    return;
  }
  for (const [key, child] of Object.entries(value)) {
    const label = Array.isArray(value) && child && typeof child === 'object' && 'key' in child ? String((child as { key: unknown }).key)
      : Array.isArray(value) && child && typeof child === 'object' && 'row' in child ? String((child as { row: unknown }).row) : key;
    yield* leaves(child, [...path, label]);
  }
}

export function tidyCsv(sections: Readonly<Record<string, unknown>>, firstColumn: string): string {
  const rows: Leaf[][] = [];
  for (const [id, section] of Object.entries(sections)) {
    for (const [path, value] of leaves(section, [])) {
      rows.push([id, path.slice(0, -1).join('.'), path[path.length - 1] ?? '', value]);
    }
  }
  const safe = rows.map((row) => row.map((cell) => (typeof cell === 'string' ? neutraliseFormula(cell) : cell === null ? '' : cell)));
  return stringify([[firstColumn, 'path', 'measure', 'value'], ...safe], { cast: { boolean: (b) => (b ? 'true' : 'false') } });
}
