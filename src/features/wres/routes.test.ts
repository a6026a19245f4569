/**
 * The WRES slice's routes over a SQLite store in memory, built by the same composition root as the running service
 * (web/composition-root.ts): nothing but the services it is handed stands between a route and its store.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { SQLITE_IN_MEMORY } from '../../store/database.ts';
import { type Browser, createHarness, type Harness, signedIn } from '../../web/auth/test-harness.ts';

const PASSWORD = 'a long enough password';

describe('the WRES pages over a store in memory', () => {
  let harness: Harness;
  let viewer: Browser;
  let outsider: Browser;
  let files: string;

  before(async () => {
    harness = await createHarness({ store: 'memory' });
    files = mkdtempSync(join(tmpdir(), 'mirror-wres-memory-'));
    await writeSyntheticTrust(join(files, '2025'), { year: 2025, seed: 4, staff: 600 });
    for (const organisation of [{ code: 'MEM01', name: 'In-memory trust' }, { code: 'MEM02', name: 'Another trust' }]) {
      const imported = await importFolder(harness.store, join(files, '2025'), {
        organisation, year: 2025, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok);
    }
    const [own, other] = [(await harness.store.organisations.byCode('MEM01'))!, (await harness.store.organisations.byCode('MEM02'))!];
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[own.id, 'viewer']] });
    outsider = await signedIn(harness, { email: 'outsider@example.nhs.uk', password: PASSWORD, memberships: [[other.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(files, { recursive: true, force: true });
  });

  test('the store is in memory: no database file is written', () => {
    assert.equal(harness.services.storeConfig.dialect === 'sqlite' && harness.services.storeConfig.file, SQLITE_IN_MEMORY);
    assert.equal(existsSync(join(harness.services.dataDir, 'mirror.sqlite')), false);
    assert.equal(existsSync(SQLITE_IN_MEMORY), false, 'no file named :memory: in the working folder');
    assert.deepEqual(readdirSync(harness.services.dataDir).filter((f) => f.includes('sqlite')), []);
  });

  test('the organisations page, the dashboard, an indicator and its download answer from the store in memory', async () => {
    const start = await viewer.get('/');
    assert.equal(start.statusCode, 200);
    assert.match(start.body, /In-memory trust/);
    assert.equal((await viewer.get('/organisations/MEM01')).headers['location'], '/organisations/MEM01/2025');

    const dashboard = await viewer.get('/organisations/MEM01/2025');
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /<title>[^<]*WRES 2025: In-memory trust/);

    const indicator = await viewer.get('/organisations/MEM01/2025/indicators/2');
    assert.equal(indicator.statusCode, 200);
    assert.match(indicator.body, /Indicator 2, WRES 2025/);

    const csv = await viewer.get('/organisations/MEM01/2025/indicators/2.csv');
    assert.equal(csv.statusCode, 200);
    assert.match(csv.headers['content-type'] as string, /^text\/csv/);
    assert.match(csv.body, /^indicator,section,item,group,measure,value\n2,/);

    const views = (await harness.store.audit.list({ limit: 50, offset: 0 })).filter((e) => e.subject?.startsWith('wres/2025'));
    assert.deepEqual(views.map((e) => e.subject).sort(), ['wres/2025', 'wres/2025/indicator/2', 'wres/2025/indicator/2.csv']);
  });

  test('another organisation\'s pages and a year not imported answer 404', async () => {
    assert.equal((await outsider.get('/organisations/MEM01/2025')).statusCode, 404);
    assert.equal((await outsider.get('/organisations/MEM01/2025/indicators/2.csv')).statusCode, 404);
    assert.equal((await viewer.get('/organisations/MEM01/2024')).statusCode, 404);
  });
});
