/**
 * The equations a reader knows between a monthly series download and the yearly reports: the months of a reporting
 * year add up to the year's counts (events, and for recruitment the shortlisted too), less those no month can hold
 * (leavers not in the staff file, applications without a date), which a reader is taken to know; where a month's
 * population is the year's headcount (disciplinary entries, training), it is the yearly report's. Read from the
 * download as published beside the series' true counts.
 */
import type { MonthlyCounts } from '../../src/core/monthly/monthly-measures.ts';
import { attack, DisclosureModel, type Disclosure } from './differencing.ts';

type Csv = Record<string, string>;

export interface YearCounts {
  readonly white: { readonly events: number; readonly population: number };
  readonly ethnicMinority: { readonly events: number; readonly population: number };
}

function reportingYearOf(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m >= 4 ? year + 1 : year;
}

/**
 * `rows`: the download, one row per series per month; `truth`: the months' counts; `yearly(year)`: the yearly
 * report's counts of the indicator (published); `headcount`: whether each month's population is the year's headcount.
 */
export function auditMonthly(measure: string, rows: readonly Csv[], truth: readonly MonthlyCounts[], yearly: (year: number) => YearCounts, headcount: boolean): Disclosure[] {
  const model = new DisclosureModel();
  const columns = Object.keys(rows[0] ?? {});
  const [whiteEvents, whitePeople, minorityEvents, minorityPeople] = columns.slice(3, 7) as [string, string, string, string];
  const byYear = new Map<number, MonthlyCounts[]>();
  for (const month of truth) byYear.set(reportingYearOf(month.month), [...(byYear.get(reportingYearOf(month.month)) ?? []), month]);
  for (const [year, months] of byYear) {
    const annual = yearly(year);
    for (const [group, eventsColumn, peopleColumn] of [['white', whiteEvents, whitePeople], ['ethnicMinority', minorityEvents, minorityPeople]] as const) {
      const parts: Record<'events' | 'people', string[]> = { events: [], people: [] };
      for (const m of months) {
        const shown = rows.filter((r) => r['month'] === m.month);
        if (shown.length === 0) throw new Error(`${measure}: the download has no row for ${m.month}`);
        const cell = (column: string) => {
          const values = new Set(shown.map((r) => r[column]));
          if (values.size !== 1) throw new Error(`${measure} ${m.month}: the two series disagree on ${column}`);
          const text = [...values][0]!;
          return text === '' ? null : Number(text);
        };
        const name = `${measure}/${m.month}/${group}`;
        model.observe(`${name}.events`, cell(eventsColumn), m[group].events);
        model.observe(`${name}.people`, cell(peopleColumn), m[group].population);
        model.observe(`${name}.without`, cell(peopleColumn) === null ? null : cell(peopleColumn)! - cell(eventsColumn)!, m[group].population - m[group].events);
        model.equation([[`${name}.people`, 1], [`${name}.events`, -1], [`${name}.without`, -1]]);
        parts.events.push(`${name}.events`);
        parts.people.push(`${name}.people`);
        if (headcount) {
          model.publish(`${measure}/${year}/${group}.headcount`, annual[group].population);
          model.same(`${name}.people`, `${measure}/${year}/${group}.headcount`);
        }
      }
      for (const kind of headcount ? (['events'] as const) : (['events', 'people'] as const)) {
        const total = kind === 'events' ? annual[group].events : annual[group].population;
        const inMonths = months.reduce((n, m) => n + (kind === 'events' ? m[group].events : m[group].population), 0);
        model.publish(`${measure}/${year}/${group}.${kind}`, total);
        model.publish(`${measure}/${year}/${group}.${kind} in no month`, total - inMonths);
        model.equation([[`${measure}/${year}/${group}.${kind}`, -1], [`${measure}/${year}/${group}.${kind} in no month`, 1], ...parts[kind].map((p): [string, number] => [p, 1])]);
      }
    }
  }
  return [...attack(model).disclosures];
}
