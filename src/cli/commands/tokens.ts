/**
 * `mirror token create` and `mirror token revoke`: API tokens for automation, made by an operator with access to the
 * store (the same DATABASE_URL or MIRROR_DATA_DIR as the server). `create` prints the token alone on standard output,
 * once, so a script can capture it, and what it is on standard error; `revoke` ends one at once. Both are audited
 * (as done by no signed-in person, from the command line).
 */
import { InvalidArgumentError, type Command } from 'commander';
import { DEFAULT_API_TOKEN_DAYS, MAX_API_TOKEN_DAYS } from '../../services/api-tokens.ts';
import type { Store } from '../../store/store.ts';
import { EXIT_OK, EXIT_USAGE, type Io } from '../output.ts';

function days(raw: string): number {
  const n = Number(raw);
  if (!/^\d+$/.test(raw.trim()) || n < 1 || n > MAX_API_TOKEN_DAYS) {
    throw new InvalidArgumentError(`A token must last a whole number of days from 1 to ${MAX_API_TOKEN_DAYS}.`);
  }
  return n;
}

function tokenId(raw: string): number {
  if (!/^[1-9][0-9]{0,9}$/.test(raw.trim())) throw new InvalidArgumentError('Give the token\'s number, for example 12.');
  return Number(raw);
}

function longDate(date: Date): string {
  return date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

async function withStore(body: (store: Store) => Promise<number>): Promise<number> {
  const { createStore, storeConfigFromEnv } = await import('../../store/create-store.ts');
  const store = createStore(storeConfigFromEnv(process.env));
  try {
    await store.migrate();
    return await body(store);
  } finally {
    await store.close();
  }
}

export function registerTokenCommands(program: Command, io: Io, setExitCode: (code: number) => void): void {
  const token = program
    .command('token')
    .description('Create or revoke API tokens, for automation (the operator needs access to the store, as the server has).');

  token
    .command('create')
    .description('Create an API token that reads one organisation\'s figures as the person may, and print it once.')
    .requiredOption('--email <email>', 'the person the token acts for')
    .requiredOption('--org <code>', 'the organisation it reads; the person must be a member of it')
    .option('--expires-in <days>', `days until it stops working, 1 to ${MAX_API_TOKEN_DAYS}`, days, DEFAULT_API_TOKEN_DAYS)
    .option('--name <name>', 'a name to tell it apart on the person\'s account page', 'Made on the command line')
    .action(async (options: { email: string; org: string; expiresIn: number; name: string }) => {
      setExitCode(await withStore(async (store) => {
        const user = await store.users.byEmail(options.email);
        if (!user) return refuse(io, `There is no account with the email address ${options.email.trim().toLowerCase()}.`);
        const organisation = await store.organisations.byCode(options.org);
        if (!organisation) return refuse(io, `There is no organisation with the code ${options.org}.`);
        const { createApiToken } = await import('../../services/api-tokens.ts');
        const created = await createApiToken(store, {
          userId: user.id, organisationId: organisation.id, name: options.name, days: options.expiresIn, now: new Date(), createdBy: null, via: 'cli',
        });
        if (!created.ok) {
          const problem = created.reason === 'not-a-member'
            ? `That person is not a member of ${organisation.code}, so a token could not read it. An administrator can give them access on the People page.`
            : created.problem;
          return refuse(io, problem);
        }
        io.out(`${created.token}\n`);
        io.err(`API token ${created.apiToken.id} "${created.apiToken.name}" for ${organisation.code}, until ${longDate(created.apiToken.expiresAt)}. ` +
          `It is shown only this once: keep it like a password. Revoke it with: npx mirror token revoke ${created.apiToken.id}\n`);
        return EXIT_OK;
      }));
    });

  token
    .command('revoke')
    .description('Revoke an API token at once, by its number (shown when it was made, and in the audit log).')
    .argument('<id>', 'the token\'s number', tokenId)
    .action(async (id: number) => {
      setExitCode(await withStore(async (store) => {
        const existing = await store.apiTokens.byId(id);
        if (!existing) return refuse(io, `There is no API token ${id}.`);
        const { revokeApiToken } = await import('../../services/api-tokens.ts');
        const revoked = await revokeApiToken(store, { id, now: new Date(), by: null, via: 'cli' });
        io.out(revoked
          ? `Revoked API token ${id} ("${revoked.name}"). It no longer works.\n`
          : `API token ${id} had already stopped working (revoked or expired); nothing changed.\n`);
        return EXIT_OK;
      }));
    });
}

function refuse(io: Io, message: string): number {
  io.err(`${message}\n`);
  return EXIT_USAGE;
}
