/**
 * From monthly counts to the figures of a monthly series: the relative likelihood (Katz interval) and the ethnic
 * minority rate (Wilson interval), each with the reason when a month has no figure, and the months of a reporting
 * year filled in so that a month with no events is a zero, not a missing point.
 */
import { WRES_ETHNICITY } from '../ethnicity/wres-characteristic.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import { groupRate, relativeLikelihood, type EventCount, type UndefinedReason } from '../stats/relative-likelihood.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';
import type { MonthlyCounts, MonthlyMeasure } from './monthly-measures.ts';

export interface MonthlyRow {
  readonly month: string;
  /** The counts behind the figure; null for a group whose counts are withheld. */
  readonly white: EventCount | null;
  readonly ethnicMinority: EventCount | null;
  /** The figure in the unit shown (ratio, percentage or per 1,000), or null with a reason. */
  readonly value: number | null;
  readonly ci95: Interval | null;
  readonly reason: string | null;
  /** True when disclosure control withheld the month's counts and figure. */
  readonly withheld: boolean;
  /** Fewer than the policy's small-number threshold of events behind the figure: unstable, read with care. */
  readonly smallNumbers: boolean;
}

const NO_COUNT: EventCount = Object.freeze({ events: 0, population: 0 });

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** The twelve calendar months of a reporting year, April to March: 2025 → 2024-04 … 2025-03. */
export function monthsOf(period: ReportingPeriod): string[] {
  const months: string[] = [];
  for (let month = period.start.slice(0, 7); month <= period.end.slice(0, 7); month = nextMonth(month)) months.push(month);
  return months;
}

/**
 * Every month of the period, in order, with the counts given for it; a month without counts gets the population
 * from `population(month)` (the year's headcount for disciplinary and training, nobody for recruitment) and no events.
 * Counts for months outside the period are an error in the caller, so they throw.
 */
export function fillMonths(
  period: ReportingPeriod,
  counts: readonly MonthlyCounts[],
  population: { readonly white: number; readonly ethnicMinority: number } | null = null,
): MonthlyCounts[] {
  const months = monthsOf(period);
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  for (const month of byMonth.keys()) {
    if (!months.includes(month)) throw new RangeError(`Month ${month} is outside the reporting year ${period.start} to ${period.end}`);
  }
  return months.map((month) => byMonth.get(month) ?? {
    month,
    white: population ? { events: 0, population: population.white } : NO_COUNT,
    ethnicMinority: population ? { events: 0, population: population.ethnicMinority } : NO_COUNT,
  });
}

function adjective(group: 'white' | 'ethnicMinority'): string {
  return WRES_ETHNICITY.adjective(group);
}

/** Why a month has no relative likelihood, in words built from the indicator's own wording. */
function ratioReason(measure: MonthlyMeasure, reason: UndefinedReason, c: MonthlyCounts): string {
  const { numeratorGroup, denominatorGroup, wording } = measure.definition;
  if (c.white.population === 0 && c.ethnicMinority.population === 0) return `No ${measure.populationNoun}`;
  if (reason === 'noNumeratorPopulation') return `No ${adjective(numeratorGroup as 'white' | 'ethnicMinority')} ${measure.populationNoun}`;
  if (reason === 'noDenominatorPopulation') return `No ${adjective(denominatorGroup as 'white' | 'ethnicMinority')} ${measure.populationNoun}`;
  return `No ${adjective(denominatorGroup as 'white' | 'ethnicMinority')} ${wording.people} ${wording.eventPast}`;
}

/**
 * The relative likelihood as the annual indicator orients it (2 and 4: White rate ÷ ethnic minority rate; 3: ethnic
 * minority rate ÷ White rate), with its Katz 95% interval.
 *
 * Worked example (recruitment): 10 White shortlisted, 5 appointed; 10 ethnic minority shortlisted, 2 appointed →
 * 0.5 ÷ 0.2 = 2.5. With no ethnic minority applicant appointed there is no figure: "No ethnic minority applicants
 * were appointed from shortlisting".
 */
export function relativeLikelihoodRow(measure: MonthlyMeasure, c: MonthlyCounts, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): MonthlyRow {
  const { numeratorGroup, denominatorGroup } = measure.definition;
  const pick = (group: string): EventCount => (group === 'white' ? c.white : c.ethnicMinority);
  const estimate = relativeLikelihood(pick(numeratorGroup), pick(denominatorGroup));
  const smallNumbers = Math.min(c.white.events, c.ethnicMinority.events) < policy.smallNumberEvents;
  const base = { month: c.month, white: c.white, ethnicMinority: c.ethnicMinority, withheld: false, smallNumbers };
  if (estimate.value === null) {
    return { ...base, value: null, ci95: null, reason: ratioReason(measure, estimate.undefinedReason ?? 'noDenominatorEvents', c) };
  }
  return { ...base, value: estimate.value, ci95: estimate.ci95, reason: null };
}

/** The factor from a proportion to the unit shown. */
function rateScale(measure: MonthlyMeasure): number {
  return measure.rateUnit === 'per1000' ? 1000 : 100;
}

/**
 * The ethnic minority rate in the measure's unit, with its Wilson 95% interval.
 *
 * Worked example: 4 of 2,000 ethnic minority staff entering the disciplinary process in a month is 2.0 per 1,000
 * (interval 0.78 to 5.13 per 1,000); 1 of 4 shortlisted applicants appointed is 25%.
 */
export function ethnicMinorityRateRow(measure: MonthlyMeasure, c: MonthlyCounts, policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY): MonthlyRow {
  const smallNumbers = c.ethnicMinority.events < policy.smallNumberEvents;
  const base = { month: c.month, white: c.white, ethnicMinority: c.ethnicMinority, withheld: false, smallNumbers };
  const rate = groupRate(c.ethnicMinority);
  if (rate.rate === null) return { ...base, value: null, ci95: null, reason: `No ${adjective('ethnicMinority')} ${measure.populationNoun}` };
  const scale = rateScale(measure);
  return { ...base, value: rate.rate * scale, ci95: rate.ci95 ? [rate.ci95[0] * scale, rate.ci95[1] * scale] : null, reason: null };
}

/**
 * Disclosure control for anyone but the organisation's analysts, and for every download: a month resting on 1 to
 * minimumCellSize − 1 people in any count (events, population, or population without the event, in either group) is
 * withheld whole. Its figure becomes a gap and its counts are not shown, so no figure can give the count away.
 */
export function withholdSmallMonths(rows: readonly MonthlyRow[], policy: DisclosurePolicy): MonthlyRow[] {
  return rows.map((r) => {
    const cells = [r.white, r.ethnicMinority].flatMap((c) => (c ? [c.events, c.population, c.population - c.events] : []));
    if (!cells.some((n) => isDisclosive(n, policy))) return r;
    return { ...r, white: null, ethnicMinority: null, value: null, ci95: null, withheld: true, smallNumbers: false, reason: `Withheld: fewer than ${policy.minimumCellSize} people in a count` };
  });
}
