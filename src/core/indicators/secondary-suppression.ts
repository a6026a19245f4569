/**
 * Secondary suppression. Breakdown rows add up to figures that are published: the specific ethnic groups add up to
 * the ethnic minority total, each aggregated group to its specific groups, staff groups to the headline. If only one
 * row in such a sum is withheld, anyone can work it out by subtraction. So while any sum has exactly one withheld
 * member, the smallest other non-empty member is withheld too.
 *
 * Worked example: ethnic minority total 365 accessed training; specific groups 15, 8, 11, [withheld], 77, … If the
 * withheld row were the only one, 365 minus the others would give it away; withholding the next smallest row (8)
 * leaves two unknowns whose sum alone is known.
 */
import type { RatioBreakdownRow } from './evaluate-ratio.ts';

/** A set of rows whose counts add up to something already published (a total, or another row in the set). */
export type SumConstraint = readonly string[];

export const SECONDARY_REASON = 'withheld so that another withheld figure cannot be worked out by subtraction';

/** How much a row holds, to pick the smallest to withhold; rows holding nobody protect nothing. */
export type RowSize = (row: RatioBreakdownRow) => number;

export const BOTH_SIDES: RowSize = (row) => (row.numerator?.population ?? 0) + (row.denominator?.population ?? 0);

function withhold(row: RatioBreakdownRow): RatioBreakdownRow {
  return {
    ...row, suppressed: true, suppressionReason: SECONDARY_REASON, numerator: null, denominator: null, value: null,
    ci95: null, undefinedReason: null, undefinedExplanation: null, withinNonAdverseRange: null, significant: null,
    smallNumbers: true,
  };
}

/**
 * Applies the rule to rows keyed by id until no constraint has exactly one withheld member. Returns a new map;
 * rows that need no change are returned as they were.
 */
export function protectSums(
  rows: ReadonlyMap<string, RatioBreakdownRow>,
  constraints: readonly SumConstraint[],
  size: RowSize = BOTH_SIDES,
): Map<string, RatioBreakdownRow> {
  const result = new Map(rows);
  let changed = true;
  while (changed) {
    changed = false;
    for (const constraint of constraints) {
      const members = constraint.map((id) => [id, result.get(id)] as const).filter((m): m is readonly [string, RatioBreakdownRow] => m[1] !== undefined);
      if (members.filter(([, row]) => row.suppressed).length !== 1) continue;
      const candidate = members
        .filter(([, row]) => !row.suppressed && size(row) > 0)
        .sort((a, b) => size(a[1]) - size(b[1]))[0];
      if (!candidate) continue;
      result.set(candidate[0], withhold(candidate[1]));
      changed = true;
    }
  }
  return result;
}
