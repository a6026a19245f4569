/**
 * Disclosure control. Two separate ideas, each a setting:
 * - small numbers: a figure built on few events is unstable and is flagged (not hidden);
 * - suppression: below organisation level (breakdowns by group, band, staff group) a figure resting on a cell of
 *   1 to minimumCellSize − 1 people is withheld with its counts, because it could identify someone.
 */
export interface DisclosurePolicy {
  /** Counts of 1 to minimumCellSize − 1 are suppressed in breakdowns. NHS Digital suppresses 1–7, hence 8. */
  readonly minimumCellSize: number;
  /** Fewer events than this in a compared group marks a ratio as based on small numbers. */
  readonly smallNumberEvents: number;
  /** Fewer respondents than this in a survey group is suppressed (NHS Staff Survey practice: 11). */
  readonly minimumRespondents: number;
}

export const DEFAULT_DISCLOSURE_POLICY: DisclosurePolicy = Object.freeze({
  minimumCellSize: 8,
  smallNumberEvents: 10,
  minimumRespondents: 11,
});

/** True for a count of 1 to minimumCellSize − 1; zero is not disclosive. */
export function isDisclosive(count: number, policy: DisclosurePolicy): boolean {
  return count > 0 && count < policy.minimumCellSize;
}

/**
 * The NHS Digital rule for counts leaving the organisation: 0 stays 0, 1–7 become "*", others are rounded to the
 * nearest 5. Worked example: 0 → 0, 6 → "*", 8 → 10, 12 → 10, 13 → 15.
 */
export function publishableCount(count: number, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): number | '*' {
  if (count === 0) return 0;
  if (isDisclosive(count, policy)) return '*';
  return Math.round(count / 5) * 5;
}
