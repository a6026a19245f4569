
import type { RatioBreakdownRow } from './evaluate-ratio.ts';
export { withheldReason } from './withheld-reason.ts';


/** The row with its ratio, interval and every count withheld. */
export function withheldRow(row: RatioBreakdownRow, reason: string): RatioBreakdownRow {
  return {
    ...row, suppressed: true, suppressionReason: reason, numerator: null, denominator: null, value: null,
    ci95: null, undefinedReason: null, undefinedExplanation: null, withinNonAdverseRange: null, significant: null,
    smallNumbers: true,
  };
}
