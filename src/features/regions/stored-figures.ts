/**
 * Each organisation's headline figures of a year from its current import, as they may leave, for the administrators'
 * regional and national view (issue 15 item 6), kept in the store (region_figures, migration 0017) so that a view
 * reads one row an organisation rather than working out and protecting two whole reports each.
 *
 * What is kept is exactly what the view would otherwise work out: for WRES and WDES, the report of the current import
 * (read through storedReport's cache entry, breakdowns suppressed), each rolled-up indicator's headline figure made
 * safe by the rule publication uses (core/publish's `publicFigure`: a figure with any count of 1 to 7 is withheld whole,
 * its counts dropped). So the table holds no count a published figure would not show.
 *
 * The row's key says what the figures are a function of: the import version (a new import is a new version, a deleted
 * one takes its rows with it), the year before's current version (which WRES indicator 3 reads: when it differs from
 * the one the figures were worked out with, they are worked out again), and the recipe, a digest of the standards'
 * indicators, the disclosure policy, FIGURES_FORMAT, Mirror's version and the running code's stamp
 * (services/code-stamp.ts: a fingerprint of the sources), so figures kept by other code (a release, any change to the
 * sources), or under another rule, are never read: the first view after an upgrade works them out again. Whatever is missing (an import made before the table, or since the last view) is
 * worked out on the view and kept: lazily backfilled, so the first view after many imports still does that work once.
 */
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { headlineFigure } from '../../core/act/headline.ts';
import { publicFigure, type PublicFigure } from '../../core/publish/report.ts';
import { ROLLUP_INDICATORS } from '../../core/regions/indicators.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { AnyStandard } from '../../core/standards/standard.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { codeStamp } from '../../services/code-stamp.ts';
import { versionReport } from '../../services/standard-reports.ts';
import type { CurrentImportFigures } from '../../store/region-figures-types.ts';
import type { ImportVersion, Organisation, Store } from '../../store/store.ts';

/** Change when what is kept changes shape or meaning, so rows kept before are worked out again. */
const FIGURES_FORMAT = 1;
const STANDARDS = ['wres', 'wdes'] as const;

/** Mirror's name and version, from the package.json three folders up (from src/features/regions/ or dist/features/regions/). */
const BUILD = (() => {
  try {
    const { name, version } = createRequire(import.meta.url)('../../../package.json') as { name: string; version: string };
    return `${name}@${version}`;
  } catch {
    return 'unknown build';
  }
})();

function standardsOf(registry: StandardRegistry): AnyStandard[] {
  return STANDARDS.flatMap((id) => {
    const standard = registry.get(id);
    return standard ? [standard] : [];
  });
}

function rolledUp(standard: AnyStandard) {
  return standard.indicators.filter((d) => ROLLUP_INDICATORS.some((i) => i.standard === standard.id && i.id === d.id));
}

/** The digest of everything the kept figures are worked out by, beside the versions read. */
export function figuresRecipe(registry: StandardRegistry, policy: DisclosurePolicy, code: string = codeStamp()): string {
  const what = standardsOf(registry).map((s) => [s.id, rolledUp(s).map((d) => [d.id, d.title, d.kind])]);
  return createHash('sha256').update(JSON.stringify([FIGURES_FORMAT, BUILD, code, what, policy])).digest('base64url');
}

/**
 * The figures as text, every number kept exactly: JSON writes -0 as 0 and an infinite interval's end as null, so
 * those are written as {"$n": "-0"} and the like.
 */
export function encodeFigures(figures: readonly PublicFigure[] | null): string {
  return JSON.stringify(figures, (_key, value: unknown) =>
    typeof value === 'number' && (!Number.isFinite(value) || Object.is(value, -0)) ? { $n: Object.is(value, -0) ? '-0' : String(value) } : value);
}

export function decodeFigures(text: string): readonly PublicFigure[] | null {
  // Without such a number (nearly always) the plain parse, several times faster than one with a reviver.
  if (!text.includes('"$n":')) return JSON.parse(text) as readonly PublicFigure[] | null;
  return JSON.parse(text, (_key, value: unknown) => {
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const keys = Object.keys(value);
      if (keys.length === 1 && keys[0] === '$n') return Number((value as { $n: string }).$n);
    }
    return value;
  }) as readonly PublicFigure[] | null;
}

/** The figures from the reports of one import (and the year before's version it reads), worked out in full; null when neither standard has counts. */
export async function workOutFigures(
  store: Store, registry: StandardRegistry, current: Pick<ImportVersion, 'id' | 'notes' | 'sources'>, previousVersionId: number | null, year: number, policy: DisclosurePolicy,
): Promise<PublicFigure[] | null> {
  const figures: PublicFigure[] = [];
  let any = false;
  for (const standard of standardsOf(registry)) {
    const report = await versionReport(store, standard, current, previousVersionId, { policy, suppressBreakdowns: true });
    if (report === null) continue;
    any = true;
    for (const d of rolledUp(standard)) {
      figures.push(publicFigure({ year, standard: standard.id, indicator: d.id, title: d.title, kind: d.kind }, headlineFigure(d, report, year), null, policy));
    }
  }
  return any ? figures : null;
}

/** The version a row names, read again only when its figures must be worked out. */
async function versionOf(store: Store, row: CurrentImportFigures, year: number): Promise<ImportVersion | null> {
  const current = await store.imports.current(row.organisation.id, year);
  if (current?.id === row.importVersionId) return current;
  return (await store.imports.history(row.organisation.id, year)).find((v) => v.id === row.importVersionId) ?? null;
}

/**
 * Every organisation with a current import of the year, with its figures (null when its import has no WRES or WDES
 * counts): kept ones read, missing or outdated ones worked out and kept. With a signal, stops between organisations
 * whose figures are worked out once it is aborted.
 */
export async function currentFiguresOfYear(
  store: Store, registry: StandardRegistry, year: number, policy: DisclosurePolicy, signal?: AbortSignal,
): Promise<{ organisation: Organisation; figures: readonly PublicFigure[] | null }[]> {
  const recipe = figuresRecipe(registry, policy);
  const out: { organisation: Organisation; figures: readonly PublicFigure[] | null }[] = [];
  for (const row of await store.regionFigures.currentOf(year, recipe)) {
    if (row.kept !== null && row.kept.previousVersionId === row.previousVersionId) {
      out.push({ organisation: row.organisation, figures: decodeFigures(row.kept.figures) });
      continue;
    }
    signal?.throwIfAborted();
    const version = await versionOf(store, row, year);
    // Deleted since the query: the organisation is shown as it would be a moment later, without that import.
    if (version === null) continue;
    const figures = await workOutFigures(store, registry, version, row.previousVersionId, year, policy);
    await store.regionFigures.keep({ importVersionId: row.importVersionId, previousVersionId: row.previousVersionId, recipe, figures: encodeFigures(figures) });
    out.push({ organisation: row.organisation, figures });
  }
  return out;
}
