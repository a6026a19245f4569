/**
 * The monthly counts of a measure for an organisation, from the current import of every loaded year up to the one
 * asked for, oldest first, each year restricted to its own reporting period so that no month is counted twice. A
 * series of two or more years has enough months for statistical process control limits, which one year (12 months)
 * barely has.
 */
import { WRES_ETHNICITY } from '../core/ethnicity/wres-characteristic.ts';
import { sumByGroup } from '../core/indicators/characteristic.ts';
import type { MonthlyCounts, MonthlyMeasure } from '../core/monthly/monthly-measures.ts';
import { fillMonths } from '../core/monthly/monthly-rows.ts';
import { reportingPeriod } from '../core/wres/reporting-period.ts';
import type { WresCounts } from '../core/wres/count.ts';
import type { Store } from '../store/store.ts';

export interface MonthlyYear {
  readonly year: number;
  /** Whether the year's months are in the series. */
  readonly included: boolean;
  /** Why a year is left out, in words; null when it is included. */
  readonly reason: string | null;
}

export interface MonthlySeriesCounts {
  readonly months: readonly MonthlyCounts[];
  readonly years: readonly MonthlyYear[];
}

const MISSING_FILE: Readonly<Record<MonthlyMeasure['key'], string>> = {
  recruitment: 'no applications file was loaded',
  disciplinary: 'no disciplinary file was loaded',
  training: 'no training file was loaded',
};

/** One year's twelve months of counts, or the reason it has none. */
async function yearCounts(store: Store, versionId: number, year: number, measure: MonthlyMeasure): Promise<MonthlyCounts[] | string> {
  const period = reportingPeriod(year);
  const counts = (await store.imports.standardCountsOf(versionId, 'wres')) as WresCounts | null;
  if (measure.key === 'recruitment') {
    if (!counts?.appointment) return MISSING_FILE.recruitment;
    const months = await store.imports.monthlyAppointments(versionId, period);
    // A file without dates has applicants but no months: leave the year out rather than show twelve empty months.
    if (months.length === 0) return 'no White or ethnic minority application in the file has a date in the year';
    return fillMonths(period, months.map((m) => ({
      month: m.month,
      white: { events: m.white.appointed, population: m.white.shortlisted },
      ethnicMinority: { events: m.ethnicMinority.appointed, population: m.ethnicMinority.shortlisted },
    })));
  }
  const ratio = measure.key === 'disciplinary' ? counts?.disciplinary : counts?.training;
  if (!ratio) return MISSING_FILE[measure.key];
  // The population is the year's non-bank headcount, as for the annual indicator, the same in every month.
  const headcount = sumByGroup(ratio.overall, WRES_ETHNICITY);
  const population = { white: headcount.white.population, ethnicMinority: headcount.ethnicMinority.population };
  const people = await store.imports.monthlyFirstEvents(versionId, measure.key, period);
  return fillMonths(period, people.map((m) => ({
    month: m.month,
    white: { events: m.white, population: population.white },
    ethnicMinority: { events: m.ethnicMinority, population: population.ethnicMinority },
  })), population);
}

/**
 * The months of the latest unbroken run of years ending with `upToYear`: a year that is not loaded, or has no
 * monthly counts, ends the run, because a chart's consecutive points must be consecutive months. Every loaded year
 * up to `upToYear` is listed with whether it is in and why not.
 */
export async function monthlyCountsFor(store: Store, organisationId: number, upToYear: number, measure: MonthlyMeasure): Promise<MonthlySeriesCounts> {
  const loaded = new Set((await store.organisations.years(organisationId)).filter((y) => y <= upToYear));
  const runs: MonthlyCounts[][] = [];
  const years: MonthlyYear[] = [];
  let broken: string | null = null;
  for (const year of [...loaded].sort((a, b) => b - a)) {
    if (broken) {
      years.push({ year, included: false, reason: `${broken}, so its months would not run on to the later ones` });
      continue;
    }
    const version = await store.imports.current(organisationId, year);
    const result = version ? await yearCounts(store, version.id, year, measure) : 'no import is current';
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
