/**
 * The challenge's table of pay bands (indicator 1, Agenda for Change bands): each band's White and ethnic minority
 * headcounts, as the scope's report gives its career ladder. That report protects the ladder itself, with every
 * other directorate's (core/scopes/scoped-shares.ts: counts of 1 to 7 withheld, and then more by trying the
 * differencing attack), so a band withheld there is withheld here. (Reports of racism and discrimination by
 * category are the reporting feature's, core/reporting/trends.ts, with the same control as every other view.)
 */

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
