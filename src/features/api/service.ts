/**
 * The API's own use-cases, with no HTTP: the OpenAPI document, and the organisations a person belongs to with the
 * years imported for each (audited as an API read). Each standard's document is the standards feature's.
 */
import type { Membership, Store } from '../../store/store.ts';

export { OPENAPI_DOCUMENT } from './openapi.ts';

export interface ApiOrganisation {
  readonly code: string;
  readonly name: string;
  readonly synthetic: boolean;
  readonly years: number[];
}

/** The caller's organisations with their imported years, audited as an API read. */
export async function organisationsOf(services: { readonly store: Store }, user: { readonly id: number; readonly memberships: readonly Membership[] }): Promise<ApiOrganisation[]> {
  const organisations = await Promise.all(
    user.memberships.map(async (m) => ({
      code: m.organisation.code,
      name: m.organisation.name,
      synthetic: m.organisation.synthetic,
      years: [...(await services.store.organisations.years(m.organisation.id))],
    })),
  );
  await services.store.audit.record({ userId: user.id, action: 'api-read', subject: 'organisations' });
  return organisations;
}
