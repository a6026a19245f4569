/**
 * The one reason every withheld breakdown row gives, whether it was small itself or would let a small one be worked
 * out: a separate reason for the second kind would tell a reader the row holds 0 or at least 8.
 */
import type { DisclosurePolicy } from '../stats/disclosure.ts';

export function withheldReason(policy: DisclosurePolicy): string {
  return `fewer than ${policy.minimumCellSize} people in a cell, here or in a figure it would let be worked out, so withheld to protect identities`;
}
