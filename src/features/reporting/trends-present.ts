/**
 * The trends of reports as pages and a download show them (issue 12, item 7): the months' totals as a Making Data
 * Count chart (a run chart below 12 months with a figure) followed by the table of the same numbers, and the months
 * by category and by directorate as tables, every withheld figure written "Withheld". The CSV has the same figures
 * withheld as the page.
 */
import type { Shown, TrendTable } from '../../core/reporting/trends.ts';
import { assuranceIconSvg, chartId, formatMonth, formatSpcValue, POINT_TYPE_LABEL, spcChart, VARIATION_READING, variationIconSvg } from '../../web/charts/index.ts';
import { formatCount } from '../../web/charts/text.ts';
import { csvText } from '../../web/csv-download.ts';
import type { ReportTrends } from './trends-service.ts';

const shownText = (v: Shown) => (v === null ? 'Withheld' : formatCount(v));
/** A cell of the cross tables: "*" on screen, read out as "withheld", so that thirteen columns fit. */
const cell = (v: Shown) => (v === null ? { withheld: true, text: '' } : { withheld: false, text: formatCount(v) });

/**
 * A breakdown as the page shows it: one row for each category (or directorate), one column for each month and the
 * year, and a last row of all reports; so that a year's months fit across the page.
 */
function tableView(t: ReportTrends, table: TrendTable, labels: Readonly<Record<string, string>>) {
  return {
    months: t.trends.months.map((m) => {
      const [short, year] = formatMonth(m).split(' ');
      return { short, year };
    }),
    rows: table.columns.map((k, c) => ({
      label: labels[k] ?? k,
      cells: t.trends.months.map((_, r) => cell(table.cells[r]![c] ?? null)),
      total: cell(table.columnTotals[c] ?? null),
    })),
    all: { cells: t.trends.monthTotals.map(cell), total: cell(t.trends.total) },
  };
}

/** Everything the trend page shows for a year. `prefix` keeps chart ids apart when two years share a page. */
export function trendsView(t: ReportTrends, prefix = 'report-trends') {
  const format = formatSpcValue('count');
  const maybe = (v: number | null) => (v === null ? '–' : format(v));
  const chart = t.known === 0 ? null : spcChart(t.spc.points, {
    id: chartId(prefix, String(t.year)), title: `Reports received each month, ${t.year - 1} to ${t.year}`, yLabel: 'Reports a month', unit: 'count',
    variation: t.spc.variation, assurance: t.spc.assurance, showLimits: t.showLimits,
  });
  const icon = t.showLimits && t.spc.variation
    ? { variation: variationIconSvg(t.spc.variation, { id: chartId(`${prefix}-variation`, String(t.year)) }), assurance: assuranceIconSvg(t.spc.assurance, { id: chartId(`${prefix}-assurance`, String(t.year)) }) }
    : null;
  return {
    chart,
    icon,
    variationReading: t.showLimits && t.spc.variation ? VARIATION_READING[t.spc.variation] : null,
    monthRows: t.trends.months.map((m, i) => {
      const p = t.spc.points[i];
      const value = t.trends.monthTotals[i] ?? null;
      return {
        label: formatMonth(m),
        total: shownText(value),
        mean: maybe(p?.mean ?? null),
        limits: t.showLimits && p && p.lpl !== null && p.upl !== null ? `${format(Math.max(0, p.lpl))} to ${format(p.upl)}` : '–',
        point: t.showLimits && value !== null && p ? POINT_TYPE_LABEL[p.pointType] : '',
      };
    }),
    total: shownText(t.trends.total),
    byCategory: tableView(t, t.trends.byCategory, t.categoryLabels),
    byDirectorate: tableView(t, t.trends.byDirectorate, t.directorateLabels),
  };
}

/** One row per figure: each month's total, each month by category and by directorate, and the year's totals. */
export function trendsCsv(t: ReportTrends): string {
  const rows: (string | number | null)[][] = [];
  const add = (breakdown: string, month: string, key: string, label: string, value: Shown) => {
    rows.push([t.year, breakdown, month, key, label, value, value === null ? 'yes' : 'no']);
  };
  t.trends.months.forEach((m, r) => {
    add('all', m, '', 'All reports', t.trends.monthTotals[r] ?? null);
  });
  add('all', 'year', '', 'All reports', t.trends.total);
  for (const [breakdown, table, labels] of [['category', t.trends.byCategory, t.categoryLabels], ['directorate', t.trends.byDirectorate, t.directorateLabels]] as const) {
    table.columns.forEach((k, c) => {
      t.trends.months.forEach((m, r) => {
        add(breakdown, m, k, labels[k] ?? k, table.cells[r]![c] ?? null);
      });
      add(breakdown, 'year', k, labels[k] ?? k, table.columnTotals[c] ?? null);
    });
  }
  return csvText(['reporting_year', 'breakdown', 'month', 'key', 'label', 'reports', 'withheld'], rows);
}
