/**
 * The headline indicators the regional and national view rolls up, and how a region is named in an address. The
 * relative likelihoods and survey percentages are the comparisons' (WRES 2–8, WDES 2, 3 and 4a–8, each about the
 * group the standard focuses on); indicator 1 of each is the focus group's share of the whole workforce. The board
 * gaps (WRES 9, WDES 10) are left out: a board is a whole population of a dozen or so people, with no interval, and
 * nearly every board count is 1 to 7. Pure.
 */
import { WRES_PEER_SET, type PeerFunnelSet } from '../comparisons/peer-funnels.ts';
import { WDES_PEER_SET } from '../comparisons/wdes-peer-funnels.ts';
import type { RollupIndicator } from './rollup.ts';

function fromSet(standard: RollupIndicator['standard'], set: PeerFunnelSet<string>): RollupIndicator[] {
  return [
    ...set.ratioIndicators.map((id): RollupIndicator => ({ standard, id, title: set.titles[id] ?? id, kind: 'ratio', higherIsBetter: set.higherIsBetter[id] ?? false })),
    ...set.surveyIndicators.map((id): RollupIndicator => ({ standard, id, title: set.titles[id] ?? id, kind: 'proportion', higherIsBetter: set.higherIsBetter[id] ?? false })),
  ];
}

export const ROLLUP_INDICATORS: readonly RollupIndicator[] = Object.freeze([
  { standard: 'wres', id: '1', title: 'Ethnic minority staff as a share of the whole workforce', kind: 'representation', higherIsBetter: null },
  ...fromSet('wres', WRES_PEER_SET as unknown as PeerFunnelSet<string>),
  { standard: 'wdes', id: '1', title: 'Disabled staff as a share of the whole workforce', kind: 'representation', higherIsBetter: null },
  ...fromSet('wdes', WDES_PEER_SET as unknown as PeerFunnelSet<string>),
]);

/** The indicator a request names ("wres", "2"), or null. */
export function findIndicator(standard: string, id: string): RollupIndicator | null {
  return ROLLUP_INDICATORS.find((i) => i.standard === standard && i.id === id) ?? null;
}

/** "4a_patients" is shown as "4a (i)", as on the comparisons pages. */
const DISPLAY: Readonly<Record<string, string>> = { '4a_patients': '4a (i)', '4a_managers': '4a (ii)', '4a_colleagues': '4a (iii)' };

export function displayId(indicator: Pick<RollupIndicator, 'id'>): string {
  return DISPLAY[indicator.id] ?? indicator.id;
}

/** "WRES indicator 2", "WDES metric 4a (i)". */
export function indicatorName(indicator: Pick<RollupIndicator, 'standard' | 'id'>): string {
  return `${indicator.standard.toUpperCase()} ${indicator.standard === 'wdes' ? 'metric' : 'indicator'} ${displayId(indicator)}`;
}

/** A region's name in an address: "North East and Yorkshire" → "north-east-and-yorkshire". */
export function regionSlug(region: string): string {
  return region.normalize('NFKD').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'region';
}
