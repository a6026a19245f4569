/** The pay gap report's settings: the disclosure policy and the options. */
import { DEFAULT_DISCLOSURE_POLICY } from '../../stats/disclosure.ts';
import type { EthnicityReference } from '../definitions.ts';

export interface PayGapPolicy {
  /** Pay figures (means, medians, gaps, quartile shares) are shown only for groups of at least this many people. */
  readonly minimumGroupSize: number;
  /** For sharing, counts of 1 to minimumCellSize − 1 are withheld (NHS Digital withholds 1–7, hence 8). */
  readonly minimumCellSize: number;
  /** Fewer people than this in a compared group flags a figure as based on small numbers. */
  readonly smallGroupSize: number;
}

export const DEFAULT_PAY_GAP_POLICY: PayGapPolicy = Object.freeze({
  minimumGroupSize: 10,
  minimumCellSize: DEFAULT_DISCLOSURE_POLICY.minimumCellSize,
  smallGroupSize: 30,
});

export interface PayGapOptions {
  /** White (A, B, C) as WRES does, or White British (A) as the government's ethnicity pay guidance does. */
  readonly ethnicityReference?: EthnicityReference;
  readonly policy?: Partial<PayGapPolicy>;
  /** Withhold counts of 1–7 and counts that reveal them (true unless the output is for the analyst alone). */
  readonly forSharing?: boolean;
  /** Bank-only staff are employees and are included unless this is false. */
  readonly includeBankOnly?: boolean;
}
