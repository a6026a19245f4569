/**
 * The monthly series pages' use-case, with no HTTP: a measure's monthly counts for an organisation, from the current
 * imports of every loaded year up to the one shown (services/monthly-counts-service.ts), for any standard's measure.
 */
import type { MonthlyMeasure } from '../../core/monthly/monthly-measures.ts';
import { monthlyCountsFor, type MonthlySeriesCounts } from '../../services/monthly-counts-service.ts';
import type { Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** The measure's months of the latest unbroken run of years up to `year`, and every loaded year with whether it is in. */
export function monthlyCounts<C extends string, K extends string>(
  services: WithStore, organisationId: number, year: number, measure: MonthlyMeasure<C, K>,
): Promise<MonthlySeriesCounts<C>> {
  return monthlyCountsFor(services.store, organisationId, year, measure);
}
