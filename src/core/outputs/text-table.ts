/**
 * Plain aligned columns for a terminal: text left-aligned, numbers right-aligned, two spaces between columns. No
 * box-drawing characters, so the output reads well in a screen reader and pastes cleanly into an email.
 */
export type Align = 'left' | 'right';

export interface Column {
  readonly heading: string;
  readonly align?: Align;
}

export function textTable(columns: readonly Column[], rows: readonly (readonly string[])[], indent = '  '): string {
  const widths = columns.map((c, i) => Math.max(c.heading.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: readonly string[]) =>
    indent +
    cells
      .map((cell, i) => (columns[i]?.align === 'right' ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(columns.map((c) => c.heading)), ...rows.map(line)].join('\n');
}
