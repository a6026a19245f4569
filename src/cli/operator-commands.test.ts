/**
 * The operator's commands that write to the store (import, token), run in-process as a terminal would, over a real
 * SQLite store in a temporary MIRROR_DATA_DIR.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { createStore, storeConfigFromEnv } from '../store/create-store.ts';
import type { Store } from '../store/store.ts';
import { runCli } from '../../test/support/run-cli.ts';
import { sampleImport } from '../../test/store/fixtures.ts';
import { hashToken } from '../services/tokens.ts';

const saved: Record<string, string | undefined> = {};
let root = '';

/** Points the command line at a fresh data folder, and puts the environment back afterwards. */
function useDataDir(): void {
  before(() => {
    root = mkdtempSync(join(tmpdir(), 'mirror-operator-'));
    for (const name of ['MIRROR_DATA_DIR', 'DATABASE_URL', 'MIRROR_PSEUDONYM_KEY']) saved[name] = process.env[name];
    process.env['MIRROR_DATA_DIR'] = join(root, 'data');
    delete process.env['DATABASE_URL'];
    delete process.env['MIRROR_PSEUDONYM_KEY'];
  });
  after(() => {
    for (const [name, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    rmSync(root, { recursive: true, force: true });
  });
}

async function withStore<T>(body: (store: Store) => Promise<T>): Promise<T> {
  const store = createStore(storeConfigFromEnv(process.env));
  try {
    await store.migrate();
    return await body(store);
  } finally {
    await store.close();
  }
}

describe('mirror import on an organisation that already exists', () => {
  useDataDir();

  test('keeps the organisation\'s name, says so, and imports the year', async () => {
    const folder = join(root, 'files', '2025');
    await writeSyntheticTrust(folder, { year: 2025, seed: 5, staff: 200 });
    const first = await runCli('import', folder, '--org', 'RXX', '--name', 'Example NHS Trust', '--year', '2025');
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /Imported Example NHS Trust \(RXX\) for 2025: version 1/);

    const again = await runCli('import', folder, '--org', 'RXX', '--name', 'Someone Else\'s Trust', '--year', '2025');
    assert.equal(again.code, 0, again.stderr);
    assert.match(again.stderr, /RXX already exists as "Example NHS Trust": its name is kept, as an import never renames an organisation\./);
    assert.match(again.stdout, /Imported Example NHS Trust \(RXX\) for 2025: version 2/);
    assert.equal(await withStore(async (store) => (await store.organisations.byCode('RXX'))?.name), 'Example NHS Trust');

    const same = await runCli('import', folder, '--org', 'RXX', '--name', 'Example NHS Trust', '--year', '2025');
    assert.equal(same.code, 0, same.stderr);
    assert.doesNotMatch(same.stderr, /already exists/, 'nothing to say when the name matches');
  });
});

describe('mirror token', () => {
  useDataDir();
  let userId = 0;
  let rxx = 0;

  before(async () => {
    await withStore(async (store) => {
      rxx = (await store.imports.create(sampleImport(2025))).organisationId;
      await store.imports.create(sampleImport(2025, { organisation: { code: 'AAA', name: 'Another NHS Trust' } }));
      const user = await store.users.create({ email: 'robot.owner@trust.nhs.uk', displayName: 'Robin Owner', administrator: false });
      await store.users.setMembership(user.id, rxx, 'viewer');
      userId = user.id;
    });
  });

  test('create prints a working token once, for a member of the organisation, with the lifetime asked for', async () => {
    const before = Date.now();
    const created = await runCli('token', 'create', '--email', 'Robot.Owner@trust.nhs.uk', '--org', 'RXX', '--expires-in', '30', '--name', 'Nightly export');
    assert.equal(created.code, 0, created.stderr);
    const token = created.stdout.trim();
    assert.match(token, /^[A-Za-z0-9_-]{43}$/, 'standard output is the token alone, for scripts');
    assert.match(created.stderr, /API token \d+ "Nightly export" for RXX, until \d{1,2} \w+ \d{4}\. It is shown only this once/);
    await withStore(async (store) => {
      const used = await store.apiTokens.use(hashToken(token), new Date());
      assert.equal(used?.userId, userId);
      assert.equal(used?.organisationId, rxx);
      const stored = await store.apiTokens.byId(used!.tokenId);
      assert.ok(stored && Math.abs(stored.expiresAt.getTime() - (before + 30 * 86_400_000)) < 60_000);
      const audit = (await store.audit.list({ limit: 50, offset: 0 })).find((e) => e.action === 'api-token-created');
      assert.deepEqual({ userId: audit?.userId, subject: audit?.subject, via: audit?.details['via'], days: audit?.details['days'] }, { userId: null, subject: `api-token/${stored.id}`, via: 'cli', days: 30 });
    });

    const defaulted = await runCli('token', 'create', '--email', 'robot.owner@trust.nhs.uk', '--org', 'RXX');
    assert.equal(defaulted.code, 0, defaulted.stderr);
    await withStore(async (store) => {
      const used = await store.apiTokens.use(hashToken(defaulted.stdout.trim()), new Date());
      const stored = await store.apiTokens.byId(used!.tokenId);
      assert.ok(stored && Math.abs(stored.expiresAt.getTime() - (Date.now() + 90 * 86_400_000)) < 60_000, '90 days unless asked');
    });
  });

  test('create refuses an unknown person, an unknown organisation, one they are not a member of, and a bad lifetime', async () => {
    const count = () => withStore(async (store) => (await store.apiTokens.live(userId, new Date())).length);
    const before = await count();
    const cases: [string[], RegExp][] = [
      [['--email', 'nobody@trust.nhs.uk', '--org', 'RXX'], /There is no account with the email address nobody@trust\.nhs\.uk/],
      [['--email', 'robot.owner@trust.nhs.uk', '--org', 'NOPE'], /There is no organisation with the code NOPE/],
      [['--email', 'robot.owner@trust.nhs.uk', '--org', 'AAA'], /not a member of AAA/],
      [['--email', 'robot.owner@trust.nhs.uk', '--org', 'RXX', '--expires-in', '400'], /whole number of days from 1 to 365/],
      [['--email', 'robot.owner@trust.nhs.uk', '--org', 'RXX', '--expires-in', '0'], /whole number of days from 1 to 365/],
    ];
    for (const [args, message] of cases) {
      const result = await runCli('token', 'create', ...args);
      assert.equal(result.code, 2, args.join(' '));
      assert.equal(result.stdout, '', 'no token printed');
      assert.match(result.stderr, message);
    }
    assert.equal(await count(), before, 'no token made');
  });

  test('revoke ends a token at once; revoking it again, or an unknown one, says so', async () => {
    const created = await runCli('token', 'create', '--email', 'robot.owner@trust.nhs.uk', '--org', 'RXX', '--expires-in', '7');
    const token = created.stdout.trim();
    const id = Number(/API token (\d+)/.exec(created.stderr)?.[1]);
    const revoked = await runCli('token', 'revoke', String(id));
    assert.equal(revoked.code, 0, revoked.stderr);
    assert.match(revoked.stdout, new RegExp(`Revoked API token ${id}`));
    await withStore(async (store) => {
      assert.equal(await store.apiTokens.use(hashToken(token), new Date()), null);
      const audit = (await store.audit.list({ limit: 50, offset: 0 })).find((e) => e.action === 'api-token-revoked' && e.subject === `api-token/${id}`);
      assert.deepEqual(audit?.details, { user: userId, via: 'cli' });
    });
    const again = await runCli('token', 'revoke', String(id));
    assert.equal(again.code, 0);
    assert.match(again.stdout, new RegExp(`API token ${id} had already stopped working`));
    const unknown = await runCli('token', 'revoke', '99999');
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /There is no API token 99999/);
    assert.equal((await runCli('token', 'revoke', 'abc')).code, 2);
  });
});

