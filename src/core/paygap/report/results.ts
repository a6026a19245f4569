/** The shape of the pay gap report: every figure, count and reason it holds. */
import type { Interval } from '../../stats/normal.ts';
import type { EthnicityReference } from '../definitions.ts';
import type { PayGapPolicy } from './policy.ts';

/** People behind the figures. A count is null when withheld for sharing (bonus recipients also when no bonus data). */
export interface PeopleCounts {
  readonly relevant: number | null;
  readonly fullPayRelevant: number | null;
  readonly withHourlyPay: number | null;
  readonly bonusRecipients: number | null;
}

export const MEASURES = ['relevant', 'fullPayRelevant', 'withHourlyPay', 'bonusRecipients'] as const;
export type Measure = (typeof MEASURES)[number];

/** One side of a gap: mean and median of hourly pay (£ per hour) or of bonus pay (£), with how many people. */
export interface PayFigures {
  readonly people: number | null;
  readonly mean: number | null;
  readonly median: number | null;
}

export type PayGapReason =
  | 'noBonusData'
  | 'noPeople'
  | 'tooFewPeople'
  | 'protectsAnotherGroup'
  | 'withheld'
  | 'referenceNoPeople'
  | 'referenceTooFewPeople'
  | 'referenceZeroPay';

export interface GapCore {
  readonly meanGapPct: number | null;
  readonly medianGapPct: number | null;
  /** Why the gaps are null; null when they are shown. */
  readonly reason: PayGapReason | null;
  readonly reasonText: string | null;
  /** Fewer than smallGroupSize people on either side (or withheld): treat with caution. */
  readonly smallNumbers: boolean;
}

export interface BonusShare {
  readonly received: number | null;
  readonly relevant: number | null;
  /** Percentage paid a bonus, 0–100, with its Wilson 95% interval in percentage points. */
  readonly pct: number | null;
  readonly ci95: Interval | null;
}

export interface BonusGap extends GapCore {
  /** False when no one in the file has a bonus_pay value at all. */
  readonly available: boolean;
  readonly bonusPay: { readonly group: PayFigures; readonly reference: PayFigures };
  readonly received: { readonly group: BonusShare; readonly reference: BonusShare };
  readonly statement: string;
}

/** The hourly pay gap fields (top level) and the bonus gap, for one group against the reference. */
export interface GapFields extends GapCore {
  /** Welch-type 95% interval for the mean gap, in percent; null with `meanGapCiNote` when none is sound. */
  readonly meanGapCi95: Interval | null;
  readonly meanGapCiNote: string | null;
  readonly hourlyPay: { readonly group: PayFigures; readonly reference: PayFigures };
  readonly statement: string;
  readonly bonus: BonusGap;
}

export type ComparisonLevel = 'headline' | 'aggregated' | 'specific';

export interface PayComparison extends GapFields {
  readonly key: string;
  readonly label: string;
  readonly level: ComparisonLevel;
  readonly categories: readonly string[];
  readonly people: PeopleCounts;
}

export interface QuartileGroup {
  readonly key: string;
  readonly label: string;
  /** People in the lower, lower middle, upper middle and upper quartiles (fractional where a rate straddles). */
  readonly people: readonly (number | null)[];
  /** Percentage of the compared pair (reference and focus group) in each quartile: the two add up to 100. */
  readonly pct: readonly (number | null)[];
  readonly reason: string | null;
  readonly smallNumbers: boolean;
}

export interface PayQuartiles {
  readonly names: readonly string[];
  /** People in each quartile: every full-pay relevant employee with an hourly rate, ranked by it. */
  readonly sizes: readonly number[];
  /** The reference group, then the focus group. */
  readonly groups: readonly QuartileGroup[];
  readonly statement: string;
}

export interface CountsRow {
  readonly key: string;
  readonly label: string;
  readonly people: PeopleCounts;
  /** Share of relevant employees, 0–100. */
  readonly pctOfRelevant: number | null;
}

export interface StatedRate {
  readonly name: string;
  readonly meaning: string;
  readonly stated: number | null;
  readonly total: number;
  readonly pct: number | null;
}

export interface CharacteristicPayGap extends GapFields {
  readonly id: string;
  readonly title: string;
  readonly reference: { readonly key: string; readonly label: string; readonly categories: readonly string[]; readonly people: PeopleCounts };
  /** The key in `groups` of the headline comparison, whose figures are also at the top level. */
  readonly focus: string;
  readonly groups: Readonly<Record<string, PayComparison>>;
  readonly quartiles: PayQuartiles;
  /** Everyone, by group, with each kind of unknown on its own row. */
  readonly counts: readonly CountsRow[];
  readonly statedRate: StatedRate;
}

export interface PayGapReport {
  readonly settings: PayGapPolicy & {
    readonly ethnicityReference: EthnicityReference;
    readonly forSharing: boolean;
    readonly includeBankOnly: boolean;
  };
  readonly population: {
    readonly relevant: number;
    readonly bankOnly: number;
    readonly fullPayRelevant: number;
    readonly withHourlyPay: number;
    readonly fullPayRelevantWithoutHourlyPay: number;
    readonly notFullPayRelevant: number;
    readonly bonusDataGiven: boolean;
    readonly bonusRecipients: number;
  };
  readonly gender: CharacteristicPayGap;
  readonly ethnicity: CharacteristicPayGap;
  readonly disability: CharacteristicPayGap;
  readonly intervals: { readonly meanGap: string; readonly medianGap: string; readonly bonus: string };
  readonly notes: readonly string[];
}

export const INTERVAL_METHODS = {
  meanGap:
    'Mean gaps have a Welch-type 95% confidence interval, on the log of the ratio of the means (delta method, ' +
    'Welch–Satterthwaite degrees of freedom), turned into the percentage gap.',
  medianGap:
    'Median gaps have no interval: pay sits on pay-scale points, so many people share a rate, and no simple interval ' +
    'for a ratio of medians is reliable then.',
  bonus:
    'Shares paid a bonus have Wilson 95% intervals. Bonus gaps have none: a few large awards dominate bonus pay, and ' +
    'an interval on so skewed and small a group would claim precision it does not have.',
} as const;
