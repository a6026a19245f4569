/**
 * Whom an objective or an intervention can be assigned to: a member of the organisation, with an active account,
 * whose role is owner or analyst (a viewer cannot update anything, so assigning one would promise what the
 * application does not allow). The form sends the user's id; anything else is refused naming the field.
 */
import type { Role, Store } from '../store/store.ts';

export interface OwnerChoice {
  readonly userId: number;
  readonly displayName: string;
  readonly role: Role;
}

const ASSIGNABLE: readonly Role[] = ['owner', 'analyst'];

export async function assignableOwners(store: Store, organisationId: number): Promise<readonly OwnerChoice[]> {
  return (await store.users.members(organisationId)).filter((m) => ASSIGNABLE.includes(m.role));
}

export type OwnerCheck = { readonly ok: true; readonly userId: number | null } | { readonly ok: false; readonly problem: { readonly field: 'ownerUser'; readonly message: string } };

/** The id given (as text; empty for nobody) checked against the organisation's assignable members. */
export async function checkOwnerUser(store: Store, organisationId: number, raw: string | number | null | undefined): Promise<OwnerCheck> {
  const text = raw === null || raw === undefined ? '' : String(raw).trim();
  if (text === '') return { ok: true, userId: null };
  const id = /^[1-9]\d{0,9}$/.test(text) ? Number(text) : null;
  const choice = id === null ? undefined : (await assignableOwners(store, organisationId)).find((m) => m.userId === id);
  if (!choice) {
    return { ok: false, problem: { field: 'ownerUser', message: `Choose a member of this organisation who is an owner or an analyst to assign it to, or nobody (${text.slice(0, 40)} is not one)` } };
  }
  return { ok: true, userId: choice.userId };
}