describe('mirror reports delete-expired', () => {
  useDataDir();

  test('deletes closed reports past their retention period, and only those', async () => {
    const ids = await withStore(async (store) => {
      await store.imports.create(sampleImport(2025, { organisation: { code: 'RXX', name: 'Example NHS Trust' } }));
      const organisationId = (await store.organisations.byCode('RXX'))!.id;
      const make = (n: number, closedOn: string | null) => store.reporting.createCase({
        organisationId, receiptHash: `h${n}`, route: 'anonymous', category: 'other', directorate: null, wanted: 'heard', content: 'sealed', contact: null,
        handlerRole: 'ftsu-guardian', receivedOn: '2020-01-01',
      }).then(async (id) => {
        if (closedOn) await store.reporting.updateCase(id, { status: 'closed', closingOutcome: 'heard', closedOn });
        return id;
      });
      return { old: await make(1, '2020-02-01'), recent: await make(2, new Date().toISOString().slice(0, 10)), open: await make(3, null), organisationId };
    });
    const run = await runCli('reports', 'delete-expired');
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /Deleted 1 closed report past the retention period/);
    await withStore(async (store) => {
      assert.equal(await store.reporting.caseById(ids.organisationId, ids.old), null);
      assert.ok(await store.reporting.caseById(ids.organisationId, ids.recent));
      assert.ok(await store.reporting.caseById(ids.organisationId, ids.open));
      const audit = await store.audit.list({ limit: 10, offset: 0 });
      assert.deepEqual(audit.find((e) => e.action === 'report-cases-deleted')?.details, { deleted: 1, retentionMonths: 12 });
    });
  });
});
