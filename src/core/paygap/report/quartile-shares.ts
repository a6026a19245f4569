/** Quartile shares of the compared pair, with disclosure control. */
import { categoriesOf } from '../../indicators/characteristic.ts';
import type { PayGapDefinition } from '../definitions.ts';
import { payQuartiles, QUARTILE_NAMES } from '../quartiles.ts';
import { quartileSentence } from '../wording.ts';
import type { CategoryPay } from './counting.ts';
import type { PayQuartiles, QuartileGroup } from './results.ts';
import type { PayGapPolicy } from './policy.ts';
import { POPULATION_WORDS, type Context } from './context.ts';

/**
 * Quartile shares of the compared pair. Everyone with an hourly rate is ranked (the statutory population); each
 * quartile's share is taken over the reference and focus groups only, so the two add up to 100% as published gender
 * pay gap figures do, and people outside the pair (other genders, unknowns) are never shown by quartile.
 */
/** The compared pair's people in each quartile, and the pair's group too small for shares, if either is. */
export function quartilePair<G extends string>(definition: PayGapDefinition<G>, counts: Readonly<Record<string, CategoryPay>>, policy: PayGapPolicy) {
  const { characteristic } = definition;
  const allocation = payQuartiles(Object.fromEntries(definition.categories.map((c) => [c, counts[c]?.hourlyPay ?? []])));
  const rows = [characteristic.referenceGroup, definition.focusGroup].map((group) => {
    const categories = categoriesOf(characteristic, group, definition.categories);
    const people = [0, 1, 2, 3].map((q) => categories.reduce((n, c) => n + (allocation.byCategory[c]?.[q] ?? 0), 0));
    const total = categories.reduce((n, c) => n + (counts[c]?.hourlyPay.length ?? 0), 0);
    return { group, text: definition.groupText[group], people, total };
  });
  return { allocation, rows, tooSmall: rows.find((r) => r.total < policy.minimumGroupSize) };
}

export function quartilesOf<G extends string>(
  definition: PayGapDefinition<G>,
  { allocation, rows, tooSmall }: ReturnType<typeof quartilePair<G>>,
  isWithheld: (group: string, quartile: number) => boolean,
  context: Context,
): PayQuartiles {
  const { characteristic } = definition;
  const { policy } = context;
  const [reference, focus] = rows as [(typeof rows)[number], (typeof rows)[number]];

  // Shares are pay figures: each group's is the complement of the other's, so both go if either group is too small.
  const pairReason = tooSmall
    ? tooSmall.total === 0
      ? `there are no ${tooSmall.text.noun} ${POPULATION_WORDS.hourly}`
      : `fewer than ${policy.minimumGroupSize} ${tooSmall.text.noun} ${POPULATION_WORDS.hourly}, so the quartile shares are not shown in case they identify someone`
    : null;
  // For sharing, cells of 1–7 people and cells that would let one be worked out (withheldCounts).
  const cellId = (group: string, q: number) => `${group}:${q}`;
  const cellsWithheld = new Set(rows.flatMap((r) => [0, 1, 2, 3].filter((q) => isWithheld(r.group, q)).map((q) => cellId(r.group, q))));
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
