/** Quartile shares of the compared pair, with disclosure control. */
import { categoriesOf } from '../../indicators/characteristic.ts';
import type { PayGapDefinition } from '../definitions.ts';
import { withholdForSums, type SuppressionCell } from '../protect-sums.ts';
import { payQuartiles, QUARTILE_NAMES } from '../quartiles.ts';
import { quartileSentence } from '../wording.ts';
import type { CategoryPay } from './counting.ts';
import type { PayQuartiles, QuartileGroup } from './results.ts';
import { isSmallCount, POPULATION_WORDS, type Context } from './context.ts';

/**
 * Quartile shares of the compared pair. Everyone with an hourly rate is ranked (the statutory population); each
 * quartile's share is taken over the reference and focus groups only, so the two add up to 100% as published gender
 * pay gap figures do, and people outside the pair (other genders, unknowns) are never shown by quartile.
 */
export function quartilesOf<G extends string>(
  definition: PayGapDefinition<G>,
  counts: Readonly<Record<string, CategoryPay>>,
  context: Context,
): PayQuartiles {
  const { characteristic } = definition;
  const { policy } = context;
  const allocation = payQuartiles(Object.fromEntries(definition.categories.map((c) => [c, counts[c]?.hourlyPay ?? []])));
  const rows = [characteristic.referenceGroup, definition.focusGroup].map((group) => {
    const categories = categoriesOf(characteristic, group, definition.categories);
    const people = [0, 1, 2, 3].map((q) => categories.reduce((n, c) => n + (allocation.byCategory[c]?.[q] ?? 0), 0));
    const total = categories.reduce((n, c) => n + (counts[c]?.hourlyPay.length ?? 0), 0);
    return { group, text: definition.groupText[group], people, total };
  });
  const [reference, focus] = rows as [(typeof rows)[number], (typeof rows)[number]];

  // Shares are pay figures: each group's is the complement of the other's, so both go if either group is too small.
  const tooSmall = rows.find((r) => r.total < policy.minimumGroupSize);
  const pairReason = tooSmall
    ? tooSmall.total === 0
      ? `there are no ${tooSmall.text.noun} ${POPULATION_WORDS.hourly}`
      : `fewer than ${policy.minimumGroupSize} ${tooSmall.text.noun} ${POPULATION_WORDS.hourly}, so the quartile shares are not shown in case they identify someone`
    : null;
  // For sharing, cells of 1–7 people, then cells that would reveal them from the group's total (shown elsewhere).
  const cellId = (group: string, q: number) => `${group}:${q}`;
  const cells = new Map<string, SuppressionCell>();
  for (const r of rows) {
    r.people.forEach((n, q) => cells.set(cellId(r.group, q), { size: n, withheld: context.forSharing && isSmallCount(n, policy.minimumCellSize) }));
  }
  const cellsWithheld = withholdForSums(cells, rows.map((r) => [0, 1, 2, 3].map((q) => cellId(r.group, q))));
  // A share reveals its pair's ratio, so a quartile with either count withheld has both shares withheld.
  const quartileWithheld = [0, 1, 2, 3].map((q) => rows.some((r) => cellsWithheld.has(cellId(r.group, q))));

  const groups: QuartileGroup[] = rows.map((r) => {
    const people = r.people.map((n, q) => (pairReason || cellsWithheld.has(cellId(r.group, q)) ? null : n));
    const pct = r.people.map((n, q) => {
      const pair = (reference.people[q] ?? 0) + (focus.people[q] ?? 0);
      return pairReason || quartileWithheld[q] || pair === 0 ? null : (n / pair) * 100;
    });
    return {
      key: r.group,
      label: r.text.label,
      people,
      pct,
      reason:
        pairReason ??
        (quartileWithheld.some(Boolean)
          ? `some quartiles are withheld because they hold fewer than ${policy.minimumCellSize} of a group, or would reveal a count that does`
          : null),
      smallNumbers: r.total < policy.smallGroupSize,
    };
  });

  const ranked = allocation.sizes.reduce((a, b) => a + b, 0);
  const focusRow = groups[1];
  const lower = focusRow?.pct[0];
  const upper = focusRow?.pct[3];
  const focusText = definition.groupText[definition.focusGroup];
  const statement =
    ranked === 0
      ? 'No quartiles: no full-pay relevant employees have an hourly rate of pay.'
      : lower != null && upper != null
        ? quartileSentence(focusText, definition.groupText[characteristic.referenceGroup], lower, upper, (focus.total / (focus.total + reference.total)) * 100)
        : `The quartile shares of ${focusText.noun} are not shown: ${focusRow?.reason ?? 'too few people'}.`;
  return { names: QUARTILE_NAMES, sizes: allocation.sizes, groups, statement };
}
