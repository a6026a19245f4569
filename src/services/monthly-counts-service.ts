/**
 * The monthly counts of a measure for an organisation, from the current import of every loaded year up to the one
 * asked for, oldest first, each year restricted to its own reporting period so that no month is counted twice. A
 * series of two or more years has enough months for statistical process control limits, which one year (12 months)
 * barely has. Any characteristic: the store counts by recorded category (ethnic code, disability answer) and the
 * measure's compared groups roll the categories up (WRES: White and ethnic minority; WDES: non-disabled and Disabled).
 */
import type { RatioCounts } from '../core/counting/people-and-events.ts';
import type { ComparedGroups } from '../core/indicators/compared-groups.ts';
import type { MonthlyCounts, MonthlyMeasure, MonthlyPopulation } from '../core/monthly/monthly-measures.ts';
import { fillMonths } from '../core/monthly/monthly-rows.ts';
import type { EventCount } from '../core/stats/relative-likelihood.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import type { ImportVersion, MonthlyCharacteristic, Store } from '../store/store.ts';
import { computedCache } from './computed-cache.ts';

export interface MonthlyYear {
  readonly year: number;
  /** Whether the year's months are in the series. */
  readonly included: boolean;
  /** Why a year is left out, in words; null when it is included. */
  readonly reason: string | null;
}

export interface MonthlySeriesCounts<C extends string = 'white' | 'ethnicMinority'> {
  readonly months: readonly MonthlyCounts<C>[];
  readonly years: readonly MonthlyYear[];
}

/** The annual counts a measure's months add up to, as the import stored them for the measure's standard. */
async function annualCounts(store: Store, versionId: number, measure: MonthlyMeasure<string, string>): Promise<RatioCounts | null> {
  const standard = measure.groups.standard;
  const counts = (await store.imports.standardCountsOf(versionId, standard.toLowerCase())) as Record<string, unknown> | null;
  return (counts?.[measure.annual] as RatioCounts | null | undefined) ?? null;
}

/** Each compared group's total of a per-category count; categories of neither group (unknown) are left out. */
function rollUp<C extends string, V, T>(groups: ComparedGroups<C>, categories: Readonly<Record<string, V>>, add: (total: T, next: V) => T, zero: T): { readonly totals: Record<C, T>; readonly any: boolean } {
  const totals = { [groups.reference]: zero, [groups.focus]: zero } as Record<C, T>;
  let any = false;
  for (const [category, value] of Object.entries(categories)) {
    const group = groups.groupOf(category);
    if (!group) continue;
    any = true;
    totals[group] = add(totals[group], value);
  }
  return { totals, any };
}

const addNumbers = (a: number, b: number) => a + b;

/** One year's twelve months of counts, or the reason it has none. */
async function yearCounts<C extends string>(store: Store, version: ImportVersion, year: number, measure: MonthlyMeasure<C, string>): Promise<MonthlyCounts<C>[] | string> {
  const { groups } = measure;
  const period = reportingPeriod(year);
  const characteristic = groups.id as MonthlyCharacteristic;
  const ratio = await annualCounts(store, version.id, measure);
  if (!ratio) return `no ${measure.file} file was loaded`;
  if (measure.source === 'applications') {
    const byMonth = await store.imports.monthlyAppointmentsBy(version.id, characteristic, period);
    const months = byMonth.flatMap(({ month, categories }): MonthlyCounts<C>[] => {
      const { totals, any } = rollUp(groups, categories, (a, b) => ({ shortlisted: a.shortlisted + b.shortlisted, appointed: a.appointed + b.appointed }), { shortlisted: 0, appointed: 0 });
      if (!any) return [];
      const counts = (g: C): EventCount => ({ events: totals[g].appointed, population: totals[g].shortlisted });
      return [{ month, [groups.reference]: counts(groups.reference), [groups.focus]: counts(groups.focus) } as MonthlyCounts<C>];
    });
    // A file without dates has applicants but no months: leave the year out rather than show twelve empty months.
    if (months.length === 0) return `no ${groups.adjective(groups.reference)} or ${groups.adjective(groups.focus)} application in the file has a date in the year`;
    return fillMonths(period, months, null, groups);
  }
  const kind = measure.source;
  const rows = version.sources.find((s) => s.kind === kind)?.rows ?? 0;
  if (rows > 0 && (await store.imports.eventRecordCount(version.id, kind)) === 0) {
    return `it was imported before Mirror kept the ${measure.file} file’s rows; import the year again for its months`;
  }
  // The population is the year's non-bank headcount, as for the annual indicator, the same in every month.
  const population: MonthlyPopulation<C> = rollUp(groups, ratio.overall, (total: number, c: EventCount) => total + c.population, 0).totals;
  const byMonth = await store.imports.monthlyFirstEventsBy(version.id, kind, characteristic, period);
  const months = byMonth.flatMap(({ month, categories }): MonthlyCounts<C>[] => {
    const { totals, any } = rollUp(groups, categories, addNumbers, 0);
    if (!any) return [];
    const counts = (g: C): EventCount => ({ events: totals[g], population: population[g] });
    return [{ month, [groups.reference]: counts(groups.reference), [groups.focus]: counts(groups.focus) } as MonthlyCounts<C>];
  });
  return fillMonths(period, months, population, groups);
}

/**
 * A year's months as yearCounts reads them, kept in the store's computed cache (computed-cache.ts) under the
 * version's id, the year and the measure: a new import of the year is a new version, so a new entry.
 */
function cachedYearCounts<C extends string>(store: Store, version: ImportVersion, year: number, measure: MonthlyMeasure<C, string>): Promise<MonthlyCounts<C>[] | string> {
  const key = JSON.stringify(['monthly', version.id, year, measure.groups.standard, measure.groups.id, measure.key]);
  return computedCache(store).get(key, () => yearCounts(store, version, year, measure));
}

/**
 * The months of the latest unbroken run of years ending with `upToYear`: a year that is not loaded, or has no
 * monthly counts, ends the run, because a chart's consecutive points must be consecutive months. Every loaded year
 * up to `upToYear` is listed with whether it is in and why not.
 */
export async function monthlyCountsFor<C extends string, K extends string>(
  store: Store, organisationId: number, upToYear: number, measure: MonthlyMeasure<C, K>,
): Promise<MonthlySeriesCounts<C>> {
  const loaded = new Set((await store.organisations.years(organisationId)).filter((y) => y <= upToYear));
  const runs: MonthlyCounts<C>[][] = [];
  const years: MonthlyYear[] = [];
  let broken: string | null = null;
  for (const year of [...loaded].sort((a, b) => b - a)) {
    if (broken) {
      years.push({ year, included: false, reason: `${broken}, so its months would not run on to the later ones` });
      continue;
    }
    const version = await store.imports.current(organisationId, year);
    const result = version ? await cachedYearCounts(store, version, year, measure) : 'no import is current';
    if (typeof result === 'string') {
      years.push({ year, included: false, reason: result });
      broken = `${year} has no monthly figures`;
    } else {
      runs.unshift(result);
      years.push({ year, included: true, reason: null });
      if (!loaded.has(year - 1)) broken = `${year - 1} is not loaded`;
    }
  }
  return { months: runs.flat(), years: years.reverse() };
}
