/**
 * The regional view's kept figures in the store (store/region-figures.ts): kept under a version and a recipe, read
 * beside every organisation's current import, replaced by a keep under the same recipe, and cleared of any other
 * recipe's rows (older code, another policy), which nothing reads again.
 */
import assert from 'node:assert/strict';
import { sampleImport } from './fixtures.ts';
import { testEachDialect } from './each-dialect.ts';

testEachDialect("a version's figures are kept under their recipe; keeping under another recipe removes the old rows", async ({ store }) => {
  const version = await store.imports.create(sampleImport(2025));
  const keptOf = async (recipe: string) => (await store.regionFigures.currentOf(2025, recipe)).find((r) => r.importVersionId === version.id)?.kept ?? null;
  assert.equal(await keptOf('old code'), null);
  await store.regionFigures.keep({ importVersionId: version.id, previousVersionId: null, recipe: 'old code', figures: '[1]' });
  assert.deepEqual(await keptOf('old code'), { previousVersionId: null, figures: '[1]' });
  await store.regionFigures.keep({ importVersionId: version.id, previousVersionId: null, recipe: 'old code', figures: '[2]' });
  assert.deepEqual(await keptOf('old code'), { previousVersionId: null, figures: '[2]' });
  await store.regionFigures.keep({ importVersionId: version.id, previousVersionId: null, recipe: 'new code', figures: '[3]' });
  assert.deepEqual(await keptOf('new code'), { previousVersionId: null, figures: '[3]' });
  assert.equal(await keptOf('old code'), null);
  const rows = await store.db.selectFrom('region_figures').select('recipe').where('import_version_id', '=', version.id).execute();
  assert.deepEqual(rows.map((r) => r.recipe), ['new code']);
});
