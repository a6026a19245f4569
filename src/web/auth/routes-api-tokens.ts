/**
 * API tokens on the account page: made for one of the person's organisations with a lifetime (7, 30, 90 or 365
 * days; 90 unless changed), listed with their organisation, dates and last use (never the token), and revoked.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  API_TOKEN_DAY_CHOICES, API_TOKEN_NAME_MAX_LENGTH, DEFAULT_API_TOKEN_DAYS, createApiToken, revokeApiToken,
} from '../../services/api-tokens.ts';
import type { CurrentUser } from './current-user.ts';
import { sendPage, type AuthContext } from './context.ts';
import { requireSignedIn } from './access.ts';
import { FormErrors, formBody, textField } from './forms.ts';

/** Renders the account page with extra context (form values, errors) and a status. */
export type AccountPage = (request: FastifyRequest, reply: FastifyReply, extra?: Record<string, unknown>, status?: number) => Promise<FastifyReply> | FastifyReply;

export interface TokenFormValues {
  readonly tokenName: string;
  readonly organisation: string;
  readonly expiresIn: string;
}

function day(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

function tokenIdParam(request: FastifyRequest): number | null {
  const id = (request.params as Record<string, unknown>)['id'];
  return typeof id === 'string' && /^[1-9][0-9]{0,9}$/.test(id) ? Number(id) : null;
}

/** What the account page shows about tokens: the person's live tokens and the form's choices. */
export async function apiTokensView(context: AuthContext, user: CurrentUser, values?: Partial<TokenFormValues>) {
  const tokens = await context.store.apiTokens.live(user.id, context.clock());
  return {
    tokens: tokens.map((t) => ({
      id: t.id,
      name: t.name,
      organisation: t.organisation ? `${t.organisation.name} (${t.organisation.code})` : 'Every organisation you can see',
      created: day(t.createdAt),
      expires: day(t.expiresAt),
      lastUsed: t.lastUsedAt ? day(t.lastUsedAt) : 'Never',
    })),
    tokenOrganisations: user.memberships.map((m) => ({ value: m.organisation.code, text: `${m.organisation.name} (${m.organisation.code})` })),
    tokenLifetimes: API_TOKEN_DAY_CHOICES.map((days) => ({ value: String(days), text: days === 365 ? '1 year (365 days)' : `${days} days` })),
    values: { tokenName: '', organisation: '', expiresIn: String(DEFAULT_API_TOKEN_DAYS), ...values },
  };
}

export function registerApiTokenRoutes(app: FastifyInstance, context: AuthContext, accountPage: AccountPage): void {
  app.post('/account/api-tokens', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const body = formBody(request.body);
    const name = textField(body, 'tokenName', { max: API_TOKEN_NAME_MAX_LENGTH + 1 });
    const code = textField(body, 'organisation', { max: 40 });
    // The radios start at 90 days, so a form without a choice means the default.
    const expiresIn = textField(body, 'expiresIn', { max: 10 }) || String(DEFAULT_API_TOKEN_DAYS);
    const membership = user.memberships.find((m) => m.organisation.code === code);
    const days = API_TOKEN_DAY_CHOICES.find((d) => String(d) === expiresIn);
    const errors = new FormErrors()
      .add('tokenName', name === '' ? 'Enter a name for the token' : name.length > API_TOKEN_NAME_MAX_LENGTH ? `Name must be ${API_TOKEN_NAME_MAX_LENGTH} characters or fewer` : null)
      .add('organisation', membership ? null : user.memberships.length === 0 ? 'You can create an API token once you can see an organisation' : 'Choose an organisation you can see')
      .add('expiresIn', days ? null : 'Choose how long the token lasts');
    if (errors.any || !membership || !days) {
      return accountPage(request, reply, { ...(await apiTokensView(context, user, { tokenName: name, organisation: code, expiresIn })), ...errors.context() }, 400);
    }

    const created = await createApiToken(context.store, {
      userId: user.id, organisationId: membership.organisation.id, name, days, now: context.clock(), createdBy: user.id, via: 'account',
    });
    if (!created.ok) return accountPage(request, reply, { ...(await apiTokensView(context, user)), ...new FormErrors().add('tokenName', created.problem).context() }, 400);
    return sendPage(context, request, reply, 'pages/account/api-token-created.njk', {
      title: 'Your new API token', token: created.token, tokenName: name,
      organisation: `${membership.organisation.name} (${membership.organisation.code})`, expires: day(created.apiToken.expiresAt),
    });
  });

  app.post('/account/api-tokens/:id/revoke', async (request, reply) => {
    const user = requireSignedIn(request, reply);
    if (!user) return reply;
    const id = tokenIdParam(request);
    const token = id === null ? null : await context.store.apiTokens.byId(id);
    // Someone else's token is answered as not found, so nobody learns which tokens exist.
    if (!token || token.userId !== user.id) return reply.callNotFound();
    await revokeApiToken(context.store, { id: token.id, now: context.clock(), by: user.id, via: 'account' });
    return reply.redirect('/account?saved=token-revoked', 303);
  });
}
