import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { WDES_TARGET_GROUP } from '../../core/targets/band-shares.ts';
import { modelEmployerTargetsFor, type ModelEmployerTargets } from '../../core/targets/model-employer.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { importFolder } from '../../services/import-service.ts';
import { wdesTargetYears } from '../../services/standards-report-service.ts';
import { createStore } from '../../store/create-store.ts';
import { runCli } from '../../../test/support/run-cli.ts';

describe('mirror targets --standard wdes', () => {
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirror-targets-wdes-'));
    for (const year of [2024, 2025]) await writeSyntheticTrust(join(dir, String(year)), { year, seed: 5, staff: 600 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('Disabled staff in the senior bands, the goal the whole workforce’s Disabled share', async () => {
    const { code, stdout, stderr } = await runCli('targets', join(dir, '2024'), join(dir, '2025'), '--standard', 'wdes', '--format', 'json');
    assert.equal(code, 0, stderr);
    const t = JSON.parse(stdout) as ModelEmployerTargets<'disabled'>;
    assert.equal(t.baselineYear, 2024);
    assert.equal(t.goal.source, 'workforce');
    assert.ok(t.goal.workforce.disabled > 0 && t.goal.workforce.disabled < t.goal.workforce.total);
    assert.equal(t.goal.pct, (100 * t.goal.workforce.disabled) / t.goal.workforce.total);
    assert.deepEqual(t.bands.map((b) => b.band), ['Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM']);
    assert.ok(t.bands.every((b) => typeof b.current.actual.disabled === 'number' && !('ethnicMinority' in b.current.actual)));
    assert.ok(t.notes.some((n) => /NHS England has published no Model Employer goal for disability/.test(n)));
  });

  test('the same figures as the web pages, which read them from the store', async () => {
    const cli = JSON.parse((await runCli('targets', join(dir, '2024'), join(dir, '2025'), '--standard', 'wdes', '--format', 'json')).stdout) as unknown;
    const store = createStore({ dialect: 'sqlite', file: join(dir, 'mirror.sqlite') });
    try {
      await store.migrate();
      for (const year of [2024, 2025]) {
        const imported = await importFolder(store, join(dir, String(year)), {
          organisation: { code: 'TGW', name: 'Targets trust' }, year, channel: 'cli', importedBy: null, key: Buffer.alloc(32, 1),
        });
        assert.ok(imported.ok);
      }
      const organisation = (await store.organisations.byCode('TGW'))!;
      const web = modelEmployerTargetsFor(WDES_TARGET_GROUP, await wdesTargetYears(store, organisation.id, [2024, 2025]));
      assert.ok(web.ok);
      assert.deepEqual(JSON.parse(JSON.stringify(web.value)), cli);
    } finally {
      await store.close();
    }
  });

  test('the table speaks of Disabled staff; a standard that is not known is refused', async () => {
    const { code, stdout, stderr } = await runCli('targets', join(dir, '2024'), join(dir, '2025'), '--standard', 'wdes', '--goal-share', '20');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Model Employer-style targets for Disabled staff, 2025 \(Mirror's reading of the method, Unverified\)/);
    assert.match(stdout, /Goal: 20\.0%, a local population share, by 2034/);
    assert.match(stdout, /more Disabled member/);
    assert.doesNotMatch(stdout, /ethnic minority staff in/);
    assert.equal((await runCli('targets', join(dir, '2024'), '--standard', 'mwres')).code, 2);
  });
});
