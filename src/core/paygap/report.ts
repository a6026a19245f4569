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
import type { PayPerson } from './pay-person.ts';
import { DISABILITY_PAY_GAP, ethnicityPayGap, GENDER_PAY_GAP, type PayGapDefinition } from './definitions.ts';
import { DEFAULT_PAY_GAP_POLICY, type PayGapOptions, type PayGapPolicy } from './report/policy.ts';
import { countPay } from './report/counting.ts';
import { INTERVAL_METHODS, type PayGapReport } from './report/results.ts';
import type { Context } from './report/context.ts';
import { evaluateCharacteristic } from './report/characteristic.ts';
// The report's parts are in report/: its settings (policy), counting, the shape of its results, one characteristic's
// evaluation (characteristic, context), the hourly and bonus gaps (gaps) and quartile shares. What this module has
// always exported, it still exports.
export { DEFAULT_PAY_GAP_POLICY, type PayGapOptions, type PayGapPolicy } from './report/policy.ts';
export { countPay, type CategoryPay } from './report/counting.ts';
export {
  INTERVAL_METHODS, type BonusGap, type BonusShare, type CharacteristicPayGap, type ComparisonLevel, type CountsRow,
  type GapFields, type PayComparison, type PayFigures, type PayGapReason, type PayGapReport, type PayQuartiles,
  type PeopleCounts, type QuartileGroup, type StatedRate,
} from './report/results.ts';

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
