/**
 * One characteristic's pay gaps: every set compared with the reference, with pay figures and counts withheld as
 * disclosure control requires.
 */
import { categoriesOf, type CategorySet } from '../../indicators/characteristic.ts';
import type { PayGapDefinition } from '../definitions.ts';
import { STATED, withheldCounts, withholdForSums, type SuppressionCell, type WithheldCounts } from '../protect-sums.ts';
import { pool, type CategoryPay, type Pool } from './counting.ts';
import { MEASURES, type CharacteristicPayGap, type ComparisonLevel, type Measure, type PayComparison, type PeopleCounts } from './results.ts';
import { isSmallCount, type Comparand, type Context, type DeclaredSet, type Kind } from './context.ts';
import { gapFields } from './gaps.ts';
import { quartilePair, quartilesOf } from './quartile-shares.ts';

/** A set's parts: the sets of the next level down that lie inside it, kept only when they cover it exactly. */
function sumConstraints(comparisons: readonly Comparand[]): string[][] {
  const levels: ComparisonLevel[] = ['headline', 'aggregated', 'specific'];
  const constraints: string[][] = [];
  for (const parent of comparisons) {
    const below = levels.slice(levels.indexOf(parent.level) + 1);
    for (const level of below) {
      const parts = comparisons.filter((c) => c.level === level && c.categories.every((cat) => parent.categories.includes(cat)));
      if (parts.length === 0) continue;
      const covered = new Set(parts.flatMap((p) => p.categories));
      if (parent.categories.every((cat) => covered.has(cat))) constraints.push([parent.key, ...parts.map((p) => p.key)]);
      break;
    }
  }
  return constraints;
}

function measureOf(p: Pool, measure: Measure): number {
  switch (measure) {
    case 'relevant':
      return p.relevant;
    case 'fullPayRelevant':
      return p.fullPayRelevant;
    case 'withHourlyPay':
      return p.hourlyPay.length;
    case 'bonusRecipients':
      return p.bonusPay.length;
  }
}

