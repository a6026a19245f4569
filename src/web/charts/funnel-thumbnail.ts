/**
 * A thumbnail of one funnel plot for a summary page, about 200 × 56 with no text: the target as a line across, the
 * 95% limits (dashed) and 99.8% limits (solid) fanning out from the curve, every organisation as a tiny grey dot and
 * the highlighted organisation as a larger dark diamond (told apart by shape, not colour alone). It takes the same
 * points and curve as funnelChart, which is the full plot. Relative likelihoods are on a log scale, proportions
 * (0–1) on a linear one.
 *
 * The vertical range runs from the lowest to the highest of every organisation's figure, the target and the
 * highlighted organisation's own limits, so the diamond can always be seen against its limits; the limits of smaller
 * organisations fan out beyond that and are cut off at the edge (limitRuns). Ratios beyond the full chart's widest
 * axis (0.1 to 10) are drawn at its edge, as there. The description, from describeFunnel, says where the highlighted
 * organisation lies, judged against its own limits.
 */
import { ratioAxis } from './axes.ts';
import { describeFunnel, limitRuns, plottable, type FunnelChartOptions, type FunnelChartPoint } from './funnel-chart.ts';
import { dots, polylines, segments, type Point } from './marks.ts';
import { positionScale, renderChart, renderMessage, type ChartOptions } from './render.ts';
import { thumbnailSize } from './spc-thumbnail.ts';
import { finite, finiteInterval } from './text.ts';
import { COLOUR } from './theme.ts';

export interface FunnelThumbnailOptions extends ChartOptions, Pick<FunnelChartOptions, 'unit' | 'target' | 'targetLabel' | 'curve'> {
  /** viewBox height (default 56); `width` defaults to 200. */
  readonly height?: number;
}

/** Room between the edge and the data: the diamond reaches 6.6 above and below its centre, plus its outline. */
export const FUNNEL_THUMBNAIL_PAD = 8;
export const DIAMOND_R = 4;
export const DOT_R = 2;
/** The narrowest vertical range: 2 percentage points for proportions, a factor of 1.25 for ratios. */
const MIN_RATE_SPAN = 0.02;
const MIN_RATIO_FACTOR = 1.25;

/** The vertical range: lowest to highest of the figures, target and highlighted limits, widened to the minimum span. */
function verticalRange(values: readonly number[], ratio: boolean): [number, number] {
  if (ratio) {
    const [floor, ceiling] = ratioAxis([0]).domain; // the widest ratio axis, where the full chart clips too
    const logs = values.filter((v) => v > 0).map((v) => Math.log(Math.min(ceiling, Math.max(floor, v))));
    let lo = Math.min(...logs);
    let hi = Math.max(...logs);
    const least = Math.log(MIN_RATIO_FACTOR);
    if (hi - lo < least) [lo, hi] = [(lo + hi - least) / 2, (lo + hi + least) / 2];
    return [Math.exp(lo), Math.exp(hi)];
  }
  let lo = Math.max(0, Math.min(...values));
  let hi = Math.min(1, Math.max(...values));
  if (hi - lo < MIN_RATE_SPAN) {
    const mid = Math.min(1 - MIN_RATE_SPAN / 2, Math.max(MIN_RATE_SPAN / 2, (lo + hi) / 2));
    [lo, hi] = [mid - MIN_RATE_SPAN / 2, mid + MIN_RATE_SPAN / 2];
  }
  return [lo, hi];
}

export function funnelThumbnail(points: readonly FunnelChartPoint[], options: FunnelThumbnailOptions): string {
  const { width, height } = thumbnailSize(options);
  const text = { id: options.id, title: options.title, description: options.description ?? describeFunnel(points, options) };
  const known = plottable(points, options.unit);
  const target = finite(options.target);
  if (known.length === 0 || target === null || (options.unit === 'ratio' && target <= 0)) return renderMessage(text, width, 'No data', height);
  const ratio = options.unit === 'ratio';
  const pad = FUNNEL_THUMBNAIL_PAD;

  const ownLimits = known
    .filter((p) => p.highlighted)
    .flatMap((p) => [finiteInterval(p.limits95), finiteInterval(p.limits998)])
    .flatMap((limits) => limits ?? []);
  const yDomain = verticalRange([target, ...known.map((p) => p.value), ...ownLimits], ratio);
  const curve = options.curve.filter((c) => finite(c.x) !== null && c.x > 0);
  const xMax = Math.max(...known.map((p) => p.x), ...curve.map((c) => c.x));
  const x = positionScale({ type: 'linear', domain: [0, xMax], range: [pad, width - pad] });
  const y = positionScale({ type: ratio ? 'log' : 'linear', domain: yDomain, range: [height - pad, pad] });
  const clampY = (v: number) => Math.min(yDomain[1], Math.max(yDomain[0], v));
  const at = (p: { x: number; value: number }): Point => ({ x: x(p.x), y: y(clampY(p.value)) });

  const scales = { x, y, yDomain, log: ratio };
  const limit95 = [limitRuns(curve, (c) => c.limits95[0], scales), limitRuns(curve, (c) => c.limits95[1], scales)].flat();
  const limit998 = [limitRuns(curve, (c) => c.limits998[0], scales), limitRuns(curve, (c) => c.limits998[1], scales)].flat();
  // Not drawn when it is beyond the widest ratio axis (a rounding hair from an edge is still in range).
  const targetInRange = Math.abs(clampY(target) - target) <= 1e-9 * target;

  const marks = [
    segments(targetInRange ? [{ x1: pad, y1: y(clampY(target)), x2: width - pad, y2: y(clampY(target)) }] : [], { stroke: COLOUR.darkPink, width: 1.5 }),
    polylines(limit95, { stroke: COLOUR.darkGrey, width: 1, dash: '3,2' }),
    polylines(limit998, { stroke: COLOUR.ink, width: 1 }),
    dots(known.filter((p) => !p.highlighted).map(at), { fill: COLOUR.midGrey, r: DOT_R }),
    dots(known.filter((p) => p.highlighted).map(at), { fill: COLOUR.darkBlue, r: DIAMOND_R, symbol: 'diamond', stroke: COLOUR.white, strokeWidth: 1 }),
  ];
  return renderChart(
    text,
    { width, height, marginTop: 0, marginRight: 0, marginBottom: 0, marginLeft: 0, x: { type: 'identity' }, y: { type: 'identity' } },
    marks,
  );
}
