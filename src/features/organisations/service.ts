/**
 * The organisations a person belongs to, with no HTTP: each with their role there and the years imported, and the
 * latest imported year that an organisation's address opens at. For administrators, the organisations nobody can
 * see (no active member), such as one imported from the command line before anyone signed in, and taking access
 * to one as an analyst, audited.
 */
import type { Membership, Organisation, Store } from '../../store/store.ts';

type WithStore = { readonly store: Store };

/** Each organisation the person belongs to, with their role and its imported years (latest first). */
export async function organisationsWithYears(services: WithStore, memberships: readonly Membership[]) {
  const years = await services.store.organisations.yearsOf(memberships.map((m) => m.organisation.id));
  return memberships.map((m) => {
    const own = years.get(m.organisation.id)!;
    return { ...m.organisation, role: m.role, years: own, latestYear: own[0] ?? null };
  });
}

/** The latest imported year of an organisation; null when nothing has been imported. */
export async function latestYear(services: WithStore, organisation: Organisation): Promise<number | null> {
  const years = await services.store.organisations.years(organisation.id);
  return years[0] ?? null;
}

/** An organisation with no active member, with its imported years. */
export interface UnseenOrganisation extends Organisation {
  readonly years: readonly number[];
}

/** Every organisation with no active member: real ones first (by name), then synthetic ones. */
export async function organisationsWithoutMembers(services: WithStore): Promise<{ real: UnseenOrganisation[]; synthetic: UnseenOrganisation[] }> {
  const organisations = await services.store.organisations.withoutMembers();
  const years = await services.store.organisations.yearsOf(organisations.map((o) => o.id));
  const unseen: UnseenOrganisation[] = organisations.map((organisation) => ({ ...organisation, years: years.get(organisation.id)! }));
  const byName = (a: Organisation, b: Organisation) => a.name.localeCompare(b.name);
  return { real: unseen.filter((o) => !o.synthetic).sort(byName), synthetic: unseen.filter((o) => o.synthetic).sort(byName) };
}

/**
 * An administrator takes analyst access to an organisation that has no active member, audited. Refused (null) when
 * the organisation does not exist or someone can already see it: access to an organisation others look after is
 * given on the administration pages, where it is deliberate.
 */
export async function takeAccess(services: WithStore, administratorId: number, code: string): Promise<Organisation | null> {
  const organisation = await services.store.organisations.byCode(code);
  if (!organisation || (await services.store.users.members(organisation.id)).length > 0) return null;
  await services.store.users.setMembership(administratorId, organisation.id, 'analyst');
  await services.store.audit.record({
    userId: administratorId, action: 'membership-changed', organisationId: organisation.id, subject: `user/${administratorId}`,
    details: { role: 'analyst', previous: null, via: 'organisation without members' },
  });
  return organisation;
}
