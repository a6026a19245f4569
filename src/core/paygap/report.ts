/**
 * Pay gaps by gender, ethnicity and disability, following the gender pay gap regulations' definitions (Equality Act
 * 2010 (Specific Duties and Public Authorities) Regulations 2017, Schedule 1; snapshot 31 March):
 *
 * - relevant employees: everyone in the staff file (bank-only staff too unless left out by the option);
 * - full-pay relevant employees: relevant employees not on reduced or nil pay because of leave (`full_pay`);
 * - hourly pay gaps (mean and median) and quartiles: full-pay relevant employees with an hourly rate;
 * - bonus gaps (mean and median): relevant employees paid a bonus (more than 0) in the 12 months to the snapshot;
 * - proportion paid a bonus: of relevant employees;
 * - gap % = (reference − group) ÷ reference × 100; positive means the reference group is paid more.
 *
 * One generic evaluation over declared definitions (definitions.ts): people are counted once per fine category
 * (their pay kept in sorted lists), then every group, aggregated group and specific group is a set of categories
 * compared with the reference set. Disclosure control:
 *
 * - pay figures (means, medians, gaps, quartile shares) need at least `minimumGroupSize` people (default 10), in
 *   every output, and where sets add up (specific groups to their aggregated group, aggregated groups to ethnic
 *   minority) a second set is withheld so that a withheld one cannot be worked out by subtraction;
 * - when the output is for sharing, counts of 1 to `minimumCellSize` − 1 (1–7) are withheld with anything computed
 *   from them, and again any count that would reveal one by subtraction.
 */
import { categoriesOf, type CategorySet } from '../indicators/characteristic.ts';
import type { PayPerson } from './pay-person.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import { wilsonInterval } from '../stats/wilson-interval.ts';
import {
  DISABILITY_PAY_GAP,
  ethnicityPayGap,
  GENDER_PAY_GAP,
  type EthnicityReference,
  type PayGapDefinition,
  type SetText,
} from './definitions.ts';
import { gapPct, meanGapInterval, summarisePay, type MeanGapIntervalNote } from './pay-statistics.ts';
import { STATED, withheldCounts, withholdForSums, type SuppressionCell, type WithheldCounts } from './protect-sums.ts';
import { payQuartiles, QUARTILE_NAMES } from './quartiles.ts';
import { bonusShareSentence, capitalise, gapSentence, intervalSentence, quartileSentence } from './wording.ts';

// ------------------------------------------------------------------------------------------------- settings

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

// ------------------------------------------------------------------------------------------------- counting

/** What is kept for each fine category: counts, and the pay values the medians and quartiles need, ascending. */
export interface CategoryPay {
  readonly relevant: number;
  readonly fullPayRelevant: number;
  /** Hourly pay of full-pay relevant employees who have an hourly rate. */
  readonly hourlyPay: readonly number[];
  /** Bonus pay of relevant employees paid a bonus (more than 0). */
  readonly bonusPay: readonly number[];
}

export function countPay(
  people: readonly PayPerson[],
  categoryOf: (person: PayPerson) => string,
  categories: readonly string[],
): Record<string, CategoryPay> {
  const counts = new Map<string, { relevant: number; fullPayRelevant: number; hourlyPay: number[]; bonusPay: number[] }>(
    categories.map((c) => [c, { relevant: 0, fullPayRelevant: 0, hourlyPay: [], bonusPay: [] }]),
  );
  for (const person of people) {
    const category = categoryOf(person);
    const entry = counts.get(category);
    if (!entry) throw new Error(`pay gap category ${category} is not declared`);
    entry.relevant += 1;
    if (person.fullPayRelevant) {
      entry.fullPayRelevant += 1;
      if (person.hourlyPay !== null) entry.hourlyPay.push(person.hourlyPay);
    }
    if (person.bonusPay !== null && person.bonusPay > 0) entry.bonusPay.push(person.bonusPay);
  }
  const ascending = (a: number, b: number) => a - b;
  return Object.fromEntries(
    [...counts].map(([c, e]) => [c, { ...e, hourlyPay: e.hourlyPay.sort(ascending), bonusPay: e.bonusPay.sort(ascending) }]),
  );
}

interface Pool {
  readonly relevant: number;
  readonly fullPayRelevant: number;
  readonly hourlyPay: readonly number[];
  readonly bonusPay: readonly number[];
}

