/** The overview's reading of a WRES funnel, in the same words as the comparisons page (presenters/compare-view.ts). */
import type { PeerFunnel } from '../../core/comparisons/peer-funnels.ts';
import { readingOf, WRES_COMPARE } from './compare-view.ts';

export { funnelChartPoints, funnelChartScale } from './compare-view.ts';

/** The plain-language reading of where the member's organisation lies among its WRES peers. */
export function reading(funnel: PeerFunnel, code: string): string {
  return readingOf(WRES_COMPARE, funnel, code);
}
