/**
 * The national figures an administrator entered for a year, as the targets that centre the peer funnel plots.
 */
import { nationalTargetsOf } from '../core/comparisons/national-figure.ts';
import type { PeerRatioIndicator } from '../core/comparisons/peer-funnels.ts';
import type { Store } from '../store/store.ts';

/**
 * The targets for `peerFunnels(year, peers, { nationalTargets })`: the national relative likelihoods an
 * administrator entered for the year (indicators 2–4); an indicator without one keeps the pooled peer figure.
 * Everything that draws or reads the funnels (the comparisons page, its download, the overview's board readings)
 * should pass these, so that they all centre on the same figure.
 */
export async function nationalTargetsFor(store: Store, year: number): Promise<Partial<Record<PeerRatioIndicator, number>>> {
  return nationalTargetsOf(await store.nationalFigures.forYear(year));
}
