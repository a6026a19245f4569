/**
 * Month-by-month versions of the annual ratio indicators, declared from the annual definitions so that orientation
 * (which group is the numerator) and polarity (is the event good or bad for the person) are never written twice,
 * and for any characteristic: each measure names the groups it compares (src/core/indicators/compared-groups.ts).
 * Each month has, for each of the two compared groups, a count of events among a population.
 *
 * WRES (White and ethnic minority people), indicators 2, 3 and 4:
 *
 * - recruitment (2): applicants appointed among those shortlisted, by the month of the application date;
 * - disciplinary (3): people entering a formal disciplinary investigation for the first time in the reporting year,
 *   by the month of that first entry, among the non-bank headcount at the end of the year;
 * - training (4): people starting their first non-mandatory course of the reporting year, by the month of that
 *   course, among the non-bank headcount at the end of the year.
 *
 * WDES (Disabled and non-disabled people), metrics 2 and 3 (wdes-monthly-measures.ts):
 *
 * - recruitment (2): as for WRES, by the applicant's disability;
 * - capability (3): people entering the formal capability process for the first time in the reporting year, by the
 *   month of that first entry, among the non-bank headcount at the end of the year.
 *
 * Counting each person in the month of their first event in the year means that the twelve months of a year add up
 * to the annual indicator's numerator.
 */
import { WRES_COMPARED, type WresCompared } from '../ethnicity/wres-characteristic.ts';
import type { ByGroup, ComparedGroups, GroupCounts } from '../indicators/compared-groups.ts';
import type { RatioDefinition } from '../indicators/definition.ts';
import { WRES_2, WRES_3, WRES_4 } from '../wres/definitions.ts';

export const MONTHLY_MEASURE_KEYS = ['recruitment', 'disciplinary', 'training'] as const;
export type MonthlyMeasureKey = (typeof MONTHLY_MEASURE_KEYS)[number];

/** How the focus group's rate is shown: a percentage, or per 1,000 people for rare events. */
export type MonthlyRateUnit = 'pct' | 'per1000';

/**
 * The records a measure counts month by month: shortlisted applications (events: appointed), or people with their
 * first event of the year in a month (disciplinary, non-mandatory training, capability) among the year's headcount.
 */
export type MonthlySource = 'applications' | 'disciplinary' | 'training' | 'capability';

/** The annual counts a measure adds up to (a key of WresCounts or WdesCounts). */
export type AnnualCountsKey = 'appointment' | 'disciplinary' | 'training' | 'capability';

export interface MonthlyMeasure<C extends string = WresCompared, K extends string = MonthlyMeasureKey> {
  readonly key: K;
  /** The two groups compared, with their words. */
  readonly groups: ComparedGroups<C>;
  /** The annual indicator this measure follows month by month. */
  readonly definition: RatioDefinition<string>;
  readonly source: MonthlySource;
  /** The annual counts the months of a year add up to, as stored for the standard. */
  readonly annual: AnnualCountsKey;
  /** The file whose absence leaves a year out: "applications", "capability". */
  readonly file: string;
  /** Page title: "Monthly recruitment". */
  readonly title: string;
  readonly rateUnit: MonthlyRateUnit;
  /** Column heading for the population of a group: "shortlisted", "headcount". */
  readonly populationHeading: string;
  /** Column heading for the events of a group: "appointed", "entering". */
  readonly eventsHeading: string;
  /** The people the population counts, for "No White …": "shortlisted applicants", "staff". */
  readonly populationNoun: string;
  /** Heading of the rate series: "Ethnic minority appointment rate". */
  readonly rateHeading: string;
  /** One sentence on what the rate is, for the page. */
  readonly rateIntro: string;
}

export const MONTHLY_MEASURES: Readonly<Record<MonthlyMeasureKey, MonthlyMeasure>> = {
  recruitment: {
    key: 'recruitment',
    groups: WRES_COMPARED,
    definition: WRES_2,
    source: 'applications',
    annual: 'appointment',
    file: 'applications',
    title: 'Monthly recruitment',
    rateUnit: 'pct',
    populationHeading: 'shortlisted',
    eventsHeading: 'appointed',
    populationNoun: 'shortlisted applicants',
    rateHeading: 'Ethnic minority appointment rate',
    rateIntro: 'Each month, the percentage of ethnic minority shortlisted applicants who were appointed.',
  },
  disciplinary: {
    key: 'disciplinary',
    groups: WRES_COMPARED,
    definition: WRES_3,
    source: 'disciplinary',
    annual: 'disciplinary',
    file: 'disciplinary',
    title: 'Monthly entries into the formal disciplinary process',
    rateUnit: 'per1000',
    populationHeading: 'headcount',
    eventsHeading: 'entering',
    populationNoun: 'staff',
    rateHeading: 'Ethnic minority entry rate',
    rateIntro: 'Each month, ethnic minority staff entering a formal disciplinary investigation for the first time in the year, per 1,000 ethnic minority staff.',
  },
  training: {
    key: 'training',
    groups: WRES_COMPARED,
    definition: WRES_4,
    source: 'training',
    annual: 'training',
    file: 'training',
    title: 'Monthly take-up of non-mandatory training',
    rateUnit: 'pct',
    populationHeading: 'headcount',
    eventsHeading: 'starting training',
    populationNoun: 'staff',
    rateHeading: 'Ethnic minority training take-up',
    rateIntro: 'Each month, the percentage of ethnic minority staff starting their first non-mandatory course or continuing professional development of the year.',
  },
};

export function isMonthlyMeasureKey(value: unknown): value is MonthlyMeasureKey {
  return typeof value === 'string' && (MONTHLY_MEASURE_KEYS as readonly string[]).includes(value);
}

/**
 * One calendar month's events and population for the two compared groups, under the groups' names: `white` and
 * `ethnicMinority` for WRES, `nonDisabled` and `disabled` for WDES.
 */
export type MonthlyCounts<C extends string = WresCompared> = { readonly month: string } & GroupCounts<C>;

/** One number per compared group, e.g. the year's headcount of each. */
export type MonthlyPopulation<C extends string = WresCompared> = ByGroup<C, number>;

/**
 * Whether a higher value is better, for the statistical process control direction. The relative likelihood is
 * oriented so that above 1 means the focus group (ethnic minority or Disabled people) fares worse for every measure,
 * so lower is always better; the focus group's rate is better higher for a favourable event and lower for an
 * adverse one.
 */
export function rateDirection(measure: Pick<MonthlyMeasure<string, string>, 'definition'>): 'increase' | 'decrease' {
  return measure.definition.event === 'favourable' ? 'increase' : 'decrease';
}
