/**
 * Month-by-month versions of the WRES ratio indicators 2, 3 and 4, declared from the annual definitions so that
 * orientation (which group is the numerator) and polarity (is the event good or bad for the person) are never
 * written twice. Each month has, for White and for ethnic minority people, a count of events among a population:
 *
 * - recruitment (2): applicants appointed among those shortlisted, by the month of the application date;
 * - disciplinary (3): people entering a formal disciplinary investigation for the first time in the reporting year,
 *   by the month of that first entry, among the non-bank headcount at the end of the year;
 * - training (4): people starting their first non-mandatory course of the reporting year, by the month of that
 *   course, among the non-bank headcount at the end of the year.
 *
 * Counting each person in the month of their first event in the year means that the twelve months of a year add up
 * to the annual indicator's numerator.
 */
import type { WresGroup } from '../ethnicity/classifications.ts';
import type { RatioDefinition } from '../indicators/definition.ts';
import type { EventCount } from '../stats/relative-likelihood.ts';
import { WRES_2, WRES_3, WRES_4 } from '../wres/definitions.ts';

export const MONTHLY_MEASURE_KEYS = ['recruitment', 'disciplinary', 'training'] as const;
export type MonthlyMeasureKey = (typeof MONTHLY_MEASURE_KEYS)[number];

/** How the ethnic minority rate is shown: a percentage, or per 1,000 people for rare events. */
export type MonthlyRateUnit = 'pct' | 'per1000';

export interface MonthlyMeasure {
  readonly key: MonthlyMeasureKey;
  /** The annual indicator this measure follows month by month. */
  readonly definition: RatioDefinition<WresGroup>;
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
    definition: WRES_2,
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
    definition: WRES_3,
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
    definition: WRES_4,
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

/** One calendar month's events and population for the two compared groups. */
export interface MonthlyCounts {
  /** Calendar month, YYYY-MM. */
  readonly month: string;
  readonly white: EventCount;
  readonly ethnicMinority: EventCount;
}

/**
 * Whether a higher value is better, for the statistical process control direction. The relative likelihood is
 * oriented so that above 1 means ethnic minority people fare worse for all three, so lower is always better; the
 * ethnic minority rate is better higher for a favourable event and lower for an adverse one.
 */
export function rateDirection(measure: MonthlyMeasure): 'increase' | 'decrease' {
  return measure.definition.event === 'favourable' ? 'increase' : 'decrease';
}
