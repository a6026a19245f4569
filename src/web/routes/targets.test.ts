import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { Browser, createHarness, type Harness, signedIn } from '../auth/test-harness.ts';
import { parseGoal } from './targets.ts';

const PASSWORD = 'a long enough password';

describe('targets and trajectories page', () => {
  let harness: Harness;
  let viewer: Browser;
  let dir: string;

  before(async () => {
    harness = await createHarness();
    dir = mkdtempSync(join(tmpdir(), 'mirror-targets-route-'));
    for (const year of [2024, 2025]) {
      await writeSyntheticTrust(join(dir, String(year)), { year, seed: 6, staff: 400 });
      const imported = await importFolder(harness.store, join(dir, String(year)), {
        organisation: { code: 'TGTA', name: 'Targets test trust' }, year, channel: 'cli', importedBy: null, key: harness.services.pseudonymKey,
      });
      assert.ok(imported.ok, `${year} imports`);
    }
    const organisation = await harness.store.organisations.byCode('TGTA');
    assert.ok(organisation);
    viewer = await signedIn(harness, { email: 'viewer@example.nhs.uk', password: PASSWORD, memberships: [[organisation.id, 'viewer']] });
  });

  after(async () => {
    await harness.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('every loaded year up to the one asked for, a table per band, audited', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1>Targets and trajectories 2025<\/h1>/);
    assert.match(page.body, /the ethnic minority share of the whole workforce in 2024/);
    assert.match(page.body, /to be reached by 2034/);
    for (const band of ['Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM']) assert.match(page.body, new RegExp(`<h2>${band}</h2>`));
    assert.equal((page.body.match(/<caption class="nhsuk-table__caption" id="band-caption-\d+">/g) ?? []).length, 6);
    assert.match(page.body, /<th scope="row" class="nhsuk-table__header">2024<\/th>/);
    assert.match(page.body, /<th scope="row" class="nhsuk-table__header">2025<\/th>/);
    assert.match(page.body, /only 2 yearly points/);
    assert.match(page.body, /has not been verified/);
    assert.doesNotMatch(page.body, /BME|BAME/);
    const audit = await harness.store.audit.list({ limit: 1000, offset: 0 });
    assert.ok(audit.some((e) => e.subject === 'targets/2025' && e.action === 'view'));
  });

  test('an earlier year uses only the years up to it', async () => {
    const page = await viewer.get('/organisations/TGTA/2024/targets');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /only 1 yearly point/);
    assert.doesNotMatch(page.body, /<th scope="row" class="nhsuk-table__header">2025<\/th>/);
  });

  test('a local population share as the goal', async () => {
    const page = await viewer.get('/organisations/TGTA/2025/targets?goal=42.5');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /The goal is 42\.5%, the local population share you chose/);
    assert.match(page.body, /goal 42\.5% by 2034/);
  });

  test('a goal that is not a percentage is refused on the page', async () => {
    for (const bad of ['abc', '0', '101', '-5', '1e2']) {
      const page = await viewer.get(`/organisations/TGTA/2025/targets?goal=${encodeURIComponent(bad)}`);
      assert.equal(page.statusCode, 400, bad);
      assert.match(page.body, /There is a problem/);
      assert.match(page.body, /href="#goal"/);
    }
  });

  test('a year that is not loaded is not found', async () => {
    assert.equal((await viewer.get('/organisations/TGTA/2023/targets')).statusCode, 404);
  });

  test('parsing the goal', () => {
    assert.deepEqual(parseGoal(undefined), { ok: true, value: null });
    assert.deepEqual(parseGoal(''), { ok: true, value: null });
    assert.deepEqual(parseGoal('35%'), { ok: true, value: 35 });
    assert.deepEqual(parseGoal(' 100 '), { ok: true, value: 100 });
    assert.equal(parseGoal('100.1').ok, false);
    assert.equal(parseGoal(['1', '2']).ok, false);
  });
});
