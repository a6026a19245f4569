/**
 * What the authentication hooks learned about a request, kept out of sight of route code: the session token (for
 * sign-out and password changes), how the request authenticated, and the CSRF token it must present.
 */
import type { FastifyRequest } from 'fastify';
import type { Session } from '../../store/store.ts';
import type { AuthContext } from './context.ts';

export type Authentication =
  | { readonly kind: 'session'; readonly token: string; readonly session: Session }
  | { readonly kind: 'api-token'; readonly tokenId: number }
  | { readonly kind: 'none' };

export interface RequestState {
  readonly context: AuthContext;
  authentication: Authentication;
  /** The CSRF token this request must carry to change anything, or null when it cannot have one. */
  expectedCsrf: string | null;
}

const states = new WeakMap<FastifyRequest, RequestState>();

export function setRequestState(request: FastifyRequest, state: RequestState): void {
  states.set(request, state);
}

export function requestState(request: FastifyRequest): RequestState | undefined {
  return states.get(request);
}

/** The raw session token behind this request, if it came with a live session. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const authentication = states.get(request)?.authentication;
  return authentication?.kind === 'session' ? authentication.token : undefined;
}
