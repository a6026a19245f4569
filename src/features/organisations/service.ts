/**
 * The organisations a person belongs to, with no HTTP: each with their role there and the years imported, and the
 * latest imported year that an organisation's address opens at.
 */
import type { Membership, Organisation, Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** Each organisation the person belongs to, with their role and its imported years (latest first). */
export function organisationsWithYears(services: WithStore, memberships: readonly Membership[]) {
  return Promise.all(
    memberships.map(async (m: Membership) => {
      const years = await services.store.organisations.years(m.organisation.id);
      return { ...m.organisation, role: m.role, years, latestYear: years[0] ?? null };
    }),
  );
}

/** The latest imported year of an organisation; null when nothing has been imported. */
export async function latestYear(services: WithStore, organisation: Organisation): Promise<number | null> {
  const years = await services.store.organisations.years(organisation.id);
  return years[0] ?? null;
}
