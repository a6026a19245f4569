/**
 * The regional view's kept figures (stored-figures.ts, region_figures) against the full-report path they replace:
 * for a demonstration region of small organisations (so some figures are withheld), over two years (WRES indicator 3
 * reads the year before), on SQLite and PostgreSQL. The figures worked out and kept, and those read back by another
 * process, equal exactly what each organisation's whole reports give through storedReport, headlineFigure and
 * publicFigure; a new import of either year, and a deleted import, are followed.
 */
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { testEachDialect } from '../../../test/store/each-dialect.ts';
import { headlineFigure } from '../../core/act/headline.ts';
import { publicFigure, type PublicFigure } from '../../core/publish/report.ts';
import { ROLLUP_INDICATORS } from '../../core/regions/indicators.ts';
import { defaultStandards } from '../../core/standards/index.ts';
import { DEFAULT_DISCLOSURE_POLICY } from '../../core/stats/disclosure.ts';
import { computedCache } from '../../services/computed-cache.ts';
import { ensureDemoRegion } from '../../services/demo-loader.ts';
import { codeStamp } from '../../services/code-stamp.ts';
import { storedReport } from '../../services/standard-reports.ts';
import type { KyselyStore } from '../../store/kysely-store.ts';
import type { Store } from '../../store/store.ts';
import { decodeFigures, encodeFigures, figuresRecipe } from '../../services/region-figures.ts';
import { currentFiguresOfYear } from './stored-figures.ts';

const POLICY = DEFAULT_DISCLOSURE_POLICY;
const KEY = Buffer.alloc(32, 5);
const registry = defaultStandards();

/** The figures as the view worked them out before they were kept: each standard's whole report of the current import. */
async function fullReportFigures(store: Store, organisationId: number, year: number): Promise<PublicFigure[] | null> {
  const figures: PublicFigure[] = [];
  let any = false;
  for (const id of ['wres', 'wdes']) {
    const standard = registry.get(id)!;
    const report = await storedReport(store, standard, organisationId, year, { policy: POLICY, suppressBreakdowns: true });
    if (report === null) continue;
    any = true;
    for (const d of standard.indicators) {
      if (!ROLLUP_INDICATORS.some((i) => i.standard === id && i.id === d.id)) continue;
      figures.push(publicFigure({ year, standard: id, indicator: d.id, title: d.title, kind: d.kind }, headlineFigure(d, report, year), null, POLICY));
    }
  }
  return any ? figures : null;
}

async function fullReportView(store: Store, year: number) {
  const out = [];
  for (const o of await store.organisations.all()) {
    if (!(await store.imports.current(o.id, year))) continue;
    out.push({ organisation: o, figures: await fullReportFigures(store, o.id, year) });
  }
  return out;
}

async function keptRows(store: KyselyStore): Promise<{ import_version_id: number; previous_version_id: number | null }[]> {
  return store.db.selectFrom('region_figures').select(['import_version_id', 'previous_version_id']).orderBy('import_version_id').execute();
}

test('figures are encoded and decoded exactly, -0 and infinite ends included', () => {
  const figures = [{ value: -0, ci95: [0, Number.POSITIVE_INFINITY], other: Number.NEGATIVE_INFINITY, nan: Number.NaN, n: 1.1 }] as unknown as PublicFigure[];
  assert.deepStrictEqual(decodeFigures(encodeFigures(figures)), figures);
  assert.equal(decodeFigures(encodeFigures(null)), null);
  assert.notEqual(figuresRecipe(registry, POLICY), figuresRecipe(registry, { ...POLICY, minimumCellSize: POLICY.minimumCellSize + 1 }), 'another policy is another recipe');
  assert.notEqual(figuresRecipe(registry, POLICY, 'code of one release'), figuresRecipe(registry, POLICY, 'code of the next'), 'other code is another recipe');
  assert.equal(figuresRecipe(registry, POLICY), figuresRecipe(registry, POLICY, codeStamp()), 'by default the running code');
});

