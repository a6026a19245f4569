import assert from 'node:assert/strict';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import { SYNTHETIC_ORGANISATION } from '../demo/synthetic-trust.ts';
import { ensureDemoRegion, ensureDemoTrust } from './demo-loader.ts';

const KEY = Buffer.alloc(32, 4);

testEachDialect('the demonstration trust is generated and imported once per year', async ({ store }, t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mirror-demo-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  assert.deepEqual(await ensureDemoTrust(store, { dataDir, key: KEY, years: [2025, 2024] }), [2024, 2025]);
  assert.ok(existsSync(join(dataDir, 'demo', '2024', 'staff.csv')));
  assert.ok(existsSync(join(dataDir, 'demo', '2025', 'staff.csv')));

  const organisation = await store.organisations.byCode('SYN01');
  assert.deepEqual(organisation, {
    id: organisation?.id, code: 'SYN01', name: SYNTHETIC_ORGANISATION.name, region: 'Synthetic region', type: 'Acute trust', synthetic: true,
  });
  assert.deepEqual(await store.organisations.years(organisation!.id), [2025, 2024]);
  assert.equal((await store.imports.current(organisation!.id, 2025))?.channel, 'demo');

  assert.deepEqual(await ensureDemoTrust(store, { dataDir, key: KEY, years: [2024, 2025] }), [], 'nothing more to do');
  assert.equal((await store.imports.history(organisation!.id, 2025)).length, 1);
});

testEachDialect('a synthetic region is loaded on request, each organisation once, in the synthetic region', async ({ store }, t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mirror-demo-region-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  const options = { dataDir, key: KEY, years: [2025], count: 3, staffScale: 0.05 };
  assert.deepEqual(await ensureDemoRegion(store, options), ['SYN01/2025', 'SYN02/2025', 'SYN03/2025']);
  const all = await store.organisations.all();
  assert.deepEqual(all.map((o) => o.code).sort(), ['SYN01', 'SYN02', 'SYN03']);
  for (const o of all) {
    assert.equal(o.region, 'Synthetic region');
    assert.equal(o.type, 'Acute trust');
    assert.equal(o.synthetic, true);
    assert.match(o.name, /Synthetic/);
  }
  assert.ok(existsSync(join(dataDir, 'demo-region', 'SYN02', '2025', 'staff.csv')));
  assert.deepEqual(await ensureDemoRegion(store, options), [], 'nothing more to do');
});
