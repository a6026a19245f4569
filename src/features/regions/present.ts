/**
 * The regional and national pages' words, tables and charts, for the public pages and the administrators' alike:
 * the area's summary (every indicator's pooled figure, with how many organisations are distinguishable from it) and
 * an indicator's page (the pooled figure, what can and cannot be told apart, the funnel plot and then the league
 * table of the same numbers). Never a bare ranking: the table is ordered by figure, and every row carries its
 * counts, its 95% interval, its funnel limits and where it lies.
 */
import type { FigureCount } from '../../core/act/headline.ts';
import { displayId, indicatorName } from '../../core/regions/indicators.ts';
import type { IndicatorRollup, LeagueRow, PooledFigure, RollupIndicator } from '../../core/regions/rollup.ts';
import { groupWords } from '../../core/publish/report.ts';
import type { Interval } from '../../core/stats/normal.ts';
import { chartId, funnelChart } from '../../web/charts/index.ts';
import { funnelChartPoints, funnelChartScale, POSITION_WORDS } from '../../web/presenters/funnel-reading.ts';
import type { AreaView, Source } from './service.ts';

const count = (n: number) => n.toLocaleString('en-GB');
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const plural = (n: number, one: string, many: string) => `${count(n)} ${n === 1 ? one : many}`;

export function formatFigure(kind: RollupIndicator['kind'], value: number | null): string {
  if (value === null) return '–';
  return kind === 'ratio' ? value.toFixed(2) : `${(value * 100).toFixed(1)}%`;
}

export function formatInterval(kind: RollupIndicator['kind'], ci: Interval | null): string {
  return ci ? `${formatFigure(kind, ci[0])} to ${formatFigure(kind, ci[1])}` : '–';
}

/** "White: 20 of 100; ethnic minority: 10 of 100", "80 of 400 ethnic minority respondents", "80 of 400 staff". */
export function countsText(indicator: RollupIndicator, counts: readonly FigureCount[]): string {
  if (counts.length === 0) return '–';
  if (indicator.kind === 'ratio') return counts.map((c, i) => `${i === 0 ? capital(groupWords(c.group)) : groupWords(c.group)}: ${count(c.events)} of ${count(c.population)}`).join('; ');
  const c = counts[0]!;
  if (indicator.kind === 'representation') return `${count(c.events)} ${groupWords(c.group)} of ${count(c.population)} staff`;
  return `${count(c.events)} of ${count(c.population)} ${groupWords(c.group)} respondents`;
}

/** The area in words and in an address: "England" or "London"; "/public/national", "/regions/london". */
export function areaWords(view: Pick<AreaView, 'region' | 'type'>): string {
  const where = view.region ?? 'every region';
  return view.type ? `${view.type} organisations in ${where}` : view.region ? `organisations in ${view.region}` : 'organisations in every region';
}

export function areaPath(source: Source, regionSlug: string | null): string {
  const base = source === 'published' ? '/public' : '';
  return regionSlug === null ? `${base}/national` : `${base}/regions/${regionSlug}`;
}

export function query(year: number | null, type: string | null): string {
  const params = new URLSearchParams();
  if (year !== null) params.set('year', String(year));
  if (type !== null) params.set('type', type);
  const text = params.toString();
  return text ? `?${text}` : '';
}

function betterWords(indicator: RollupIndicator): string {
  if (indicator.higherIsBetter === null) return 'Neither a higher nor a lower share is better in itself: it follows who lives and works nearby.';
  if (indicator.kind === 'ratio') return `A relative likelihood of 1 means the two groups fare alike; above 1, ${indicator.standard === 'wdes' ? 'Disabled' : 'ethnic minority'} people fare worse.`;
  return indicator.higherIsBetter ? 'A higher percentage is better.' : 'A lower percentage is better.';
}

