import { all, and, asNumber, eq, not, type MaybeNumber, type Tri } from '../missing-logic.ts';

/**
 * Shift rule: marks (1) the points that end a run of `length` points on the same side of the mean, read from
 * `relativeToMean` (1 above, −1 below, 0 on the mean). A point exactly on the mean breaks the run and starts none.
 * Nothing is marked in the first `length − 1` points (`ptd_seven_point_one_side_mean`). Unknown sides give an
 * unknown mark unless a known point already breaks the run.
 *
 * `end_i = 1` if `r_i ≠ 0` and `r_{i−k} = r_i` for k = 1 … length − 1.
 *
 * Worked example (length 7): `shiftEnds([1, 1, 1, 1, 1, 1, 1, 1, -1])` → `[0, 0, 0, 0, 0, 0, 1, 1, 0]`;
 * six points above then one below → all 0.
 */
export function shiftEnds(relativeToMean: readonly MaybeNumber[], length: number): MaybeNumber[] {
  return relativeToMean.map((side, i) => {
    const same: Tri[] = [];
    for (let k = 1; k < length; k += 1) same.push(i - k >= 0 ? eq(side, relativeToMean[i - k] ?? null) : eq(side, 0));
    return asNumber(and(all(same), not(eq(side, 0))));
  });
}
