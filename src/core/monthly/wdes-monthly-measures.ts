/**
 * Month-by-month versions of WDES metrics 2 and 3, Disabled against non-disabled people, declared from the annual
 * definitions as the WRES measures are (monthly-measures.ts):
 *
 * - recruitment (2): applicants appointed among those shortlisted, by the month of the application date and the
 *   applicant's disability;
 * - capability (3): people entering the formal capability process for the first time in the reporting year, by the
 *   month of that first entry, among the non-bank headcount at the end of the year. The annual metric also gives a
 *   two-year figure; the months are the single year's, as for WRES indicator 3.
 */
import { WDES_COMPARED, type WdesCompared } from '../disability/characteristic.ts';
import { WDES_2, WDES_3 } from '../wdes/definitions.ts';
import type { MonthlyMeasure } from './monthly-measures.ts';

export const WDES_MONTHLY_MEASURE_KEYS = ['recruitment', 'capability'] as const;
export type WdesMonthlyMeasureKey = (typeof WDES_MONTHLY_MEASURE_KEYS)[number];

export type WdesMonthlyMeasure = MonthlyMeasure<WdesCompared, WdesMonthlyMeasureKey>;

export const WDES_MONTHLY_MEASURES: Readonly<Record<WdesMonthlyMeasureKey, WdesMonthlyMeasure>> = {
  recruitment: {
    key: 'recruitment',
    groups: WDES_COMPARED,
    definition: WDES_2,
    source: 'applications',
    annual: 'appointment',
    file: 'applications',
    title: 'Monthly recruitment by disability',
    rateUnit: 'pct',
    populationHeading: 'shortlisted',
    eventsHeading: 'appointed',
    populationNoun: 'shortlisted applicants',
    rateHeading: 'Appointment rate of Disabled applicants',
    rateIntro: 'Each month, the percentage of Disabled shortlisted applicants who were appointed.',
  },
  capability: {
    key: 'capability',
    groups: WDES_COMPARED,
    definition: WDES_3,
    source: 'capability',
    annual: 'capability',
    file: 'capability',
    title: 'Monthly entries into the formal capability process',
    rateUnit: 'per1000',
    populationHeading: 'headcount',
    eventsHeading: 'entering',
    populationNoun: 'staff',
    rateHeading: 'Entry rate of Disabled staff',
    rateIntro: 'Each month, Disabled staff entering the formal capability process for the first time in the year, per 1,000 Disabled staff.',
  },
};

export function isWdesMonthlyMeasureKey(value: unknown): value is WdesMonthlyMeasureKey {
  return typeof value === 'string' && (WDES_MONTHLY_MEASURE_KEYS as readonly string[]).includes(value);
}
