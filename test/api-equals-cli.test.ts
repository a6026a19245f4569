/**
 * The API returns exactly what `mirror wres --format json` prints for the same files, byte for byte, on SQLite and
 * on PostgreSQL: the same two years imported through the importer, read back through the web app with an API token.
 */
import { defaultStandards } from '../src/core/standards/index.ts';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main, type Io } from '../src/cli/main.ts';
import { writeSyntheticTrust } from '../src/demo/write-synthetic-trust.ts';
import { importFolder } from '../src/services/import-service.ts';
import { createApp } from '../src/web/app.ts';
import { hashToken, randomToken } from '../src/services/tokens.ts';
import { createRenderer } from '../src/web/render.ts';
import { testEachDialect } from './store/each-dialect.ts';

async function cliJson(folder: string, year: number, command = 'wres'): Promise<string> {
  let out = '';
  const io: Io = { out: (t) => { out += t; }, err: () => {} };
  const args = command === 'paygap' ? [command, folder, '--format', 'json'] : [command, folder, '--year', String(year), '--format', 'json'];
  assert.equal(await main(args, io), 0);
  return out;
}

testEachDialect('the API and the command line give identical WRES, WDES, medical workforce and pay gap JSON', async ({ store, config }) => {
  const root = mkdtempSync(join(tmpdir(), 'mirror-api-cli-'));
  const key = randomBytes(32);
  try {
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(root, String(year)), { year, seed: 21, staff: 700 });
      const result = await importFolder(store, join(root, String(year)), {
        organisation: { code: 'APIX', name: 'API test trust' }, year, channel: 'cli', importedBy: null, key,
      });
      assert.ok(result.ok);
    }
    const organisation = (await store.organisations.byCode('APIX'))!;
    const user = await store.users.create({ email: 'analyst@example.nhs.uk', displayName: 'Analyst', administrator: false });
    await store.users.setMembership(user.id, organisation.id, 'viewer');
    const token = randomToken();
    await store.apiTokens.create({ userId: user.id, organisationId: organisation.id, name: 'test', tokenHash: hashToken(token), expiresAt: new Date(Date.now() + 86_400_000), now: new Date() });

    const app = await createApp(
      { store, storeConfig: config, render: createRenderer(), clock: () => new Date(), pseudonymKey: key, reportingKey: randomBytes(32), mailer: null, dataDir: root, standards: defaultStandards() },
      { baseUrl: 'http://127.0.0.1:3000', showFaultDetails: false, logLevel: 'silent' },
    );
    try {
      for (const year of [2024, 2025]) {
        const response = await app.inject({ method: 'GET', url: `/api/v1/organisations/APIX/wres/${year}`, headers: { authorization: `Bearer ${token}` } });
        assert.equal(response.statusCode, 200);
        assert.equal(response.body, await cliJson(join(root, String(year)), year), `year ${year}`);
        for (const command of ['wdes', 'medical', 'paygap']) {
          const other = await app.inject({ method: 'GET', url: `/api/v1/organisations/APIX/${command}/${year}`, headers: { authorization: `Bearer ${token}` } });
          assert.equal(other.statusCode, 200, command);
          assert.equal(other.body, await cliJson(join(root, String(year)), year, command), `${command} ${year}`);
        }
      }
      const listing = await app.inject({ method: 'GET', url: '/api/v1/organisations', headers: { authorization: `Bearer ${token}` } });
      assert.deepEqual(JSON.parse(listing.body), [{ code: 'APIX', name: 'API test trust', synthetic: false, years: [2025, 2024] }]);
      const unauthenticated = await app.inject({ method: 'GET', url: '/api/v1/organisations/APIX/wres/2025' });
      assert.equal(unauthenticated.statusCode, 401);
    } finally {
      await app.close();
    }
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