function pool(counts: Readonly<Record<string, CategoryPay>>, categories: readonly string[]): Pool {
  const parts = categories.map((c) => counts[c]).filter((p): p is CategoryPay => p !== undefined);
  const ascending = (a: number, b: number) => a - b;
  return {
    relevant: parts.reduce((n, p) => n + p.relevant, 0),
    fullPayRelevant: parts.reduce((n, p) => n + p.fullPayRelevant, 0),
    hourlyPay: parts.length === 1 ? (parts[0]?.hourlyPay ?? []) : parts.flatMap((p) => p.hourlyPay).sort(ascending),
    bonusPay: parts.length === 1 ? (parts[0]?.bonusPay ?? []) : parts.flatMap((p) => p.bonusPay).sort(ascending),
  };
}

// ------------------------------------------------------------------------------------------------- results

/** People behind the figures. A count is null when withheld for sharing (bonus recipients also when no bonus data). */
export interface PeopleCounts {
  readonly relevant: number | null;
  readonly fullPayRelevant: number | null;
  readonly withHourlyPay: number | null;
  readonly bonusRecipients: number | null;
}

const MEASURES = ['relevant', 'fullPayRelevant', 'withHourlyPay', 'bonusRecipients'] as const;
type Measure = (typeof MEASURES)[number];

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

