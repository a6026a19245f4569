import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ModelEmployerTargets } from '../../core/targets/model-employer.ts';
import { writeSyntheticTrust } from '../../demo/write-synthetic-trust.ts';
import { runCli } from '../../../test/support/run-cli.ts';

const run = runCli;

describe('mirror targets', () => {
  let dir = '';
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'mirror-targets-'));
    for (const year of [2024, 2025]) await writeSyntheticTrust(join(dir, String(year)), { year, seed: 5, staff: 600 });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('two years as JSON: baseline the first, horizon ten years on, a row per senior band', async () => {
    const { code, stdout, stderr } = await run('targets', join(dir, '2025'), join(dir, '2024'), '--format', 'json');
    assert.equal(code, 0, stderr);
    const t = JSON.parse(stdout) as ModelEmployerTargets;
    assert.equal(t.baselineYear, 2024);
    assert.equal(t.horizonYear, 2034);
    assert.equal(t.currentYear, 2025);
    assert.equal(t.goal.source, 'workforce');
    assert.ok(t.goal.pct > 0 && t.goal.pct < 100);
    assert.deepEqual(t.bands.map((b) => b.band), ['Band 8a', 'Band 8b', 'Band 8c', 'Band 8d', 'Band 9', 'VSM']);
    for (const b of t.bands) {
      assert.equal(b.years.length, 2);
      assert.ok(b.headsNeededAtHorizon >= 0 && Number.isInteger(b.headsNeededAtHorizon));
      assert.ok(b.headsNeededThisYear <= b.headsNeededAtHorizon || b.current.trajectoryPct > b.goalPct);
    }
    assert.equal(t.assurance.available, false);
  });

  test('the table, with a local goal and horizon', async () => {
    const { code, stdout, stderr } = await run('targets', join(dir, '2024'), join(dir, '2025'), '--goal-share', '45', '--horizon', '2030');
    assert.equal(code, 0, stderr);
    assert.match(stdout, /Model Employer-style targets for 2025 \(Mirror's reading of the method, Unverified\)/);
    assert.match(stdout, /Goal: 45\.0%, a local population share, by 2030/);
    assert.match(stdout, /Band 8a/);
    assert.match(stdout, /only 2 yearly points/);
    assert.doesNotMatch(stdout, /BME|BAME/);
  });

  test('mistakes are refused plainly', async () => {
    assert.equal((await run('targets', join(dir, '2024'), '--goal-share', '120')).code, 2);
    assert.equal((await run('targets', join(dir, '2024'), '--horizon', '2020')).code, 2);
    const unnamed = await run('targets', dir);
    assert.equal(unnamed.code, 2);
    assert.match(unnamed.stderr, /not named after its year/);
  });
});