testEachDialect('the kept figures equal the full reports\' for a region of small organisations, and follow new and deleted imports', async ({ store, reopen }, t) => {
  const dataDir = await mkdtemp(join(tmpdir(), 'mirror-region-figures-'));
  t.after(() => rmSync(dataDir, { recursive: true, force: true }));
  await ensureDemoRegion(store, { dataDir, key: KEY, years: [2024, 2025], count: 4, staffScale: 0.05 });

  const expected = await fullReportView(store, 2025);
  assert.equal(expected.length, 4);
  const statuses = expected.flatMap((o) => o.figures ?? []).map((f) => f.status);
  assert.ok(statuses.includes('withheld') && statuses.includes('shown'), `some figures withheld, some shown: ${[...new Set(statuses)].join(', ')}`);

  // Kept by each import as it was written (the import service): a row for each of the four organisations' 2024 and
  // 2025 imports, the 2025 ones naming the 2024 import they read; a view reads them and works out no report.
  const atImport = await keptRows(store);
  assert.equal(atImport.length, 8);
  assert.equal(atImport.filter((r) => r.previous_version_id !== null).length, 4);
  const fresh = reopen();
  assert.deepStrictEqual(await currentFiguresOfYear(fresh, registry, 2025, POLICY), expected);
  assert.equal(computedCache(fresh).stats().entries, 0, 'no report was worked out for the view');

  // Without them (imports from before the table), worked out on the first view, and kept: one row per current 2025
  // import, naming the 2024 import it read.
  await store.db.deleteFrom('region_figures').execute();
  assert.deepStrictEqual(await currentFiguresOfYear(store, registry, 2025, POLICY), expected);
  const kept = await keptRows(store);
  assert.equal(kept.length, 4);
  assert.ok(kept.every((r) => r.previous_version_id !== null));

  // Another process reads them back with no report worked out.
  const other = reopen();
  assert.deepStrictEqual(await currentFiguresOfYear(other, registry, 2025, POLICY), expected);
  assert.equal(computedCache(other).stats().entries, 0, 'no report was worked out');
  assert.deepEqual(await other.regionFigures.years(), [2025, 2024]);

  // A new 2025 import of one organisation (its 2024 counts imported as 2025): worked out for the new version.
  const [first, second, third] = expected.map((o) => o.organisation);
  const copy = async (organisationId: number, from: number, to: number, source = organisationId) => {
    const version = (await store.imports.current(source, from))!;
    const standardCounts: Record<string, unknown> = {};
    for (const id of ['wres', 'wdes', 'medical', 'paygap']) {
      const counts = await store.imports.standardCountsOf(version.id, id);
      if (counts !== null) standardCounts[id] = counts;
    }
    const organisation = (await store.organisations.byId(organisationId))!;
    return store.imports.create({
      organisation: { code: organisation.code, name: organisation.name }, year: to, importedBy: null, channel: 'demo',
      sources: version.sources, notes: version.notes, records: await store.imports.records(version.id), standardCounts,
    });
  };
  await copy(first!.id, 2024, 2025);
  // And a new 2024 import of another (the third's 2024 counts), which its 2025 reports read (the two-year figures of
  // WRES indicator 3 and WDES metric 3; not the headline figures, but the figures are worked out again all the same).
  const new2024 = await copy(second!.id, 2024, 2024, third!.id);
  const afterImports = await fullReportView(other, 2025);
  assert.notDeepStrictEqual(afterImports[0]!.figures, expected[0]!.figures, 'the new import changes the figures');
  assert.deepStrictEqual(await currentFiguresOfYear(other, registry, 2025, POLICY), afterImports);
  assert.equal((await keptRows(store)).length, 5, 'a row for the new 2025 version; the 2024 one\'s replaced its row');
  const second2025 = (await store.imports.current(second!.id, 2025))!;
  assert.equal((await keptRows(store)).find((r) => r.import_version_id === second2025.id)?.previous_version_id, new2024.id, 'worked out again with the new year before');

  // Deleting an import takes its rows, and the rows of the year after that read it, with it.
  const previousOfThird = (await store.imports.current(third!.id, 2024))!;
  await store.db.deleteFrom('import_versions').where('id', '=', previousOfThird.id).execute();
  const current2025 = (await store.imports.current(first!.id, 2025))!;
  await store.db.deleteFrom('import_versions').where('id', '=', current2025.id).execute();
  const rows = await keptRows(store);
  assert.ok(!rows.some((r) => r.import_version_id === current2025.id), 'the deleted version\'s row is gone');
  assert.ok(!rows.some((r) => r.previous_version_id === previousOfThird.id), 'the row that read the deleted year before is gone');
  const third2025 = (await store.imports.current(third!.id, 2025))!;
  assert.ok(!rows.some((r) => r.import_version_id === third2025.id));
  const afterDeletes = await fullReportView(reopen(), 2025);
  assert.equal(afterDeletes.length, 3, 'the organisation whose current import was deleted has none for the year');
  assert.deepStrictEqual(await currentFiguresOfYear(reopen(), registry, 2025, POLICY), afterDeletes);
});
