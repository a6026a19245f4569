/**
 * What the WDES pages show: the names of the metric 2 and 3 breakdowns, one summary line per metric (also used by
 * the overview), the links to each breakdown of metrics 2 and 3, and a breakdown page's rows and chart.
 */
import type { RatioBreakdownRow } from '../../core/indicators/evaluate-ratio.ts';
import { WDES_2, WDES_3 } from '../../core/wdes/definitions.ts';
import type { WdesReport } from '../../core/wdes/report.ts';
import { breakdownCharts, breakdownDisplay } from '../../web/presenters/breakdown-rows.ts';

export const WDES_BREAKDOWNS: Readonly<Record<string, string>> = {
  staffGroup: 'Staff groups', payBand: 'Pay bands', directorate: 'Directorates',
  internationalRecruit: 'International recruitment', gender: 'Gender', ethnicity: 'Ethnicity',
};

const SURVEY_METRICS = ['4a_patients', '4a_managers', '4a_colleagues', '4b', '5', '6', '7', '8'] as const;
const DISPLAY_ID: Readonly<Record<string, string>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };

/** One line per WDES metric for the summary table. */
export function wdesRows(report: WdesReport) {
  const m = report.metrics;
  const pct = (n: number | null | undefined) => (typeof n === 'number' ? `${n.toFixed(1)}%` : '–');
  const rows: { id: string; title: string; figure: string; statement: string; declaration: string | null; href: string | null; note: string | null }[] = [];
  rows.push({ id: '1', title: m['1'].title, figure: `${pct(m['1'].overall.disabled.pct)} Disabled`, statement: m['1'].statement, declaration: pct(m['1'].overall.declarationRate.pct), href: null, note: null });
  for (const id of ['2', '3'] as const) {
    const metric = m[id];
    rows.push(metric.available
      ? { id, title: metric.title, figure: metric.value === null ? 'Not calculable' : metric.value.toFixed(2), statement: metric.statement, declaration: pct(metric.declarationRate.pct), href: id, note: metric.smallNumbers ? 'Small numbers' : metric.withinNonAdverseRange === false ? 'Outside 0.80 to 1.25' : null }
      : { id, title: metric.title, figure: 'Not available', statement: metric.reason, declaration: null, href: null, note: null });
  }
  for (const id of SURVEY_METRICS) {
    const metric = m[id];
    rows.push(metric.available
      ? { id: DISPLAY_ID[id] ?? id, title: metric.title, figure: `${pct(metric.groups.disabled?.pct)} of Disabled staff`, statement: metric.statement, declaration: null, href: null, note: metric.groups.disabled?.smallNumbers ? 'Fewer than 11 respondents' : null }
      : { id: DISPLAY_ID[id] ?? id, title: metric.title, figure: 'Not available', statement: metric.reason, declaration: null, href: null, note: null });
  }
  const e = m['9a'];
  rows.push(e.available
    ? { id: '9a', title: e.title, figure: `${e.groups.disabled?.score?.toFixed(1) ?? '–'} out of 10 for Disabled staff`, statement: e.statement, declaration: null, href: null, note: null }
    : { id: '9a', title: e.title, figure: 'Not available', statement: e.reason, declaration: null, href: null, note: null });
  const n = m['9b'];
  rows.push(n.available
    ? { id: '9b', title: n.title, figure: n.answer === null ? 'Not given' : n.answer ? 'Yes' : 'No', statement: n.narrative, declaration: null, href: null, note: null }
    : { id: '9b', title: n.title, figure: 'Not available', statement: n.reason, declaration: null, href: null, note: null });
  const b = m['10'];
  const points = (v: number | null) => (v === null ? '–' : `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)} points`);
  rows.push(b.available
    ? { id: '10', title: b.title, figure: `${points(b.voting.differencePp)} (voting members)`, statement: b.voting.statement, declaration: pct(b.declarationRate.pct), href: null, note: null }
    : { id: '10', title: b.title, figure: 'Not available', statement: b.reason, declaration: null, href: null, note: null });
  return rows;
}

/** Links to each breakdown of metrics 2 and 3 that has figures. */
export function wdesBreakdownLinks(report: WdesReport, yearPath: string) {
  return (['2', '3'] as const).flatMap((id) => {
    const metric = report.metrics[id];
    if (!metric.available) return [];
    return Object.keys(metric.breakdowns).map((key) => ({ id, key, label: WDES_BREAKDOWNS[key] ?? key, href: `${yearPath}/wdes/${id}/${key}` }));
  });
}

/**
 * A breakdown of metric 2 or 3: each group (staff group, band, …) holds both compared sides, so a group with nobody
 * on either side is named on one line, and a group with people but no figure says why (web/presenters/breakdown-rows.ts).
 */
export function wdesBreakdownView(metric: '2' | '3', breakdown: string, rows: readonly RatioBreakdownRow[]) {
  const [numeratorHeading, denominatorHeading] = metric === '2' ? ['Non-disabled applicants', 'Disabled applicants'] : ['Disabled staff', 'Non-disabled staff'];
  const eventPast = (metric === '2' ? WDES_2 : WDES_3).wording.eventPast;
  const shown = breakdownDisplay(rows, 'both', { numeratorHeading, denominatorHeading, eventPast });
  return {
    rows: shown.rows, nobody: shown.nobody, itemHeading: 'Group', numeratorHeading, denominatorHeading,
    ...breakdownCharts(shown.rows, { prefix: `wdes${metric}`, key: breakdown, title: `WDES metric ${metric} by ${breakdown}` }),
  };
}
