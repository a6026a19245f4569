/**
 * The start page for an administrator: organisations nobody can see (such as one imported from the command line
 * before anyone signed in) are listed, real ones first, and an administrator takes access to one, audited.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('organisations nobody can see', () => {
  let harness: Harness;
  let admin: Browser;
  let analyst: Browser;
  let files: string;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    files = mkdtempSync(join(tmpdir(), 'mirror-unseen-'));
    await writeSyntheticTrust(join(files, '2025'), { year: 2025, seed: 5, staff: 200 });
    const organisations = [
      { code: 'RXX', name: 'Imported From The Command Line Trust' },
      { code: 'SEEN', name: 'A Trust With Members' },
      { code: 'SYN07', name: 'Synthetic Peer NHS Trust', synthetic: true },
    ];
    for (const organisation of organisations) {
      const imported = await importFolder(harness.store, join(files, '2025'), { organisation, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey });
      assert.ok(imported.ok);
    }
    const seen = (await harness.store.organisations.byCode('SEEN'))!;
    analyst = await signedIn(harness, { email: 'analyst@example.nhs.uk', password: PASSWORD, memberships: [[seen.id, 'analyst']] });
    admin = await signedIn(harness, { email: 'admin@example.nhs.uk', password: PASSWORD, administrator: true });
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('an administrator with no memberships sees the organisations nobody can see, real ones apart from synthetic ones', async () => {
    const page = (await admin.get('/')).body;
    assert.match(page, /Organisations nobody can see/);
    const real = page.slice(page.indexOf('Organisations with no members'), page.indexOf('synthetic organisation with no members'));
    assert.match(real, /Imported From The Command Line Trust \(RXX\)/);
    assert.doesNotMatch(real, /SYN07|SEEN/);
    assert.match(page, /1 synthetic organisation with no members/);
    assert.match(page, /Synthetic Peer NHS Trust \(SYN07\)/);
    assert.doesNotMatch(page, /A Trust With Members/, 'an organisation with a member is not listed');
  });

  test('people who are not administrators are not shown them, and may not take access', async () => {
    const page = (await analyst.get('/')).body;
    assert.doesNotMatch(page, /nobody can see|RXX/);
    assert.equal((await analyst.post('/organisations/RXX/access')).statusCode, 403);
  });

  test('taking access makes the administrator an analyst, opens the organisation, and is audited; it is refused once someone can see it', async () => {
    assert.equal((await admin.get('/organisations/RXX/2025')).statusCode, 404, 'not a member yet');
    const taken = await admin.post('/organisations/RXX/access');
    assert.equal(taken.statusCode, 303);
    assert.equal(taken.headers['location'], '/organisations/RXX');
    assert.equal((await admin.get('/organisations/RXX/2025')).statusCode, 200);
    const rxx = (await harness.store.organisations.byCode('RXX'))!;
    const events = (await harness.store.audit.list({ limit: 100, offset: 0 })).filter((e) => e.action === 'membership-changed' && e.organisationId === rxx.id);
    assert.equal(events.length, 1);
    assert.deepEqual(events[0]!.details, { role: 'analyst', previous: null, via: 'organisation without members' });
    const page = (await admin.get('/')).body;
    assert.match(page.slice(0, page.indexOf('nobody can see') > 0 ? page.indexOf('nobody can see') : page.length), /Imported From The Command Line Trust/, 'now among their organisations');
    assert.equal((await admin.post('/organisations/SEEN/access')).statusCode, 404, 'someone can already see it: access is given on the administration pages');
    assert.equal((await admin.post('/organisations/NOPE/access')).statusCode, 404);
  });
});
