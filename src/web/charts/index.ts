/**
 * Charts as pure functions from data to a standalone, accessible SVG string (role="img" with <title> and <desc>,
 * no scripts, no styles, no external references). Each chart is meant to sit between a heading and a table of the
 * same numbers; see each module for what it shows. The Making Data Count icons are the same kind of SVG with a fixed
 * size in pixels, to sit beside the text that says their reading.
 */
import { funnelThumbnail as drawFunnelThumbnail } from './funnel-thumbnail.ts';
import { memoisedChart } from './memo.ts';
import { drawnApart } from './off-thread.ts';
import { spcChart as drawSpcChart } from './spc-chart.ts';
import { spcThumbnail as drawSpcThumbnail } from './spc-thumbnail.ts';
import { targetThumbnail as drawTargetThumbnail } from './target-thumbnail.ts';

export { chartId, CHART_ID_PATTERN } from './chart-id.ts';
export type { ChartOptions } from './render.ts';
export { COLOUR, DEFAULT_WIDTH, FONT_FAMILY, SPC_COLOUR } from './theme.ts';
export { describeForest, NON_ADVERSE, type ForestPlotOptions, type ForestRow } from './forest-plot.ts';
export { describeFunnel, type FunnelChartCurvePoint, type FunnelChartOptions, type FunnelChartPoint } from './funnel-chart.ts';
export { describeRates, type RateComparisonOptions, type RateGroup } from './rate-comparison.ts';
export {
  describeRepresentation,
  type BandShare,
  type HeadcountShare,
  type RepresentationByBandOptions,
} from './representation-by-band.ts';
export { describeTrend, type TrendChartOptions, type TrendPoint, type TrendUnit } from './trend-chart.ts';
export { bandSharesFromIndicator1, forestRowsFromBreakdown, rateGroupsFromRatio, rateGroupsFromSurvey } from './adapters.ts';
export {
  assuranceReading, describeSpc, formatMonth, formatSpcValue, POINT_TYPE_LABEL, VARIATION_READING,
  type SpcChartOptions, type SpcChartPoint, type SpcUnit,
} from './spc-chart.ts';
export { CHARTS_ON_THIS_THREAD, chartThreads, defaultChartThreads, withChartsApart, type ChartDrawer } from './off-thread.ts';
export { assuranceIconSvg, variationIconSvg, type SpcIconOptions } from './spc-icons.ts';
export { describeSpcThumbnail, type SpcThumbnailOptions } from './spc-thumbnail.ts';
export type { FunnelThumbnailOptions } from './funnel-thumbnail.ts';
export { describeTargetThumbnail, type TargetThumbnailInput, type TargetThumbnailOptions } from './target-thumbnail.ts';

// The charts the overview and the monthly pages draw on every visit, each remembered for the same arguments (memo.ts).
export const spcChart = memoisedChart('spc', drawSpcChart);
export const spcThumbnail = memoisedChart('spc-thumbnail', drawSpcThumbnail);
export const funnelThumbnail = memoisedChart('funnel-thumbnail', drawFunnelThumbnail);
export const targetThumbnail = memoisedChart('target-thumbnail', drawTargetThumbnail);

// The larger charts drawn afresh for analysts' pages: within a page of an organisation's year, drawn once the page is
// rendered, on the chart threads (off-thread.ts); anywhere else, where they are asked for.
export const funnelChart = drawnApart('funnel');
export const rateComparison = drawnApart('rates');
export const representationByBand = drawnApart('representation');
export const forestPlot = drawnApart('forest');
export const trendChart = drawnApart('trend');
