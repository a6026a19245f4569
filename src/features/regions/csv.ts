/**
 * The regional and national view as one CSV: for every indicator, the pooled figure and then every organisation's
 * row of the league table in its order, with exactly what the pages show (counts, figure, 95% interval, funnel
 * limits, where it lies) and nothing more. A withheld figure has its status and nothing else. Percentages are 0–100.
 */
import type { FigureCount } from '../../core/act/headline.ts';
import type { IndicatorRollup } from '../../core/regions/rollup.ts';
import type { Interval } from '../../core/stats/normal.ts';
import type { CsvCell } from '../../web/csv-download.ts';
import type { AreaOrganisation } from './service.ts';

export const AREA_CSV_HEADER: readonly string[] = [
  'year', 'standard', 'indicator', 'title', 'measure', 'row', 'organisation_code', 'organisation_name', 'region', 'type', 'status',
  'group_1', 'events_1', 'people_1', 'group_2', 'events_2', 'people_2',
  'value', 'ci95_low', 'ci95_high', 'limits95_low', 'limits95_high', 'limits998_low', 'limits998_high', 'position',
];

const MEASURES = { ratio: 'relative likelihood', proportion: 'percentage of respondents', representation: 'percentage of staff' } as const;

export function areaCsvRows(year: number, rollups: readonly IndicatorRollup[], organisations: readonly AreaOrganisation[]): CsvCell[][] {
  const where = new Map(organisations.map((o) => [o.code, o]));
  const rows: CsvCell[][] = [];
  for (const r of rollups) {
    const rate = r.indicator.kind !== 'ratio';
    const scale = (n: number | null | undefined) => (n === null || n === undefined ? null : rate ? Number((n * 100).toFixed(6)) : n);
    const interval = (i: Interval | null) => [scale(i?.[0]), scale(i?.[1])];
    const counts = (c: readonly FigureCount[]) => [0, 1].flatMap((k) => (c[k] ? [c[k]!.group, c[k]!.events, c[k]!.population] : [null, null, null]));
    const identity = [year, r.indicator.standard, r.indicator.id, r.indicator.title, MEASURES[r.indicator.kind]];
    if (r.pooled) {
      rows.push([...identity, 'pooled', null, null, null, null, 'pooled', ...counts(r.pooled.counts), scale(r.pooled.value), ...interval(r.pooled.ci95), null, null, null, null, null]);
    }
    for (const row of r.rows) {
      const o = where.get(row.code);
      const base = [...identity, 'organisation', row.code, row.name, o?.region ?? null, o?.type ?? null, row.status];
      if (row.status !== 'shown') {
        rows.push([...base, ...Array(14).fill(null)]);
        continue;
      }
      rows.push([
        ...base, ...counts(row.counts), scale(row.value), ...interval(row.ci95), ...interval(row.limits95), ...interval(row.limits998),
        row.position === 'notCalculable' ? 'not plotted' : `${row.position}${row.direction ? ` ${row.direction}` : ''}`,
      ]);
    }
  }
  return rows;
}
