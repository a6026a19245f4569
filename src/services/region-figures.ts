/**
 * The regional and national view's figures of one import (issue 15 item 6): each rolled-up WRES and WDES indicator's
 * headline figure from the import's reports, made safe as publication makes them (core/publish's `publicFigure`), and
 * the recipe they are kept under in region_figures. The view (features/regions/stored-figures.ts) reads them for every
 * organisation; an import keeps its own as soon as it is written (`keepImportFigures`), so the view after a round of
 * imports works out nothing.
 */
import { createHash } from 'node:crypto';
import { headlineFigure } from '../core/act/headline.ts';
import { publicFigure, type PublicFigure } from '../core/publish/report.ts';
import { ROLLUP_INDICATORS } from '../core/regions/indicators.ts';
import type { StandardRegistry } from '../core/standards/registry.ts';
import type { AnyStandard } from '../core/standards/standard.ts';
import type { DisclosurePolicy } from '../core/stats/disclosure.ts';
import type { ImportVersion, Store } from '../store/store.ts';
import { BUILD, codeStamp } from './code-stamp.ts';
import { versionReport } from './standard-reports.ts';

/** Change when what is kept changes shape or meaning, so rows kept before are worked out again. */
const FIGURES_FORMAT = 1;
const STANDARDS = ['wres', 'wdes'] as const;

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

/**
 * Works out and keeps the figures of an import just written (the view's work, done once at import), under the recipe
 * of `policy`, beside the year before's current version, which the figures also read; and the following year's
 * current import's again, as they read this one.
 */
export async function keepImportFigures(
  store: Store, registry: StandardRegistry, version: Pick<ImportVersion, 'id' | 'organisationId' | 'year' | 'notes' | 'sources'>, policy: DisclosurePolicy,
): Promise<void> {
  const recipe = figuresRecipe(registry, policy);
  const keep = async (of: Pick<ImportVersion, 'id' | 'notes' | 'sources'>, year: number, previousVersionId: number | null) => {
    const figures = await workOutFigures(store, registry, of, previousVersionId, year, policy);
    await store.regionFigures.keep({ importVersionId: of.id, previousVersionId, recipe, figures: encodeFigures(figures) });
  };
  await keep(version, version.year, (await store.imports.current(version.organisationId, version.year - 1))?.id ?? null);
  const next = await store.imports.current(version.organisationId, version.year + 1);
  if (next) await keep(next, version.year + 1, version.id);
}
