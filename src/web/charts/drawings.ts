/**
 * The charts a page's builder may have drawn on another thread (off-thread.ts), by name: the larger pictures drawn
 * afresh for every analyst's page (the funnels, the rate comparisons, the representation by band, the forest plots
 * and the trends). Both the page's thread and the chart threads (chart-worker.ts) draw with these same functions.
 */
import { forestPlot } from './forest-plot.ts';
import { funnelChart } from './funnel-chart.ts';
import { rateComparison } from './rate-comparison.ts';
import { representationByBand } from './representation-by-band.ts';
import { trendChart } from './trend-chart.ts';

export const DRAWINGS = {
  funnel: funnelChart,
  rates: rateComparison,
  representation: representationByBand,
  forest: forestPlot,
  trend: trendChart,
} as const;

export type ChartName = keyof typeof DRAWINGS;

/** Draws the chart named with its arguments (checked by the caller: a name of DRAWINGS and that chart's arguments). */
export function drawChart(name: ChartName, args: readonly unknown[]): string {
  return (DRAWINGS[name] as (...a: readonly unknown[]) => string)(...args);
}
