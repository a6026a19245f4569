import { any, eq, type MaybeNumber, type Tri } from '../missing-logic.ts';

/**
 * Spreads a rule's "a run ends here" marks back over the whole run: a point is part of a run if it or any of the
 * next `length − 1` points ends one (1 or −1). The package uses this for trends and shifts alike
 * (`ptd_part_of_seven_trend`). An unknown mark (null) leaves a point unknown unless another mark decides it.
 *
 * `part_i = any(|end_j| = 1 for j = i … i + length − 1)`, with no marks past the end of the phase.
 *
 * Worked example (length 7): ends `[0, 0, 0, 0, 0, 0, 0, 1, 0]` → part `[0, 1, 1, 1, 1, 1, 1, 1, 0]`.
 */
export function partOfRun(ends: readonly MaybeNumber[], length: number): Tri[] {
  return ends.map((_, i) => {
    const window: Tri[] = [];
    for (let j = i; j < i + length; j += 1) window.push(j < ends.length ? eq(Math.abs(ends[j] ?? Number.NaN), 1) : false);
    return any(window);
  });
}
