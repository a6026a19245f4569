/** The hourly and bonus pay gaps between one set and the reference, with their intervals, reasons and statements. */
import type { Interval } from '../../stats/normal.ts';
import { wilsonInterval } from '../../stats/wilson-interval.ts';
import type { SetText } from '../definitions.ts';
import { gapPct, meanGapInterval, summarisePay, type MeanGapIntervalNote } from '../pay-statistics.ts';
import { bonusShareSentence, capitalise, gapSentence, intervalSentence } from '../wording.ts';
import type { PayGapPolicy } from './policy.ts';
import type { Pool } from './counting.ts';
import type { BonusShare, GapCore, GapFields, Measure, PayFigures, PayGapReason } from './results.ts';
import { POPULATION_WORDS, type Comparand, type Context, type DeclaredSet, type Kind } from './context.ts';

export function reasonText(reason: PayGapReason, kind: Kind, group: SetText, reference: SetText, policy: PayGapPolicy): string {
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

export function gapFields(
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
