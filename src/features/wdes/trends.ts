/**
 * The WDES metrics year by year, for the trends page: for each metric with a yearly figure, each loaded year's
 * figure with its 95% interval and the counts behind it, a run chart (WDES is yearly, so there are always fewer than
 * the 12 points statistical process control needs), and the change since the year before with whether it is more
 * than chance would usually give. Metric 9a (an engagement score without its spread) and 9b (a yes or no with a
 * narrative) have no run chart. Pure: it only rearranges what the reports hold.
 */
import type { WdesReport } from '../../core/wdes/report.ts';
import { chartId, type TrendUnit, trendChart } from '../../web/charts/index.ts';
import { changeSentence, proportionChangeBeyondChance, ratioChangeBeyondChance } from '../../web/presenters/change.ts';

export const WDES_TREND_METRICS = ['1', '2', '3', '4a_patients', '4a_managers', '4a_colleagues', '4b', '5', '6', '7', '8', '10'] as const;
type TrendMetric = (typeof WDES_TREND_METRICS)[number];
type SurveyMetricId = Exclude<TrendMetric, '1' | '2' | '3' | '10'>;

const DISPLAY_ID: Readonly<Partial<Record<TrendMetric, string>>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };

export interface WdesTrendPoint {
  readonly year: number;
  readonly value: number | null;
  readonly ci95: readonly [number, number] | null;
  /** The counts behind the figure, or why there is none. */
  readonly counts: string;
}

export interface WdesTrend {
  readonly id: string;
  readonly key: TrendMetric;
  readonly title: string;
  readonly unit: TrendUnit;
  readonly valueHeading: string;
  readonly points: readonly (WdesTrendPoint & { readonly formatted: string; readonly interval: string })[];
  /** The change between the last two years, in words; null with fewer than two figures in a row. */
  readonly change: string | null;
  readonly chart: string;
}

function point(report: WdesReport, key: TrendMetric): WdesTrendPoint {
  const year = report.year;
  if (key === '1') {
    const o = report.metrics['1'].overall;
    return { year, value: o.disabled.pct, ci95: null, counts: `${o.disabled.count} of ${o.total} staff` };
  }
  if (key === '2' || key === '3') {
    const m = report.metrics[key];
    if (!m.available) return { year, value: null, ci95: null, counts: m.reason };
    const n = m.groups[m.orientation.numerator];
    const d = m.groups[m.orientation.denominator];
    return { year, value: m.value, ci95: m.ci95, counts: `${n.events} of ${n.population} against ${d.events} of ${d.population}` };
  }
  if (key === '10') {
    const m = report.metrics['10'];
    if (!m.available) return { year, value: null, ci95: null, counts: m.reason };
    return { year, value: m.voting.differencePp, ci95: null, counts: `${m.voting.boardCount} of ${m.voting.boardTotal} voting members` };
  }
  const m = report.metrics[key];
  if (!m.available) return { year, value: null, ci95: null, counts: m.reason };
  const disabled = m.groups.disabled;
  if (!disabled) return { year, value: null, ci95: null, counts: 'no Disabled respondents' };
  return { year, value: disabled.pct, ci95: disabled.ci95, counts: `${disabled.positive} of ${disabled.respondents} Disabled respondents` };
}

/** The change between two consecutive years' reports, with the chance judgement where one applies. */
function changeOf(key: TrendMetric, before: WdesReport, now: WdesReport, a: WdesTrendPoint, b: WdesTrendPoint): string | null {
  if (a.value === null || b.value === null || now.year - before.year !== 1) return null;
  const delta = b.value - a.value;
  if (key === '2' || key === '3') {
    const x = before.metrics[key];
    const y = now.metrics[key];
    return changeSentence(delta, Math.abs(delta).toFixed(2), before.year, x.available && y.available ? ratioChangeBeyondChance(x, y) : null);
  }
  const points = `${Math.abs(delta).toFixed(1)} points`;
  // A board is a whole population, not a sample: no judgement of chance.
  if (key === '10') return changeSentence(delta, points, before.year, null);
  if (key === '1') {
    const share = (r: WdesReport) => ({ events: r.metrics['1'].overall.disabled.count, population: r.metrics['1'].overall.total });
    return changeSentence(delta, points, before.year, proportionChangeBeyondChance(share(before), share(now)));
  }
  const group = (r: WdesReport) => {
    const m = r.metrics[key as SurveyMetricId];
    return m.available && m.groups.disabled ? { events: m.groups.disabled.positive, population: m.groups.disabled.respondents } : null;
  };
  const x = group(before);
  const y = group(now);
  return changeSentence(delta, points, before.year, x && y ? proportionChangeBeyondChance(x, y) : null);
}

function titleOf(report: WdesReport, key: TrendMetric): string {
  return report.metrics[key].title;
}

export function wdesTrends(reports: readonly WdesReport[]): WdesTrend[] {
  const ordered = [...reports].sort((a, b) => a.year - b.year);
  const latest = ordered[ordered.length - 1];
  if (!latest) return [];
  return WDES_TREND_METRICS.map((key) => {
    const isRatio = key === '2' || key === '3';
    const unit: TrendUnit = isRatio ? 'ratio' : key === '10' ? 'pp' : 'pct';
    const valueHeading = isRatio ? 'Relative likelihood' : key === '10' ? 'Difference (voting members)' : key === '1' ? 'Disabled staff' : 'Disabled staff answering so';
    const points = ordered.map((r) => point(r, key));
    const format = (v: number | null) =>
      v === null ? '–' : isRatio ? v.toFixed(2) : key === '10' ? `${v > 0 ? '+' : v < 0 ? '−' : ''}${Math.abs(v).toFixed(1)} points` : `${v.toFixed(1)}%`;
    const n = ordered.length;
    const change = n >= 2 ? changeOf(key, ordered[n - 2]!, ordered[n - 1]!, points[n - 2]!, points[n - 1]!) : null;
    const id = DISPLAY_ID[key] ?? key;
    return {
      id,
      key,
      title: titleOf(latest, key),
      unit,
      valueHeading,
      change,
      points: points.map((p) => ({
        ...p,
        formatted: format(p.value),
        interval: p.ci95 ? `${format(p.ci95[0])} to ${format(p.ci95[1])}` : '–',
      })),
      chart: trendChart(points.map(({ year, value, ci95 }) => ({ year, value, ci95 })), {
        id: chartId('wdes-trend', key), title: `Metric ${id} by year`, yLabel: valueHeading, unit,
        ...(isRatio ? { scale: 'log' as const, referenceBand: [0.8, 1.25] as const, referenceBandLabel: 'Non-adverse range', referenceLine: 1, referenceLineLabel: 'Equal likelihood' } : {}),
        ...(key === '10' ? { referenceLine: 0, referenceLineLabel: 'Same as the workforce' } : {}),
      }),
    };
  });
}
