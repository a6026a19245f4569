/**
 * How a withheld breakdown row looks. A row is withheld when it has a count of 1 to minimumCellSize − 1 (primary
 * suppression) or when, shown, it would let such a count be worked out from the figures around it (secondary
 * suppression, protect-indicator.ts). Both say the same, on purpose: a row known to be withheld only for another's
 * sake would be known to hold no small count itself (each count 0 or at least 8), and with a remainder below 8 that
 * is enough to give the other's count away. Worked example: 3 ethnic minority staff enter the disciplinary process,
 * Nursing's row is withheld for its 3 and Estates' for Nursing's sake; if Estates' row said so, its count would be 0
 * or at least 8, so 0, and Nursing's 3.
 */
import type { DisclosurePolicy } from '../stats/disclosure.ts';
import type { RatioBreakdownRow } from './evaluate-ratio.ts';

export function withheldReason(policy: DisclosurePolicy): string {
  return `fewer than ${policy.minimumCellSize} people in a cell, here or in a figure it would let be worked out, so withheld to protect identities`;
}

/** The row with its ratio, interval and every count withheld. */
export function withheldRow(row: RatioBreakdownRow, reason: string): RatioBreakdownRow {
  return {
    ...row, suppressed: true, suppressionReason: reason, numerator: null, denominator: null, value: null,
    ci95: null, undefinedReason: null, undefinedExplanation: null, withinNonAdverseRange: null, significant: null,
    smallNumbers: true,
  };
}