/** What can and cannot be told apart from the pooled figure, in sentences. */
export function distinguishableWords(r: IndicatorRollup): string[] {
  const d = r.distinguishable;
  const sentences: string[] = [];
  if (!d || !r.funnel) {
    sentences.push(`Fewer than 3 organisations have a figure for ${indicatorName(r.indicator)}, so there is no funnel plot and no organisation is judged against the pooled figure.`);
  } else {
    const outside = d.outside998.above + d.outside998.below;
    const between = d.between.above + d.between.below;
    const sides = (s: { above: number; below: number }) => `${count(s.above)} above the pooled figure, ${count(s.below)} below`;
    if (outside + between === 0) {
      sentences.push(`All ${plural(d.plotted, 'organisation', 'organisations')} on the funnel plot lie inside the 95% limits: none can be told apart from the pooled figure.`);
    } else sentences.push(
      `Of the ${plural(d.plotted, 'organisation', 'organisations')} on the funnel plot, ${plural(outside, 'lies', 'lie')} outside the 99.8% limits (${sides(d.outside998)}), clearly distinguishable from the pooled figure; ` +
      `${plural(between, 'more lies', 'more lie')} between the 95% and 99.8% limits (${sides(d.between)}), distinguishable but less surely; ` +
      `the other ${count(d.inside95)} lie inside the 95% limits and cannot be told apart from the pooled figure.`,
    );
    if (d.neighbourPairs > 0) {
      sentences.push(
        `The table is ordered by figure but is not a ranking: the 95% intervals of ${count(d.overlappingPairs)} of the ${plural(d.neighbourPairs, 'pair', 'pairs')} of neighbours in it overlap, ` +
        `so ${d.overlappingPairs * 2 >= d.neighbourPairs ? 'most organisations cannot be told apart from those next to them' : 'many organisations cannot be told apart from those next to them'}.`,
      );
    }
    if (r.funnel.judgedAgainst === 'adjusted') {
      sentences.push(`The organisations vary more than chance alone would give (dispersion ratio ${r.funnel.phi.toFixed(2)}), so the limits are widened to allow for it, as FunnelPlotR does.`);
    }
  }
  if (r.withheld > 0) {
    sentences.push(`${plural(r.withheld, 'organisation’s figure is', 'organisations’ figures are')} withheld because a count behind ${r.withheld === 1 ? 'it' : 'them'} is 1 to 7, and left out of the pooled figure and the plot, so that nothing about ${r.withheld === 1 ? 'it' : 'them'} can be worked out.`);
  }
  return sentences;
}

function pooledView(indicator: RollupIndicator, pooled: PooledFigure | null) {
  if (!pooled) return null;
  return {
    value: formatFigure(indicator.kind, pooled.value), interval: formatInterval(indicator.kind, pooled.ci95),
    counts: countsText(indicator, pooled.counts), organisations: pooled.organisations,
  };
}

/** The area page's table: one row per indicator. */
export function summaryRows(rollups: readonly IndicatorRollup[], href: (indicator: RollupIndicator) => string) {
  return rollups.map((r) => ({
    standard: r.indicator.standard.toUpperCase(),
    name: indicatorName(r.indicator),
    title: r.indicator.title,
    href: href(r.indicator),
    pooled: pooledView(r.indicator, r.pooled),
    shown: r.shown,
    withheld: r.withheld,
    above: r.distinguishable ? r.distinguishable.outside998.above + r.distinguishable.between.above : null,
    below: r.distinguishable ? r.distinguishable.outside998.below + r.distinguishable.between.below : null,
  }));
}

function rowView(indicator: RollupIndicator, row: LeagueRow) {
  const position = row.status === 'withheld'
    ? 'Withheld: a count behind this figure is 1 to 7'
    : row.status === 'unavailable' ? 'No figure' : `${POSITION_WORDS[row.position]}${row.direction ? ` (${row.direction} the pooled figure)` : ''}`;
  return {
    name: row.name, synthetic: row.synthetic, status: row.status,
    counts: countsText(indicator, row.counts), value: formatFigure(indicator.kind, row.value), interval: formatInterval(indicator.kind, row.ci95),
    limits95: formatInterval(indicator.kind, row.limits95), limits998: formatInterval(indicator.kind, row.limits998), position,
  };
}

/** An indicator's page: the pooled figure, the sentences, the chart and the league table. */
export function indicatorView(r: IndicatorRollup, view: Pick<AreaView, 'year' | 'region' | 'type'>) {
  const { indicator, funnel } = r;
  const rate = indicator.kind !== 'ratio';
  const focus = groupWords(indicator.standard === 'wdes' ? 'disabled' : 'ethnicMinority');
  const chart = funnel ? funnelChart(funnelChartPoints(funnel, ''), {
    id: chartId('area-funnel', `${indicator.standard}-${indicator.id}`),
    title: `${indicatorName(indicator)} funnel plot, ${areaWords(view)}, ${view.year}`,
    ...funnelChartScale(funnel), targetLabel: 'Pooled figure',
    xLabel: indicator.kind === 'representation' ? 'Staff' : rate ? `${capital(focus)} respondents` : 'Precision (1 ÷ squared standard error of the log relative likelihood)',
    yLabel: indicator.kind === 'representation' ? `Percentage of staff who are ${focus}` : rate ? `Percentage of ${focus} respondents` : 'Relative likelihood (log scale)',
  }) : null;
  return {
    name: indicatorName(indicator), label: displayId(indicator), title: indicator.title, kind: indicator.kind,
    better: betterWords(indicator), pooled: pooledView(indicator, r.pooled), sentences: distinguishableWords(r),
    chart, rows: r.rows.map((row) => rowView(indicator, row)), shown: r.shown, withheld: r.withheld, unavailable: r.unavailable,
  };
}
