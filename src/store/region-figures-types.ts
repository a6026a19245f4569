/**
 * The regional and national view's figures of each import, kept so that the view reads one row an organisation
 * (issue 15 item 6; migration 0017). The store keeps them as text and never reads inside them: what they are, how they
 * are worked out and encoded, and the recipe that names all of that, are the view's own (features/regions).
 */
export interface RegionFiguresTables {
  region_figures: {
    import_version_id: number;
    /** What the figures were worked out by, as the view names it. */
    recipe: string;
    /** The current version of the year before when the figures were worked out, which they also read; null when none. */
    previous_version_id: number | null;
    figures: string;
  };
}

/** An organisation's current import of a year, with the year before's, and the figures kept for it under a recipe. */
export interface CurrentImportFigures {
  /** As store.ts's Organisation (not imported here, so the two files make no cycle). */
  readonly organisation: {
    readonly id: number; readonly code: string; readonly name: string; readonly region: string | null; readonly type: string | null; readonly synthetic: boolean;
  };
  readonly importVersionId: number;
  /** The current version of the year before, or null when that year has none. */
  readonly previousVersionId: number | null;
  /** The figures kept for this version and recipe, and the year before's version they were worked out with; null when none are kept. */
  readonly kept: { readonly previousVersionId: number | null; readonly figures: string } | null;
}

export interface RegionFiguresStore {
  /**
   * Every organisation with a current import of the year, in the order of `organisations.all()` (name, then id),
   * each with what is kept for that import under the recipe: one query, whatever the number of organisations.
   */
  currentOf(year: number, recipe: string): Promise<readonly CurrentImportFigures[]>;
  /** Every reporting year with a current import of any organisation, newest first. */
  years(): Promise<readonly number[]>;
  /** Keeps the figures of a version under a recipe, replacing any kept before (worked out with another year before's version). */
  keep(entry: { readonly importVersionId: number; readonly previousVersionId: number | null; readonly recipe: string; readonly figures: string }): Promise<void>;
}
