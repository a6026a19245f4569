/**
 * The national figures in words, with no web: what each indicator's counts are called, and a figure's counts as a
 * phrase. Used by the national figures form and service, and by the comparisons page.
 */
import type { NationalIndicator } from '../../store/store.ts';

/** What each indicator's counts are, in words for labels (`label`) and for sentences (`phrase`). */
export interface IndicatorWords {
  readonly title: string;
  readonly people: string;
  readonly population: { readonly label: string; readonly phrase: string; readonly short: string };
  readonly events: { readonly label: string; readonly short: string };
}

export const INDICATOR_WORDS: Readonly<Record<NationalIndicator, IndicatorWords>> = {
  '2': {
    title: 'Appointment from shortlisting',
    people: 'applicants',
    population: { label: 'shortlisted', phrase: 'shortlisted', short: 'shortlisted' },
    events: { label: 'appointed from shortlisting', short: 'appointed' },
  },
  '3': {
    title: 'Entry into the formal disciplinary process',
    people: 'staff',
    population: { label: '(headcount)', phrase: 'in the headcount', short: 'staff' },
    events: { label: 'entering the formal disciplinary process', short: 'entering the formal disciplinary process' },
  },
  '4': {
    title: 'Non-mandatory training and continuing professional development',
    people: 'staff',
    population: { label: '(headcount)', phrase: 'in the headcount', short: 'staff' },
    events: { label: 'accessing non-mandatory training or continuing professional development', short: 'accessing non-mandatory training' },
  },
};

function count(n: number): string {
  return n.toLocaleString('en-GB');
}

/** "30,000 appointed of 200,000 shortlisted", "8,000 entering the formal disciplinary process of 900,000 staff". */
export function countsText(indicator: NationalIndicator, c: { events: number; population: number }): string {
  const w = INDICATOR_WORDS[indicator];
  return `${count(c.events)} ${w.events.short} of ${count(c.population)} ${w.population.short}`;
}
