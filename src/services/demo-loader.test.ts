import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import { SYNTHETIC_ORGANISATION } from '../demo/synthetic-trust.ts';
import { ensureDemoTrust } from './demo-loader.ts';

const KEY = Buffer.alloc(32, 4);

testEachDialect('the demonstration trust is generated and imported once per year', async ({ store }) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mirror-demo-'));
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