export function evaluateCharacteristic<G extends string>(
  definition: PayGapDefinition<G>,
  counts: Readonly<Record<string, CategoryPay>>,
  context: Context,
): CharacteristicPayGap {
  const { characteristic } = definition;
  const { policy } = context;
  const groupSet = (group: G): DeclaredSet => ({
    key: group, categories: categoriesOf(characteristic, group, definition.categories), text: definition.groupText[group],
  });
  const reference = groupSet(characteristic.referenceGroup);
  const fromSet = (set: CategorySet, level: ComparisonLevel): Comparand => ({
    key: set.key, categories: set.categories, text: definition.setText(set), level,
  });
  const comparisons: Comparand[] = [
    { ...groupSet(definition.focusGroup), level: 'headline' },
    ...characteristic.aggregatedSets.map((s) => fromSet(s, 'aggregated')),
    ...characteristic.specificSets.map((s) => fromSet(s, 'specific')),
  ];
  const unknownCategories = categoriesOf(characteristic, characteristic.unknownGroup, definition.categories);
  const partition: DeclaredSet[] = [
    ...characteristic.groups.filter((g) => g !== characteristic.unknownGroup).map(groupSet),
    ...unknownCategories.map((c) => ({ key: c, categories: [c], text: definition.unknownCategoryText[c] ?? { label: c, noun: c } })),
  ];
  const pools = new Map<string, Pool>();
  for (const set of [reference, ...comparisons, ...partition]) pools.set(set.key, pool(counts, set.categories));
  const poolOf = (key: string): Pool => pools.get(key) ?? { relevant: 0, fullPayRelevant: 0, hourlyPay: [], bonusPay: [] };
  const sums = sumConstraints(comparisons);

  // Pay figures: primary and secondary suppression, whatever the output is for.
  const payWithheld = (kind: Kind) => {
    const size = (p: Pool) => (kind === 'hourly' ? p.hourlyPay.length : p.bonusPay.length);
    const cells = new Map<string, SuppressionCell>();
    for (const set of [reference, ...comparisons]) {
      const n = size(poolOf(set.key));
      cells.set(set.key, { size: n, withheld: isSmallCount(n, policy.minimumGroupSize) });
    }
    const withheld = withholdForSums(cells, sums);
    return (key: string): 'primary' | 'secondary' | null =>
      withheld.has(key) ? (cells.get(key)?.withheld ? 'primary' : 'secondary') : null;
  };
  const withheldPay: Record<Kind, (key: string) => 'primary' | 'secondary' | null> = {
    hourly: payWithheld('hourly'),
    bonus: payWithheld('bonus'),
  };

  // Counts: withheld only for sharing, with the quartiles' counts, which add up with them.
  const pair = quartilePair(definition, counts, policy);
  const withheld: WithheldCounts | null = !context.forSharing ? null : withheldCounts({
    measures: MEASURES, sets: [...pools.keys()], count: (key, measure) => measureOf(poolOf(key), measure as Measure), sums,
    // A reader takes any withheld count to be at least 1, as nothing empty is withheld but as a last resort.
    atLeast: (key, measure) => {
      const n = measureOf(poolOf(key), measure as Measure);
      const kind: Kind | null = measure === 'withHourlyPay' ? 'hourly' : measure === 'bonusRecipients' ? 'bonus' : null;
      const hasPay = key === reference.key || comparisons.some((c) => c.key === key);
      const payShown = kind !== null && hasPay && n >= policy.minimumGroupSize && withheldPay[kind](key) === null && (kind === 'hourly' || context.bonusDataGiven);
      return payShown ? policy.minimumGroupSize : 1;
    },
    partition: partition.map((set) => set.key), unknown: unknownCategories, population: (measure) => partition.reduce((n, set) => n + measureOf(poolOf(set.key), measure as Measure), 0),
    quartiles: { pair: pair.rows.map((r) => r.group), people: pair.rows.map((r) => r.people), sizes: pair.allocation.sizes, measure: 'withHourlyPay', withheld: pair.tooSmall !== undefined },
    keep: [reference.key, definition.focusGroup],
  }, policy.minimumCellSize);
  const shownCount = (key: string, measure: Measure): number | null =>
    withheld?.count(key, measure) || (measure === 'bonusRecipients' && !context.bonusDataGiven)
      ? null
      : measureOf(poolOf(key), measure);
  const peopleOf = (key: string): PeopleCounts => ({
    relevant: shownCount(key, 'relevant'),
    fullPayRelevant: shownCount(key, 'fullPayRelevant'),
    withHourlyPay: shownCount(key, 'withHourlyPay'),
    bonusRecipients: shownCount(key, 'bonusRecipients'),
  });

  const compare = (set: Comparand): PayComparison => ({
    key: set.key,
    label: set.text.label,
    level: set.level,
    categories: set.categories,
    people: peopleOf(set.key),
    ...gapFields(set, reference, poolOf, withheldPay, shownCount, context),
  });
  const groups = Object.fromEntries(comparisons.map((c) => [c.key, compare(c)]));
  const headline = groups[definition.focusGroup] as PayComparison;
  const { key: _key, label: _label, level: _level, categories: _categories, people: _people, ...headlineFields } = headline;

  const total = partition.reduce((n, s) => n + poolOf(s.key).relevant, 0);
  const unknown = unknownCategories.reduce((n, c) => n + (counts[c]?.relevant ?? 0), 0);
  const statedWithheld = withheld?.count(STATED, 'relevant') ?? false;

  return {
    id: definition.id,
    title: definition.title,
    reference: { key: reference.key, label: reference.text.label, categories: reference.categories, people: peopleOf(reference.key) },
    focus: definition.focusGroup,
    ...headlineFields,
    groups,
    quartiles: quartilesOf(definition, pair, (group, q) => withheld?.quartile(group, q) ?? false, context),
    counts: partition.map((set) => {
      const people = peopleOf(set.key);
      return {
        key: set.key,
        label: set.text.label,
        people,
        pctOfRelevant: people.relevant === null || total === 0 ? null : (people.relevant / total) * 100,
      };
    }),
    statedRate: {
      ...definition.statedRate,
      stated: statedWithheld ? null : total - unknown,
      total,
      pct: statedWithheld || total === 0 ? null : ((total - unknown) / total) * 100,
    },
  };
}
