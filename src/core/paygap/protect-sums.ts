/**
 * Secondary suppression for any table of cells, the same rule as the WRES breakdowns use
 * (src/core/indicators/secondary-suppression.ts), over cells rather than ratio rows: a constraint lists cells tied
 * by one sum that can be read from what is shown (for pay, an aggregated group's total pay is its people times its
 * mean, which equals the sum over its specific groups). While a constraint has exactly one withheld cell, that cell
 * could be worked out by subtraction, so the smallest other cell holding anyone is withheld too.
 *
 * Worked example: Black or Black British = Caribbean (40) + African (55) + Any other Black background (4). The 4 are
 * withheld as too few; the mean pay of the 4 would follow from the aggregated mean and the other two, so Caribbean
 * (the smaller) is withheld as well.
 */

export interface SuppressionCell {
  /** People the cell describes: the smallest is withheld first, and a cell of nobody protects nothing. */
  readonly size: number;
  /** Withheld by a primary rule (too few people). */
  readonly withheld: boolean;
}

/** The ids withheld, primary and secondary. Constraints name cell ids; ids not in `cells` are ignored. */
export function withholdForSums(
  cells: ReadonlyMap<string, SuppressionCell>,
  constraints: readonly (readonly string[])[],
): Set<string> {
  const withheld = new Set([...cells].filter(([, cell]) => cell.withheld).map(([id]) => id));
  let changed = true;
  while (changed) {
    changed = false;
    for (const constraint of constraints) {
      const members = constraint.filter((id) => cells.has(id));
      if (members.filter((id) => withheld.has(id)).length !== 1) continue;
      const candidate = members
        .filter((id) => !withheld.has(id) && (cells.get(id)?.size ?? 0) > 0)
        .sort((a, b) => (cells.get(a)?.size ?? 0) - (cells.get(b)?.size ?? 0))[0];
      if (candidate === undefined) continue;
      withheld.add(candidate);
      changed = true;
    }
  }
  return withheld;
}
