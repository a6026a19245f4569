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
 * sources), or under another rule, are never read: the first view after an upgrade works them out again. Each import
 * keeps its own figures once written (services/region-figures.ts's keepImportFigures, called by the import service);
 * whatever is still missing (an import made before the table or under other code, or whose year before was imported
 * again since) is worked out on the view and kept.
 */
import type { PublicFigure } from '../../core/publish/report.ts';
import type { StandardRegistry } from '../../core/standards/registry.ts';
import type { DisclosurePolicy } from '../../core/stats/disclosure.ts';
import { decodeFigures, encodeFigures, figuresRecipe, workOutFigures } from '../../services/region-figures.ts';
import type { CurrentImportFigures } from '../../store/region-figures-types.ts';
import type { ImportVersion, Organisation, Store } from '../../store/store.ts';

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
