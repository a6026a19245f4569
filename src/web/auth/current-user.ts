/** Who is making a request, as the rest of the web app sees them. */
import type { Membership, User } from '../../store/store.ts';

export interface CurrentUser {
  readonly id: number;
  readonly email: string;
  readonly displayName: string;
  readonly administrator: boolean;
  readonly hasPassword: boolean;
  /** Every organisation the person may see, with their role there. */
  readonly memberships: readonly Membership[];
}

export function toCurrentUser(user: User, memberships: readonly Membership[]): CurrentUser {
  return {
    id: user.id,
    email: user.email,
    displayName: user.displayName,
    administrator: user.administrator,
    hasPassword: user.hasPassword,
    memberships,
  };
}

/** True when the person is an analyst for at least one organisation. */
export function isAnalystAnywhere(user: CurrentUser): boolean {
  return user.memberships.some((m) => m.role === 'analyst');
}
