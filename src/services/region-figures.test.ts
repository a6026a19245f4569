/**
 * An import keeps its regional figures as it is written (keepImportFigures, called by importFolder): its own, beside
 * the year before's current import, and the following year's current import's again, since they read this one. The
 * figures kept are those the regional view would work out.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { testEachDialect } from '../../test/store/each-dialect.ts';
import { defaultStandards } from '../core/standards/index.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../core/stats/disclosure.ts';
import { writeSyntheticTrust } from '../demo/write-synthetic-trust.ts';
import { importFolder } from './import-service.ts';
import { decodeFigures, figuresRecipe, workOutFigures } from './region-figures.ts';

const KEY = Buffer.alloc(32, 3);

testEachDialect('an import keeps its figures, and the following year\'s again, as the view would work them out', async ({ store }, t) => {
  const dir = await mkdtemp(join(tmpdir(), 'mirror-import-figures-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  const registry = defaultStandards();
  const recipe = figuresRecipe(registry, DEFAULT_DISCLOSURE_POLICY);
  const load = async (year: number, seed: number) => {
    const folder = join(dir, `${year}-${seed}`);
    await writeSyntheticTrust(folder, { year, seed, staff: 200, applications: 600 });
    const result = await importFolder(store, folder, { organisation: { code: 'RFG', name: 'Figures Trust' }, year, channel: 'cli', importedBy: null, key: KEY });
    assert.ok(result.ok);
    return result.version;
  };
  const keptOf = async (year: number) => (await store.regionFigures.currentOf(year, recipe))[0]?.kept ?? null;

  const v2025 = await load(2025, 1);
  const alone = await keptOf(2025);
  assert.equal(alone?.previousVersionId, null);
  assert.deepStrictEqual(decodeFigures(alone!.figures), await workOutFigures(store, registry, v2025, null, 2025, DEFAULT_DISCLOSURE_POLICY));

  // The year before, imported afterwards: kept, and 2025's worked out again beside it.
  const v2024 = await load(2024, 2);
  assert.equal((await keptOf(2024))?.previousVersionId, null);
  const again = await keptOf(2025);
  assert.equal(again?.previousVersionId, v2024.id);
  assert.deepStrictEqual(decodeFigures(again!.figures), await workOutFigures(store, registry, v2025, v2024.id, 2025, DEFAULT_DISCLOSURE_POLICY));
});
