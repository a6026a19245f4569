/**
 * A scoped report in a terminal and as CSV: the standard's own text and CSV, saying which scope they are for. The
 * text opens with the scope and its notes; every CSV row starts with the scope's key, so a download that has been
 * renamed or pasted elsewhere still says whose figures it holds.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { AnyStandard } from '../standards/standard.ts';
import { neutraliseFormula } from '../util/spreadsheet-safe.ts';
import type { ScopeDescription } from './scoped-report.ts';

export function scopedText(standard: AnyStandard, scope: ScopeDescription, report: unknown): string {
  const lines = [`For ${scope.label} (scope ${scope.key}).`, ...scope.notes.map((note) => `- ${note}`)];
  return `${lines.join('\n')}\n\n${standard.text(report)}`;
}

export function scopedCsv(standard: AnyStandard, scope: ScopeDescription, report: unknown): string {
  const rows = parse(standard.csv(report), { relax_column_count: true }) as string[][];
  const [header, ...body] = rows;
  if (!header) return standard.csv(report);
  const key = neutraliseFormula(scope.key);
  return stringify([['scope', ...header], ...body.map((row) => [key, ...row])]);
}