interface GapCore {
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

// ------------------------------------------------------------------------------------------------- evaluation

interface Context {
  readonly policy: PayGapPolicy;
  readonly forSharing: boolean;
  readonly bonusDataGiven: boolean;
}

interface DeclaredSet {
  readonly key: string;
  readonly categories: readonly string[];
  readonly text: SetText;
}

interface Comparand extends DeclaredSet {
  readonly level: ComparisonLevel;
}

type Kind = 'hourly' | 'bonus';

const POPULATION_WORDS: Readonly<Record<Kind, string>> = { hourly: 'with an hourly rate of pay', bonus: 'paid a bonus' };

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

function isSmallCount(n: number, below: number): boolean {
  return n > 0 && n < below;
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

function evaluateCharacteristic<G extends string>(
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

function reasonText(reason: PayGapReason, kind: Kind, group: SetText, reference: SetText, policy: PayGapPolicy): string {
  const who = POPULATION_WORDS[kind];
  switch (reason) {
    case 'noBonusData':
      return 'the staff file gives no bonus pay (column bonus_pay)';
    case 'noPeople':
      return `there were no ${group.noun} ${who}`;
    case 'tooFewPeople':
      return `there were fewer than ${policy.minimumGroupSize} ${group.noun} ${who}, so their pay figures are not shown in case they identify someone`;
    case 'protectsAnotherGroup':
      return `the pay figures of ${group.noun} are withheld so that a smaller group's cannot be worked out from them by subtraction`;
    case 'withheld':
      return `the pay figures of ${group.noun} are withheld: there were fewer than ${policy.minimumGroupSize} ${group.noun} ${who}, or their figures would let a smaller group's be worked out by subtraction`;
    case 'referenceNoPeople':
      return `there were no ${reference.noun} ${who} to compare with`;
    case 'referenceTooFewPeople':
      return `there were fewer than ${policy.minimumGroupSize} ${reference.noun} ${who}, so their pay figures are not shown in case they identify someone`;
    case 'referenceZeroPay':
      return `the ${kind === 'hourly' ? 'hourly' : 'bonus'} pay of ${reference.noun} is zero, so a percentage gap cannot be calculated`;
  }
}

const CI_NOTES: Readonly<Record<MeanGapIntervalNote, string>> = {
  tooFewPeople: 'no interval: a group has fewer than 2 people',
  noVariation: 'no interval: hourly pay does not vary within either group',
  zeroMean: "no interval: a group's mean hourly pay is zero",
};

interface SideGap {
  readonly core: GapCore;
  readonly group: PayFigures;
  readonly reference: PayFigures;
  readonly ci: { readonly ci95: Interval | null; readonly note: string | null };
}

/** Gaps of one kind (hourly or bonus) between a set and the reference, with the reason when there are none. */
function sideGap(
  kind: Kind,
  set: DeclaredSet,
  reference: DeclaredSet,
  values: { group: readonly number[]; reference: readonly number[] },
  withheld: (key: string) => 'primary' | 'secondary' | null,
  people: { group: number | null; reference: number | null },
  context: Context,
): SideGap {
  const { policy } = context;
  const groupSummary = summarisePay(values.group);
  const referenceSummary = summarisePay(values.reference);
  const groupWithheld = withheld(set.key);
  const referenceWithheld = withheld(reference.key);
  const figures = (summary: ReturnType<typeof summarisePay>, hidden: boolean, count: number | null): PayFigures => ({
    people: count,
    mean: hidden || !summary ? null : summary.mean,
    median: hidden || !summary ? null : summary.median,
  });
  let reason: PayGapReason | null = null;
  if (kind === 'bonus' && !context.bonusDataGiven) reason = 'noBonusData';
  else if (!groupSummary) reason = 'noPeople';
  // Where the group's count is withheld too, why its pay is withheld must not say whether it is under the minimum:
  // with the count of the group it is part of, that can be enough to give its count away.
  else if (groupWithheld) reason = people.group === null && context.forSharing ? 'withheld' : groupWithheld === 'primary' ? 'tooFewPeople' : 'protectsAnotherGroup';
  else if (!referenceSummary) reason = 'referenceNoPeople';
  else if (referenceWithheld) reason = 'referenceTooFewPeople';
  let meanGap: number | null = null;
  let medianGap: number | null = null;
  let ci: SideGap['ci'] = { ci95: null, note: null };
  if (reason === null && groupSummary && referenceSummary) {
    meanGap = gapPct(referenceSummary.mean, groupSummary.mean);
    medianGap = gapPct(referenceSummary.median, groupSummary.median);
    if (meanGap === null || medianGap === null) {
      reason = 'referenceZeroPay';
      meanGap = null;
      medianGap = null;
    } else if (kind === 'hourly') {
      const interval = meanGapInterval(groupSummary, referenceSummary);
      ci = { ci95: interval.ci95, note: interval.note ? CI_NOTES[interval.note] : null };
    }
  }
  const smallest = Math.min(groupSummary?.n ?? 0, referenceSummary?.n ?? 0);
  return {
    core: {
      meanGapPct: meanGap,
      medianGapPct: medianGap,
      reason,
      reasonText: reason ? reasonText(reason, kind, set.text, reference.text, policy) : null,
      smallNumbers: reason === null ? smallest < policy.smallGroupSize : reason !== 'noBonusData',
    },
    group: figures(groupSummary, groupWithheld !== null, people.group),
    reference: figures(referenceSummary, referenceWithheld !== null, people.reference),
    ci,
  };
}

function caution(smallNumbers: boolean, policy: PayGapPolicy): string {
  return smallNumbers ? ` Based on small numbers (fewer than ${policy.smallGroupSize} people in a group): treat with caution.` : '';
}

function gapFields(
  set: Comparand,
  reference: DeclaredSet,
  poolOf: (key: string) => Pool,
  withheldPay: Record<Kind, (key: string) => 'primary' | 'secondary' | null>,
  shownCount: (key: string, measure: Measure) => number | null,
  context: Context,
): GapFields {
  const { policy } = context;
  const groupPool = poolOf(set.key);
  const referencePool = poolOf(reference.key);
  const hourly = sideGap(
    'hourly', set, reference,
    { group: groupPool.hourlyPay, reference: referencePool.hourlyPay },
    withheldPay.hourly,
    { group: shownCount(set.key, 'withHourlyPay'), reference: shownCount(reference.key, 'withHourlyPay') },
    context,
  );
  const bonus = sideGap(
    'bonus', set, reference,
    { group: groupPool.bonusPay, reference: referencePool.bonusPay },
    withheldPay.bonus,
    { group: shownCount(set.key, 'bonusRecipients'), reference: shownCount(reference.key, 'bonusRecipients') },
    context,
  );

  const hourlyStatement =
    hourly.core.meanGapPct !== null && hourly.core.medianGapPct !== null
      ? [
          gapSentence('median hourly pay', set.text, reference.text, hourly.core.medianGapPct),
          gapSentence('mean hourly pay', set.text, reference.text, hourly.core.meanGapPct),
          hourly.ci.ci95 ? capitalise(intervalSentence(hourly.ci.ci95)) : '',
        ].filter(Boolean).join(' ') + caution(hourly.core.smallNumbers, policy)
      : `No hourly pay gap is shown: ${hourly.core.reasonText}.`;

  const share = (key: string, p: Pool): BonusShare => {
    const received = shownCount(key, 'bonusRecipients');
    const relevant = shownCount(key, 'relevant');
    if (!context.bonusDataGiven || received === null || relevant === null || relevant === 0) {
      return { received: context.bonusDataGiven ? received : null, relevant, pct: null, ci95: null };
    }
    const ci = wilsonInterval(p.bonusPay.length, p.relevant);
    return { received, relevant, pct: (received / relevant) * 100, ci95: ci ? [ci[0] * 100, ci[1] * 100] : null };
  };
  const received = { group: share(set.key, groupPool), reference: share(reference.key, referencePool) };
  const bonusStatement = !context.bonusDataGiven
    ? 'No bonus figures: the staff file gives no bonus pay (column bonus_pay).'
    : [
        received.group.pct !== null && received.reference.pct !== null
          ? bonusShareSentence(set.text, received.group.pct, reference.text, received.reference.pct)
          : '',
        bonus.core.meanGapPct !== null && bonus.core.medianGapPct !== null
          ? gapSentence('median bonus pay', set.text, reference.text, bonus.core.medianGapPct) + ' ' +
            gapSentence('mean bonus pay', set.text, reference.text, bonus.core.meanGapPct) + caution(bonus.core.smallNumbers, policy)
          : `No bonus pay gap is shown: ${bonus.core.reasonText}.`,
      ].filter(Boolean).join(' ');

  return {
    ...hourly.core,
    meanGapCi95: hourly.ci.ci95,
    meanGapCiNote: hourly.ci.note,
    hourlyPay: { group: hourly.group, reference: hourly.reference },
    statement: hourlyStatement,
    bonus: {
      available: context.bonusDataGiven,
      ...bonus.core,
      bonusPay: { group: bonus.group, reference: bonus.reference },
      received,
      statement: bonusStatement,
    },
  };
}

/**
 * Quartile shares of the compared pair. Everyone with an hourly rate is ranked (the statutory population); each
 * quartile's share is taken over the reference and focus groups only, so the two add up to 100% as published gender
 * pay gap figures do, and people outside the pair (other genders, unknowns) are never shown by quartile.
 */
/** The compared pair's people in each quartile, and the pair's group too small for shares, if either is. */
function quartilePair<G extends string>(definition: PayGapDefinition<G>, counts: Readonly<Record<string, CategoryPay>>, policy: PayGapPolicy) {
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

function quartilesOf<G extends string>(
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

// ------------------------------------------------------------------------------------------------- the report

export function payGapReport(staff: readonly PayPerson[], options: PayGapOptions = {}): PayGapReport {
  const policy: PayGapPolicy = { ...DEFAULT_PAY_GAP_POLICY, ...options.policy };
  const ethnicityReference = options.ethnicityReference ?? 'white';
  const forSharing = options.forSharing ?? true;
  const includeBankOnly = options.includeBankOnly ?? true;
  const people = includeBankOnly ? staff : staff.filter((p) => !p.bankOnly);
  const bonusDataGiven = people.some((p) => p.bonusPay !== null);
  const context: Context = { policy, forSharing, bonusDataGiven };

  const evaluate = <G extends string>(definition: PayGapDefinition<G>) =>
    evaluateCharacteristic(definition, countPay(people, definition.categoryOf, definition.categories), context);

  const fullPay = people.filter((p) => p.fullPayRelevant);
  const withHourlyPay = fullPay.filter((p) => p.hourlyPay !== null).length;
  const bankOnly = staff.filter((p) => p.bankOnly).length;
  const population = {
    relevant: people.length,
    bankOnly: includeBankOnly ? bankOnly : 0,
    fullPayRelevant: fullPay.length,
    withHourlyPay,
    fullPayRelevantWithoutHourlyPay: fullPay.length - withHourlyPay,
    notFullPayRelevant: people.length - fullPay.length,
    bonusDataGiven,
    bonusRecipients: people.filter((p) => p.bonusPay !== null && p.bonusPay > 0).length,
  };

  const notes: string[] = [];
  if (includeBankOnly && bankOnly > 0) notes.push(`${bankOnly} bank-only staff are included: the regulations count every employee on the snapshot date.`);
  if (!includeBankOnly && bankOnly > 0) notes.push(`${bankOnly} bank-only staff are left out, as asked.`);
  if (population.notFullPayRelevant > 0) {
    notes.push(`${population.notFullPayRelevant} relevant employees were on reduced or nil pay because of leave (full_pay = no): ` +
      'they are left out of the hourly pay gaps and quartiles but counted for bonuses.');
  }
  if (population.fullPayRelevantWithoutHourlyPay > 0) {
    notes.push(`${population.fullPayRelevantWithoutHourlyPay} full-pay relevant employees have no hourly_pay and are left out of the hourly pay gaps and quartiles.`);
  }
  if (!bonusDataGiven) notes.push('The staff file gives no bonus pay (column bonus_pay), so there are no bonus figures.');
  else notes.push('A blank bonus_pay is read as no bonus paid.');

  return {
    settings: { ...policy, ethnicityReference, forSharing, includeBankOnly },
    population,
    gender: evaluate(GENDER_PAY_GAP),
    ethnicity: evaluate(ethnicityPayGap(ethnicityReference)),
    disability: evaluate(DISABILITY_PAY_GAP),
    intervals: INTERVAL_METHODS,
    notes,
  };
}
