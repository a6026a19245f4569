/**
 * Disclosure control for the challenge's own tables, which leave the analyst's view (a directorate's team reads and
 * shares them): counts of 1 to 7 are withheld, and then more, until nothing withheld can be worked out by
 * differencing (core/indicators/differencing.ts tries the attack). (Reports of racism and discrimination by category
 * are the reporting feature's, core/reporting/trends.ts, with the same control as every other view of them.)
 *
 * - Pay bands (indicator 1, Agenda for Change bands, medical grades left out): each band's White and ethnic minority
 *   headcounts. The directorate's totals are published beside them, and the staff outside the bands (medical grades,
 *   other rows) in the scoped report's indicator 1 rows, so both are taken as known (fixed): a band withheld must not
 *   come back from the totals less the bands shown and the rows outside them. A scope's report now protects its
 *   career ladder itself, with every other directorate's (core/scopes/scoped-shares.ts), so the challenge's pages
 *   take the bands from there (bandsOfLadder); protectBands does the same for rows given in full.
 */
import { type Cell, protectByDifferencing, type Term, variable } from '../indicators/differencing.ts';
import { isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import { AFC_BANDS } from '../workforce/pay-band.ts';

/** One row of indicator 1 as the WRES report gives it. */
export interface BandRowCounts {
  readonly cluster: string;
  readonly row: string;
  readonly white: { readonly count: number };
  readonly ethnicMinority: { readonly count: number };
}

export interface BandCount {
  readonly band: string;
  readonly white: number;
  readonly ethnicMinority: number;
}

export interface ProtectedBands {
  /** Agenda for Change bands with staff, lowest first; counts null where withheld. */
  readonly bands: readonly { readonly band: string; readonly white: number | null; readonly ethnicMinority: number | null }[];
  /** The bands whose counts are shown, for the review's reading. */
  readonly shown: readonly BandCount[];
  readonly withheld: number;
}

const LADDER: readonly string[] = [...AFC_BANDS, 'VSM'];

/** Clinical and non-clinical rows of each band added together, medical grades and other rows left out, lowest first. */
export function bandCounts(rows: readonly BandRowCounts[]): BandCount[] {
  const byBand = new Map<string, { white: number; ethnicMinority: number }>();
  for (const r of rows) {
    if (r.cluster === 'medical' || !LADDER.includes(r.row)) continue;
    const sum = byBand.get(r.row) ?? { white: 0, ethnicMinority: 0 };
    sum.white += r.white.count;
    sum.ethnicMinority += r.ethnicMinority.count;
    byBand.set(r.row, sum);
  }
  return LADDER.flatMap((band) => {
    const c = byBand.get(band);
    return c && c.white + c.ethnicMinority > 0 ? [{ band, ...c }] : [];
  });
}

/**
 * The bands with disclosure control. `totals` are the directorate's White and ethnic minority headcounts as
 * published (indicator 1's overall figures), which include staff outside the bands.
 */
export function protectBands(rows: readonly BandRowCounts[], totals: { readonly white: number; readonly ethnicMinority: number }, policy: DisclosurePolicy): ProtectedBands {
  const small = (n: number) => isDisclosive(n, policy);
  const bands = bandCounts(rows);
  const inBands = { white: bands.reduce((s, b) => s + b.white, 0), ethnicMinority: bands.reduce((s, b) => s + b.ethnicMinority, 0) };
  const cells = new Map<string, Cell>(bands.map((b) => [b.band, {
    values: { white: b.white, ethnicMinority: b.ethnicMinority },
    state: small(b.white) || small(b.ethnicMinority) ? 'withheld' : 'shown',
    size: b.white + b.ethnicMinority,
  }]));
  cells.set('#totals', { values: { white: totals.white, ethnicMinority: totals.ethnicMinority }, state: 'fixed', size: totals.white + totals.ethnicMinority });
  cells.set('#outside', {
    values: { white: totals.white - inBands.white, ethnicMinority: totals.ethnicMinority - inBands.ethnicMinority }, state: 'fixed',
    size: totals.white + totals.ethnicMinority - inBands.white - inBands.ethnicMinority,
  });
  const equations = (['white', 'ethnicMinority'] as const).map((g): Term[] => [
    ...bands.map((b): Term => [variable(b.band, g), 1]), [variable('#outside', g), 1], [variable('#totals', g), -1],
  ]);
  const { withheld } = protectByDifferencing(cells, equations, small);
  return {
    bands: bands.map((b) => (withheld.has(b.band) ? { band: b.band, white: null, ethnicMinority: null } : b)),
    shown: bands.filter((b) => !withheld.has(b.band)),
    withheld: bands.filter((b) => withheld.has(b.band)).length,
  };
}

/** The career ladder's bands as a scope's report under disclosure control gives them: counts null where withheld. */
export interface LadderStep {
  readonly band: string;
  readonly white: number | null;
  readonly ethnicMinority: number | null;
}

/**
 * The bands from a scope's career ladder (WRES indicator 1's pipeline), which core/scopes/scoped-shares.ts has
 * already protected with the directorate's rows, totals and the other directorates': a band withheld there (counts
 * null) is withheld here.
 */
export function bandsOfLadder(steps: readonly LadderStep[]): ProtectedBands {
  const bands = steps.map((s) => ({ band: s.band, white: s.white, ethnicMinority: s.ethnicMinority }));
  const shown = bands.filter((b): b is BandCount => b.white !== null && b.ethnicMinority !== null);
  return { bands, shown, withheld: bands.length - shown.length };
}
