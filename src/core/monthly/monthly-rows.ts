/**
 * From monthly counts to the figures of a monthly series: the relative likelihood (Katz interval) and the focus
 * group's rate (ethnic minority or Disabled people; Wilson interval), each with the reason when a month has no
 * figure, and the months of a reporting year filled in so that a month with no events is a zero, not a missing
 * point. Written once for any pair of compared groups: each measure names its own.
 */
import { WRES_COMPARED, type WresCompared } from '../ethnicity/wres-characteristic.ts';
import { byGroup, groupsInOrder, type ByGroup, type ComparedGroups } from '../indicators/compared-groups.ts';
import { DEFAULT_DISCLOSURE_POLICY, isDisclosive, type DisclosurePolicy } from '../stats/disclosure.ts';
import type { Interval } from '../stats/normal.ts';
import { groupRate, relativeLikelihood, type EventCount, type UndefinedReason } from '../stats/relative-likelihood.ts';
import type { ReportingPeriod } from '../wres/reporting-period.ts';
import type { MonthlyCounts, MonthlyMeasure, MonthlyPopulation } from './monthly-measures.ts';
import { protectByDifferencing, variable, type Cell, type Term } from '../indicators/differencing.ts';

/** A month's figure; the counts behind it are under the compared groups' names, null when withheld. */
export type MonthlyRow<C extends string = WresCompared> = MonthlyFigure & ByGroup<C, EventCount | null>;

