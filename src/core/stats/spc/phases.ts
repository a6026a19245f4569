/** Ordering points and splitting them into phases: the grouping every other step works within. */

/**
 * Points in date order, as the package sorts them (`dplyr::arrange`, which is stable). Dates are compared as
 * strings, so they must be ISO dates (`YYYY-MM-DD`) or other strings that sort in time order. The package refuses
 * a series with a date twice; so does this (a RangeError naming the date).
 *
 * Worked example: dates `["2024-03-01", "2024-01-01", "2024-02-01"]` → the indices `[1, 2, 0]`.
 */
export function dateOrder(dates: readonly string[]): number[] {
  const order = dates.map((_, i) => i).sort((a, b) => {
    const x = dates[a] ?? '';
    const y = dates[b] ?? '';
    return x < y ? -1 : x > y ? 1 : a - b;
  });
  for (let k = 1; k < order.length; k += 1) {
    const date = dates[order[k] ?? 0];
    if (date === dates[order[k - 1] ?? 0]) throw new RangeError(`the date ${date} appears more than once`);
  }
  return order;
}

/**
 * Phase numbers from rebase marks, in date order: the running count of rebases so far (`cumsum(rebase)`), so each
 * rebase point starts a new phase. A rebase on the first point only renumbers the single phase (it starts at 1).
 *
 * Worked example: rebase `[false, false, true, false, true]` → phases `[0, 0, 1, 1, 2]`;
 * `[true, false]` → `[1, 1]`.
 */
export function phaseNumbers(rebase: readonly boolean[]): number[] {
  let phase = 0;
  return rebase.map((mark) => (phase += mark ? 1 : 0));
}

/** The package's default: phases of fewer than 13 points carry a warning (`ptd_spc.warning_threshold`). */
export const SHORT_PHASE_THRESHOLD = 13;

/**
 * Short-phase warning: true for every point of a phase with fewer than `threshold` points (missing values count as
 * points, as they are rows of the package's data). Their limits are "trial limits".
 *
 * The package's code defaults to 13 (`getOption("ptd_spc.warning_threshold", 13)`), while its documentation and
 * its warning text say 12: a phase of exactly 12 points is warned about.
 *
 * Worked example (threshold 13): phases `[0 ×12, 1 ×13]` → true for the first 12 points, false for the rest.
 */
export function shortPhaseFlags(phases: readonly number[], threshold: number = SHORT_PHASE_THRESHOLD): boolean[] {
  const sizes = new Map<number, number>();
  for (const phase of phases) sizes.set(phase, (sizes.get(phase) ?? 0) + 1);
  return phases.map((phase) => (sizes.get(phase) ?? 0) < threshold);
}
