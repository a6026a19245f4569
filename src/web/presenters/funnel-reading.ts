/**
 * Where an organisation lies among its peers on a funnel plot, in words and as the funnel charts draw it: written
 * once for the comparisons pages (features/compare/presenters.ts, any standard) and the overview's board (WRES).
 */
import { WRES_PEER_SET, type FunnelPosition, type PeerFunnel, type PeerFunnelSet } from '../../core/comparisons/peer-funnels.ts';
import type { FunnelChartOptions, FunnelChartPoint } from '../charts/index.ts';

export const POSITION_WORDS: Readonly<Record<FunnelPosition, string>> = {
  inside95: 'Inside the 95% limits',
  between: 'Between the 95% and 99.8% limits',
  outside998: 'Outside the 99.8% limits',
  notCalculable: 'Not calculable',
};

export function formatValue(value: number | null, kind: PeerFunnel['kind']): string {
  if (value === null) return '–';
  return kind === 'proportion' ? `${(value * 100).toFixed(1)}%` : value.toFixed(2);
}

/** The plain-language reading of where the member's organisation lies, for a standard's set of funnels. */
export function readingOf(family: { readonly set: PeerFunnelSet<string> }, funnel: PeerFunnel<string>, code: string): string {
  const own = funnel.points.find((p) => p.code === code);
  const peer = funnel.targetSource === 'national' ? 'the national figure' : 'the peer figure';
  if (!own || own.position === 'notCalculable') return 'Your organisation’s figure cannot be calculated for this indicator, so it is not on the plot.';
  const side = own.value !== null && own.value > funnel.target ? 'above' : 'below';
  const better = (side === 'above') === (family.set.higherIsBetter[funnel.indicator] ?? false);
  const judgement = better ? 'better than' : 'worse than';
  if (own.position === 'inside95') {
    return `Your organisation lies inside the 95% limits: its figure is consistent with chance variation around ${peer}.`;
  }
  if (own.position === 'between') {
    return `Your organisation lies ${side} the 95% limits but inside the 99.8% limits: its figure is ${judgement} ${peer} by a little more than chance alone would usually give, which is worth watching rather than a clear difference.`;
  }
  return `Your organisation lies ${side} the 99.8% limits: its figure is ${judgement} ${peer} by more than chance variation would explain.`;
}

const WRES_SET = { set: WRES_PEER_SET as unknown as PeerFunnelSet<string> };

/** The plain-language reading of where the member's organisation lies among its WRES peers. */
export function reading(funnel: PeerFunnel, code: string): string {
  return readingOf(WRES_SET, funnel, code);
}

/** A peer funnel's organisations as the funnel charts draw them, the member's own highlighted. */
export function funnelChartPoints(funnel: PeerFunnel<string>, ownCode: string): FunnelChartPoint[] {
  return funnel.points.map((p) => ({ label: p.name, x: p.x, value: p.value, limits95: p.limits95, limits998: p.limits998, highlighted: p.code === ownCode }));
}

/** The unit, target and limit curves the funnel charts need, the same for the full plot and the thumbnail. */
export function funnelChartScale(funnel: PeerFunnel<string>): Pick<FunnelChartOptions, 'unit' | 'target' | 'targetLabel' | 'curve'> {
  return {
    unit: funnel.kind === 'proportion' ? 'rate' : 'ratio',
    target: funnel.target,
    targetLabel: funnel.targetSource === 'national' ? 'National figure' : 'Peer figure',
    curve: funnel.curve,
  };
}