export interface MonthlyFigure {
  readonly month: string;
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
 * from `population` (the year's headcount for disciplinary, training and capability, nobody for recruitment) and no
 * events. Counts for months outside the period are an error in the caller, so they throw. `groups` names the
 * compared groups (WRES's by default).
 */
export function fillMonths<C extends string = WresCompared>(
  period: ReportingPeriod,
  counts: readonly MonthlyCounts<NoInfer<C>>[],
  population: MonthlyPopulation<NoInfer<C>> | null = null,
  groups: ComparedGroups<C> = WRES_COMPARED as unknown as ComparedGroups<C>,
): MonthlyCounts<C>[] {
  const months = monthsOf(period);
  const byMonth = new Map(counts.map((c) => [c.month, c]));
  for (const month of byMonth.keys()) {
    if (!months.includes(month)) throw new RangeError(`Month ${month} is outside the reporting year ${period.start} to ${period.end}`);
  }
  return months.map((month) => byMonth.get(month) ?? {
    month,
    ...byGroup(groups, (g) => (population ? { events: 0, population: population[g] } : NO_COUNT)),
  } as MonthlyCounts<C>);
}

/** Why a month has no relative likelihood, in words built from the indicator's own wording. */
function ratioReason<C extends string>(measure: MonthlyMeasure<C, string>, reason: UndefinedReason, c: MonthlyCounts<C>): string {
  const { groups, definition } = measure;
  const numeratorGroup = definition.numeratorGroup as C;
  const denominatorGroup = definition.denominatorGroup as C;
  if (groupsInOrder(groups).every((g) => c[g].population === 0)) return `No ${measure.populationNoun}`;
  if (reason === 'noNumeratorPopulation') return `No ${groups.adjective(numeratorGroup)} ${measure.populationNoun}`;
  if (reason === 'noDenominatorPopulation') return `No ${groups.adjective(denominatorGroup)} ${measure.populationNoun}`;
  return `No ${groups.adjective(denominatorGroup)} ${definition.wording.people} ${definition.wording.eventPast}`;
}

/** The month's counts as a row carries them, under the compared groups' names. */
function countsOf<C extends string>(groups: ComparedGroups<C>, c: MonthlyCounts<C>): ByGroup<C, EventCount> {
  return byGroup(groups, (g) => c[g]);
}

function compared<C extends string>(groups: ComparedGroups<C>, group: string): C {
  if (group !== groups.focus && group !== groups.reference) throw new Error(`${group} is not one of the groups ${groups.standard} compares`);
  return group as C;
}

/**
 * The relative likelihood as the annual indicator orients it (WRES 2 and 4: White rate ÷ ethnic minority rate;
 * WRES 3: ethnic minority rate ÷ White rate; WDES 2: non-disabled rate ÷ Disabled rate; WDES 3: Disabled rate ÷
 * non-disabled rate), with its Katz 95% interval.
 *
 * Worked example (recruitment): 10 White shortlisted, 5 appointed; 10 ethnic minority shortlisted, 2 appointed →
 * 0.5 ÷ 0.2 = 2.5. With no ethnic minority applicant appointed there is no figure: "No ethnic minority applicants
 * were appointed from shortlisting".
 */
export function relativeLikelihoodRow<C extends string>(
  measure: MonthlyMeasure<C, string>,
  c: MonthlyCounts<C>,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): MonthlyRow<C> {
  const { groups, definition } = measure;
  const estimate = relativeLikelihood(c[compared(groups, definition.numeratorGroup)], c[compared(groups, definition.denominatorGroup)]);
  const smallNumbers = Math.min(...groupsInOrder(groups).map((g) => c[g].events)) < policy.smallNumberEvents;
  const base = { month: c.month, ...countsOf(groups, c), withheld: false, smallNumbers };
  if (estimate.value === null) {
    return { ...base, value: null, ci95: null, reason: ratioReason(measure, estimate.undefinedReason ?? 'noDenominatorEvents', c) } as MonthlyRow<C>;
  }
  return { ...base, value: estimate.value, ci95: estimate.ci95, reason: null } as MonthlyRow<C>;
}

/** The factor from a proportion to the unit shown. */
function rateScale(measure: Pick<MonthlyMeasure<string, string>, 'rateUnit'>): number {
  return measure.rateUnit === 'per1000' ? 1000 : 100;
}

/**
 * The focus group's rate (ethnic minority or Disabled people) in the measure's unit, with its Wilson 95% interval.
 *
 * Worked example: 4 of 2,000 ethnic minority staff entering the disciplinary process in a month is 2.0 per 1,000
 * (interval 0.78 to 5.13 per 1,000); 1 of 4 shortlisted applicants appointed is 25%.
 */
export function focusRateRow<C extends string>(
  measure: MonthlyMeasure<C, string>,
  c: MonthlyCounts<C>,
  policy: DisclosurePolicy = DEFAULT_DISCLOSURE_POLICY,
): MonthlyRow<C> {
  const { groups } = measure;
  const focus = c[groups.focus];
  const smallNumbers = focus.events < policy.smallNumberEvents;
  const base = { month: c.month, ...countsOf(groups, c), withheld: false, smallNumbers };
  const rate = groupRate(focus);
  if (rate.rate === null) return { ...base, value: null, ci95: null, reason: `No ${groups.adjective(groups.focus)} ${measure.populationNoun}` } as MonthlyRow<C>;
  const scale = rateScale(measure);
  return { ...base, value: rate.rate * scale, ci95: rate.ci95 ? [rate.ci95[0] * scale, rate.ci95[1] * scale] : null, reason: null } as MonthlyRow<C>;
}

/** WRES's name for the focus group's rate: the ethnic minority rate. */
export const ethnicMinorityRateRow: typeof focusRateRow = focusRateRow;

/** The reporting year (April to March) a calendar month is in: 2024-04 … 2025-03 → 2025. */
function reportingYearOf(month: string): number {
  const [year, m] = month.split('-').map(Number) as [number, number];
  return m >= 4 ? year + 1 : year;
}

/**
 * Disclosure control for anyone but the organisation's analysts, and for every download: a month resting on 1 to
 * minimumCellSize − 1 people in any count (events, population, or population without the event, in either group) is
 * withheld whole. Its figure becomes a gap and its counts are not shown, so no figure can give the count away.
 *
 * The months of a reporting year add up to the year's own counts, which the yearly report publishes; so if a single
 * month were withheld, the year less the months shown would give it away. Within each year, months are withheld
 * until no small count can be worked out (the differencing attack of src/core/indicators/differencing.ts), the
 * fewest events first. Where each month's population is the year's headcount (disciplinary entries, training), the
 * population is published anyway and only the events are in question. Every withheld month says the same, so a
 * reader cannot tell a month withheld for its own small count from one withheld for another's. `groups` names the
 * compared groups (WRES's by default).
 */
export function withholdSmallMonths<C extends string = WresCompared>(
  rows: readonly MonthlyRow<NoInfer<C>>[],
  policy: DisclosurePolicy,
  groups: ComparedGroups<C> = WRES_COMPARED as unknown as ComparedGroups<C>,
): MonthlyRow<C>[] {
  const small = (n: number) => isDisclosive(n, policy);
  const names = groupsInOrder(groups);
  const of = (r: MonthlyRow<C>, g: C): EventCount | null => r[g] as EventCount | null;
  const withheld = new Set<number>();
  const byYear = new Map<number, number[]>();
  for (const [i, r] of rows.entries()) byYear.set(reportingYearOf(r.month), [...(byYear.get(reportingYearOf(r.month)) ?? []), i]);
  for (const indices of byYear.values()) {
    const constantPeople = names.every((g) => indices.every((i) => of(rows[i]!, g)?.population === of(rows[indices[0]!]!, g)?.population));
    const cells = new Map<string, Cell>();
    const equations: Term[][] = [];
    const cellNames = names.flatMap((g) => (constantPeople ? [`${g}.events`] : [`${g}.events`, `${g}.people`, `${g}.without`]));
    const valuesOf = (r: MonthlyRow<C>): Record<string, number> => Object.fromEntries(names.flatMap((g) => {
      const c = of(r, g) ?? { events: 0, population: 0 };
      return [[`${g}.events`, c.events], [`${g}.people`, c.population], [`${g}.without`, c.population - c.events]] as [string, number][];
    }).filter(([name]) => cellNames.includes(name)));
    for (const i of indices) {
      const r = rows[i]!;
      const values = valuesOf(r);
      const primary = names.some((g) => {
        const c = of(r, g);
        return c !== null && [c.events, c.population, c.population - c.events].some(small);
      });
      cells.set(String(i), { values, state: primary ? 'withheld' : 'shown', size: Object.values(values).reduce((a, b) => a + b, 0) });
    }
    const year: Record<string, number> = Object.fromEntries(cellNames.map((name) => [name, indices.reduce((n, i) => n + cells.get(String(i))!.values[name]!, 0)]));
    cells.set('year', { values: year, state: 'fixed', size: 0 });
    for (const name of cellNames) equations.push([[variable('year', name), -1], ...indices.map((i): Term => [variable(String(i), name), 1])]);
    if (!constantPeople) {
      for (const id of cells.keys()) {
        for (const g of names) equations.push([[variable(id, `${g}.people`), 1], [variable(id, `${g}.events`), -1], [variable(id, `${g}.without`), -1]]);
      }
    }
    for (const id of protectByDifferencing(cells, equations, small).withheld) withheld.add(Number(id));
  }
  const reason = `Withheld: fewer than ${policy.minimumCellSize} people in a count, here or in a month it would let be worked out`;
  return rows.map((r, i) => (withheld.has(i)
    ? { ...r, ...byGroup(groups, () => null), value: null, ci95: null, withheld: true, smallNumbers: false, reason } as MonthlyRow<C>
    : r));
}
